// Edit commands: every change to a plan is a small value; apply_command() performs it and returns
// the command that undoes it, plus a description for the history list ("Bedrag gewijzigd: …"). Pure
// C++17. Paths are indices into the plan's vectors, checked before anything changes.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "model/plan.h"
#include "model/text.h"

namespace sto {

// A budget line: plan.activities[activity].lines[line].
struct LineRef {
  std::size_t activity = 0;
  std::size_t line = 0;
};

// [SECTION] Plan and region
// A command that sets one field of a record names it: `field`, the member it sets, whose row in
// core/model/schema.h gives its id and path (set_field_command, command_path).
struct SetPlanTitle {
  std::string title;
  static constexpr auto field = &Plan::title;
};
struct SetPlanNotes {
  std::string notes;
  static constexpr auto field = &Plan::notes;
};
// The 2024 extension request's written parts (Plan::changes_since_original_plan and
// Plan::earlier_grant_activities).
struct SetChangesSinceOriginalPlan {
  std::string text;
  static constexpr auto field = &Plan::changes_since_original_plan;
};
struct SetEarlierGrantActivities {
  std::string text;
  static constexpr auto field = &Plan::earlier_grant_activities;
};
struct SetScheme {
  std::string scheme_id;
  static constexpr auto field = &Plan::scheme_id;
};
struct SetCofinancingOption {
  std::string option_id;
  static constexpr auto field = &Plan::cofinancing_option;
};  // "" = the scheme's default
struct SetCofinancingBase {
  std::optional<CofinancingBase> base;
  static constexpr auto field = &Plan::cofinancing_base;
};  // nullopt = the scheme's base
struct SetSubmissionRound {
  std::string round_id;
  static constexpr auto field = &Plan::submission_round;
};  // "" = the scheme's first round
struct SetRegionName {
  std::string name;
  static constexpr auto field = &Region::name;
};
struct SetRegionType {
  RegionType type = RegionType::techniekregio;
  static constexpr auto field = &Region::type;
};
struct SetPreviousGrant {
  Money amount;
  static constexpr auto field = &Region::previous_grant;
};
struct SetFixedMaximum {
  Money amount;
  static constexpr auto field = &Region::fixed_maximum;
};

// [SECTION] Organisations and student counts (index = position in the vector; add inserts before
// it)
struct AddOrganisation {
  std::size_t index = 0;
  Organisation organisation;
};
struct RemoveOrganisation {
  std::size_t index = 0;
};
struct RenameOrganisation {
  std::size_t index = 0;
  std::string name;
};
struct SetOrganisation {
  std::size_t index = 0;
  Organisation organisation;
};  // every field at once
struct AddStudentCount {
  std::size_t index = 0;
  StudentCount count;
};
struct RemoveStudentCount {
  std::size_t index = 0;
};
struct SetStudentCount {
  std::size_t index = 0;
  StudentCount count;
};

// [SECTION] Goals and indicators
struct AddGoal {
  std::size_t index = 0;
  Goal goal;
};
struct RemoveGoal {
  std::size_t index = 0;
};
struct SetGoalTitle {
  std::size_t index = 0;
  std::string title;
  static constexpr auto field = &Goal::title;
};
struct SetGoalTheme {
  std::size_t index = 0;
  std::string theme;
  static constexpr auto field = &Goal::theme;
};
struct AddIndicator {
  std::size_t goal = 0;
  std::size_t index = 0;
  Indicator indicator;
};
struct RemoveIndicator {
  std::size_t goal = 0;
  std::size_t index = 0;
};
struct SetIndicator {
  std::size_t goal = 0;
  std::size_t index = 0;
  Indicator indicator;
};

// [SECTION] Activities
struct AddActivity {
  std::size_t index = 0;
  Activity activity;
};
struct RemoveActivity {
  std::size_t index = 0;
};
struct SetActivityTitle {
  std::size_t index = 0;
  std::string title;
  static constexpr auto field = &Activity::title;
};
struct SetActivityTheme {
  std::size_t index = 0;
  std::string theme;
  static constexpr auto field = &Activity::theme;
};
struct SetActivityLead {
  std::size_t index = 0;
  std::string organisation_id;
  static constexpr auto field = &Activity::lead_organisation_id;
};
struct SetActivityGoals {
  std::size_t index = 0;
  std::vector<std::string> goal_ids;
  static constexpr auto field = &Activity::goal_ids;
};
struct SetActivityPartners {
  std::size_t index = 0;
  std::vector<std::string> partner_ids;
  static constexpr auto field = &Activity::partner_ids;
};
struct SetActivityYears {
  std::size_t index = 0;
  std::vector<int> years;
  static constexpr auto field = &Activity::years;
};

// [SECTION] Budget lines
struct AddLine {
  LineRef at;
  BudgetLine line;
};
struct RemoveLine {
  LineRef at;
};
struct SetLinePrice {
  LineRef at;
  Money price;
  static constexpr auto field = &BudgetLine::price;
};
struct SetLineQuantity {
  LineRef at;
  std::int64_t quantity_milli = 0;
  static constexpr auto field = &BudgetLine::quantity_milli;
};
struct SetLineDescription {
  LineRef at;
  std::string description;
  static constexpr auto field = &BudgetLine::description;
};
struct SetLineUnit {
  LineRef at;
  std::string unit;
  static constexpr auto field = &BudgetLine::unit;
};
struct SetLineCategory {
  LineRef at;
  CostCategory category = CostCategory::materials;
  static constexpr auto field = &BudgetLine::category;
};
struct SetLineFunding {
  LineRef at;
  FundingSource funding = FundingSource::subsidy;
  static constexpr auto field = &BudgetLine::funding;
};
struct SetLineOrganisation {
  LineRef at;
  std::string organisation_id;
  static constexpr auto field = &BudgetLine::organisation_id;
};
struct SetLineYear {
  LineRef at;
  int year = 0;
  static constexpr auto field = &BudgetLine::year;
};
struct SetLineOtherFunding {
  LineRef at;
  std::string other_funding;
  static constexpr auto field = &BudgetLine::other_funding;
};
struct SetLineInvestment {
  LineRef at;
  std::optional<Investment> investment;
  static constexpr auto field = &BudgetLine::investment;
};

// [SECTION] Scenarios (index = position in plan.scenarios). An override is keyed by kind and, for
// line and student-count kinds and the cofinancing base, its target (scenario.h).
struct AddScenario {
  std::size_t index = 0;
  Scenario scenario;
};
struct RemoveScenario {
  std::size_t index = 0;
};
struct RenameScenario {
  std::size_t index = 0;
  std::string name;
};
// Replaces the override with the same key in place, or inserts it at `position` (clamped to the
// end; the default appends). The inverse restores the old override or resets the new one.
struct SetScenarioOverride {
  std::size_t scenario = 0;
  ScenarioOverride override_value;
  std::size_t position = static_cast<std::size_t>(-1);
};
// Removes the override with this key, so the scenario follows the base again. An error when the
// scenario has no such override.
struct ResetScenarioOverride {
  std::size_t scenario = 0;
  OverrideKind kind = OverrideKind::subsidy_scale;
  std::string target;
};

using Command = std::variant<
    SetPlanTitle, SetPlanNotes, SetChangesSinceOriginalPlan, SetEarlierGrantActivities, SetScheme,
    SetCofinancingOption, SetCofinancingBase, SetSubmissionRound, SetRegionName, SetRegionType,
    SetPreviousGrant, SetFixedMaximum, AddOrganisation, RemoveOrganisation, RenameOrganisation,
    SetOrganisation, AddStudentCount, RemoveStudentCount, SetStudentCount, AddGoal, RemoveGoal,
    SetGoalTitle, SetGoalTheme, AddIndicator, RemoveIndicator, SetIndicator, AddActivity,
    RemoveActivity, SetActivityTitle, SetActivityTheme, SetActivityLead, SetActivityGoals,
    SetActivityPartners, SetActivityYears, AddLine, RemoveLine, SetLinePrice, SetLineQuantity,
    SetLineDescription, SetLineUnit, SetLineCategory, SetLineFunding, SetLineOrganisation,
    SetLineYear, SetLineOtherFunding, SetLineInvestment, AddScenario, RemoveScenario,
    RenameScenario, SetScenarioOverride, ResetScenarioOverride>;

// What apply_command() did: the inverse command and a description, or an error (the plan is then
// unchanged). Never to be dropped: a refused edit has a message the user must see.
struct [[nodiscard]] ApplyResult {
  std::optional<Command> inverse;
  LocalizedText description;  // e.g. "Bedrag gewijzigd: Lasapparatuur 2026" / "Price changed: …"
  LocalizedText error;        // e.g. "Ongeldig pad: activities[3].lines[9]"
  bool ok() const { return inverse.has_value(); }
};

// Performs `command` (named apply_command: a plain `apply` would collide with std::apply by ADL) on
// `plan`. This is the model's boundary: an edit after which the plan would not load cleanly
// (load_plan: a limit, a date range, a text length, a duplicate id, a reference to nothing) is
// refused with the loader's own message, as is an invalid path; the plan is then unchanged.
ApplyResult apply_command(Plan& plan, const Command& command);

// Performs a command recorded in the history (an inverse for undo, the original for redo) without
// the edit checks: it returns the plan to a state it was in before, which passed them then.
ApplyResult apply_recorded(Plan& plan, const Command& command);

// The command that gives field `id` (core/model/schema.h, Field::id) the value it has in `from`:
// of the plan (or its region), of goal `index`, of activity `index`, of the line at `at`. Nullopt
// when no command sets that field alone (an id, a record's list).
std::optional<Command> set_field_command(const Plan& from, std::string_view id);
std::optional<Command> set_field_command(std::size_t index, const Goal& from, std::string_view id);
std::optional<Command> set_field_command(std::size_t index, const Activity& from,
                                         std::string_view id);
std::optional<Command> set_field_command(LineRef at, const BudgetLine& from, std::string_view id);

// A stable name for the command type, e.g. "SetLinePrice" (for logs and test hooks).
const char* command_name(const Command& command);

// Where `command` changes the plan, as a finding's path ("activities[1].lines[2].funding",
// "organisations[3]", "notes"): the app shows an undone or redone step there. A removed record's
// path is where it stood.
std::string command_path(const Command& command);

}  // namespace sto
