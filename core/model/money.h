// Money as exact integer euro cents, with checked arithmetic and Dutch/English formatting.
// Pure C++17: no locale, no floating point, no platform headers.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sto {

// An amount in euro cents. Arithmetic that would overflow int64 is reported, never wrapped.
struct Money {
  std::int64_t cents = 0;

  friend bool operator==(Money a, Money b) { return a.cents == b.cents; }
  friend bool operator!=(Money a, Money b) { return a.cents != b.cents; }
  friend bool operator<(Money a, Money b) { return a.cents < b.cents; }
  friend bool operator<=(Money a, Money b) { return a.cents <= b.cents; }
  friend bool operator>(Money a, Money b) { return a.cents > b.cents; }
  friend bool operator>=(Money a, Money b) { return a.cents >= b.cents; }
};

// a + b; nullopt on int64 overflow.
std::optional<Money> checked_add(Money a, Money b);
// a - b; nullopt on int64 overflow.
std::optional<Money> checked_sub(Money a, Money b);
// a × b into `out`; false on overflow. Factors within ±2^31 (the usual case) skip the
// overflow-checked multiply, which in wasm is a 128-bit library call.
inline bool multiply_into(std::int64_t a, std::int64_t b, std::int64_t& out) {
  constexpr std::uint64_t kHalf = std::uint64_t{1} << 31;
  if (static_cast<std::uint64_t>(a) + kHalf <= 2 * kHalf &&
      static_cast<std::uint64_t>(b) + kHalf <= 2 * kHalf) {
    out = a * b;  // |a × b| <= 2^62
    return true;
  }
  return !__builtin_mul_overflow(a, b, &out);
}

// The one rounding rule of STO Planner: exact integer division rounded half away from zero.
// Used wherever a product of an amount and a rate or quantity is brought back to whole cents.
std::int64_t divide_round_half_away(std::int64_t numerator, std::int64_t denominator);

// amount × numerator / denominator, rounded half away from zero to whole cents (128-bit
// intermediate). nullopt on overflow of the result or a zero denominator.
std::optional<Money> scale(Money amount, std::int64_t numerator, std::int64_t denominator);

// Sums many amounts and remembers whether any step overflowed (the total is then invalid).
class MoneySum {
 public:
  void add(Money amount);
  void add(const MoneySum& other);
  Money total() const { return total_; }
  bool overflowed() const { return overflowed_; }

 private:
  Money total_;
  bool overflowed_ = false;
};

enum class Language { nl, en };

// "€ 1.234.567,89" (nl) or "€1,234,567.89" (en); negative as "-€ 12,50" / "-€12.50".
std::string format_money(Money amount, Language language);
// A plain number with thousands grouping and `decimals` digits from a value in 1/10^decimals units:
// format_fixed(123456, 2, nl) == "1.234,56".
std::string format_fixed(std::int64_t scaled, int decimals, Language language);
// Basis points as a percentage with two decimals: 750 -> "7,50%" (nl) / "7.50%" (en).
std::string format_percent_bp(std::int64_t basis_points, Language language);
// A value in 1/10^decimals units shown with `shown` decimals (0 <= shown <= decimals), rounded half
// away from zero like scale(): format_rounded(12500, 3, 0, nl) == "13", (-1005, 2, 1) == "-10,1".
std::string format_rounded(std::int64_t scaled, int decimals, int shown, Language language);
// A value in 1/10^decimals units without needless zeros: (12500, 3) -> "12,5", (42000, 3) -> "42".
std::string format_trimmed(std::int64_t scaled, int decimals, Language language);
// part / whole in basis points (1/100 of a percent), rounded half away from zero like scale():
// ratio_bp(102899, 1000000) == 1029 (10,2899 % -> 10,29 %). nullopt when `whole` is 0 or the
// result leaves int64.
std::optional<std::int64_t> ratio_bp(std::int64_t part, std::int64_t whole);

// Parses an amount as people type it: "1.234,56", "1234.56", "€ 1 234", "-12,5", "1,234.56".
// With both '.' and ',' the last one is the decimal separator. A lone separator followed by
// exactly three digits is grouping when it is the language's grouping mark (nl '.', en ','),
// otherwise it is the decimal separator. nullopt for anything else, for more than 2 decimals
// and for values beyond ±10^13 euro.
std::optional<Money> parse_money(std::string_view text, Language language);

// Parses a decimal with up to `decimals` fraction digits into 1/10^decimals units, accepting the
// same separators as parse_money. nullopt on nonsense, too many decimals or |value| ≥ 10^15 units.
std::optional<std::int64_t> parse_fixed(std::string_view text, int decimals, Language language);

}  // namespace sto
