// Edit commands, undo/redo history and the document's cached analysis.
#include <catch2/catch.hpp>

#include "edit/document.h"
#include "format/file_format.h"
#include "rules/finding_codes.h"
#include "test_helpers.h"

using namespace sto;
using sto::test::line;
using sto::test::minimal_plan;

namespace {

// Two plans are equal when they serialize to the same file text.
std::string snapshot(const Plan& plan) {
  return save_plan(plan);
}

std::vector<Command> every_command_kind() {
  Organisation o = test::org("n1", OrganisationKind::business);
  Goal g;
  g.id = "g9";
  g.title = "Nieuw doel";
  Indicator ind;
  ind.id = "i9";
  ind.name = "Nieuwe indicator";
  Activity act;
  act.id = "a9";
  act.title = "Nieuwe activiteit";
  StudentCount sc;
  sc.organisation_id = "v1";
  sc.students = 12;
  StudentCount sc2 = sc;
  sc2.students = 13;
  Indicator ind2 = ind;
  ind2.name = "Andere indicator";
  return {SetField<&Plan::title>{"Nieuwe titel"},
          SetField<&Plan::notes>{"notities"},
          SetField<&Plan::changes_since_original_plan>{"Twee scholen voegen samen."},
          SetField<&Plan::earlier_grant_activities>{"Techniekweken voorjaar 2024."},
          SetField<&Plan::scheme_id>{"sto-2020-2023"},
          SetField<&Plan::cofinancing_option>{"original"},
          SetField<&Plan::cofinancing_base>{CofinancingBase::subsidy},
          SetField<&Plan::submission_round>{"2027-2028"},
          SetField<&Region::name>{"Regio X"},
          SetField<&Region::type>{RegionType::techniekluwe},
          SetField<&Region::previous_grant>{Money{123}},
          SetField<&Region::fixed_maximum>{Money{456}},
          AddOrganisation{1, o},
          RenameOrganisation{1, "Hernoemd"},
          SetOrganisation{0, test::org("v1", OrganisationKind::vmbo, "99XA01", true)},
          RemoveOrganisation{2},
          AddStudentCount{0, sc},
          SetStudentCount{0, sc2},
          RemoveStudentCount{0},
          AddGoal{0, g},
          SetField<&Goal::title>{0, "Anders"},
          SetField<&Goal::theme>{0, "duurzaamheid"},
          AddIndicator{0, 0, ind},
          SetIndicator{0, 0, ind2},
          RemoveIndicator{0, 0},
          RemoveGoal{0},
          AddActivity{1, act},
          SetField<&Activity::title>{0, "Titel"},
          SetField<&Activity::theme>{0, "thema"},
          SetField<&Activity::lead_organisation_id>{0, "b1"},
          SetField<&Activity::goal_ids>{0, {}},
          SetField<&Activity::partner_ids>{0, {"m1"}},
          SetField<&Activity::years>{0, {2025, 2026}},
          AddLine{{0, 1}, line("l9", "v1", 2026, 100, 1000)},
          SetField<&BudgetLine::price>{{0, 0}, Money{7777}},
          SetField<&BudgetLine::quantity_milli>{{0, 0}, 3500},
          SetField<&BudgetLine::description>{{0, 0}, "Lasapparatuur"},
          SetField<&BudgetLine::unit>{{0, 0}, "stuk"},
          SetField<&BudgetLine::category>{{0, 0}, CostCategory::equipment},
          SetField<&BudgetLine::funding>{{0, 0}, FundingSource::own},
          SetField<&BudgetLine::organisation_id>{{0, 0}, "m1"},
          SetField<&BudgetLine::year>{{0, 0}, 2027},
          SetField<&BudgetLine::other_funding>{{0, 0}, "RIF"},
          SetField<&BudgetLine::investment>{{0, 0},
                                            Investment{Money{100000}, Date{2025, 1, 1}, 60, 5000}},
          RemoveLine{{0, 1}},
          RemoveActivity{1},
          AddScenario{0, Scenario{"s1", "Krap", {}}},
          RenameScenario{0, "Heel krap"},
          SetScenarioOverride{0, {OverrideKind::subsidy_scale, "", 9000, 0}},
          ResetScenarioOverride{0, OverrideKind::subsidy_scale, ""},
          RemoveScenario{0}};
}

}  // namespace

