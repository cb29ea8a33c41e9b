// The budget engine: line costs, depreciation, maxima per allocation mode, cofinancing, settlement.
#include <algorithm>
#include <catch2/catch.hpp>

#include "model/hash.h"
#include "rules/engine.h"
#include "rules/rules.h"
#include "test_helpers.h"

using namespace sto;
using sto::test::line;
using sto::test::minimal_plan;

namespace {
const Scheme& scheme(const char* id) {
  const Scheme* s = builtin_schemes().find(id);
  REQUIRE(s != nullptr);
  return *s;
}
void add_students(Plan& p, const std::string& org, LearningPath path, const char* profile,
                  std::int64_t n) {
  StudentCount c;
  c.organisation_id = org;
  c.path = path;
  c.profile = profile;
  c.count_date = Date{2018, 10, 1};
  c.students = n;
  p.student_counts.push_back(c);
}
}  // namespace

TEST_CASE("the shipped scheme table loads with all three schemes") {
  INFO(builtin_schemes_error().en);
  REQUIRE(builtin_schemes_error().empty());
  const auto& s20 = scheme("sto-2020-2023");
  CHECK(s20.allocation == AllocationMode::per_student);
  CHECK(s20.rate_per_student[0] == Money{1589500});
  CHECK(s20.rate_per_student[2] == Money{794750});
  CHECK(s20.spend_deadline == Date{2024, 12, 31});
  CHECK(s20.cofinancing_option("")->minimum_bp == 750);
  CHECK(s20.cofinancing_option("original")->minimum_bp == 1000);
  CHECK(scheme("sto-2024").previous_grant_share_bp == 2500);
  const auto& s25 = scheme("sto-2025-2028");
  CHECK(s25.luwe_cap == Money{400000000});
  CHECK(s25.primary == PartnerRequirement::mandatory);
  CHECK(s25.spend_deadline == Date{2028, 12, 31});     // spending: the calendar years 2025–2028
  CHECK(s25.regulation_expires == Date{2029, 3, 30});  // information only
  CHECK(scheme("sto-2024").spend_deadline == Date{2024, 12, 31});
  CHECK_FALSE(s20.regulation_expires.is_set());
  CHECK(s25.cofinancing_option("")->minimum_bp == 1000);
}

TEST_CASE("scheme table parse errors are values") {
  CHECK_FALSE(parse_scheme_table("{").ok());
  CHECK_FALSE(parse_scheme_table("{\"format\":\"x\",\"version\":1,\"schemes\":[]}").ok());
  CHECK_FALSE(
      parse_scheme_table("{\"format\":\"sto-schemes\",\"version\":1,\"schemes\":[{\"id\":1}]}")
          .ok());
  CHECK(parse_scheme_table("{\"format\":\"sto-schemes\",\"version\":1,\"schemes\":[]}").ok());
}

TEST_CASE("line cost is price x quantity rounded once, half away from zero") {
  BudgetLine l = line("x", "v1", 2025, 5000, 12500);  // 12.5 h × € 50
  CHECK(line_amount(l)->cents == 62500);
  l.price = Money{333};
  l.quantity_milli = 1500;  // 3.33 × 1.5 = 4.995 -> 5.00
  CHECK(line_amount(l)->cents == 500);
  l.price = Money{-333};
  CHECK(line_amount(l)->cents == -500);
}

TEST_CASE("line cost: every fast path gives what scale() gives") {
  // Whole quantities, fractions, negatives, the 32-bit and 64-bit edges and products that only
  // fit in 128 bits: line_amount() must agree with the one rounding rule everywhere.
  const std::int64_t prices[] = {
      0, 1, 333, -333, 5000, 99999999, -99999999, INT32_MAX, std::int64_t{1} << 40, INT64_MAX / 3};
  const std::int64_t quantities[] = {0, 1, 999, 1000, 2000, 600000, 1500, 12500, -1000, -1500,
                                     // the 32-bit edge, and whole quantities on both sides of it
                                     INT32_MAX, 2147483000, 2147484000, std::int64_t{1} << 40};
  for (std::int64_t price : prices)
    for (std::int64_t quantity : quantities) {
      CAPTURE(price, quantity);
      BudgetLine l = line("x", "v1", 2025, price, quantity);
      const auto expected = scale(Money{price}, quantity, 1000);
      const auto actual = line_amount(l);
      REQUIRE(actual.has_value() == expected.has_value());
      if (expected) CHECK(actual->cents == expected->cents);
    }
}

