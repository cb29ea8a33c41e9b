// Calendar dates as ISO text ("2025-03-30"): the one parser and formatter used by the scheme
// table, the plan file format (serialize.h), the rules and the CSV import. Pure C++17.
#pragma once
#include <string>
#include <string_view>

#include "model/plan.h"

namespace sto {

// The years a date in a plan may have: what the loader accepts (core/FILE_FORMAT.md).
inline constexpr int kMinDateYear = 1900;
inline constexpr int kMaxDateYear = 2200;

// Days in a month of a year (Gregorian); 0 for a month outside 1–12.
int days_in_month(int year, int month);

// "2025-03-30" -> Date: exactly YYYY-MM-DD, a real calendar date, year 1900 or later; false on
// anything else (`out` is then unchanged).
bool parse_iso_date(std::string_view text, Date& out);

// A date as people type it: "1-10-2024", "01-10-2024", "1/10/2024", "1.10.2024" (day first) or
// "2024-10-01", with spaces around; "" is "not set". Only real calendar dates in the years
// kMinDateYear–kMaxDateYear; false on anything else (`out` is then unchanged).
bool parse_date(std::string_view text, Date& out);

// "YYYY-MM-DD", always 10 characters: a field outside 0–9999 (year) or 0–99 (month, day) is
// written as zeros; an unset date is "0000-00-00".
std::string format_iso_date(Date date);

}  // namespace sto
