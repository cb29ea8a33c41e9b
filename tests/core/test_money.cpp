// money.cpp: checked arithmetic, the one rounding rule, formatting and parsing.
#include <catch2/catch.hpp>
#include <cstdint>

#include "model/money.h"

using namespace sto;

TEST_CASE("format_money in Dutch and English") {
  CHECK(format_money(Money{123456789}, Language::nl) == "€ 1.234.567,89");
  CHECK(format_money(Money{123456789}, Language::en) == "€1,234,567.89");
  CHECK(format_money(Money{0}, Language::nl) == "€ 0,00");
  CHECK(format_money(Money{5}, Language::nl) == "€ 0,05");
  CHECK(format_money(Money{-1250}, Language::nl) == "-€ 12,50");
  CHECK(format_money(Money{-1250}, Language::en) == "-€12.50");
  CHECK(format_money(Money{INT64_MIN}, Language::nl) == "-€ 92.233.720.368.547.758,08");
  CHECK(format_percent_bp(750, Language::nl) == "7,50%");
  CHECK(format_percent_bp(1000, Language::en) == "10.00%");
}

TEST_CASE("numbers and percentages are rounded half away from zero, never cut") {
  CHECK(ratio_bp(102899, 1000000) == 1029);  // 10,2899 % -> 10,29 %
  CHECK(ratio_bp(102850, 1000000) == 1029);  // exactly half: away from zero
  CHECK(ratio_bp(102849, 1000000) == 1028);
  CHECK(ratio_bp(-102850, 1000000) == -1029);
  CHECK(ratio_bp(1, 3) == 3333);
  CHECK(ratio_bp(2, 3) == 6667);
  CHECK_FALSE(ratio_bp(1, 0).has_value());
  CHECK_FALSE(ratio_bp(INT64_MAX, 1).has_value());
  CHECK(format_percent_bp(*ratio_bp(102899, 1000000), Language::nl) == "10,29%");

  CHECK(format_rounded(12500, 3, 0, Language::nl) == "13");  // 12,5 hours -> 13, not 12
  CHECK(format_rounded(12499, 3, 0, Language::nl) == "12");
  CHECK(format_rounded(-12500, 3, 0, Language::nl) == "-13");
  CHECK(format_rounded(102899, 4, 2, Language::nl) == "10,29");
  CHECK(format_rounded(1234567, 3, 1, Language::en) == "1,234.6");
  CHECK(format_rounded(1005, 2, 2, Language::nl) == "10,05");

  CHECK(format_trimmed(12500, 3, Language::nl) == "12,5");
  CHECK(format_trimmed(12500, 3, Language::en) == "12.5");
  CHECK(format_trimmed(42000, 3, Language::nl) == "42");
  CHECK(format_trimmed(1234000, 3, Language::nl) == "1.234");
  CHECK(format_trimmed(-500, 3, Language::nl) == "-0,5");
  CHECK(format_trimmed(7, 0, Language::nl) == "7");
}

TEST_CASE("parse_money accepts what people type") {
  CHECK(parse_money("1.234,56", Language::nl)->cents == 123456);
  CHECK(parse_money("1234.56", Language::nl)->cents == 123456);
  CHECK(parse_money("1234.56", Language::en)->cents == 123456);
  CHECK(parse_money("€ 1 234", Language::nl)->cents == 123400);
  CHECK(parse_money("1,234.56", Language::nl)->cents == 123456);
  CHECK(parse_money("-12,5", Language::nl)->cents == -1250);
  CHECK(parse_money("1.234", Language::nl)->cents == 123400);    // grouping in Dutch
  CHECK(parse_money("12,345", Language::en)->cents == 1234500);  // grouping in English
}

TEST_CASE("parse_money rejects nonsense") {
  CHECK_FALSE(parse_money("12,3,4", Language::nl));
  CHECK_FALSE(parse_money("abc", Language::nl));
  CHECK_FALSE(parse_money("", Language::nl));
  // A lone separator before three digits that is not the language's grouping mark is a decimal
  // mark, and three decimals are too many for money.
  CHECK_FALSE(parse_money("1,234", Language::nl));
  CHECK_FALSE(parse_money("1.234", Language::en));
  CHECK_FALSE(parse_money("1.2.3", Language::nl));
  CHECK_FALSE(parse_money("0,001", Language::nl));           // more than two decimals
  CHECK_FALSE(parse_money("99999999999999", Language::nl));  // beyond 10^13 euro
  CHECK_FALSE(parse_money("--1", Language::nl));
}

TEST_CASE("checked arithmetic reports overflow") {
  CHECK_FALSE(checked_add(Money{INT64_MAX}, Money{1}));
  CHECK_FALSE(checked_sub(Money{INT64_MIN}, Money{1}));
  CHECK(checked_add(Money{1}, Money{2})->cents == 3);
  MoneySum sum;
  sum.add(Money{INT64_MAX});
  CHECK_FALSE(sum.overflowed());
  sum.add(Money{1});
  CHECK(sum.overflowed());
  CHECK_FALSE(scale(Money{INT64_MAX}, 2, 1));
  CHECK_FALSE(scale(Money{1}, 1, 0));
}

TEST_CASE("the one rounding rule: half away from zero") {
  CHECK(scale(Money{5}, 1, 2)->cents == 3);
  CHECK(scale(Money{-5}, 1, 2)->cents == -3);
  CHECK(scale(Money{4}, 1, 3)->cents == 1);
  CHECK(scale(Money{100}, 1, -2)->cents == -50);
  CHECK(divide_round_half_away(15, 10) == 2);
  CHECK(divide_round_half_away(-15, 10) == -2);
  CHECK(divide_round_half_away(14, 10) == 1);
  CHECK(divide_round_half_away(7, -2) == -4);
}