TEST_CASE("same_text compares texts of every length, eight bytes at a time and the rest") {
  const std::string base = "abcdefghijklmnopqrstuvwxyz";
  for (std::size_t n = 0; n <= base.size(); ++n) {
    const std::string a = base.substr(0, n);
    CHECK(same_text(a, std::string(a)));
    CHECK_FALSE(same_text(a, a + "!"));  // a prefix is not the same text
    for (std::size_t k = 0; k < n; ++k) {
      std::string b = a;
      b[k] = '#';
      CAPTURE(n, k);
      CHECK_FALSE(same_text(a, b));
    }
  }
}

TEST_CASE(
    "HashSlots finds every entry through growth, keeps the first of equal ones, and "
    "compares entries whose hash halves collide") {
  std::vector<std::string> ids;
  HashSlots slots;
  const auto same_as = [&ids](const std::string& id) {
    return [&ids, &id](std::size_t i) { return ids[i] == id; };
  };
  CHECK(slots.find(hash_text("a"), same_as("a")) == HashSlots::npos);  // no slots yet

  // 1,000 ids grow the table from 16 slots; every one stays found at its index.
  for (int i = 0; i < 1000; ++i) {
    const std::string id = "id-" + std::to_string(i);
    REQUIRE(slots.find_or_add(hash_text(id), ids.size(), same_as(id)) == HashSlots::npos);
    ids.push_back(id);
  }
  for (std::size_t i = 0; i < ids.size(); ++i)
    CHECK(slots.find(hash_text(ids[i]), same_as(ids[i])) == i);
  CHECK(slots.find_or_add(hash_text("id-7"), ids.size(), same_as("id-7")) == 7);  // first kept
  CHECK(slots.find(hash_text("id-1000"), same_as("id-1000")) == HashSlots::npos);

  // Hashes with the same high half (the slot's tag and place): only the entry test tells them
  // apart, and a table that grows keeps them apart.
  HashSlots colliding;
  std::vector<std::string> names;
  const std::uint64_t tag = std::uint64_t{0xABCD} << 32;
  for (std::uint64_t i = 0; i < 40; ++i) {
    names.push_back("n" + std::to_string(i));
    const auto same = [&names, &i](std::size_t k) { return names[k] == names[i]; };
    REQUIRE(colliding.find_or_add(tag | i, i, same) == HashSlots::npos);
  }
  for (std::size_t i = 0; i < names.size(); ++i) {
    const auto same = [&names, i](std::size_t k) { return names[k] == names[i]; };
    CHECK(colliding.find(tag, same) == i);
  }
}

TEST_CASE("T1/T2: per-student maximum 2020-2023") {
  Plan p = minimal_plan();
  p.scheme_id = "sto-2020-2023";
  add_students(p, "v1", LearningPath::bb, "PIE", 600);
  add_students(p, "v2", LearningPath::kb, "BWI", 400);
  add_students(p, "v2", LearningPath::gl, "M&T", 100);
  add_students(p, "v2", LearningPath::tl, "PIE", 50);  // TL does not count
  add_students(p, "v2", LearningPath::bb, "Z&W", 70);  // not a technical profile
  add_students(p, "m1", LearningPath::bb, "PIE", 80);  // not a vmbo school
  auto m = maximum_subsidy(p, scheme("sto-2020-2023"));
  CHECK(m.known);
  CHECK(m.amount.cents == 1668975000);  // € 16.689.750,00
  CHECK(format_money(m.amount, Language::nl) == "€ 16.689.750,00");

  Plan q = minimal_plan();
  add_students(q, "v1", LearningPath::gl, "MVI", 1);
  auto m2 = maximum_subsidy(q, scheme("sto-2020-2023"));
  CHECK(m2.amount.cents == 794750);  // € 7.947,50
}

