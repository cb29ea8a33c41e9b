// Date text conversion for the plan file format.
#include "format/serialize.h"

#include "model/dates.h"

namespace sto {

std::string date_to_text(const Date& date) {
  return date.is_set() ? format_iso_date(date) : "";
}

bool parse_date_text(const std::string& text, Date& date) {
  if (text.empty()) {
    date = {};
    return true;
  }
  Date parsed;
  if (!parse_iso_date(text, parsed) || parsed.year > kMaxDateYear) return false;
  date = parsed;
  return true;
}

Date date_from_text(const std::string& text) {
  Date date;
  if (!parse_date_text(text, date)) throw FormatError("not a date (YYYY-MM-DD): \"" + text + "\"");
  return date;
}

}  // namespace sto
