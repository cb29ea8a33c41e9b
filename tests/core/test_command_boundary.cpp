// The command boundary: apply_command accepts only edits after which the plan still loads cleanly
// (load_plan(save_plan(plan)) is ok and equal), and refuses the others with the loader's message.
#include <catch2/catch.hpp>

#include "command_gen.h"
#include "edit/commands.h"
#include "format/file_format.h"
#include "model/assets.h"
#include "model/enum_names.h"
#include "model/override_kinds.h"
#include "model/plan_equal.h"
#include "rules/scenario.h"
#include "test_helpers.h"
#include "test_roundtrip_gen.h"

using namespace sto;

namespace {

// The loader's message for `plan` as a file: the first record it leaves out.
std::string loader_message(const Plan& plan) {
  const LoadResult loaded = load_plan(save_plan(plan));
  if (loaded.ok()) return "(loads cleanly)";
  if (loaded.skipped.empty()) return loaded.error.nl;
  return loaded.skipped.front().reason.nl;
}

// Applies `command` to a copy of `plan` without the checks: what the plan would become.
Plan unchecked(Plan plan, const Command& command) {
  REQUIRE(apply_recorded(plan, command).ok());
  return plan;
}

}  // namespace

TEST_CASE("random command sequences on every sample plan keep it loadable and equal") {
  int samples = 0;
  for (std::string_view name : assets::embedded_names()) {
    if (name.rfind("samples/", 0) != 0) continue;
    ++samples;
    const LoadResult sample = load_plan(assets::embedded_file(name));
    REQUIRE(sample.ok());
    for (std::uint64_t seed = 1; seed <= 4; ++seed) {
      INFO(name << ", seed " << seed);
      test::Rng rng(seed * 7919);
      Plan plan = sample.plan;
      const auto below = [&rng](std::uint64_t n) { return rng.next() % n; };
      test::CommandGenerator<decltype(below)> commands(plan, below);
      std::vector<Command> inverses;
      int accepted = 0, refused = 0;
      for (int step = 0; step < 300; ++step) {
        const Command command = commands.next();
        INFO("step " << step << ": " << command_name(command));
        const Plan before = plan;
        ApplyResult result = apply_command(plan, command);
        if (!result.ok()) {
          ++refused;
          CHECK_FALSE(result.error.nl.empty());
          CHECK_FALSE(result.error.en.empty());
          CHECK(plan_difference(before, plan).empty());  // a refused edit changes nothing
          continue;
        }
        ++accepted;
        inverses.push_back(*result.inverse);
        const LoadResult again = load_plan(save_plan(plan));
        INFO((again.skipped.empty() ? again.error.en : again.skipped.front().reason.en));
        REQUIRE(again.ok());
        REQUIRE(plan_difference(plan, again.plan).empty());
      }
      // Both sides were exercised: the generator makes good and bad edits.
      CHECK(accepted > 30);
      CHECK(refused > 30);
      // Undoing every accepted edit in reverse gives the sample back.
      for (auto it = inverses.rbegin(); it != inverses.rend(); ++it)
        REQUIRE(apply_recorded(plan, *it).ok());
      CHECK(plan_difference(plan, sample.plan).empty());
    }
  }
  CHECK(samples >= 3);
}