TEST_CASE("T3: 2024 maximum is 25% of the previous grant") {
  Plan p = minimal_plan();
  p.region.previous_grant = Money{373200000};
  auto m = maximum_subsidy(p, scheme("sto-2024"));
  CHECK(m.known);
  CHECK(m.amount.cents == 93300000);  // € 933.000
}

TEST_CASE("2025-2028 maximum: table amount, techniekluwe capped at 4M") {
  Plan p = minimal_plan();
  p.region.fixed_maximum = Money{480000000};
  CHECK(maximum_subsidy(p, scheme("sto-2025-2028")).amount.cents == 480000000);
  p.region.type = RegionType::techniekluwe;
  CHECK(maximum_subsidy(p, scheme("sto-2025-2028")).amount.cents == 400000000);
  p.region.fixed_maximum = Money{};
  CHECK(maximum_subsidy(p, scheme("sto-2025-2028")).amount.cents == 400000000);
}

TEST_CASE("investment depreciation: months in the year, project use, never beyond the deadline") {
  const Scheme& s = scheme("sto-2025-2028");
  Investment cnc;
  cnc.purchase_price = Money{8500000};  // € 85.000
  cnc.purchase_date = Date{2025, 9, 1};
  cnc.economic_life_months = 120;
  cnc.project_use_bp = 6000;
  CHECK(depreciation_months(cnc, 2025, s) == 4);
  CHECK(depreciation_months(cnc, 2026, s) == 12);
  CHECK(depreciation_months(cnc, 2028, s) == 12);  // the last spending year
  CHECK(depreciation_months(cnc, 2029, s) == 0);   // the regulation's expiry is no spending time
  CHECK(depreciation_months(cnc, 2030, s) == 0);
  CHECK(depreciation_months(cnc, 2024, s) == 0);
  // 85.000 × 12/120 × 60% = 5.100
  CHECK(depreciation_in_year(cnc, 2026, s)->cents == 510000);
  CHECK(depreciation_in_year(cnc, 2025, s)->cents == 170000);
  // Bought before the period: only months inside it count.
  cnc.purchase_date = Date{2024, 1, 15};
  cnc.economic_life_months = 24;
  CHECK(depreciation_months(cnc, 2024, s) == 0);
  CHECK(depreciation_months(cnc, 2025, s) == 12);
  CHECK(depreciation_months(cnc, 2026, s) == 0);

  Plan p = minimal_plan();
  BudgetLine inv = line("inv", "v1", 2026, 0, 0, FundingSource::subsidy, CostCategory::equipment);
  inv.investment = Investment{Money{8500000}, Date{2025, 9, 1}, 120, 6000};
  p.activities[0].lines.push_back(inv);
  auto e = evaluate(p, s);
  // One line, the whole schedule: 4 + 12 + 12 + 12 months of 85.000 / 120 × 60 %.
  CHECK(e.cost_of(0, 2).cents == 170000 + 3 * 510000);
  CHECK(e.depreciation_by_year[0].cents == 170000);
  CHECK(e.depreciation_by_year[1].cents == 510000);
  CHECK(e.cell(2026, CostCategory::equipment, FundingSource::subsidy).cents == 510000);
  CHECK(e.cell(2028, CostCategory::equipment, FundingSource::subsidy).cents == 510000);
}

TEST_CASE("a machine bought in 2025 costs depreciation in every year it is used") {
  const Scheme& s = scheme("sto-2025-2028");
  Plan p = minimal_plan();
  const Money before = evaluate(p, s).total.costs;
  BudgetLine machine = line("m", "v1", 2025, 0, 0, FundingSource::subsidy, CostCategory::equipment);
  machine.investment = Investment{Money{4000000}, Date{2025, 1, 1}, 60, 10000};  // € 40.000, 5 y
  p.activities[0].lines.push_back(machine);
  const Evaluation e = evaluate(p, s);
  REQUIRE(e.year_count == 4);
  for (int y = 0; y < 4; ++y) {
    CAPTURE(y);
    CHECK(e.depreciation_by_year[static_cast<std::size_t>(y)].cents == 800000);  // € 8.000
    CHECK(e.cell(2025 + y, CostCategory::equipment, FundingSource::subsidy).cents == 800000);
  }
  CHECK(e.cost_of(0, 2).cents == 3200000);
  CHECK(e.total.costs.cents == before.cents + 3200000);
  const Money* schedule = e.schedule_of(0, 2);
  REQUIRE(schedule != nullptr);
  CHECK(schedule[3].cents == 800000);
  CHECK(e.schedule_of(0, 0) == nullptr);  // not an investment
  // The same books through the checked path, and the line's own year does not matter.
  p.activities[0].lines[2].year = 2027;
  const Evaluation checked = evaluate(p, s, Booking::checked);
  CHECK(checked.total.costs == e.total.costs);
  CHECK(checked.investment_years == e.investment_years);
  CHECK(checked.depreciation_by_year == e.depreciation_by_year);
}

