// Plan differences; see diff.h. Each record type has a table of its fields: how two values
// compare, how a value reads in words, and (for merging) how one field is copied over.
#include "exchange/diff.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <iterator>
#include <unordered_map>
#include <utility>

#include "exchange/summary_json.h"
#include "model/dates.h"
#include "model/enum_names.h"
#include "model/labels.h"
#include "model/schema.h"
#include "rules/finding_place.h"
#include "rules/rules.h"
#include "rules/scenario.h"

namespace sto {

namespace {

// [SECTION] Values in words

LocalizedText both(const std::string& text) {
  return {text, text};
}
LocalizedText text_value(const std::string& text) {
  if (text.empty()) return {"(leeg)", "(empty)"};
  return {"'" + text + "'", "'" + text + "'"};
}
LocalizedText money_value(Money amount) {
  return {format_money(amount, Language::nl), format_money(amount, Language::en)};
}
LocalizedText milli_value(std::int64_t milli) {
  return {format_trimmed(milli, 3, Language::nl), format_trimmed(milli, 3, Language::en)};
}
LocalizedText whole_value(std::int64_t value) {
  return {format_fixed(value, 0, Language::nl), format_fixed(value, 0, Language::en)};
}
LocalizedText year_value(int year) {
  if (year == 0) return {"(geen)", "(none)"};
  return both(std::to_string(year));
}
LocalizedText bool_value(bool value) {
  return value ? LocalizedText{"ja", "yes"} : LocalizedText{"nee", "no"};
}
LocalizedText date_value(const Date& date) {
  if (!date.is_set()) return {"(geen)", "(none)"};
  return both(format_iso_date(date));
}
template <class Enum>
LocalizedText enum_value(Enum value, const char* (*label)(Enum, Language)) {
  return {label(value, Language::nl), label(value, Language::en)};
}
LocalizedText join(const std::vector<LocalizedText>& parts, const char* separator) {
  if (parts.empty()) return {"(geen)", "(none)"};
  LocalizedText out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) {
      out.nl += separator;
      out.en += separator;
    }
    out.nl += parts[i].nl;
    out.en += parts[i].en;
  }
  return out;
}

const Organisation* organisation_by_id(const Plan& plan, const std::string& id) {
  for (const Organisation& o : plan.organisations)
    if (o.id == id) return &o;
  return nullptr;
}
const Goal* goal_by_id(const Plan& plan, const std::string& id) {
  for (const Goal& g : plan.goals)
    if (g.id == id) return &g;
  return nullptr;
}
const Activity* activity_by_id(const Plan& plan, const std::string& id) {
  for (const Activity& a : plan.activities)
    if (a.id == id) return &a;
  return nullptr;
}

// An organisation by its name in that plan ('Techniek BV'), by its id when it has no name there.
LocalizedText organisation_value(const std::string& id, const Plan& plan) {
  if (id.empty()) return {"(geen)", "(none)"};
  const Organisation* o = organisation_by_id(plan, id);
  return text_value(o && !o->name.empty() ? o->name : id);
}
LocalizedText organisations_value(const std::vector<std::string>& ids, const Plan& plan) {
  std::vector<LocalizedText> names;
  for (const std::string& id : ids) names.push_back(organisation_value(id, plan));
  return join(names, ", ");
}
LocalizedText goals_value(const std::vector<std::string>& ids, const Plan& plan) {
  std::vector<LocalizedText> names;
  for (const std::string& id : ids) {
    const Goal* g = goal_by_id(plan, id);
    names.push_back(text_value(g && !g->title.empty() ? g->title : id));
  }
  return join(names, ", ");
}
LocalizedText years_value(const std::vector<int>& years) {
  std::vector<LocalizedText> parts;
  for (int y : years) parts.push_back(both(std::to_string(y)));
  return join(parts, ", ");
}
LocalizedText activity_value(const std::string& id, const Plan& plan) {
  const Activity* a = activity_by_id(plan, id);
  return text_value(a && !a->title.empty() ? a->title : id);
}
LocalizedText targets_value(const std::vector<YearValue>& targets) {
  std::vector<LocalizedText> parts;
  for (const YearValue& t : targets) {
    const std::string year = std::to_string(t.year) + ": ";
    parts.push_back({year + format_trimmed(t.value_milli, 3, Language::nl),
                     year + format_trimmed(t.value_milli, 3, Language::en)});
  }
  return join(parts, "; ");
}
LocalizedText business_value(BusinessStatus status) {
  switch (status) {
    case BusinessStatus::yes: return {"ja", "yes"};
    case BusinessStatus::no: return {"nee", "no"};
    case BusinessStatus::by_kind: break;
  }
  return {"volgens soort", "by kind"};
}
LocalizedText path_value(LearningPath path) {
  static const char* const names[] = {"BB", "KB", "GL", "TL"};
  return both(names[static_cast<int>(path)]);
}
LocalizedText base_value(const std::optional<CofinancingBase>& base) {
  if (!base) return {"volgens de regeling", "as the scheme says"};
  return enum_value(*base, base_label);
}
LocalizedText option_value(const std::string& option) {
  if (option.empty()) return {"standaard van de regeling", "the scheme's default"};
  return text_value(option);
}
LocalizedText round_value(const std::string& round) {
  if (round.empty()) return {"standaardronde van de regeling", "the scheme's default round"};
  return text_value(round);
}

