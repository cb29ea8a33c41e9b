// Edit commands: every change to a plan is a small value; apply_command() performs it and returns
// the command that undoes it, plus a description for the history list ("Prijs gewijzigd: …"). Pure
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

// [SECTION] One field set alone
// SetField<&Record::member> sets that field of the plan, its region, goal `index`, activity
// `index` or the line at `at` to `value`. The field's row in core/model/schema.h gives its label in
// the history ("Prijs gewijzigd: …"), its path and its id in merges (set_field_command), so a new
// field takes no command of its own; only the Command list below names it.
template <class Member>
struct MemberOf;
template <class Record, class Value>
struct MemberOf<Value Record::*> {
  using record = Record;
  using value = Value;
};
template <auto Member>
using RecordOf = typename MemberOf<decltype(Member)>::record;
template <auto Member>
using ValueOf = typename MemberOf<decltype(Member)>::value;

template <auto Member, class Record = RecordOf<Member>>
struct SetField {  // a field of a goal or an activity
  std::size_t index = 0;
  ValueOf<Member> value{};
  static constexpr auto field = Member;
};
template <auto Member>
struct SetField<Member, Plan> {
  ValueOf<Member> value{};
  static constexpr auto field = Member;
};
template <auto Member>
struct SetField<Member, Region> {
  ValueOf<Member> value{};
  static constexpr auto field = Member;
};
template <auto Member>
struct SetField<Member, BudgetLine> {
  LineRef at;
  ValueOf<Member> value{};
  static constexpr auto field = Member;
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

// [SECTION] Budget lines
struct AddLine {
  LineRef at;
  BudgetLine line;
};
struct RemoveLine {
  LineRef at;
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

// The fields a command sets alone are listed here; a field not listed is set with its record
// (SetOrganisation, SetStudentCount, SetIndicator) or not edited in the app.
using Command = std::variant<
    SetField<&Plan::title>, SetField<&Plan::notes>, SetField<&Plan::changes_since_original_plan>,
    SetField<&Plan::earlier_grant_activities>, SetField<&Plan::scheme_id>,
    SetField<&Plan::cofinancing_option>, SetField<&Plan::cofinancing_base>,
    SetField<&Plan::submission_round>, SetField<&Region::name>, SetField<&Region::type>,
    SetField<&Region::previous_grant>, SetField<&Region::fixed_maximum>, SetField<&Goal::title>,
    SetField<&Goal::theme>, SetField<&Activity::title>, SetField<&Activity::theme>,
    SetField<&Activity::lead_organisation_id>, SetField<&Activity::goal_ids>,
    SetField<&Activity::partner_ids>, SetField<&Activity::years>, SetField<&BudgetLine::price>,
    SetField<&BudgetLine::quantity_milli>, SetField<&BudgetLine::description>,
    SetField<&BudgetLine::unit>, SetField<&BudgetLine::category>, SetField<&BudgetLine::funding>,
    SetField<&BudgetLine::organisation_id>, SetField<&BudgetLine::year>,
    SetField<&BudgetLine::other_funding>, SetField<&BudgetLine::investment>, AddOrganisation,
    RemoveOrganisation, RenameOrganisation, SetOrganisation, AddStudentCount, RemoveStudentCount,
    SetStudentCount, AddGoal, RemoveGoal, AddIndicator, RemoveIndicator, SetIndicator, AddActivity,
    RemoveActivity, AddLine, RemoveLine, AddScenario, RemoveScenario, RenameScenario,
    SetScenarioOverride, ResetScenarioOverride>;

// What apply_command() did: the inverse command and a description, or an error (the plan is then
// unchanged). Never to be dropped: a refused edit has a message the user must see.
struct [[nodiscard]] ApplyResult {
  std::optional<Command> inverse;
  LocalizedText description;  // e.g. "Prijs gewijzigd: Lasapparatuur 2026" / "Price changed: …"
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

// A stable name for the command type, e.g. "AddLine" or "SetField(price)" (for logs and tests).
std::string command_name(const Command& command);

// Where `command` changes the plan, as a finding's path ("activities[1].lines[2].funding",
// "organisations[3]", "notes"): the app shows an undone or redone step there. A removed record's
// path is where it stood.
std::string command_path(const Command& command);

}  // namespace sto