TEST_CASE("depreciation: each year rounded once on the running total, the years add up") {
  const Scheme& s = scheme("sto-2025-2028");
  // € 1.000,01 over 7 years at 33,33 %: no year is a whole number of cents.
  Investment odd{Money{100001}, Date{2025, 5, 1}, 84, 3333};
  std::int64_t sum = 0;
  for (int year = 2024; year <= 2030; ++year) sum += depreciation_in_year(odd, year, s)->cents;
  CHECK(depreciation_months_in_period(odd, s) == 8 + 12 + 12 + 12);
  // 100001 × 44 / 84 × 0,3333, rounded once: 17458,75 → 17459.
  CHECK(depreciation_in_period(odd, s)->cents == 17459);
  CHECK(sum == 17459);
  // Rounded on the running total: 3174,32 → 3174; then 7935,79 → 7936, less 3174.
  CHECK(depreciation_in_year(odd, 2025, s)->cents == 3174);
  CHECK(depreciation_in_year(odd, 2026, s)->cents == 4762);
  CHECK(depreciation_in_year(odd, 2027, s)->cents == 12697 - 7936);
  CHECK(depreciation_in_year(odd, 2028, s)->cents == 17459 - 12697);
  // The engine's schedule (one pass over the running totals) gives the same years.
  Plan p = minimal_plan();
  BudgetLine line = p.activities[0].lines[0];
  line.investment = odd;
  p.activities[0].lines.push_back(line);
  for (const Booking booking : {Booking::fastest, Booking::checked}) {
    const Evaluation e = evaluate(p, s, booking);
    const Money* schedule = e.schedule_of(0, 2);
    REQUIRE(schedule != nullptr);
    for (int y = 0; y < e.year_count; ++y)
      CHECK(schedule[y] == *depreciation_in_year(odd, e.first_year + y, s));
  }
  CHECK(depreciation_in_year(odd, 2029, s)->cents == 0);
}

TEST_CASE("totals by year, category, organisation, activity and source") {
  Plan p = minimal_plan();
  p.activities[0].lines.push_back(
      line("l3", "v2", 2027, 10000, 3000, FundingSource::own, CostCategory::materials));
  p.activities[0].lines.push_back(
      line("l4", "b1", 2026, 100000, 1000, FundingSource::cofinancing_cash));
  auto e = evaluate(p, scheme("sto-2025-2028"));
  CHECK(e.year_count == 4);  // 2025..2028: the spending years, no 2029 column
  CHECK(e.total.costs.cents == 500000 + 100000 + 30000 + 100000);
  CHECK(e.total.subsidy.cents == 500000);
  CHECK(e.total.cofinancing.cents == 200000);
  CHECK(e.total.cofinancing_cash.cents == 100000);
  CHECK(e.total.cofinancing_in_kind.cents == 100000);
  CHECK(e.total.own.cents == 30000);
  CHECK(e.by_year[0].costs.cents == 600000);
  CHECK(e.by_year[1].costs.cents == 100000);
  CHECK(e.by_year[2].own.cents == 30000);
  CHECK(e.by_category[static_cast<int>(CostCategory::materials)].costs.cents == 30000);
  CHECK(e.by_organisation[3].cofinancing.cents == 200000);  // b1
  CHECK(e.by_activity[0].costs.cents == 730000);
  CHECK(e.cell(2025, CostCategory::internal_staff, FundingSource::subsidy).cents == 500000);
}