// [SECTION] Raw values: a field as the plan file holds it, as JSON (FieldChange::raw_before).

std::string raw_json(const std::string& text) {
  return json_quote(text);
}
std::string raw_json(bool value) {
  return value ? "true" : "false";
}
std::string raw_json(int value) {
  return std::to_string(value);
}
std::string raw_json(std::int64_t value) {
  return std::to_string(value);
}
std::string raw_json(Money money) {
  return std::to_string(money.cents);
}
std::string raw_json(Date date) {
  return date.is_set() ? json_quote(format_iso_date(date)) : "null";
}
// An enum value by its name in files (schema::names_of).
template <class Enum, class = std::enable_if_t<std::is_enum_v<Enum>>>
std::string raw_json(Enum value) {
  return json_quote(enum_names::to_name(value, schema::names_of(value)));
}
// A record of the schema: its fields under their file keys, in the file's order.
template <class Record, class = std::enable_if_t<schema::has_table_v<Record>>>
std::string raw_json(const Record& record);
template <class T>
std::string raw_json(const std::vector<T>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + raw_json(items[i]);
  return out + "]";
}
template <class T>
std::string raw_json(const std::optional<T>& value) {
  return value ? raw_json(*value) : "null";
}
template <class Record, class>
std::string raw_json(const Record& record) {
  std::string out = "{";
  schema::for_each_field<Record>([&](const auto& f) {
    out += std::string(out.size() > 1 ? ", " : "") + json_quote(f.file) + ": " +
           raw_json(f.of(record));
  });
  return out + "}";
}
std::string raw_json(const ScenarioOverride* o) {
  return o ? raw_json(*o) : "null";
}

// [SECTION] Field tables: each record's fields from its table in core/model/schema.h

// A field's value in words, by what it holds (schema::Kind); references named from `plan`.
using schema::Kind;
LocalizedText show(Kind kind, const std::string& value, const Plan& plan) {
  switch (kind) {
    case Kind::organisation: return organisation_value(value, plan);
    case Kind::scheme_option: return option_value(value);
    case Kind::round: return round_value(value);
    default: return text_value(value);
  }
}
LocalizedText show(Kind kind, int value, const Plan&) {
  switch (kind) {
    case Kind::year: return year_value(value);
    case Kind::months: {
      const std::string months = std::to_string(value);
      return {months + " maanden", months + " months"};
    }
    case Kind::basis_points:
      return {format_percent_bp(value, Language::nl), format_percent_bp(value, Language::en)};
    default: return whole_value(value);
  }
}
LocalizedText show(Kind kind, std::int64_t value, const Plan&) {
  return kind == Kind::milli ? milli_value(value) : whole_value(value);
}
LocalizedText show(Kind, Money value, const Plan&) {
  return money_value(value);
}
LocalizedText show(Kind, bool value, const Plan&) {
  return bool_value(value);
}
LocalizedText show(Kind, const Date& value, const Plan&) {
  return date_value(value);
}
LocalizedText show(Kind, RegionType value, const Plan&) {
  return enum_value(value, region_type_label);
}
LocalizedText show(Kind, OrganisationKind value, const Plan&) {
  return enum_value(value, organisation_kind_label);
}
LocalizedText show(Kind, BusinessStatus value, const Plan&) {
  return business_value(value);
}
LocalizedText show(Kind, LearningPath value, const Plan&) {
  return path_value(value);
}
LocalizedText show(Kind, CostCategory value, const Plan&) {
  return enum_value(value, category_label);
}
LocalizedText show(Kind, FundingSource value, const Plan&) {
  return enum_value(value, funding_label);
}
LocalizedText show(Kind, const std::optional<CofinancingBase>& value, const Plan&) {
  return base_value(value);
}
LocalizedText show(Kind kind, const std::vector<std::string>& ids, const Plan& plan) {
  return kind == Kind::goals ? goals_value(ids, plan) : organisations_value(ids, plan);
}
LocalizedText show(Kind, const std::vector<int>& years, const Plan&) {
  return years_value(years);
}
LocalizedText show(Kind, const std::vector<YearValue>& targets, const Plan&) {
  return targets_value(targets);
}
// An investment on one line, its fields in the table's order; a share says what it is a share of
// ("€ 12.000,00, 1 maart 2025, 60 maanden, 80,00% projectgebruik").
LocalizedText show(Kind, const std::optional<Investment>& investment, const Plan& plan) {
  if (!investment) return {"geen investering", "no investment"};
  std::vector<LocalizedText> parts;
  schema::for_each_field<Investment>([&](const auto& f) {
    LocalizedText part = show(f.kind, f.of(*investment), plan);
    if (f.kind == Kind::basis_points) part = {part.nl + " " + f.nl, part.en + " " + f.en};
    parts.push_back(std::move(part));
  });
  return join(parts, ", ");
}

