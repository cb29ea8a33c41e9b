// Edit commands; see commands.h. Each apply checks its path first, then changes exactly one thing.
#include "edit/commands.h"

#include <algorithm>
#include <type_traits>
#include <utility>

#include "format/validate.h"
#include "model/schema.h"
#include "rules/scenario.h"

namespace sto {

namespace {

std::string line_label(const BudgetLine& line) {
  std::string label = line.description.empty() ? line.id : line.description;
  return label + " " + std::to_string(line.year);
}

LocalizedText text(std::string nl, std::string en) {
  return LocalizedText{std::move(nl), std::move(en)};
}
LocalizedText labelled(const char* nl, const char* en, const std::string& what) {
  return text(std::string(nl) + ": " + what, std::string(en) + ": " + what);
}

// "Prijs gewijzigd: Lasapparatuur 2026": the field's label from its schema row, capitalised.
// "activiteit 'Techniekweek'" / "activity 'Techniekweek'".
LocalizedText named(const char* nl, const char* en, const std::string& name) {
  return text(std::string(nl) + " '" + name + "'", std::string(en) + " '" + name + "'");
}

LocalizedText field_changed(const schema::RowNames& row, const LocalizedText& what) {
  const auto sentence = [&](const char* label, const char* changed, const std::string& of) {
    const std::string s = capitalised(label) + changed;
    return of.empty() ? s : s + ": " + of;
  };
  return text(sentence(row.nl, " gewijzigd", what.nl), sentence(row.en, " changed", what.en));
}

class Applier {
 public:
  explicit Applier(Plan& plan) : p_(plan) {}

  // [SECTION] One field
  template <auto Member, class Record>
  ApplyResult operator()(const SetField<Member, Record>& c) {
    Record* record = record_at(c);
    if (!record) return invalid_record(c);
    using Command = SetField<Member, Record>;
    Command inverse = c;
    inverse.value = record->*Member;
    record->*Member = c.value;
    return done(std::move(inverse), field_changed(schema::row_of(Member), what_changed(c)));
  }

  // [SECTION] Organisations and student counts
  ApplyResult operator()(const AddOrganisation& c) {
    return insert(p_.organisations, c.index, c.organisation, RemoveOrganisation{c.index},
                  "organisations",
                  labelled("Organisatie toegevoegd", "Organisation added", c.organisation.name));
  }
  ApplyResult operator()(const RemoveOrganisation& c) {
    if (c.index >= p_.organisations.size()) return invalid("organisations", c.index);
    return erase(
        p_.organisations, c.index, AddOrganisation{c.index, {}}, &AddOrganisation::organisation,
        labelled("Organisatie verwijderd", "Organisation removed", p_.organisations[c.index].name));
  }
  ApplyResult operator()(const RenameOrganisation& c) {
    if (c.index >= p_.organisations.size()) return invalid("organisations", c.index);
    auto& o = p_.organisations[c.index];
    return set(o.name, c.name, c, &RenameOrganisation::name,
               labelled("Organisatie hernoemd", "Organisation renamed", o.name + " → " + c.name));
  }
  ApplyResult operator()(const SetOrganisation& c) {
    if (c.index >= p_.organisations.size()) return invalid("organisations", c.index);
    auto& o = p_.organisations[c.index];
    return set(o, c.organisation, c, &SetOrganisation::organisation,
               labelled("Organisatie gewijzigd", "Organisation changed", o.name));
  }
  ApplyResult operator()(const AddStudentCount& c) {
    return insert(p_.student_counts, c.index, c.count, RemoveStudentCount{c.index},
                  "student_counts", text("Leerlingaantal toegevoegd", "Student count added"));
  }
  ApplyResult operator()(const RemoveStudentCount& c) {
    if (c.index >= p_.student_counts.size()) return invalid("student_counts", c.index);
    return erase(p_.student_counts, c.index, AddStudentCount{c.index, {}}, &AddStudentCount::count,
                 text("Leerlingaantal verwijderd", "Student count removed"));
  }
  ApplyResult operator()(const SetStudentCount& c) {
    if (c.index >= p_.student_counts.size()) return invalid("student_counts", c.index);
    return set(p_.student_counts[c.index], c.count, c, &SetStudentCount::count,
               text("Leerlingaantal gewijzigd", "Student count changed"));
  }