TEST_CASE("lines outside the period do not count") {
  Plan p = minimal_plan();
  p.activities[0].lines.push_back(line("late", "v1", 2031, 5000, 1000));
  auto e = evaluate(p, scheme("sto-2025-2028"));
  CHECK(e.total.costs.cents == 600000);
  CHECK(e.outside_period.costs.cents == 5000);
}

TEST_CASE("T5: cofinancing 10% of total costs over the whole period") {
  Plan p = minimal_plan();
  p.region.fixed_maximum = Money{200000000};
  // € 1.000.000 eligible costs: € 900.001 subsidy + € 99.999 cofinancing.
  p.activities[0].lines = {line("s", "v1", 2025, 90000100, 1000),
                           line("c", "b1", 2026, 9999900, 1000, FundingSource::cofinancing_cash)};
  auto a = analyse(p);
  CHECK(a.evaluation.cofinancing.base_amount.cents == 100000000);
  CHECK(a.evaluation.cofinancing.required.cents == 10000000);
  CHECK(a.evaluation.cofinancing.actual.cents == 9999900);
  // 9,9999 % rounds half away from zero to 10,00 %; the check is exact and says it is a miss.
  CHECK(a.evaluation.cofinancing.percent_bp == 1000);
  CHECK_FALSE(a.evaluation.cofinancing.met);
  CHECK(a.evaluation.cofinancing.shortfall.cents == 100);
  CHECK(cofinancing_percent_text(a.evaluation.cofinancing, Language::nl) == "< 10,00%");
  REQUIRE(a.findings.size() == 1);
  CHECK(a.findings[0].code == "COFIN_BELOW_MINIMUM");
  CHECK(a.findings[0].message.nl.find("(< 10,00%)") != std::string::npos);
  // Settlement: 900.001,00 × 99.999 / 100.000 = 899.991,99999 -> € 899.992,00 (rounded half away)
  CHECK(a.evaluation.settlement.allowed.cents == 89999200);
  CHECK(a.evaluation.settlement.cofinancing_cut.cents == 900);

  p.activities[0].lines = {line("s", "v1", 2025, 90000000, 1000),
                           line("c", "b1", 2026, 10000000, 1000, FundingSource::cofinancing_cash)};
  a = analyse(p);
  CHECK(a.evaluation.cofinancing.met);
  CHECK(a.evaluation.cofinancing.percent_bp == 1000);
  CHECK(cofinancing_percent_text(a.evaluation.cofinancing, Language::nl) == "10,00%");
  CHECK(a.findings.empty());
  CHECK(a.evaluation.settlement.allowed.cents == 90000000);

  // 10,2899 % is shown rounded, 10,29 %, not cut to 10,28 %.
  p.activities[0].lines = {line("s", "v1", 2025, 89710100, 1000),
                           line("c", "b1", 2026, 10289900, 1000, FundingSource::cofinancing_cash)};
  a = analyse(p);
  CHECK(a.evaluation.cofinancing.percent_bp == 1029);
  CHECK(cofinancing_percent_text(a.evaluation.cofinancing, Language::en) == "10.29%");
}

TEST_CASE("business cofinancing exactly at the minimum passes, one cent below does not") {
  Plan p = minimal_plan();
  p.region.fixed_maximum = Money{200000000};
  // € 1.000.000,00 eligible costs; 10% = € 100.000,00 must come from businesses.
  p.activities[0].lines = {line("s", "v1", 2025, 90000000, 1000),
                           line("c", "b1", 2026, 10000000, 1000, FundingSource::cofinancing_cash)};
  auto a = analyse(p);
  CHECK(a.evaluation.cofinancing.business.cents == 10000000);
  CHECK(a.evaluation.cofinancing.other.cents == 0);
  CHECK(a.evaluation.cofinancing.met);
  CHECK(a.findings.empty());
  // One cent moves from business cofinancing to subsidy: the base stays € 1.000.000,00.
  p.activities[0].lines[0].price = Money{90000001};
  p.activities[0].lines[1].price = Money{9999999};
  a = analyse(p);
  CHECK(a.evaluation.cofinancing.base_amount.cents == 100000000);
  CHECK(a.evaluation.cofinancing.required.cents == 10000000);
  CHECK(a.evaluation.cofinancing.actual.cents == 9999999);
  CHECK_FALSE(a.evaluation.cofinancing.met);
  CHECK(a.evaluation.cofinancing.shortfall.cents == 1);
  REQUIRE(a.findings.size() == 1);
  CHECK(a.findings[0].code == "COFIN_BELOW_MINIMUM");
}