// One field of record type R, as differences compare, show and copy it.
template <class R>
struct FieldSpec {
  const char* id;
  const char* nl;
  const char* en;
  std::function<bool(const R&, const R&)> equal;
  std::function<LocalizedText(const R&, const Plan&)> show;  // the value in words
  std::function<void(R&, const R&)> copy;
  std::function<std::string(const R&)> raw;  // the value as the file holds it, as JSON
};

// The field `f` of the record that `part` finds in an R (the R itself, or the line of a
// LineRecord).
template <class R, class Field, class Part>
FieldSpec<R> field_spec(const Field& f, Part part) {
  return {f.id,
          f.nl,
          f.en,
          [f, part](const R& a, const R& b) { return schema::equal(f.of(part(a)), f.of(part(b))); },
          [f, part](const R& r, const Plan& p) { return show(f.kind, f.of(part(r)), p); },
          [f, part](R& to, const R& from) { f.of(part(to)) = f.of(part(from)); },
          [f, part](const R& r) { return raw_json(f.of(part(r))); }};
}

// Every field of `Record` a difference shows: not what identifies the record, nor its lists of
// records of their own (an activity's lines, a goal's indicators: records of the difference).
template <class Value>
struct is_record_list : std::false_type {};
template <class T>
struct is_record_list<std::vector<T>> : std::bool_constant<schema::has_table_v<T>> {};

template <class R, class Record, class Part>
void add_fields(std::vector<FieldSpec<R>>& out, Part part) {
  schema::for_each_field<Record>([&](const auto& f) {
    using Value = typename std::decay_t<decltype(f)>::value_type;
    if constexpr (std::is_same_v<Value, Region>) {
      add_fields<R, Region>(
          out, [part](auto& r) -> auto& { return part(r).region; });
    } else if constexpr (!std::is_same_v<Value, Lineage> && !is_record_list<Value>::value) {
      if (!f.identifies && std::string_view(f.id) != "is_example")
        out.push_back(field_spec<R>(f, part));
    } else if constexpr (std::is_same_v<Value, std::vector<YearValue>>) {
      out.push_back(field_spec<R>(f, part));  // an indicator's targets: changed as a whole
    }
  });
}

// The model record a difference's record type stands for, and where it is in one.
template <class R>
struct Part {
  using type = R;
  static constexpr auto get = [](auto& r) -> auto& { return r; };
};
template <>
struct Part<PlanSettings> {
  using type = Plan;
  static constexpr auto get = [](auto& r) -> auto& { return r.plan; };
};
template <>
struct Part<IndicatorRecord> {
  using type = Indicator;
  static constexpr auto get = [](auto& r) -> auto& { return r.indicator; };
};
template <>
struct Part<LineRecord> {
  using type = BudgetLine;
  static constexpr auto get = [](auto& r) -> auto& { return r.line; };
};

template <class R>
std::vector<FieldSpec<R>> fields_from_schema() {
  std::vector<FieldSpec<R>> out;
  if constexpr (std::is_same_v<R, LineRecord>) {
    // A line's activity first: a line moved to another activity is the same line.
    out.push_back(
        {"activity", "activiteit", "activity",
         [](const LineRecord& a, const LineRecord& b) { return a.activity_id == b.activity_id; },
         [](const LineRecord& r, const Plan& p) { return activity_value(r.activity_id, p); },
         [](LineRecord& to, const LineRecord& from) { to.activity_id = from.activity_id; },
         [](const LineRecord& r) { return raw_json(r.activity_id); }});
  }
  add_fields<R, typename Part<R>::type>(out, Part<R>::get);
  return out;
}

// The fields a difference shows of a record of type R, built once.
template <class R>
const std::vector<FieldSpec<R>>& fields_of(const R&) {
  static const std::vector<FieldSpec<R>> fields = fields_from_schema<R>();
  return fields;
}

// [SECTION] Scenario overrides: one field per (kind, target), "override:kind|target"

constexpr const char* kOverridePrefix = "override:";

