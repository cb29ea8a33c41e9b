// Date text conversion for the plan file format.
#include "serialize.h"

namespace sto {

namespace {
bool is_leap(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}
int days_in_month(int year, int month) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : days[month - 1];
}
}  // namespace

std::string date_to_text(const Date& date) {
  if (!date.is_set()) return "";
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", date.year, date.month, date.day);
  return text;
}

bool parse_date_text(const std::string& text, Date& date) {
  if (text.empty()) {
    date = {};
    return true;
  }
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
    if (text[i] < '0' || text[i] > '9') return false;
  const auto digits = [&text](std::size_t from, std::size_t count) {
    int value = 0;
    for (std::size_t i = from; i < from + count; ++i) value = value * 10 + (text[i] - '0');
    return value;
  };
  const int year = digits(0, 4), month = digits(5, 2), day = digits(8, 2);
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 ||
      day > days_in_month(year, month))
    return false;
  date = {year, month, day};
  return true;
}

Date date_from_text(const std::string& text) {
  Date date;
  if (!parse_date_text(text, date)) throw FormatError("not a date (YYYY-MM-DD): \"" + text + "\"");
  return date;
}

}  // namespace sto