TEST_CASE("a municipality paying all cofinancing does not meet the minimum") {
  Plan p = minimal_plan();
  p.region.fixed_maximum = Money{200000000};
  p.organisations.push_back(test::org("g1", OrganisationKind::municipality));
  p.activities[0].lines = {line("s", "v1", 2025, 90000000, 1000),
                           line("c", "g1", 2026, 10000000, 1000, FundingSource::cofinancing_cash)};
  auto a = analyse(p);
  const CofinancingCheck& c = a.evaluation.cofinancing;
  CHECK(c.business.cents == 0);
  CHECK(c.other.cents == 10000000);
  CHECK(c.actual.cents == 0);
  CHECK(c.base_amount.cents == 100000000);  // other cofinancing is still a project cost
  CHECK(a.evaluation.total.cofinancing.cents == 10000000);
  CHECK_FALSE(c.met);
  CHECK(c.shortfall.cents == 10000000);
  std::vector<std::string> codes;
  for (const Finding& f : a.findings) codes.push_back(f.code);
  CHECK(codes == std::vector<std::string>{"COFIN_BELOW_MINIMUM", "COFIN_NOT_FROM_BUSINESS"});
  CHECK(a.findings[0].message.nl.find("Andere cofinanciering (€ 100.000,00") != std::string::npos);
  // The settlement estimate: no business cofinancing at all lowers the estimate to nothing.
  CHECK(a.evaluation.settlement.allowed.cents == 0);

  SECTION("set to count as a business, the same plan passes") {
    p.organisations.back().counts_as_business = BusinessStatus::yes;
    a = analyse(p);
    CHECK(a.evaluation.cofinancing.business.cents == 10000000);
    CHECK(a.evaluation.cofinancing.met);
    CHECK(a.findings.empty());
  }
  SECTION("a business set not to count is treated like the municipality") {
    p.activities[0].lines[1].organisation_id = "b1";
    p.organisations[3].counts_as_business = BusinessStatus::no;
    a = analyse(p);
    CHECK(a.evaluation.cofinancing.other.cents == 10000000);
    CHECK_FALSE(a.evaluation.cofinancing.met);
  }
  SECTION("split: business and other are shown separately and only business counts") {
    p.activities[0].lines.push_back(
        line("c2", "b1", 2026, 6000000, 1000, FundingSource::cofinancing_in_kind));
    a = analyse(p);
    CHECK(a.evaluation.cofinancing.business.cents == 6000000);
    CHECK(a.evaluation.cofinancing.other.cents == 10000000);
    CHECK(a.evaluation.cofinancing.required.cents == 10600000);
    CHECK_FALSE(a.evaluation.cofinancing.met);
  }
}

TEST_CASE("a line in the last spending year counts, the year after is outside the period") {
  struct YearCase {
    const char* scheme;
    int last;
  };
  for (const YearCase yc : {YearCase{"sto-2025-2028", 2028}, YearCase{"sto-2020-2023", 2024},
                            YearCase{"sto-2024", 2024}}) {
    INFO(yc.scheme);
    const Scheme& s = scheme(yc.scheme);
    Plan p = minimal_plan();
    p.scheme_id = yc.scheme;
    p.activities[0].lines = {
        line("s", "v1", s.first_year(), 90000, 1000),
        line("c", "b1", s.first_year(), 10000, 1000, FundingSource::cofinancing_cash),
        line("last", "v1", yc.last, 5000, 1000)};
    auto e = evaluate(p, s);
    CHECK(e.first_year + e.year_count - 1 == yc.last);
    CHECK(e.outside_period.costs.cents == 0);
    CHECK(e.total.costs.cents == 105000);
    bool outside = false;
    for (const Finding& f : analyse(p).findings) outside |= f.code == "LINE_OUTSIDE_PERIOD";
    CHECK_FALSE(outside);

    p.activities[0].lines[2].year = yc.last + 1;
    e = evaluate(p, s);
    CHECK(e.outside_period.costs.cents == 5000);
    CHECK(e.total.costs.cents == 100000);
    const auto findings = analyse(p).findings;
    const auto f = std::find_if(findings.begin(), findings.end(),
                                [](const Finding& x) { return x.code == "LINE_OUTSIDE_PERIOD"; });
    REQUIRE(f != findings.end());
    CHECK(f->severity == Severity::error);
    CHECK(f->path == "activities[0].lines[2].year");
  }
}

