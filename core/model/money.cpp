// Exact money arithmetic, formatting and parsing; see money.h for the contracts.
#include "model/money.h"

#include <algorithm>
#include <cstdlib>
#include <limits>

namespace sto {

// GCC/Clang extension, spelled once with __extension__ so -Wpedantic accepts it: exact products
// of two int64 values.
__extension__ typedef __int128 Int128;

std::optional<Money> checked_add(Money a, Money b) {
  std::int64_t out = 0;
  if (__builtin_add_overflow(a.cents, b.cents, &out)) return std::nullopt;
  return Money{out};
}

std::optional<Money> checked_sub(Money a, Money b) {
  std::int64_t out = 0;
  if (__builtin_sub_overflow(a.cents, b.cents, &out)) return std::nullopt;
  return Money{out};
}

std::int64_t divide_round_half_away(std::int64_t numerator, std::int64_t denominator) {
  const Int128 n = numerator, d = denominator;
  const Int128 q = n / d, r = n % d;
  const Int128 twice_r = r < 0 ? -2 * r : 2 * r;
  const Int128 abs_d = d < 0 ? -d : d;
  if (twice_r >= abs_d) return static_cast<std::int64_t>(q + (((n < 0) != (d < 0)) ? -1 : 1));
  return static_cast<std::int64_t>(q);
}

std::optional<Money> scale(Money amount, std::int64_t numerator, std::int64_t denominator) {
  if (denominator == 0) return std::nullopt;
  // Fast path when the product fits in 64 bits (128-bit division is a slow library call, above
  // all in wasm); the same rounding: half away from zero.
  std::int64_t p = 0;
  if (multiply_into(amount.cents, numerator, p) &&
      !(p == std::numeric_limits<std::int64_t>::min() && denominator == -1)) {
    std::int64_t q = p / denominator;
    const std::int64_t r = p % denominator;
    const std::uint64_t abs_r =
        r < 0 ? 0 - static_cast<std::uint64_t>(r) : static_cast<std::uint64_t>(r);
    const std::uint64_t abs_den = denominator < 0 ? 0 - static_cast<std::uint64_t>(denominator)
                                                  : static_cast<std::uint64_t>(denominator);
    if (abs_r >= abs_den - abs_r) q += ((p < 0) != (denominator < 0)) ? -1 : 1;  // 2|r| >= |d|
    return Money{q};
  }
  const Int128 product = static_cast<Int128>(amount.cents) * numerator;
  const Int128 d = denominator;
  Int128 q = product / d;
  const Int128 r = product % d;
  const Int128 twice_r = r < 0 ? -2 * r : 2 * r;
  const Int128 abs_d = d < 0 ? -d : d;
  if (twice_r >= abs_d) q += ((product < 0) != (d < 0)) ? -1 : 1;
  if (q > std::numeric_limits<std::int64_t>::max() || q < std::numeric_limits<std::int64_t>::min())
    return std::nullopt;
  return Money{static_cast<std::int64_t>(q)};
}

void MoneySum::add(Money amount) {
  if (overflowed_) return;
  if (auto sum = checked_add(total_, amount)) {
    total_ = *sum;
  } else {
    overflowed_ = true;
  }
}

void MoneySum::add(const MoneySum& other) {
  if (other.overflowed_) overflowed_ = true;
  add(other.total_);
}

std::string format_fixed(std::int64_t scaled, int decimals, Language language) {
  const char group = language == Language::nl ? '.' : ',';
  const char point = language == Language::nl ? ',' : '.';
  // Work on the magnitude as unsigned so INT64_MIN formats too.
  const bool negative = scaled < 0;
  std::uint64_t magnitude =
      negative ? 0 - static_cast<std::uint64_t>(scaled) : static_cast<std::uint64_t>(scaled);
  std::uint64_t unit = 1;
  for (int i = 0; i < decimals; ++i) unit *= 10;
  const std::uint64_t whole = magnitude / unit, fraction = magnitude % unit;

  std::string digits = std::to_string(whole);
  std::string grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += group;
    grouped += digits[i];
  }
  if (decimals > 0) {
    std::string frac = std::to_string(fraction);
    grouped += point;
    grouped += std::string(static_cast<std::size_t>(decimals) - frac.size(), '0') + frac;
  }
  return negative ? "-" + grouped : grouped;
}

std::string format_money(Money amount, Language language) {
  std::string number = format_fixed(amount.cents, 2, language);
  const bool negative = !number.empty() && number[0] == '-';
  if (negative) number.erase(0, 1);
  // Dutch writes a space between the sign and the amount; English does not.
  return std::string(negative ? "-" : "") + (language == Language::nl ? "€ " : "€") + number;
}

std::string format_percent_bp(std::int64_t basis_points, Language language) {
  return format_fixed(basis_points, 2, language) + "%";
}