std::string override_field(const ScenarioOverride& o) {
  return std::string(kOverridePrefix) + override_kind_id(o.kind) + "|" + o.target;
}
const ScenarioOverride* find_override(const Scenario& s, const std::string& field) {
  for (const ScenarioOverride& o : s.overrides)
    if (override_field(o) == field) return &o;
  return nullptr;
}
LocalizedText override_value(const ScenarioOverride* o) {
  if (!o) return {"(volgt de basis)", "(follows the base)"};
  return describe_override(*o);
}

void override_changes(const Scenario& a, const Scenario& b, std::vector<FieldChange>& out) {
  auto add = [&](const ScenarioOverride& any, const ScenarioOverride* x,
                 const ScenarioOverride* y) {
    const std::string target = any.target.empty() ? "" : " " + any.target;
    out.push_back(
        {override_field(any),
         {std::string("aanpassing ") + override_kind_label(any.kind, Language::nl) + target,
          std::string("change ") + override_kind_label(any.kind, Language::en) + target},
         override_value(x),
         override_value(y),
         raw_json(x),
         raw_json(y)});
  };
  for (const ScenarioOverride& o : b.overrides) {
    const ScenarioOverride* old = find_override(a, override_field(o));
    if (!old || !schema::equal(*old, o)) add(o, old, &o);
  }
  for (const ScenarioOverride& o : a.overrides)
    if (!find_override(b, override_field(o))) add(o, &o, nullptr);
}

template <class R>
std::vector<FieldChange> changed_fields(const R& a, const Plan& plan_a, const R& b,
                                        const Plan& plan_b) {
  std::vector<FieldChange> out;
  for (const FieldSpec<R>& f : fields_of(a))
    if (!f.equal(a, b))
      out.push_back({f.id, {f.nl, f.en}, f.show(a, plan_a), f.show(b, plan_b), f.raw(a), f.raw(b)});
  if constexpr (std::is_same_v<R, Scenario>) override_changes(a, b, out);
  return out;
}

// [SECTION] Records of a plan

LocalizedText named(const char* nl, const char* en, const std::string& name) {
  const std::string quoted = " '" + name + "'";
  return {nl + quoted, en + quoted};
}

LocalizedText describe_record(const RecordValue& value, const Plan& plan) {
  struct Describe {
    const Plan& plan;
    LocalizedText operator()(const std::monostate&) const { return {}; }
    LocalizedText operator()(const PlanSettings&) const {
      return {"Plan en regio", "Plan and region"};
    }
    LocalizedText operator()(const Organisation& o) const {
      return named("Organisatie", "Organisation", o.name.empty() ? o.id : o.name);
    }
    LocalizedText operator()(const StudentCount& c) const {
      const LocalizedText org = organisation_value(c.organisation_id, plan);
      const std::string rest =
          ", " + path_value(c.path).nl + (c.profile.empty() ? "" : ", " + c.profile);
      return {"Leerlingaantal van " + org.nl + rest, "Student count of " + org.en + rest};
    }
    LocalizedText operator()(const Goal& g) const {
      return named("Doel", "Goal", g.title.empty() ? g.id : g.title);
    }
    LocalizedText operator()(const IndicatorRecord& r) const {
      const Goal* g = goal_by_id(plan, r.goal_id);
      const std::string goal = g && !g->title.empty() ? g->title : r.goal_id;
      const std::string name = r.indicator.name.empty() ? r.indicator.id : r.indicator.name;
      return {"Indicator '" + name + "' bij doel '" + goal + "'",
              "Indicator '" + name + "' of goal '" + goal + "'"};
    }
    LocalizedText operator()(const Activity& a) const {
      return named("Activiteit", "Activity", a.title.empty() ? a.id : a.title);
    }
    LocalizedText operator()(const LineRecord& r) const {
      const std::string name = (r.line.description.empty() ? r.line.id : r.line.description) +
                               "' " + std::to_string(r.line.year);
      const LocalizedText activity = activity_value(r.activity_id, plan);
      return {"Regel '" + name + " in activiteit " + activity.nl,
              "Line '" + name + " in activity " + activity.en};
    }
    LocalizedText operator()(const Scenario& s) const {
      return named("Scenario", "Scenario", s.name.empty() ? s.id : s.name);
    }
  };
  return std::visit(Describe{plan}, value);
}

// Adds `base` with an occurrence suffix when the same key was seen before in this plan.
class KeyCounter {
 public:
  std::string next(const std::string& base) { return record_key(base, ++seen_[base]); }

 private:
  std::unordered_map<std::string, std::size_t> seen_;
};

struct SectionInfo {
  const char* id;
  const char* nl;
  const char* en;
};
const SectionInfo kSections[kDiffSectionCount] = {
    {"settings", "Plan en regio", "Plan and region"},
    {"organisations", "Partners", "Partners"},
    {"student_counts", "Leerlingaantallen", "Student counts"},
    {"goals", "Doelen en indicatoren", "Goals and indicators"},
    {"activities", "Activiteiten", "Activities"},
    {"budget", "Begroting", "Budget"},
    {"scenarios", "Scenario's", "Scenarios"}};

}  // namespace