TEST_CASE("cofinancing base can be the subsidy where the scheme offers it (2020-2023)") {
  Plan p = minimal_plan();
  p.scheme_id = "sto-2020-2023";
  p.cofinancing_base = CofinancingBase::subsidy;
  p.cofinancing_option = "original";  // 10%
  p.activities[0].lines = {line("s", "v1", 2020, 90000000, 1000),
                           line("c", "b1", 2021, 8999999, 1000, FundingSource::cofinancing_cash)};
  auto e = evaluate(p, scheme("sto-2020-2023"));
  CHECK(e.cofinancing.base == CofinancingBase::subsidy);
  CHECK(e.cofinancing.required.cents == 9000000);
  CHECK_FALSE(e.cofinancing.met);
  p.activities[0].lines[1].price = Money{9000000};
  CHECK(evaluate(p, scheme("sto-2020-2023")).cofinancing.met);
  // 2025-2028 offers no such base (no source names it): the scheme's total costs are used.
  p.scheme_id = "sto-2025-2028";
  for (BudgetLine& l : p.activities[0].lines) l.year += 5;
  CHECK(evaluate(p, scheme("sto-2025-2028")).cofinancing.base == CofinancingBase::total_costs);
}

TEST_CASE("settlement cuts subsidy above the maximum") {
  Plan p = minimal_plan();
  p.region.fixed_maximum = Money{400000};  // € 4.000 while € 5.000 is asked
  auto e = evaluate(p, scheme("sto-2025-2028"));
  CHECK(e.settlement.requested.cents == 500000);
  CHECK(e.settlement.maximum_cut.cents == 100000);
  CHECK(e.settlement.allowed.cents == 400000);
}

TEST_CASE("money overflow is flagged, never wrapped") {
  Plan p = minimal_plan();
  p.activities[0].lines.push_back(line("big", "v1", 2026, INT64_MAX / 2, 1000));
  p.activities[0].lines.push_back(line("big2", "v1", 2026, INT64_MAX / 2, 1000));
  p.activities[0].lines.push_back(line("big3", "v1", 2026, INT64_MAX / 2, 1000));
  auto a = analyse(p);
  CHECK(a.evaluation.overflow);
  CHECK(a.evaluation.overflow_path == "activities[0].lines[3]");
  REQUIRE_FALSE(a.findings.empty());
  CHECK(a.findings[0].code == "MONEY_OVERFLOW");
  CHECK(a.findings[0].severity == Severity::error);

  Plan q = minimal_plan();
  q.activities[0].lines[0].price = Money{INT64_MAX};
  q.activities[0].lines[0].quantity_milli = 2000;
  auto b = analyse(q);
  CHECK(b.evaluation.overflow);
  CHECK(b.findings[0].code == "MONEY_OVERFLOW");
}