std::string format_rounded(std::int64_t scaled, int decimals, int shown, Language language) {
  shown = std::clamp(shown, 0, decimals);
  std::int64_t unit = 1;
  for (int i = shown; i < decimals; ++i) unit *= 10;
  return format_fixed(divide_round_half_away(scaled, unit), shown, language);
}

std::string format_trimmed(std::int64_t scaled, int decimals, Language language) {
  std::string text = format_fixed(scaled, decimals, language);
  if (decimals <= 0) return text;
  while (text.back() == '0') text.pop_back();
  if (text.back() == (language == Language::nl ? ',' : '.')) text.pop_back();
  return text;
}

std::optional<std::int64_t> ratio_bp(std::int64_t part, std::int64_t whole) {
  if (whole == 0) return std::nullopt;
  const Int128 n = static_cast<Int128>(part) * 10000, d = whole;
  Int128 q = n / d;
  const Int128 r = n % d;
  if ((r < 0 ? -2 * r : 2 * r) >= (d < 0 ? -d : d)) q += ((n < 0) != (d < 0)) ? -1 : 1;
  if (q > std::numeric_limits<std::int64_t>::max() || q < std::numeric_limits<std::int64_t>::min())
    return std::nullopt;
  return static_cast<std::int64_t>(q);
}

namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Removes the euro sign and all kinds of spaces people type or paste between digit groups.
std::string strip_decoration(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const auto rest = text.substr(i);
    if (rest.rfind("\xE2\x82\xAC", 0) == 0) {  // €
      i += 3;
    } else if (rest.rfind("\xC2\xA0", 0) == 0) {  // no-break space
      i += 2;
    } else if (rest.rfind("\xE2\x80\xAF", 0) == 0 || rest.rfind("\xE2\x80\x89", 0) == 0) {
      i += 3;  // narrow no-break space, thin space
    } else if (text[i] == ' ' || text[i] == '\t' || text[i] == '\'') {
      ++i;
    } else {
      out += text[i++];
    }
  }
  return out;
}

}  // namespace

std::optional<std::int64_t> parse_fixed(std::string_view text, int decimals, Language language) {
  std::string s = strip_decoration(text);
  bool negative = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    negative = s[0] == '-';
    s.erase(0, 1);
  }
  if (s.empty()) return std::nullopt;

  const auto last_dot = s.rfind('.'), last_comma = s.rfind(',');
  char decimal_mark = 0;
  if (last_dot != std::string::npos && last_comma != std::string::npos) {
    decimal_mark = last_dot > last_comma ? '.' : ',';
  } else if (last_dot != std::string::npos || last_comma != std::string::npos) {
    const char mark = last_dot != std::string::npos ? '.' : ',';
    const auto first = s.find(mark), last = s.rfind(mark);
    const char grouping_mark = language == Language::nl ? '.' : ',';
    const bool three_after = s.size() - last - 1 == 3;
    if (first != last || (three_after && mark == grouping_mark)) {
      decimal_mark = 0;  // only grouping
    } else {
      decimal_mark = mark;
    }
  }
  const char grouping = decimal_mark == '.'   ? ','
                        : decimal_mark == ',' ? '.'
                                              : (s.find('.') != std::string::npos ? '.' : ',');

  std::string whole, fraction;
  bool in_fraction = false;
  std::size_t group_len = 0;
  bool seen_group = false;
  for (char c : s) {
    if (is_digit(c)) {
      (in_fraction ? fraction : whole) += c;
      ++group_len;
    } else if (!in_fraction && decimal_mark != 0 && c == decimal_mark) {
      if (whole.empty() || (seen_group && group_len != 3)) return std::nullopt;
      in_fraction = true;
    } else if (!in_fraction && c == grouping) {
      // Digit groups after the first must be exactly three digits long.
      if (whole.empty() || (seen_group && group_len != 3)) return std::nullopt;
      seen_group = true;
      group_len = 0;
    } else {
      return std::nullopt;
    }
  }
  if (whole.empty() || (seen_group && !in_fraction && group_len != 3)) return std::nullopt;
  if (in_fraction && fraction.empty()) return std::nullopt;
  if (fraction.size() > static_cast<std::size_t>(decimals)) return std::nullopt;
  while (fraction.size() < static_cast<std::size_t>(decimals)) fraction += '0';
  // Strip leading zeros so the length check below measures magnitude.
  whole.erase(0, std::min(whole.find_first_not_of('0'), whole.size()));
  if (whole.size() + fraction.size() > 15) return std::nullopt;
  std::int64_t value = 0;
  for (char c : whole + fraction) value = value * 10 + (c - '0');
  return negative ? -value : value;
}

std::optional<Money> parse_money(std::string_view text, Language language) {
  auto cents = parse_fixed(text, 2, language);
  if (!cents) return std::nullopt;
  return Money{*cents};
}

}  // namespace sto