  // [SECTION] Goals and indicators
  ApplyResult operator()(const AddGoal& c) {
    return insert(p_.goals, c.index, c.goal, RemoveGoal{c.index}, "goals",
                  labelled("Doel toegevoegd", "Goal added", c.goal.title));
  }
  ApplyResult operator()(const RemoveGoal& c) {
    if (c.index >= p_.goals.size()) return invalid("goals", c.index);
    return erase(p_.goals, c.index, AddGoal{c.index, {}}, &AddGoal::goal,
                 labelled("Doel verwijderd", "Goal removed", p_.goals[c.index].title));
  }
  ApplyResult operator()(const AddIndicator& c) {
    if (c.goal >= p_.goals.size()) return invalid("goals", c.goal);
    return insert(p_.goals[c.goal].indicators, c.index, c.indicator,
                  RemoveIndicator{c.goal, c.index}, "indicators",
                  labelled("Indicator toegevoegd", "Indicator added", c.indicator.name));
  }
  ApplyResult operator()(const RemoveIndicator& c) {
    if (c.goal >= p_.goals.size()) return invalid("goals", c.goal);
    auto& v = p_.goals[c.goal].indicators;
    if (c.index >= v.size()) return invalid("indicators", c.index);
    return erase(v, c.index, AddIndicator{c.goal, c.index, {}}, &AddIndicator::indicator,
                 labelled("Indicator verwijderd", "Indicator removed", v[c.index].name));
  }
  ApplyResult operator()(const SetIndicator& c) {
    if (c.goal >= p_.goals.size()) return invalid("goals", c.goal);
    auto& v = p_.goals[c.goal].indicators;
    if (c.index >= v.size()) return invalid("indicators", c.index);
    return set(v[c.index], c.indicator, c, &SetIndicator::indicator,
               labelled("Indicator gewijzigd", "Indicator changed", c.indicator.name));
  }

  // [SECTION] Activities
  ApplyResult operator()(const AddActivity& c) {
    return insert(p_.activities, c.index, c.activity, RemoveActivity{c.index}, "activities",
                  labelled("Activiteit toegevoegd", "Activity added", c.activity.title));
  }
  ApplyResult operator()(const RemoveActivity& c) {
    if (c.index >= p_.activities.size()) return invalid("activities", c.index);
    return erase(
        p_.activities, c.index, AddActivity{c.index, {}}, &AddActivity::activity,
        labelled("Activiteit verwijderd", "Activity removed", p_.activities[c.index].title));
  }

  // [SECTION] Budget lines
  ApplyResult operator()(const AddLine& c) {
    if (c.at.activity >= p_.activities.size()) return invalid("activities", c.at.activity);
    return insert(p_.activities[c.at.activity].lines, c.at.line, c.line, RemoveLine{c.at}, "lines",
                  labelled("Regel toegevoegd", "Line added", line_label(c.line)));
  }
  ApplyResult operator()(const RemoveLine& c) {
    BudgetLine* l = line(c.at);
    if (!l) return invalid_line(c.at);
    return erase(p_.activities[c.at.activity].lines, c.at.line, AddLine{c.at, {}}, &AddLine::line,
                 labelled("Regel verwijderd", "Line removed", line_label(*l)));
  }