TEST_CASE("an edit the loader would refuse is refused with the loader's message") {
  const Plan plan = test::minimal_plan();
  StudentCount count;
  count.organisation_id = "v1";
  count.students = 10;
  count.count_date = Date{2024, 10, 1};
  Plan with_count = plan;
  with_count.student_counts.push_back(count);
  StudentCount typo = count;
  typo.count_date = Date{2204, 10, 1};  // "1-10-2204": the year the issue lost work to
  BudgetLine duplicate = plan.activities[0].lines[1];
  duplicate.description = "kopie";

  struct Case {
    Plan plan;
    Command command;
    const char* message;  // the Dutch message, as the loader gives it
  };
  const Case cases[] = {
      {with_count, SetStudentCount{0, typo},
       "student_counts[0].count_date: geen datum (JJJJ-MM-DD, jaar 1900–2200): \"2204-10-01\""},
      {plan, SetField<&BudgetLine::year>{{0, 0}, kMaxPlanYear + 1},
       "activities[0].lines[0].year: moet ≤ 2100 zijn"},
      {plan, SetField<&BudgetLine::price>{{0, 0}, Money{kMaxAmountCents + 1}},
       "activities[0].lines[0].price_cents: moet ≤ 1000000000000000 zijn"},
      {plan, SetField<&BudgetLine::description>{{0, 0}, std::string(kMaxTextBytes + 1, 'x')},
       "activities[0].lines[0].description: is langer dan 10000 bytes"},
      {plan, AddLine{{0, 2}, duplicate},
       "activities[0].lines[2].id: dubbel id \"l2\" (al gebruikt door activities[0].lines[1])"},
      {plan, SetField<&BudgetLine::organisation_id>{{0, 0}, "nergens"},
       "activities[0].lines[0].organisation_id: verwijst naar organisatie \"nergens\", die niet in "
       "het plan staat"},
      {plan, RemoveOrganisation{3},  // b1 pays line l2
       "activities[0].lines[1].organisation_id: verwijst naar organisatie \"b1\", die niet in het "
       "plan staat"},
      {plan, SetField<&Activity::years>{0, {2025, 2025}},
       "activities[0].years[1]: jaar staat er twee keer in; weggelaten"},
      {plan, SetIndicator{0, 0, Indicator{"i1", "x", "%", 2024, 0, {{2025, 1}, {2025, 2}}}},
       "goals[0].indicators[0].targets[1].year: komt twee keer voor in deze indicator"},
      {plan, RemoveGoal{0},
       "activities[0].goal_ids[0]: verwijst naar doel \"g1\", die niet in het plan staat; "
       "verwijzing weggelaten"},
  };
  for (const Case& c : cases) {
    INFO(command_name(c.command));
    Plan edited = c.plan;
    ApplyResult result = apply_command(edited, c.command);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error.nl == c.message);
    CHECK(plan_difference(edited, c.plan).empty());
    // The same words as the loader gives the plan the edit would have made.
    CHECK(loader_message(unchecked(c.plan, c.command)) == result.error.nl);
  }

  // Plan-wide fields: the loader refuses the whole file, the command the one edit.
  Plan edited = plan;
  ApplyResult title =
      apply_command(edited, SetField<&Plan::title>{std::string(kMaxTextBytes + 1, 't')});
  REQUIRE_FALSE(title.ok());
  CHECK(title.error.en == "title: is longer than 10000 bytes");
  CHECK(load_plan(
            save_plan(unchecked(plan, SetField<&Plan::title>{std::string(kMaxTextBytes + 1, 't')})))
            .error.en.find("title: is longer than 10000 bytes") != std::string::npos);
  CHECK(apply_command(edited, SetField<&Plan::notes>{std::string(kMaxTextBytes + 1, 'n')}).ok());
  CHECK_FALSE(
      apply_command(edited, SetField<&Plan::notes>{std::string(kMaxNotesBytes + 1, 'n')}).ok());
}

TEST_CASE("parse_date takes what people type, in the loader's years") {
  Date d;
  CHECK(parse_date(" 1-10-2024 ", d));
  CHECK(d == Date{2024, 10, 1});
  CHECK(parse_date("2024-10-01", d));
  CHECK(parse_date("01/10/2200", d));
  CHECK(d == Date{2200, 10, 1});
  CHECK(parse_date("", d));
  CHECK_FALSE(d.is_set());
  d = Date{2024, 1, 1};
  CHECK_FALSE(parse_date("1-10-2204", d));  // beyond kMaxDateYear: the loader would refuse it
  CHECK_FALSE(parse_date("31-12-1899", d));
  CHECK_FALSE(parse_date("29-02-2023", d));
  CHECK_FALSE(parse_date("1-10-24", d));
  CHECK_FALSE(parse_date("1-10-2024x", d));
  CHECK(d == Date{2024, 1, 1});  // unchanged on failure
  CHECK(parse_date("29.02.2024", d));
}

TEST_CASE("the override-kind table: ids as in files, ranges the loader and the edits keep") {
  constexpr std::size_t kinds =
      sizeof(enum_names::override_kind) / sizeof(enum_names::override_kind[0]);
  for (std::size_t i = 0; i < kinds; ++i) {
    const auto kind = static_cast<OverrideKind>(i);
    const OverrideKindInfo& info = override_kind_info(kind);
    INFO(info.id);
    CHECK(std::string(info.id) == enum_names::override_kind[i]);
    REQUIRE(find_override_kind(info.id) == &info);
    CHECK(std::string(override_kind_label(kind, Language::nl)) == info.label_nl);
    CHECK(override_has_target(kind) == info.needs_target);
    CHECK(info.min_value <= info.max_value);

    // The edge of the range is accepted, one past it refused, by the edit and by the loader.
    Plan plan = test::minimal_plan();
    plan.scenarios.push_back(Scenario{"s1", "Krap", {}});
    ScenarioOverride o{kind, "l1", info.max_value, info.max_replaces};
    if (!info.needs_target) o.target.clear();
    CHECK(apply_command(plan, SetScenarioOverride{0, o}).ok());
    o.value = info.max_value + 1;
    ApplyResult refused = apply_command(plan, SetScenarioOverride{0, o});
    CHECK_FALSE(refused.ok());
    CHECK(refused.error.en.find("value: must be ≤ " + std::to_string(info.max_value)) !=
          std::string::npos);
    o.value = info.min_value - 1;
    CHECK_FALSE(apply_command(plan, SetScenarioOverride{0, o}).ok());
  }
  CHECK(find_override_kind("hourly") == nullptr);
}
