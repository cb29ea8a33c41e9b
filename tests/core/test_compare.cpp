// Comparison of the base plan and its scenarios: figures, differences, new findings, years, speed.
#include <catch2/catch.hpp>

#include "rules/compare.h"
#include "sample_plans.h"
#include "test_helpers.h"

namespace sto {
namespace {

TEST_CASE("percent differences: basis points of the base, half away from zero", "[compare]") {
  CHECK(percent_change_bp(1005, 1000) == 50);
  CHECK(percent_change_bp(1, 3) == -6667);       // −66,666…%
  CHECK(percent_change_bp(20001, 20000) == 1);   // +0,005% → 0,01%
  CHECK(percent_change_bp(19999, 20000) == -1);  // −0,005% → −0,01%
  CHECK(percent_change_bp(20000, 20000) == 0);
  CHECK_FALSE(percent_change_bp(5, 0).has_value());
  CHECK(percent_change_bp(-150, -100) == 5000);  // relative to a negative base
}

TEST_CASE("the main sample's scenarios side by side", "[compare]") {
  const Plan p = samples::voorbeeldregio();
  const Comparison c = compare(p);
  REQUIRE(c.scenarios.size() == 3);
  CHECK(c.base.name == "Basis");
  CHECK(c.base.value(Figure::maximum) == 480000000);
  CHECK(c.base.delta(Figure::maximum).absolute == 0);

  const ComparisonColumn& less = c.scenarios[0];
  CHECK(less.name == "Subsidie −10%");
  CHECK(less.value(Figure::maximum) == 432000000);
  CHECK(less.delta(Figure::maximum).absolute == -48000000);
  CHECK(less.delta(Figure::maximum).percent_bp == -1000);
  CHECK(less.delta(Figure::costs).absolute == 0);
  CHECK(less.delta(Figure::costs).percent_bp == 0);
  CHECK(less.issues.empty());

  const ComparisonColumn& strict = c.scenarios[1];
  CHECK(strict.value(Figure::costs) > c.base.value(Figure::costs));  // € 55 an hour
  CHECK(strict.delta(Figure::errors).absolute >= 1);
  CHECK_FALSE(strict.cofinancing_met);
  CHECK(strict.value(Figure::allowed) < c.base.value(Figure::allowed));
  bool found = false;
  for (const ComparedFinding& f : strict.findings) {
    if (f.finding.code != "COFIN_BELOW_MINIMUM") continue;
    found = true;
    CHECK(f.is_new);
    CHECK(f.headline.nl.rfind("In scenario Cofinanciering 10% → 15%, uurtarief € 55: ", 0) == 0);
  }
  CHECK(found);
  // The base's teaching warnings are in every scenario, so none of them is new.
  for (const ComparedFinding& f : less.findings) CHECK_FALSE(f.is_new);
  CHECK(less.resolved_findings.empty());

  SECTION("years for grouped bars") {
    for (const ComparisonColumn* col : {&c.base, &c.scenarios[2]}) {
      REQUIRE(col->years.size() == 4);  // 2025 … 2028, the spending years
      std::int64_t sum = 0;
      for (std::size_t y = 0; y < col->years.size(); ++y) {
        CHECK(col->years[y].year == 2025 + static_cast<int>(y));
        sum += col->years[y].costs.cents;
      }
      CHECK(sum == col->value(Figure::costs));
    }
    // A 3% index: 2025 unchanged, later years dearer.
    CHECK(c.scenarios[2].years[0].costs == c.base.years[0].costs);
    CHECK(c.scenarios[2].years[3].costs > c.base.years[3].costs);
  }
}

TEST_CASE("figure metadata", "[compare]") {
  CHECK(figure_unit(Figure::cofinancing_percent) == FigureUnit::basis_points);
  CHECK(figure_unit(Figure::errors) == FigureUnit::count);
  CHECK(std::string(figure_id(Figure::allowed)) == "allowed");
  CHECK(std::string(figure_label(Figure::costs, Language::en)) == "Total costs");
}

TEST_CASE("a finding that disappears in a scenario is listed as resolved", "[compare]") {
  Plan p = test::minimal_plan();
  p.activities[0].lines[0].quantity_milli = 0;  // a 2025 line without a quantity: a finding
  p.scenarios.push_back({"fix", "Aantal ingevuld", {{OverrideKind::line_quantity, "l1", 1000, 0}}});
  const Comparison c = compare(p);
  REQUIRE_FALSE(c.base.findings.empty());
  CHECK(c.scenarios[0].findings.size() < c.base.findings.size());
  CHECK_FALSE(c.scenarios[0].resolved_findings.empty());
}

// A facilitator drags a slider: 3 scenarios of a 1,000-line plan, recomputed. How fast is a
// benchmark's question (tests/bench); here: every scenario is there and differs where it should.
TEST_CASE("comparing 3 scenarios of a 1,000-line plan", "[compare]") {
  Plan p = samples::voorbeeldregio();
  Activity& a = p.activities[0];
  for (int i = 0; a.lines.size() < 1000; ++i) {
    BudgetLine l = test::line("x" + std::to_string(i), "vmbo-noord", 2025 + i % 4, 5000 + i % 7,
                              1000 * (1 + i % 40));
    l.description = "Extra regel " + std::to_string(i);
    a.lines.push_back(l);
  }
  p.scenarios[2].overrides.push_back({OverrideKind::line_price, "x17", 99, 0});
  const Comparison c = compare(p);
  REQUIRE(c.scenarios.size() == 3);
  std::size_t x17 = 0;
  while (a.lines[x17].id != "x17") ++x17;
  // x17: € 50,03 × 18 in the base; € 0,99 × 18 in the third scenario only.
  CHECK(c.base.evaluation.cost_of(0, x17).cents == 90054);
  CHECK(c.scenarios[2].evaluation.cost_of(0, x17).cents == 1782);
}

}  // namespace
}  // namespace sto