const char* diff_section_label(DiffSection section, Language language) {
  const SectionInfo& s = kSections[static_cast<std::size_t>(section)];
  return language == Language::nl ? s.nl : s.en;
}
const char* diff_section_id(DiffSection section) {
  return kSections[static_cast<std::size_t>(section)].id;
}
const char* change_kind_id(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::added: return "added";
    case ChangeKind::removed: return "removed";
    case ChangeKind::changed: break;
  }
  return "changed";
}

std::string record_key(const std::string& base, std::size_t occurrence) {
  return occurrence <= 1 ? base : base + "#" + std::to_string(occurrence);
}

namespace {
PlanSettings settings_of(const Plan& plan) {
  PlanSettings settings;
  schema::for_each_field<Plan>([&](const auto& f) {
    if constexpr (!std::is_same_v<typename std::decay_t<decltype(f)>::value_type, Lineage>)
      if (f.kind != Kind::records) f.of(settings.plan) = f.of(plan);
  });
  return settings;
}
PlanRecord plan_records_settings(const Plan& plan) {
  return {DiffSection::settings, "settings", settings_of(plan), 0, 0};
}
}  // namespace

std::vector<PlanRecord> plan_records(const Plan& plan) {
  std::vector<PlanRecord> out;
  KeyCounter keys;
  out.push_back(plan_records_settings(plan));
  for (std::size_t i = 0; i < plan.organisations.size(); ++i) {
    const Organisation& o = plan.organisations[i];
    out.push_back({DiffSection::organisations, keys.next("organisations/" + o.id), o, i, 0});
  }
  for (std::size_t i = 0; i < plan.student_counts.size(); ++i) {
    const StudentCount& c = plan.student_counts[i];
    out.push_back({DiffSection::student_counts,
                   keys.next("student_counts/" + student_count_target(c)), c, i, 0});
  }
  for (std::size_t i = 0; i < plan.goals.size(); ++i) {
    Goal header = plan.goals[i];
    header.indicators.clear();
    out.push_back({DiffSection::goals, keys.next("goals/" + header.id), std::move(header), i, 0});
  }
  for (std::size_t g = 0; g < plan.goals.size(); ++g) {
    const Goal& goal = plan.goals[g];
    for (std::size_t i = 0; i < goal.indicators.size(); ++i)
      out.push_back({DiffSection::goals,
                     keys.next("goals/" + goal.id + "/indicators/" + goal.indicators[i].id),
                     IndicatorRecord{goal.id, goal.indicators[i]}, i, g});
  }
  for (std::size_t i = 0; i < plan.activities.size(); ++i) {
    Activity header = plan.activities[i];
    header.lines.clear();
    out.push_back(
        {DiffSection::activities, keys.next("activities/" + header.id), std::move(header), i, 0});
  }
  for (std::size_t a = 0; a < plan.activities.size(); ++a) {
    const Activity& activity = plan.activities[a];
    for (std::size_t i = 0; i < activity.lines.size(); ++i)
      out.push_back({DiffSection::budget, keys.next("lines/" + activity.lines[i].id),
                     LineRecord{activity.id, activity.lines[i]}, i, a});
  }
  for (std::size_t i = 0; i < plan.scenarios.size(); ++i) {
    const Scenario& s = plan.scenarios[i];
    out.push_back({DiffSection::scenarios, keys.next("scenarios/" + s.id), s, i, 0});
  }
  return out;
}