TEST_CASE("every command names where it changes the plan, as a finding would") {
  for (const Command& command : every_command_kind()) {
    INFO(command_name(command));
    CHECK_FALSE(command_path(command).empty());
  }
  CHECK(command_path(SetField<&BudgetLine::funding>{{1, 2}, FundingSource::own}) ==
        "activities[1].lines[2].funding");
  CHECK(command_path(SetField<&BudgetLine::quantity_milli>{{0, 4}, 1000}) ==
        "activities[0].lines[4].quantity");
  CHECK(command_path(RemoveLine{{3, 0}}) == "activities[3].lines[0]");
  CHECK(command_path(SetIndicator{2, 1, {}}) == "goals[2].indicators[1]");
  CHECK(command_path(SetField<&Plan::earlier_grant_activities>{"x"}) == "earlier_grant_activities");
  CHECK(command_path(SetField<&Region::previous_grant>{Money{1}}) == "region.previous_grant");
  // The path leads to the section a finding there opens.
  CHECK(finding_section("", command_path(SetField<&BudgetLine::funding>{
                                {1, 2}, FundingSource::own})) == FindingSection::budget);
  CHECK(finding_section("", command_path(SetField<&Plan::notes>{"n"})) == FindingSection::settings);
  CHECK(finding_section("", command_path(SetField<&Activity::years>{0, {2025}})) ==
        FindingSection::activities);
}

TEST_CASE("every command applies, and its inverse restores the exact plan") {
  // The list covers every alternative of Command: a new command must be added to it.
  std::vector<bool> covered(std::variant_size_v<Command>, false);
  for (const Command& command : every_command_kind()) covered[command.index()] = true;
  for (std::size_t i = 0; i < covered.size(); ++i) {
    INFO("command alternative " << i);
    CHECK(covered[i]);
  }
  Plan plan = minimal_plan();
  for (const Command& command : every_command_kind()) {
    INFO(command_name(command));
    const std::string before = snapshot(plan);
    ApplyResult r = apply_command(plan, command);
    INFO(r.error.en);
    REQUIRE(r.ok());
    CHECK_FALSE(r.description.nl.empty());
    CHECK_FALSE(r.description.en.empty());
    CHECK(snapshot(plan) != before);
    Plan undone = plan;
    REQUIRE(apply_command(undone, *r.inverse).ok());
    CHECK(snapshot(undone) == before);
  }
}

TEST_CASE("invalid paths change nothing and say why") {
  Plan plan = minimal_plan();
  const std::string before = snapshot(plan);
  for (const Command& command :
       std::vector<Command>{SetField<&BudgetLine::price>{{0, 9}, Money{1}},
                            SetField<&BudgetLine::price>{{5, 0}, Money{1}}, RemoveActivity{3},
                            AddOrganisation{99, {}}, RemoveIndicator{0, 4}, AddLine{{7, 0}, {}},
                            RemoveGoal{1}, SetField<&Activity::title>{2, "x"}}) {
    INFO(command_name(command));
    ApplyResult r = apply_command(plan, command);
    CHECK_FALSE(r.ok());
    CHECK(r.error.nl.rfind("Ongeldig pad: ", 0) == 0);
    CHECK(r.error.en.rfind("Invalid path: ", 0) == 0);
  }
  CHECK(snapshot(plan) == before);
  CHECK(apply_command(plan, SetField<&BudgetLine::price>{{0, 9}, Money{1}}).error.en ==
        "Invalid path: activities[0].lines[9]");
}

TEST_CASE("descriptions name the field by its schema label, and the line and year") {
  Plan plan = minimal_plan();
  plan.activities[0].lines[0].description = "Lasapparatuur";
  plan.activities[0].lines[0].year = 2026;
  auto r = apply_command(plan, SetField<&BudgetLine::price>{{0, 0}, Money{100}});
  // The grid's column is "Prijs": the history names the field the user changed.
  CHECK(r.description.nl == "Prijs gewijzigd: Lasapparatuur 2026");
  CHECK(r.description.en == "Price changed: Lasapparatuur 2026");
  // A line's label as it is after the change.
  r = apply_command(plan, SetField<&BudgetLine::year>{{0, 0}, 2027});
  CHECK(r.description.nl == "Jaar gewijzigd: Lasapparatuur 2027");
  // An activity's and a goal's field name their record; the plan's own fields stand alone,
  // except the scheme and the round, whose new id says what changed.
  plan.activities[0].title = "Techniekweek";
  r = apply_command(plan, SetField<&Activity::lead_organisation_id>{0, "m1"});
  CHECK(r.description.nl == "Trekker gewijzigd: activiteit 'Techniekweek'");
  CHECK(r.description.en == "Lead organisation changed: activity 'Techniekweek'");
  r = apply_command(plan, SetField<&Goal::title>{0, "Meer instroom"});
  CHECK(r.description.nl == "Titel gewijzigd: doel 'Meer instroom'");
  CHECK(r.description.en == "Title changed: goal 'Meer instroom'");
  r = apply_command(plan, SetField<&Region::fixed_maximum>{Money{100}});
  CHECK(r.description.nl == "Maximumbedrag uit de bijlage gewijzigd");
  r = apply_command(plan, SetField<&Plan::scheme_id>{"sto-2020-2023"});
  CHECK(r.description.nl == "Regeling gewijzigd: sto-2020-2023");
  CHECK(r.description.en == "Scheme changed: sto-2020-2023");
  CHECK(command_name(Command{SetField<&BudgetLine::other_funding>{}}) == "SetField(other_funding)");
}