  // [SECTION] Scenarios
  ApplyResult operator()(const AddScenario& c) {
    return insert(p_.scenarios, c.index, c.scenario, RemoveScenario{c.index}, "scenarios",
                  labelled("Scenario toegevoegd", "Scenario added", c.scenario.name));
  }
  ApplyResult operator()(const RemoveScenario& c) {
    if (c.index >= p_.scenarios.size()) return invalid("scenarios", c.index);
    return erase(p_.scenarios, c.index, AddScenario{c.index, {}}, &AddScenario::scenario,
                 labelled("Scenario verwijderd", "Scenario removed", p_.scenarios[c.index].name));
  }
  ApplyResult operator()(const RenameScenario& c) {
    if (c.index >= p_.scenarios.size()) return invalid("scenarios", c.index);
    Scenario& s = p_.scenarios[c.index];
    return set(s.name, c.name, c, &RenameScenario::name,
               labelled("Scenario hernoemd", "Scenario renamed", s.name + " → " + c.name));
  }
  ApplyResult operator()(const SetScenarioOverride& c) {
    if (c.scenario >= p_.scenarios.size()) return invalid("scenarios", c.scenario);
    Scenario& s = p_.scenarios[c.scenario];
    const ScenarioOverride& o = c.override_value;
    const LocalizedText what = describe_override(o);
    const LocalizedText description{s.name + ": " + what.nl, s.name + ": " + what.en};
    const std::size_t at = override_index(s, o.kind, o.target);
    if (at < s.overrides.size()) {
      SetScenarioOverride inverse{c.scenario, s.overrides[at], at};
      s.overrides[at] = o;
      return done(std::move(inverse), description);
    }
    const std::size_t position = std::min(c.position, s.overrides.size());
    s.overrides.insert(s.overrides.begin() + static_cast<std::ptrdiff_t>(position), o);
    return done(ResetScenarioOverride{c.scenario, o.kind, o.target}, description);
  }
  ApplyResult operator()(const ResetScenarioOverride& c) {
    if (c.scenario >= p_.scenarios.size()) return invalid("scenarios", c.scenario);
    Scenario& s = p_.scenarios[c.scenario];
    const std::size_t at = override_index(s, c.kind, c.target);
    if (at >= s.overrides.size())
      return fail("scenarios[" + std::to_string(c.scenario) + "].overrides (" +
                  override_kind_id(c.kind) + (c.target.empty() ? "" : " " + c.target) + ")");
    SetScenarioOverride inverse{c.scenario, s.overrides[at], at};
    s.overrides.erase(s.overrides.begin() + static_cast<std::ptrdiff_t>(at));
    const std::string label = override_kind_label(c.kind, Language::nl),
                      label_en = override_kind_label(c.kind, Language::en);
    return done(std::move(inverse), text(s.name + ": " + label + " terug naar basis",
                                         s.name + ": " + label_en + " back to base"));
  }

 private:
  Plan& p_;

  // The position of the override with this key, or overrides.size().
  static std::size_t override_index(const Scenario& s, OverrideKind kind,
                                    const std::string& target) {
    const bool keyed = override_has_target(kind);
    for (std::size_t i = 0; i < s.overrides.size(); ++i)
      if (s.overrides[i].kind == kind && (!keyed || s.overrides[i].target == target)) return i;
    return s.overrides.size();
  }

  static ApplyResult fail(const std::string& path) {
    ApplyResult r;
    r.error = text("Ongeldig pad: " + path, "Invalid path: " + path);
    return r;
  }
  static ApplyResult invalid(const char* field, std::size_t index) {
    return fail(std::string(field) + "[" + std::to_string(index) + "]");
  }
  static ApplyResult invalid_line(LineRef at) {
    return fail("activities[" + std::to_string(at.activity) + "].lines[" + std::to_string(at.line) +
                "]");
  }
  template <class Inverse>
  static ApplyResult done(Inverse inverse, LocalizedText description) {
    ApplyResult r;
    r.inverse = Command(std::move(inverse));
    r.description = std::move(description);
    return r;
  }

  BudgetLine* line(LineRef at) {
    if (at.activity >= p_.activities.size()) return nullptr;
    auto& lines = p_.activities[at.activity].lines;
    return at.line < lines.size() ? &lines[at.line] : nullptr;
  }

