// Scenarios: each override kind as stated in scenario.h, base edits flowing through, missing
// targets reported, the edit commands and their inverses, and scenarios surviving save and load.
#include <catch2/catch.hpp>

#include "edit/commands.h"
#include "format/file_format.h"
#include "model/plan_equal.h"
#include "rules/engine.h"
#include "rules/scenario.h"
#include "sample_plans.h"
#include "test_helpers.h"

namespace sto {
namespace {

using O = OverrideKind;

Scenario scenario_of(std::vector<ScenarioOverride> overrides) {
  return Scenario{"s1", "Test", std::move(overrides)};
}

// The minimal plan with two more lines in 2026 and 2027 (the index needs later years).
Plan indexed_plan() {
  Plan p = test::minimal_plan();
  p.activities[0].years = {2025, 2026, 2027};
  p.activities[0].lines.push_back(test::line("l3", "v1", 2026, 10001, 1000));
  p.activities[0].lines.push_back(test::line("l4", "v1", 2027, 10001, 1000));
  return p;
}

const BudgetLine& line_by_id(const Plan& p, const std::string& id) {
  for (const Activity& a : p.activities)
    for (const BudgetLine& l : a.lines)
      if (l.id == id) return l;
  FAIL("no line " << id);
  return p.activities[0].lines[0];
}

TEST_CASE("no overrides: the scenario is the base plan", "[scenario]") {
  const Plan p = samples::voorbeeldregio();
  const ResolvedScenario r = resolve(p, scenario_of({}));
  REQUIRE(r.scheme_found);
  CHECK(r.issues.empty());
  CHECK(r.plan.scenarios.empty());
  Plan base = p;
  base.scenarios.clear();
  CHECK(plan_difference(r.plan, base) == "");
  const Analysis a = analyse_resolved(r);
  const Analysis b = analyse(p);
  CHECK(a.evaluation.total.costs == b.evaluation.total.costs);
  CHECK(a.findings.size() == b.findings.size());
}

TEST_CASE("hourly rate: only hour lines at the replaced rate change", "[scenario]") {
  Plan p = test::minimal_plan();
  p.activities[0].lines.push_back(test::line("l3", "v1", 2025, 9500, 1000));  // € 95 trainer
  BudgetLine per_piece = test::line("l4", "v1", 2025, 5000, 1000);
  per_piece.unit = "stuk";  // € 50 a piece is not an hourly rate
  p.activities[0].lines.push_back(per_piece);
  p.activities[0].lines[0].unit = " Uren ";
  const ResolvedScenario r = resolve(p, scenario_of({{O::hourly_rate, "", 5500, 5000}}));
  CHECK(line_by_id(r.plan, "l1").price.cents == 5500);
  CHECK(line_by_id(r.plan, "l2").price.cents == 2000);
  CHECK(line_by_id(r.plan, "l3").price.cents == 9500);
  CHECK(line_by_id(r.plan, "l4").price.cents == 5000);
  REQUIRE(r.effects.size() == 1);
  CHECK(r.effects[0].affected == 1);
  CHECK(r.issues.empty());

  const ResolvedScenario none = resolve(p, scenario_of({{O::hourly_rate, "", 5500, 4800}}));
  REQUIRE(none.issues.size() == 1);
  CHECK(none.issues[0].path == "scenario.overrides[0]");
  CHECK(none.issues[0].message.en.find("no line in hours has the rate") != std::string::npos);
}

TEST_CASE("hourly rate on the main sample: school staff hours at € 50", "[scenario]") {
  const Plan p = samples::voorbeeldregio();
  const ResolvedScenario r = resolve(p, scenario_of({{O::hourly_rate, "", 5500, 5000}}));
  std::size_t at_50 = 0, at_55 = 0;
  for (const Activity& a : r.plan.activities)
    for (const BudgetLine& l : a.lines) {
      if (l.price.cents == 5000 && is_hour_unit(l.unit)) ++at_50;
      if (l.price.cents == 5500) ++at_55;
    }
  CHECK(at_50 == 0);
  CHECK(at_55 == r.effects[0].affected);
  CHECK(at_55 == 24);  // 4 years × (2 + 1 + 1 + 1 + 1 + 1) school-staff hour lines
}

TEST_CASE("price index compounds per year from the first scheme year, rounded each step",
          "[scenario]") {
  const Plan p = indexed_plan();
  const ResolvedScenario r = resolve(p, scenario_of({{O::price_index, "", 300, 0}}));
  CHECK(line_by_id(r.plan, "l1").price.cents == 5000);   // 2025: the first year
  CHECK(line_by_id(r.plan, "l3").price.cents == 10301);  // 10001 × 1,03 = 10301,03
  CHECK(line_by_id(r.plan, "l4").price.cents == 10610);  // 10301 × 1,03 = 10610,03
  CHECK(r.effects[0].affected == 2);

  SECTION("investments by purchase year") {
    Plan q = samples::voorbeeldregio();
    const ResolvedScenario s = resolve(q, scenario_of({{O::price_index, "", 1000, 0}}));
    for (std::size_t a = 0; a < q.activities.size(); ++a)
      for (std::size_t l = 0; l < q.activities[a].lines.size(); ++l) {
        const auto& before = q.activities[a].lines[l].investment;
        const auto& after = s.plan.activities[a].lines[l].investment;
        if (!before) continue;
        const int n = before->purchase_date.year - 2025;
        CHECK(after->purchase_price.cents ==
              (n == 0 ? before->purchase_price.cents : before->purchase_price.cents * 11 / 10));
      }
  }
}

TEST_CASE("a line override is final and wins over the general ones", "[scenario]") {
  const Plan p = indexed_plan();
  const ResolvedScenario r = resolve(p, scenario_of({{O::line_price, "l3", 20000, 0},
                                                     {O::price_index, "", 300, 0},
                                                     {O::line_quantity, "l4", 2500, 0}}));
  CHECK(line_by_id(r.plan, "l3").price.cents == 20000);  // not indexed
  CHECK(line_by_id(r.plan, "l4").price.cents == 10610);
  CHECK(line_by_id(r.plan, "l4").quantity_milli == 2500);
  CHECK(r.issues.empty());
}

TEST_CASE("overrides whose target is gone are reported, not fatal", "[scenario]") {
  Plan p = test::minimal_plan();
  p.scenarios.push_back({"s1", "A", {}});
  p.scenarios.push_back({"s2",
                         "B",
                         {{O::subsidy_scale, "", 9000, 0},
                          {O::line_price, "weg", 100, 0},
                          {O::student_count, "geen-doel", 5, 0},
                          {O::student_count, "v1|bb|PIE", 5, 0}}});
  const ResolvedScenario r = resolve(p, std::size_t{1});
  REQUIRE(r.issues.size() == 3);
  CHECK(r.issues[0].path == "scenarios[1].overrides[2]");  // student counts resolve first
  CHECK(r.issues[0].message.en.find("invalid target") != std::string::npos);
  CHECK(r.issues[1].path == "scenarios[1].overrides[3]");
  CHECK(r.issues[2].path == "scenarios[1].overrides[1]");
  CHECK(r.issues[2].message.nl.find("weg") != std::string::npos);
  CHECK_FALSE(r.effects[1].found);
  CHECK(r.effects[0].found);
  CHECK(r.scheme.maximum_scale_bp == 9000);
  // Out of range: the base unchanged.
  CHECK(resolve(p, std::size_t{7}).issues.empty());
}

TEST_CASE("subsidy scale, cofinancing minimum and base change the evaluation", "[scenario]") {
  const Plan p = samples::voorbeeldregio();
  const Analysis base = analyse(p);
  const Analysis less =
      analyse_resolved(resolve(p, scenario_of({{O::subsidy_scale, "", 9000, 0}})));
  CHECK(less.evaluation.max_subsidy.cents == base.evaluation.max_subsidy.cents * 9 / 10);
  CHECK(less.evaluation.max_rule.nl.find("90,00%") != std::string::npos);
  CHECK(less.evaluation.total.costs == base.evaluation.total.costs);

  const Analysis strict =
      analyse_resolved(resolve(p, scenario_of({{O::cofinancing_minimum, "", 1500, 0}})));
  CHECK(strict.evaluation.cofinancing.minimum_bp == 1500);
  CHECK_FALSE(strict.evaluation.cofinancing.met);
  CHECK(strict.evaluation.settlement.allowed < base.evaluation.settlement.allowed);
  bool below = false;
  for (const Finding& f : strict.findings) below = below || f.code == "COFIN_BELOW_MINIMUM";
  CHECK(below);

  // 2025-2028 offers no "of the subsidy" base: the override is reported and the base stays.
  const ResolvedScenario refused = resolve(p, scenario_of({{O::cofinancing_base, "", 1, 0}}));
  REQUIRE(refused.issues.size() == 1);
  CHECK(refused.issues[0].message.nl.find("grondslag") != std::string::npos);
  CHECK(analyse_resolved(refused).evaluation.cofinancing.base == CofinancingBase::total_costs);
  // 2020-2023 offers it.
  const Plan p2020 = samples::klein_voorbeeld_2020();
  const Analysis on_subsidy =
      analyse_resolved(resolve(p2020, scenario_of({{O::cofinancing_base, "", 1, 0}})));
  CHECK(on_subsidy.evaluation.cofinancing.base == CofinancingBase::subsidy);
  CHECK(on_subsidy.evaluation.cofinancing.base_amount == analyse(p2020).evaluation.total.subsidy);
}

TEST_CASE("student numbers: a scale and a single count", "[scenario]") {
  const Plan p = samples::klein_voorbeeld_2020();
  const Evaluation base = analyse(p).evaluation;
  const ResolvedScenario fewer = resolve(p, scenario_of({{O::student_scale, "", 5000, 0}}));
  for (std::size_t i = 0; i < p.student_counts.size(); ++i)  // half away from zero per count
    CHECK(fewer.plan.student_counts[i].students == (p.student_counts[i].students + 1) / 2);
  CHECK(analyse_resolved(fewer).evaluation.max_subsidy < base.max_subsidy);

  const StudentCount& first = p.student_counts[0];
  const std::string target = student_count_target(first);
  const ResolvedScenario one =
      resolve(p, scenario_of({{O::student_count, target, first.students + 10, 0},
                              {O::student_scale, "", 20000, 0}}));
  CHECK(one.issues.empty());
  CHECK(one.plan.student_counts[0].students == first.students + 10);  // specific wins
  CHECK(one.plan.student_counts[1].students == p.student_counts[1].students * 2);
}

TEST_CASE("base edits flow into every scenario that does not override them", "[scenario]") {
  Plan p = indexed_plan();
  p.scenarios.push_back({"s1", "Index", {{O::price_index, "", 300, 0}}});
  p.scenarios.push_back({"s2", "Regel", {{O::line_price, "l3", 12345, 0}}});
  // Edit the base: l3 (activity 0, line 2) gets a new price.
  REQUIRE(apply_command(p, SetField<&BudgetLine::price>{{0, 2}, Money{20000}}).ok());
  CHECK(line_by_id(resolve(p, std::size_t{0}).plan, "l3").price.cents == 20600);
  CHECK(line_by_id(resolve(p, std::size_t{1}).plan, "l3").price.cents == 12345);
  // Removing the line: the override is reported, the other scenario simply has one line less.
  REQUIRE(apply_command(p, RemoveLine{{0, 2}}).ok());
  CHECK(resolve(p, std::size_t{1}).issues.size() == 1);
  CHECK(resolve(p, std::size_t{0}).issues.empty());
}

TEST_CASE("scenario commands and their inverses", "[scenario][commands]") {
  Plan p = test::minimal_plan();
  const Plan original = p;
  std::vector<Command> undo;
  struct Applied {  // what a test step needs of an ApplyResult, which must not be dropped
    LocalizedText description;
    Command inverse;
  };
  auto run = [&](const Command& c) {
    ApplyResult r = apply_command(p, c);
    INFO(r.error.en);
    REQUIRE(r.ok());
    CHECK_FALSE(r.description.nl.empty());
    undo.push_back(*r.inverse);
    return Applied{r.description, *r.inverse};
  };
  run(AddScenario{0, {"s1", "Krap", {}}});
  run(AddScenario{1, {"s2", "Ruim", {}}});
  run(RenameScenario{0, "Heel krap"});
  CHECK(p.scenarios[0].name == "Heel krap");
  const Applied set = run(SetScenarioOverride{0, {O::subsidy_scale, "", 9000, 0}});
  CHECK(set.description.nl == "Heel krap: Maximale subsidie × 90,00%");
  CHECK(std::holds_alternative<ResetScenarioOverride>(set.inverse));
  run(SetScenarioOverride{0, {O::line_price, "l1", 100, 0}});
  run(SetScenarioOverride{0, {O::line_price, "l2", 200, 0}});
  const Applied replace = run(SetScenarioOverride{0, {O::subsidy_scale, "", 8000, 0}});
  CHECK(std::holds_alternative<SetScenarioOverride>(replace.inverse));
  REQUIRE(p.scenarios[0].overrides.size() == 3);
  CHECK(p.scenarios[0].overrides[0].value == 8000);  // replaced in place
  // Reset the middle one: the scenario follows the base again for l1.
  run(ResetScenarioOverride{0, O::line_price, "l1"});
  REQUIRE(p.scenarios[0].overrides.size() == 2);
  CHECK(line_by_id(resolve(p, std::size_t{0}).plan, "l1").price.cents == 5000);
  CHECK_FALSE(apply_command(p, ResetScenarioOverride{0, O::line_price, "l1"}).ok());
  CHECK_FALSE(apply_command(p, RenameScenario{5, "x"}).ok());
  CHECK_FALSE(apply_command(p, SetScenarioOverride{5, {}}).ok());
  const Plan edited = p;
  run(RemoveScenario{1});
  CHECK(p.scenarios.size() == 1);

  // Undo everything in reverse: back to the original, passing through the edited state.
  for (std::size_t i = undo.size(); i-- > 0;) {
    const Command inverse = undo[i];
    REQUIRE(apply_command(p, inverse).ok());
    if (i == undo.size() - 1) CHECK(plan_difference(p, edited) == "");
  }
  CHECK(plan_difference(p, original) == "");
  CHECK(std::string(command_name(Command{ResetScenarioOverride{}})) == "ResetScenarioOverride");
}

TEST_CASE("scenarios survive save and load", "[scenario][file]") {
  const Plan p = samples::voorbeeldregio();
  REQUIRE(p.scenarios.size() == 3);
  const LoadResult loaded = load_plan(save_plan(p));
  INFO(loaded.error.en);
  REQUIRE(loaded.ok());
  CHECK(plan_difference(loaded.plan, p) == "");
}

TEST_CASE("override descriptions and labels", "[scenario]") {
  CHECK(describe_override({O::hourly_rate, "", 5500, 5000}).nl == "Uurtarief € 50,00 → € 55,00");
  CHECK(describe_override({O::hourly_rate, "", 5500, 5000}).en == "Hourly rate €50.00 → €55.00");
  CHECK(describe_override({O::price_index, "", 300, 0}).nl == "Prijsindex per jaar: +3,00%");
  CHECK(describe_override({O::cofinancing_base, "", 1, 0}).en == "Cofinancing base: subsidy");
  CHECK(std::string(override_kind_id(O::line_quantity)) == "line_quantity");
  CHECK(is_hour_unit("UUR"));
  CHECK(is_hour_unit("hours"));
  CHECK_FALSE(is_hour_unit("dag"));
  CHECK(find_override(scenario_of({{O::line_price, "a", 1, 0}}), O::line_price, "a") != nullptr);
  CHECK(find_override(scenario_of({{O::line_price, "a", 1, 0}}), O::line_price, "b") == nullptr);
}

}  // namespace
}  // namespace sto