std::optional<PlanRecord> find_record(const Plan& plan, const std::string& key) {
  if (key == "settings") return plan_records_settings(plan);
  std::unordered_map<std::string, std::size_t> seen;
  // True when the record whose key base is `base` is the one wanted (counting occurrences only of
  // bases the key starts with, so a lookup allocates little).
  auto is_wanted = [&](const std::string& base) {
    if (key.compare(0, base.size(), base) != 0) return false;
    return record_key(base, ++seen[base]) == key;
  };
  auto starts = [&](const char* prefix) { return key.rfind(prefix, 0) == 0; };
  if (starts("organisations/"))
    for (std::size_t i = 0; i < plan.organisations.size(); ++i)
      if (is_wanted("organisations/" + plan.organisations[i].id))
        return PlanRecord{DiffSection::organisations, key, plan.organisations[i], i, 0};
  if (starts("student_counts/"))
    for (std::size_t i = 0; i < plan.student_counts.size(); ++i)
      if (is_wanted("student_counts/" + student_count_target(plan.student_counts[i])))
        return PlanRecord{DiffSection::student_counts, key, plan.student_counts[i], i, 0};
  if (starts("goals/")) {
    for (std::size_t i = 0; i < plan.goals.size(); ++i)
      if (is_wanted("goals/" + plan.goals[i].id)) {
        Goal header = plan.goals[i];
        header.indicators.clear();
        return PlanRecord{DiffSection::goals, key, std::move(header), i, 0};
      }
    for (std::size_t g = 0; g < plan.goals.size(); ++g) {
      const Goal& goal = plan.goals[g];
      for (std::size_t i = 0; i < goal.indicators.size(); ++i)
        if (is_wanted("goals/" + goal.id + "/indicators/" + goal.indicators[i].id))
          return PlanRecord{DiffSection::goals, key, IndicatorRecord{goal.id, goal.indicators[i]},
                            i, g};
    }
  }
  if (starts("activities/"))
    for (std::size_t i = 0; i < plan.activities.size(); ++i)
      if (is_wanted("activities/" + plan.activities[i].id)) {
        Activity header = plan.activities[i];
        header.lines.clear();
        return PlanRecord{DiffSection::activities, key, std::move(header), i, 0};
      }
  if (starts("lines/"))
    for (std::size_t a = 0; a < plan.activities.size(); ++a) {
      const Activity& activity = plan.activities[a];
      for (std::size_t i = 0; i < activity.lines.size(); ++i)
        if (is_wanted("lines/" + activity.lines[i].id))
          return PlanRecord{DiffSection::budget, key, LineRecord{activity.id, activity.lines[i]}, i,
                            a};
    }
  if (starts("scenarios/"))
    for (std::size_t i = 0; i < plan.scenarios.size(); ++i)
      if (is_wanted("scenarios/" + plan.scenarios[i].id))
        return PlanRecord{DiffSection::scenarios, key, plan.scenarios[i], i, 0};
  return std::nullopt;
}

std::vector<FieldChange> record_field_changes(const RecordValue& a, const Plan& plan_a,
                                              const RecordValue& b, const Plan& plan_b) {
  return std::visit(
      [&](const auto& x) -> std::vector<FieldChange> {
        using R = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<R, std::monostate>) {
          return {};
        } else {
          const R* y = std::get_if<R>(&b);
          if (!y) return {};
          return changed_fields(x, plan_a, *y, plan_b);
        }
      },
      a);
}

bool copy_record_field(RecordValue& to, const RecordValue& from, const std::string& field) {
  return std::visit(
      [&](auto& target) -> bool {
        using R = std::decay_t<decltype(target)>;
        if constexpr (std::is_same_v<R, std::monostate>) {
          return false;
        } else {
          const R* source = std::get_if<R>(&from);
          if (!source) return false;
          if constexpr (std::is_same_v<R, Scenario>) {
            if (field.rfind(kOverridePrefix, 0) == 0) {
              const ScenarioOverride* wanted = find_override(*source, field);
              auto& list = target.overrides;
              const auto existing = std::find_if(list.begin(), list.end(), [&](const auto& o) {
                return override_field(o) == field;
              });
              if (wanted && existing != list.end())
                *existing = *wanted;
              else if (wanted)
                list.push_back(*wanted);
              else if (existing != list.end())
                list.erase(existing);
              return true;
            }
          }
          for (const FieldSpec<R>& f : fields_of(target))
            if (field == f.id) {
              f.copy(target, *source);
              return true;
            }
          return false;
        }
      },
      to);
}

LocalizedText record_name(const RecordValue& value, const Plan& plan) {
  return describe_record(value, plan);
}

std::vector<RecordChange> diff_records(const Plan& before, const Plan& after) {
  const std::vector<PlanRecord> old_records = plan_records(before);
  const std::vector<PlanRecord> new_records = plan_records(after);
  std::unordered_map<std::string, std::size_t> old_by_key, new_by_key;
  for (std::size_t i = 0; i < old_records.size(); ++i) old_by_key.emplace(old_records[i].key, i);
  for (std::size_t i = 0; i < new_records.size(); ++i) new_by_key.emplace(new_records[i].key, i);

  std::vector<RecordChange> out;
  for (std::size_t s = 0; s < kDiffSectionCount; ++s) {
    const auto section = static_cast<DiffSection>(s);
    for (const PlanRecord& r : new_records) {
      if (r.section != section) continue;
      const auto old = old_by_key.find(r.key);
      if (old == old_by_key.end()) {
        out.push_back({section,
                       ChangeKind::added,
                       r.key,
                       describe_record(r.value, after),
                       {},
                       std::monostate{},
                       r.value});
        continue;
      }
      const PlanRecord& o = old_records[old->second];
      std::vector<FieldChange> fields = record_field_changes(o.value, before, r.value, after);
      if (!fields.empty())
        out.push_back({section, ChangeKind::changed, r.key, describe_record(r.value, after),
                       std::move(fields), o.value, r.value});
    }
    for (const PlanRecord& o : old_records)
      if (o.section == section && new_by_key.count(o.key) == 0)
        out.push_back({section,
                       ChangeKind::removed,
                       o.key,
                       describe_record(o.value, before),
                       {},
                       o.value,
                       std::monostate{}});
  }
  return out;
}