  // Stores `value` in `field`; the inverse is the command with the old value.
  template <class Cmd, class T>
  static ApplyResult set(T& field, const T& value, Cmd inverse, T Cmd::*member,
                         LocalizedText description) {
    inverse.*member = field;
    field = value;
    return done(std::move(inverse), std::move(description));
  }
  template <class T, class Inverse>
  static ApplyResult insert(std::vector<T>& items, std::size_t index, const T& value,
                            Inverse inverse, const char* field, LocalizedText description) {
    if (index > items.size()) return invalid(field, index);
    items.insert(items.begin() + static_cast<std::ptrdiff_t>(index), value);
    return done(std::move(inverse), std::move(description));
  }
  template <class T, class Inverse>
  static ApplyResult erase(std::vector<T>& items, std::size_t index, Inverse inverse,
                           T Inverse::*member, LocalizedText description) {
    inverse.*member = std::move(items[index]);
    items.erase(items.begin() + static_cast<std::ptrdiff_t>(index));
    return done(std::move(inverse), std::move(description));
  }
  // The record a SetField command changes, or null when its index is out of range.
  template <auto Member>
  Plan* record_at(const SetField<Member, Plan>&) {
    return &p_;
  }
  template <auto Member>
  Region* record_at(const SetField<Member, Region>&) {
    return &p_.region;
  }
  template <auto Member>
  Goal* record_at(const SetField<Member, Goal>& c) {
    return c.index < p_.goals.size() ? &p_.goals[c.index] : nullptr;
  }
  template <auto Member>
  Activity* record_at(const SetField<Member, Activity>& c) {
    return c.index < p_.activities.size() ? &p_.activities[c.index] : nullptr;
  }
  template <auto Member>
  BudgetLine* record_at(const SetField<Member, BudgetLine>& c) {
    return line(c.at);
  }
  template <auto Member, class Record>
  static ApplyResult invalid_record(const SetField<Member, Record>& c) {
    if constexpr (std::is_same_v<Record, Goal>) return invalid("goals", c.index);
    if constexpr (std::is_same_v<Record, Activity>) return invalid("activities", c.index);
    if constexpr (std::is_same_v<Record, BudgetLine>) return invalid_line(c.at);
    return fail("");  // the plan and its region are always there
  }
  // What a changed field belongs to, after the change, for the history: the goal, the activity,
  // the line; of the plan's own fields only the scheme and the round, whose id says what changed.
  // A goal and an activity both have a title and a theme: their kind is named with them.
  template <auto Member, class Record>
  LocalizedText what_changed(const SetField<Member, Record>& c) {
    if constexpr (std::is_same_v<Record, Goal>)
      return named("doel", "goal", p_.goals[c.index].title);
    if constexpr (std::is_same_v<Record, Activity>)
      return named("activiteit", "activity", p_.activities[c.index].title);
    if constexpr (std::is_same_v<Record, BudgetLine>) {
      const std::string label = line_label(*line(c.at));
      return text(label, label);
    }
    if constexpr (std::is_same_v<ValueOf<Member>, std::string>) {
      const schema::Kind kind = schema::row_of(Member).kind;
      if (kind == schema::Kind::scheme || kind == schema::Kind::round)
        return text(c.value, c.value);
    }
    return {};
  }
};

}  // namespace

// [SECTION] The edit checks: what a command changed, checked as the loader would check it.
namespace {

template <class T, class... Options>
constexpr bool is_one_of = (std::is_same_v<T, Options> || ...);

// Whether C is a SetField command, and of which record.
template <class C>
struct FieldCommand : std::false_type {};
template <auto Member, class Record>
struct FieldCommand<SetField<Member, Record>> : std::true_type {
  using record = Record;
};
template <class C, class Record>
constexpr bool sets_field_of = false;
template <auto Member, class Record, class Of>
constexpr bool sets_field_of<SetField<Member, Record>, Of> = std::is_same_v<Record, Of>;

// The first record that refers to organisation `id` checked (it fails when `id` is gone), in the
// loader's order: student counts, activities, their lines.
std::optional<LocalizedText> check_references_to_organisation(const Plan& plan,
                                                              const std::string& id) {
  for (const Organisation& o : plan.organisations)
    if (o.id == id) return std::nullopt;
  for (std::size_t i = 0; i < plan.student_counts.size(); ++i)
    if (plan.student_counts[i].organisation_id == id) return check_student_count(plan, i);
  for (std::size_t a = 0; a < plan.activities.size(); ++a) {
    const Activity& activity = plan.activities[a];
    if (activity.lead_organisation_id == id ||
        std::find(activity.partner_ids.begin(), activity.partner_ids.end(), id) !=
            activity.partner_ids.end())
      return check_activity(plan, a);
  }
  for (std::size_t a = 0; a < plan.activities.size(); ++a)
    for (std::size_t l = 0; l < plan.activities[a].lines.size(); ++l)
      if (plan.activities[a].lines[l].organisation_id == id)
        return check_budget_line(plan, a, l, LineId::unchanged);
  return std::nullopt;
}

// The first activity that refers to goal `id` checked (it fails when `id` is gone).
std::optional<LocalizedText> check_references_to_goal(const Plan& plan, const std::string& id) {
  for (const Goal& g : plan.goals)
    if (g.id == id) return std::nullopt;
  for (std::size_t a = 0; a < plan.activities.size(); ++a) {
    const std::vector<std::string>& goals = plan.activities[a].goal_ids;
    if (std::find(goals.begin(), goals.end(), id) != goals.end()) return check_activity(plan, a);
  }
  return std::nullopt;
}

// Checks what `command` changed in `plan` (already applied; `inverse` undoes it). Removed lines,
// activities and student counts need no check: nothing refers to them in a way the loader
// refuses (a scenario override naming a removed line is kept and reported by the scenario).
std::optional<LocalizedText> check_edit(const Plan& plan, const Command& command,
                                        const Command& inverse) {
  return std::visit(
      [&](const auto& c) -> std::optional<LocalizedText> {
        using C = std::decay_t<decltype(c)>;
        if constexpr (sets_field_of<C, Plan> || sets_field_of<C, Region>) {
          return check_plan_fields(plan);
        } else if constexpr (is_one_of<C, AddOrganisation, RenameOrganisation>) {
          return check_organisation(plan, c.index);
        } else if constexpr (std::is_same_v<C, SetOrganisation>) {
          if (auto problem = check_organisation(plan, c.index)) return problem;
          return check_references_to_organisation(
              plan, std::get<SetOrganisation>(inverse).organisation.id);
        } else if constexpr (std::is_same_v<C, RemoveOrganisation>) {
          return check_references_to_organisation(
              plan, std::get<AddOrganisation>(inverse).organisation.id);
        } else if constexpr (is_one_of<C, AddStudentCount, SetStudentCount>) {
          return check_student_count(plan, c.index);
        } else if constexpr (is_one_of<C, AddGoal> || sets_field_of<C, Goal>) {
          return check_goal(plan, c.index);
        } else if constexpr (std::is_same_v<C, RemoveGoal>) {
          return check_references_to_goal(plan, std::get<AddGoal>(inverse).goal.id);
        } else if constexpr (is_one_of<C, AddIndicator, RemoveIndicator, SetIndicator>) {
          return check_goal(plan, c.goal);
        } else if constexpr (std::is_same_v<C, AddActivity>) {
          if (auto problem = check_activity(plan, c.index)) return problem;
          for (std::size_t l = 0; l < c.activity.lines.size(); ++l)
            if (auto problem = check_budget_line(plan, c.index, l)) return problem;
          return std::nullopt;
        } else if constexpr (sets_field_of<C, Activity>) {
          return check_activity(plan, c.index);
        } else if constexpr (std::is_same_v<C, AddLine>) {
          return check_budget_line(plan, c.at.activity, c.at.line, LineId::is_new);
        } else if constexpr (sets_field_of<C, BudgetLine>) {
          return check_budget_line(plan, c.at.activity, c.at.line, LineId::unchanged);
        } else if constexpr (is_one_of<C, AddScenario, RenameScenario>) {
          return check_scenario(plan, c.index);
        } else if constexpr (is_one_of<C, SetScenarioOverride, ResetScenarioOverride>) {
          return check_scenario(plan, c.scenario);
        } else {
          static_assert(
              is_one_of<C, RemoveStudentCount, RemoveActivity, RemoveLine, RemoveScenario>,
              "every command needs its check");
          return std::nullopt;
        }
      },
      command);
}

}  // namespace

ApplyResult apply_command(Plan& plan, const Command& command) {
  ApplyResult result = apply_recorded(plan, command);
  if (!result.ok()) return result;
  if (std::optional<LocalizedText> problem = check_edit(plan, command, *result.inverse)) {
    static_cast<void>(apply_recorded(plan, *result.inverse));  // back to the plan as it was
    ApplyResult refused;
    refused.error = std::move(*problem);
    return refused;
  }
  return result;
}

ApplyResult apply_recorded(Plan& plan, const Command& command) {
  return std::visit(Applier(plan), command);
}

namespace {
// The names of the commands that are not a SetField, in the Command list's order.
const char* const kCommandNames[] = {"AddOrganisation",
                                     "RemoveOrganisation",
                                     "RenameOrganisation",
                                     "SetOrganisation",
                                     "AddStudentCount",
                                     "RemoveStudentCount",
                                     "SetStudentCount",
                                     "AddGoal",
                                     "RemoveGoal",
                                     "AddIndicator",
                                     "RemoveIndicator",
                                     "SetIndicator",
                                     "AddActivity",
                                     "RemoveActivity",
                                     "AddLine",
                                     "RemoveLine",
                                     "AddScenario",
                                     "RemoveScenario",
                                     "RenameScenario",
                                     "SetScenarioOverride",
                                     "ResetScenarioOverride"};

template <std::size_t... I>
constexpr std::size_t count_field_commands(std::index_sequence<I...>) {
  return (std::size_t{0} + ... +
          (FieldCommand<std::variant_alternative_t<I, Command>>::value ? 1 : 0));
}
constexpr std::size_t kFieldCommands =
    count_field_commands(std::make_index_sequence<std::variant_size_v<Command>>());
static_assert(kFieldCommands + sizeof(kCommandNames) / sizeof(kCommandNames[0]) ==
                  std::variant_size_v<Command>,
              "every command needs a name");
}  // namespace

std::string command_name(const Command& command) {
  return std::visit(
      [&](const auto& c) -> std::string {
        using C = std::decay_t<decltype(c)>;
        if constexpr (FieldCommand<C>::value)
          return std::string("SetField(") + schema::row_of(C::field).id + ")";
        else
          return kCommandNames[command.index() - kFieldCommands];
      },
      command);
}

namespace {

// [SECTION] Commands by the field they set (their `field`, a row of core/model/schema.h)

template <class C>
struct Tag {
  using type = C;
};

// The alternative of Command that sets field `id` of a `Record`, made by make(Tag<C>).
template <class Record, class Make, std::size_t I = 0>
std::optional<Command> command_for_field(std::string_view id, const Make& make) {
  if constexpr (I == std::variant_size_v<Command>) {
    return std::nullopt;
  } else {
    using C = std::variant_alternative_t<I, Command>;
    if constexpr (sets_field_of<C, Record>)
      if (id == schema::row_of(C::field).id) return Command(make(Tag<C>{}));
    return command_for_field<Record, Make, I + 1>(id, make);
  }
}

}  // namespace

std::optional<Command> set_field_command(const Plan& from, std::string_view id) {
  if (auto command = command_for_field<Plan>(id, [&](auto tag) {
        using C = typename decltype(tag)::type;
        return C{from.*C::field};
      }))
    return command;
  return command_for_field<Region>(id, [&](auto tag) {
    using C = typename decltype(tag)::type;
    return C{from.region.*C::field};
  });
}
std::optional<Command> set_field_command(std::size_t index, const Goal& from, std::string_view id) {
  return command_for_field<Goal>(id, [&](auto tag) {
    using C = typename decltype(tag)::type;
    return C{index, from.*C::field};
  });
}
std::optional<Command> set_field_command(std::size_t index, const Activity& from,
                                         std::string_view id) {
  return command_for_field<Activity>(id, [&](auto tag) {
    using C = typename decltype(tag)::type;
    return C{index, from.*C::field};
  });
}
std::optional<Command> set_field_command(LineRef at, const BudgetLine& from, std::string_view id) {
  return command_for_field<BudgetLine>(id, [&](auto tag) {
    using C = typename decltype(tag)::type;
    return C{at, from.*C::field};
  });
}

std::string command_path(const Command& command) {
  const auto at = [](const char* list, std::size_t index) {
    return std::string(list) + "[" + std::to_string(index) + "]";
  };
  const auto line = [&](const LineRef& ref, const std::string& field) {
    return at("activities", ref.activity) + "." + at("lines", ref.line) + field;
  };
  return std::visit(
      [&](const auto& c) -> std::string {
        using C = std::decay_t<decltype(c)>;
        if constexpr (sets_field_of<C, Plan>) return schema::row_of(C::field).path;
        if constexpr (sets_field_of<C, Region>)
          return std::string("region.") + schema::row_of(C::field).path;
        if constexpr (is_one_of<C, AddOrganisation, RemoveOrganisation, RenameOrganisation,
                                SetOrganisation>)
          return at("organisations", c.index);
        if constexpr (is_one_of<C, AddStudentCount, RemoveStudentCount, SetStudentCount>)
          return at("student_counts", c.index);
        if constexpr (is_one_of<C, AddGoal, RemoveGoal> || sets_field_of<C, Goal>)
          return at("goals", c.index);
        if constexpr (is_one_of<C, AddIndicator, RemoveIndicator, SetIndicator>)
          return at("goals", c.goal) + "." + at("indicators", c.index);
        if constexpr (is_one_of<C, AddActivity, RemoveActivity> || sets_field_of<C, Activity>)
          return at("activities", c.index);
        if constexpr (is_one_of<C, AddLine, RemoveLine>) return line(c.at, "");
        if constexpr (sets_field_of<C, BudgetLine>)
          return line(c.at, std::string(".") + schema::row_of(C::field).path);
        if constexpr (is_one_of<C, AddScenario, RemoveScenario, RenameScenario>)
          return at("scenarios", c.index);
        if constexpr (is_one_of<C, SetScenarioOverride, ResetScenarioOverride>)
          return at("scenarios", c.scenario);
        return "";
      },
      command);
}

}  // namespace sto
