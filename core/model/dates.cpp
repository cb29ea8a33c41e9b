// ISO calendar dates; see dates.h.
#include "model/dates.h"

namespace sto {

int days_in_month(int year, int month) {
  static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : days[month - 1];
}

bool parse_iso_date(std::string_view text, Date& out) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  auto number = [&](std::size_t from, std::size_t count, int& value) {
    value = 0;
    for (std::size_t i = from; i < from + count; ++i) {
      if (text[i] < '0' || text[i] > '9') return false;
      value = value * 10 + (text[i] - '0');
    }
    return true;
  };
  Date d;
  if (!number(0, 4, d.year) || !number(5, 2, d.month) || !number(8, 2, d.day)) return false;
  if (d.year < kMinDateYear || d.month < 1 || d.month > 12 || d.day < 1 ||
      d.day > days_in_month(d.year, d.month))
    return false;
  out = d;
  return true;
}

bool parse_date(std::string_view text, Date& out) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (text.empty()) {
    out = Date{};
    return true;
  }
  int parts[3] = {0, 0, 0};
  int digits[3] = {0, 0, 0};
  int part = 0;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      if (digits[part] >= 4) return false;
      parts[part] = parts[part] * 10 + (c - '0');
      ++digits[part];
    } else if ((c == '-' || c == '/' || c == '.') && part < 2 && digits[part] > 0) {
      ++part;
    } else {
      return false;
    }
  }
  if (part != 2 || digits[2] == 0) return false;
  Date date;
  if (digits[0] == 4) {  // 2024-10-01
    date = Date{parts[0], parts[1], parts[2]};
  } else if (digits[2] == 4) {  // 1-10-2024
    date = Date{parts[2], parts[1], parts[0]};
  } else {
    return false;
  }
  if (date.year < kMinDateYear || date.year > kMaxDateYear || date.month < 1 || date.month > 12 ||
      date.day < 1 || date.day > days_in_month(date.year, date.month))
    return false;
  out = date;
  return true;
}

std::string format_iso_date(Date date) {
  char buffer[16];
  auto put = [&](int value, int width, char* at) {
    for (int i = width - 1; i >= 0; --i) {
      at[i] = static_cast<char>('0' + value % 10);
      value /= 10;
    }
  };
  const int year = date.year < 0 || date.year > 9999 ? 0 : date.year;
  const int month = date.month < 0 || date.month > 99 ? 0 : date.month;
  const int day = date.day < 0 || date.day > 99 ? 0 : date.day;
  put(year, 4, buffer);
  buffer[4] = '-';
  put(month, 2, buffer + 5);
  buffer[7] = '-';
  put(day, 2, buffer + 8);
  return std::string(buffer, 10);
}

}  // namespace sto