DiffEffect diff_effect(const Plan& before, const Plan& after, const SchemeTable& schemes) {
  DiffEffect e;
  e.before = base_column(before, schemes);
  e.after = base_column(after, schemes);
  e.before.name = before.title;
  e.after.name = after.title;
  for (std::size_t f = 0; f < kFigureCount; ++f)
    e.after.deltas[f] = {e.after.values[f] - e.before.values[f],
                         percent_change_bp(e.after.values[f], e.before.values[f])};
  // Findings are matched by code and place in words: an index path would match a different
  // record once records were added or removed before it.
  auto place = [](const Plan& plan, const Finding& f) { return finding_place(plan, f.path).nl; };
  std::vector<std::string> old_places, new_places;
  for (const ComparedFinding& f : e.before.findings) old_places.push_back(place(before, f.finding));
  for (const ComparedFinding& f : e.after.findings) new_places.push_back(place(after, f.finding));
  auto contains = [](const std::vector<ComparedFinding>& list,
                     const std::vector<std::string>& places, const Finding& f,
                     const std::string& where) {
    for (std::size_t i = 0; i < list.size(); ++i)
      if (list[i].finding.code == f.code && places[i] == where) return true;
    return false;
  };
  for (std::size_t i = 0; i < e.after.findings.size(); ++i) {
    ComparedFinding& f = e.after.findings[i];
    f.is_new = !contains(e.before.findings, old_places, f.finding, new_places[i]);
  }
  for (std::size_t i = 0; i < e.before.findings.size(); ++i) {
    const Finding& f = e.before.findings[i].finding;
    if (!contains(e.after.findings, new_places, f, old_places[i]))
      e.after.resolved_findings.push_back(f);
  }
  return e;
}

PlanDiff diff_plans(const Plan& before, const Plan& after, const SchemeTable& schemes) {
  PlanDiff d;
  d.changes = diff_records(before, after);
  d.effect = diff_effect(before, after, schemes);
  return d;
}

LocalizedText change_headline(const RecordChange& change) {
  switch (change.kind) {
    case ChangeKind::added: return {change.record.nl + " toegevoegd", change.record.en + " added"};
    case ChangeKind::removed:
      return {change.record.nl + " verwijderd", change.record.en + " removed"};
    case ChangeKind::changed: break;
  }
  return {change.record.nl + " gewijzigd", change.record.en + " changed"};
}

// [SECTION] Output

namespace {

// "Cofinanciering bedrijven % (van totale kosten)": a percentage says what it is of.
std::string figure_name(Figure figure, const DiffEffect& e, Language l) {
  std::string name = figure_label(figure, l);
  if (figure == Figure::cofinancing_percent)
    name += std::string(l == Language::nl ? " (van " : " (of ") +
            base_label(e.after.evaluation.cofinancing.base, l) + ")";
  return name;
}

// A change of a percentage is in percentage points, not a percentage of it.
std::string signed_text(Figure figure, std::int64_t delta, Language l) {
  const std::string sign = delta > 0 ? "+" : "";
  if (figure_unit(figure) == FigureUnit::basis_points)
    return sign + format_fixed(delta, 2, l) +
           (l == Language::nl ? " procentpunt" : " percentage points");
  return sign + figure_text(figure, delta, l);
}

bool figure_changed(const DiffEffect& e, std::size_t f) {
  return e.after.values[f] != e.before.values[f];
}

std::string finding_line(const Finding& f, Language l) {
  std::string severity = severity_name(f.severity);
  for (char& c : severity) c = static_cast<char>(c - 'a' + 'A');
  return severity + " " + f.code + ": " + f.message.in(l);
}

}  // namespace

