// Date text conversion for the plan file format.
#include "serialize.h"

namespace sto {

namespace {
bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }
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

Date date_from_text(const std::string& text) {
  if (text.empty()) return {};
  int year = 0, month = 0, day = 0;
  char tail = 0;
  if (text.size() != 10 || std::sscanf(text.c_str(), "%4d-%2d-%2d%c", &year, &month, &day, &tail) != 3 ||
      year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 ||
      day > days_in_month(year, month))
    throw FormatError("not a date (YYYY-MM-DD): \"" + text + "\"");
  return {year, month, day};
}

}  // namespace sto