TEST_CASE("10,000 lines evaluate without per-line trouble") {
  Plan p = minimal_plan();
  auto& lines = p.activities[0].lines;
  for (int i = 0; i < 10000; ++i)
    lines.push_back(line("n" + std::to_string(i), i % 2 ? "v1" : "b1", 2025 + i % 4, 5000, 1000 + i,
                         i % 2 ? FundingSource::subsidy : FundingSource::cofinancing_in_kind));
  auto e = evaluate(p, scheme("sto-2025-2028"));
  CHECK_FALSE(e.overflow);
  REQUIRE(e.line_cost.size() == 10002);
  // The figures, summed here line by line from the plan in the plainest way.
  std::int64_t costs = 0, subsidy = 0, in_kind = 0, v1 = 0;
  std::vector<std::int64_t> by_year(static_cast<std::size_t>(e.year_count), 0);
  for (std::size_t l = 0; l < lines.size(); ++l) {
    const BudgetLine& x = lines[l];
    const std::int64_t cost = x.price.cents * x.quantity_milli / 1000;  // whole cents here
    CHECK(e.cost_of(0, l).cents == cost);
    costs += cost;
    (x.funding == FundingSource::subsidy ? subsidy : in_kind) += cost;
    if (x.organisation_id == "v1") v1 += cost;
    by_year[static_cast<std::size_t>(e.year_index(x.year))] += cost;
  }
  CHECK(e.total.costs.cents == costs);
  CHECK(e.total.subsidy.cents == subsidy);
  CHECK(e.total.cofinancing_in_kind.cents == in_kind);
  CHECK(e.by_organisation[0].costs.cents == v1);
  CHECK(e.by_activity[0].costs.cents == costs);
  for (std::size_t y = 0; y < by_year.size(); ++y) CHECK(e.by_year[y].costs.cents == by_year[y]);
}

// Two ways to book: the fast path (unchecked adds, used when no sum can overflow) and the checked
// path must give the same evaluation of the same plan, figure for figure.
TEST_CASE("the fast and the checked booking give the same figures") {
  Plan p = minimal_plan();
  p.activities.push_back(p.activities[0]);
  p.activities[1].id = "a2";
  auto& lines = p.activities[1].lines;
  for (int i = 0; i < 2000; ++i) {
    BudgetLine l = line("m" + std::to_string(i), i % 3 ? "v1" : (i % 2 ? "b1" : "nergens"),
                        2024 + i % 7, 1234 + i, 500 * (1 + i % 9),
                        static_cast<FundingSource>(i % 4), static_cast<CostCategory>(i % 9));
    if (i % 50 == 0)
      l.investment = Investment{Money{100000 + i}, Date{2025, 1 + i % 12, 1}, 60, 7500};
    lines.push_back(l);
  }
  const Scheme& s = scheme("sto-2025-2028");
  const Evaluation fast = evaluate(p, s, Booking::fastest);
  const Evaluation checked = evaluate(p, s, Booking::checked);
  const auto same = [](const Totals& a, const Totals& b) {
    return a.costs == b.costs && a.subsidy == b.subsidy && a.cofinancing == b.cofinancing &&
           a.cofinancing_cash == b.cofinancing_cash &&
           a.cofinancing_in_kind == b.cofinancing_in_kind && a.own == b.own;
  };
  CHECK_FALSE(fast.overflow);
  CHECK_FALSE(checked.overflow);
  CHECK(fast.total.costs.cents > 0);
  CHECK(fast.outside_period.costs.cents > 0);  // 2024 and 2030: both paths must leave them out
  CHECK(same(fast.total, checked.total));
  CHECK(same(fast.outside_period, checked.outside_period));
  REQUIRE(fast.by_year.size() == checked.by_year.size());
  for (std::size_t y = 0; y < fast.by_year.size(); ++y) {
    CHECK(same(fast.by_year[y], checked.by_year[y]));
    CHECK(fast.depreciation_by_year[y] == checked.depreciation_by_year[y]);
  }
  for (std::size_t c = 0; c < fast.by_category.size(); ++c)
    CHECK(same(fast.by_category[c], checked.by_category[c]));
  REQUIRE(fast.by_organisation.size() == checked.by_organisation.size());
  for (std::size_t o = 0; o < fast.by_organisation.size(); ++o)
    CHECK(same(fast.by_organisation[o], checked.by_organisation[o]));
  for (std::size_t a = 0; a < fast.by_activity.size(); ++a)
    CHECK(same(fast.by_activity[a], checked.by_activity[a]));
  CHECK(fast.cube == checked.cube);
  CHECK(fast.line_cost == checked.line_cost);
  CHECK(fast.line_organisation == checked.line_organisation);
  CHECK(fast.cofinancing.actual == checked.cofinancing.actual);
  CHECK(fast.settlement.allowed == checked.settlement.allowed);
}