std::string diff_text(const PlanDiff& diff, Language l) {
  const bool nl = l == Language::nl;
  std::string out;
  if (diff.changes.empty()) {
    out += nl ? "Geen verschillen.\n" : "No differences.\n";
  }
  for (std::size_t s = 0; s < kDiffSectionCount; ++s) {
    const auto section = static_cast<DiffSection>(s);
    bool heading = false;
    for (const RecordChange& c : diff.changes) {
      if (c.section != section) continue;
      if (!heading) {
        out += std::string(diff_section_label(section, l)) + "\n";
        heading = true;
      }
      const char mark = c.kind == ChangeKind::added     ? '+'
                        : c.kind == ChangeKind::removed ? '-'
                                                        : '~';
      out += std::string("  ") + mark + " " + change_headline(c).in(l) + "\n";
      for (const FieldChange& f : c.fields)
        out += "      " + f.label.in(l) + ": " + f.before.in(l) + " → " + f.after.in(l) + "\n";
    }
  }
  const DiffEffect& e = diff.effect;
  bool figures = false;
  for (std::size_t f = 0; f < kFigureCount; ++f) {
    if (!figure_changed(e, f)) continue;
    if (!figures) out += nl ? "Kerncijfers\n" : "Key figures\n";
    figures = true;
    const auto figure = static_cast<Figure>(f);
    const FigureDelta& d = e.after.deltas[f];
    out += "  " + figure_name(figure, e, l) + ": " + figure_text(figure, e.before.values[f], l) +
           " → " + figure_text(figure, e.after.values[f], l) + " (" +
           signed_text(figure, d.absolute, l);
    if (d.percent_bp && figure_unit(figure) == FigureUnit::cents)
      out += ", " + std::string(*d.percent_bp > 0 ? "+" : "") + format_percent_bp(*d.percent_bp, l);
    out += ")\n";
  }
  bool findings = false;
  for (const ComparedFinding& f : e.after.findings) {
    if (!f.is_new) continue;
    if (!findings) out += nl ? "Bevindingen\n" : "Findings\n";
    findings = true;
    out += std::string(nl ? "  nieuw: " : "  new: ") + finding_line(f.finding, l) + "\n";
  }
  for (const Finding& f : e.after.resolved_findings) {
    if (!findings) out += nl ? "Bevindingen\n" : "Findings\n";
    findings = true;
    out += std::string(nl ? "  opgelost: " : "  resolved: ") + finding_line(f, l) + "\n";
  }
  return out;
}

std::string change_json(const RecordChange& c, Language l) {
  std::string out = "{\"section\": " + json_quote(diff_section_id(c.section));
  out += ", \"kind\": " + json_quote(change_kind_id(c.kind));
  out += ", \"key\": " + json_quote(c.key);
  out += ", \"record\": " + json_quote(c.record.in(l));
  out += ", \"fields\": [";
  for (std::size_t f = 0; f < c.fields.size(); ++f) {
    const FieldChange& fc = c.fields[f];
    out += f ? ", {" : "{";
    out += "\"field\": " + json_quote(fc.field) + ", \"label\": " + json_quote(fc.label.in(l)) +
           ", \"before\": " + json_quote(fc.before.in(l)) +
           ", \"after\": " + json_quote(fc.after.in(l)) + ", \"raw_before\": " + fc.raw_before +
           ", \"raw_after\": " + fc.raw_after + "}";
  }
  return out + "]}";
}

std::string diff_json(const PlanDiff& diff, Language l) {
  std::string out = "{\n  \"identical\": ";
  out += diff.changes.empty() ? "true" : "false";
  out += ",\n  \"changes\": [";
  for (std::size_t i = 0; i < diff.changes.size(); ++i)
    out += (i ? ",\n    " : "\n    ") + change_json(diff.changes[i], l);
  out += diff.changes.empty() ? "],\n" : "\n  ],\n";
  const DiffEffect& e = diff.effect;
  out += "  \"figures\": {";
  for (std::size_t f = 0; f < kFigureCount; ++f) {
    const auto figure = static_cast<Figure>(f);
    const FigureDelta& d = e.after.deltas[f];
    out += f ? ",\n    " : "\n    ";
    out += json_quote(figure_id(figure)) + ": {\"before\": " + std::to_string(e.before.values[f]) +
           ", \"after\": " + std::to_string(e.after.values[f]) +
           ", \"change\": " + std::to_string(d.absolute) + ", \"change_percent_bp\": " +
           (d.percent_bp ? std::to_string(*d.percent_bp) : std::string("null")) + "}";
  }
  out += "\n  },\n  \"cofinancing_percent_of\": " +
         json_quote(base_id(e.after.evaluation.cofinancing.base)) + ",\n";
  auto finding_json = [&](const Finding& f) {
    return "{\"code\": " + json_quote(f.code) +
           ", \"severity\": " + json_quote(severity_name(f.severity)) +
           ", \"path\": " + json_quote(f.path) + ", \"message\": " + json_quote(f.message.in(l)) +
           "}";
  };
  out += "  \"new_findings\": [";
  bool first = true;
  for (const ComparedFinding& f : e.after.findings)
    if (f.is_new) {
      out += (first ? "\n    " : ",\n    ") + finding_json(f.finding);
      first = false;
    }
  out += first ? "],\n" : "\n  ],\n";
  out += "  \"resolved_findings\": [";
  first = true;
  for (const Finding& f : e.after.resolved_findings) {
    out += (first ? "\n    " : ",\n    ") + finding_json(f);
    first = false;
  }
  out += first ? "]\n}" : "\n  ]\n}";
  return out;
}

}  // namespace sto