TEST_CASE("undo/redo restores exact plans through a long edit sequence") {
  Document doc(minimal_plan());
  std::vector<std::string> states{snapshot(doc.plan())};
  for (const Command& command : every_command_kind()) {
    REQUIRE(doc.execute(command).ok());
    states.push_back(snapshot(doc.plan()));
  }
  for (std::size_t i = states.size() - 1; i > 0; --i) {
    REQUIRE(doc.undo());
    CHECK(snapshot(doc.plan()) == states[i - 1]);
  }
  CHECK_FALSE(doc.undo());
  for (std::size_t i = 1; i < states.size(); ++i) {
    REQUIRE(doc.redo());
    CHECK(snapshot(doc.plan()) == states[i]);
  }
  CHECK_FALSE(doc.redo());
}

TEST_CASE("a group is one undo step; a new edit drops the redo tail") {
  Document doc(minimal_plan());
  const std::string start = snapshot(doc.plan());
  doc.begin_group({"Regels geplakt", "Lines pasted"});
  REQUIRE(doc.execute(AddLine{{0, 2}, line("p1", "v1", 2026, 100, 1000)}).ok());
  REQUIRE(doc.execute(AddLine{{0, 3}, line("p2", "v1", 2026, 200, 1000)}).ok());
  CHECK_FALSE(doc.can_undo());  // not while the group is open
  doc.end_group();
  CHECK(doc.history().steps().size() == 1);
  CHECK(doc.history().undo_label().nl == "Regels geplakt");
  CHECK(doc.plan().activities[0].lines.size() == 4);
  doc.undo();
  CHECK(snapshot(doc.plan()) == start);
  CHECK(doc.can_redo());
  REQUIRE(doc.execute(SetField<&Plan::title>{"x"}).ok());
  CHECK_FALSE(doc.can_redo());
  // Empty group records nothing.
  doc.begin_group({"leeg", "empty"});
  doc.end_group();
  CHECK(doc.history().steps().size() == 1);
}

TEST_CASE("save point: dirty after edits, clean after undo back to it") {
  Document doc(minimal_plan());
  CHECK_FALSE(doc.is_dirty());
  REQUIRE(doc.execute(SetField<&Plan::title>{"a"}).ok());
  CHECK(doc.is_dirty());
  doc.mark_saved();
  CHECK_FALSE(doc.is_dirty());
  REQUIRE(doc.execute(SetField<&Plan::title>{"b"}).ok());
  CHECK(doc.is_dirty());
  doc.undo();
  CHECK_FALSE(doc.is_dirty());
  doc.undo();
  CHECK(doc.is_dirty());
  REQUIRE(doc.execute(SetField<&Plan::title>{"c"}).ok());  // the saved state is now unreachable
  doc.undo();
  CHECK(doc.is_dirty());
  doc.replace(minimal_plan());
  CHECK_FALSE(doc.is_dirty());
  CHECK_FALSE(doc.can_undo());
}

TEST_CASE("the document recomputes its analysis only after a change") {
  Document doc(minimal_plan());
  CHECK(doc.analysis_count() == 0);  // lazily: nothing asked yet
  CHECK(doc.evaluation().total.costs.cents == 600000);
  CHECK(doc.analysis_count() == 1);
  const auto rev = doc.revision();
  CHECK(doc.findings().empty());
  CHECK(doc.revision() == rev);
  CHECK(doc.analysis_count() == 1);  // the same revision: the cached analysis
  REQUIRE(doc.execute(SetField<&BudgetLine::price>{{0, 0}, Money{10000}}).ok());
  CHECK(doc.revision() == rev + 1);
  CHECK(doc.analysis_count() == 1);  // not until asked
  CHECK(doc.evaluation().total.costs.cents == 1100000);
  CHECK(doc.analysis_count() == 2);
  CHECK_FALSE(doc.execute(SetField<&BudgetLine::price>{{0, 9}, Money{1}}).ok());
  CHECK(doc.revision() == rev + 1);
  CHECK(doc.evaluation().total.costs.cents == 1100000);
  CHECK(doc.analysis_count() == 2);  // a refused edit changed nothing
  doc.undo();
  CHECK(doc.evaluation().total.costs.cents == 600000);
  REQUIRE(doc.execute(SetField<&Plan::scheme_id>{"nope"}).ok());
  REQUIRE(doc.findings().size() == 1);
  CHECK(doc.findings()[0].code == "SCHEME_UNKNOWN");
  CHECK(doc.scheme() == nullptr);
}
