// What changed between two versions of a plan, record by record: organisations, student counts,
// goals, indicators, activities, budget lines, scenarios and the plan's settings are matched by
// id (a student count by organisation, learning path and profile) and reported as added, removed
// or changed with every changed field old → new in the user's words, grouped by section, plus the
// effect on the key figures and the findings. Pure C++17; core/exchange/merge.h applies changes.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "model/plan.h"
#include "model/text.h"
#include "rules/compare.h"
#include "rules/scheme.h"

namespace sto {

// The sections of a difference, in display order (the order of the app's sections).
enum class DiffSection {
  settings,
  organisations,
  student_counts,
  goals,
  activities,
  budget,
  scenarios
};
inline constexpr std::size_t kDiffSectionCount = 7;
// "Plan en regio" / "Plan and region", "Partners", …
const char* diff_section_label(DiffSection section, Language language);
// Stable id for JSON: "settings", "organisations", …
const char* diff_section_id(DiffSection section);

enum class ChangeKind { added, removed, changed };
const char* change_kind_id(ChangeKind kind);  // "added" / "removed" / "changed"

// The plan-level fields compared as one record ("settings"): the plan without its lists. The
// example marker and the lineage describe the file, not the plan, and are not compared.
struct PlanSettings {
  Plan plan;
};
// A budget line together with the activity it belongs to (a line may move between activities).
struct LineRecord {
  std::string activity_id;
  BudgetLine line;
};
// An indicator together with its goal (indicator ids are unique only within their goal).
struct IndicatorRecord {
  std::string goal_id;
  Indicator indicator;
};
// A record as it is in one of the two plans. A Goal or an Activity stands for its own fields
// only: its indicators and budget lines are records of their own.
using RecordValue = std::variant<std::monostate, PlanSettings, Organisation, StudentCount, Goal,
                                 IndicatorRecord, Activity, LineRecord, Scenario>;

// One changed field: "prijs: € 50,00 → € 55,00".
struct FieldChange {
  std::string field;     // stable id: "price", "name", "override:line_price|L7", …
  LocalizedText label;   // "prijs" / "price"
  LocalizedText before;  // the value in words, e.g. "€ 50,00"; "(leeg)" / "(empty)" for ""
  LocalizedText after;
  // The values as the plan file holds them, as JSON: 5000 (cents), "b1" (an id), true, null.
  std::string raw_before;
  std::string raw_after;
};

struct RecordChange {
  DiffSection section = DiffSection::settings;
  ChangeKind kind = ChangeKind::changed;
  // Identifies the record in both plans: "settings", "organisations/b1",
  // "student_counts/v1|bb|PIE", "goals/g1", "goals/g1/indicators/i1", "activities/a1", "lines/L7",
  // "scenarios/s1". A key that occurs more than once in a plan gets "#2", "#3", … on its later
  // occurrences.
  std::string key;
  LocalizedText record;  // "Organisatie 'Techniek BV'", "Regel 'Lasapparatuur' 2026 (…)"
  std::vector<FieldChange> fields;  // changed: every changed field; added / removed: none
  RecordValue before;               // monostate when added
  RecordValue after;                // monostate when removed
};

// The key figures of both plans (compare.h: costs, subsidy, maximum, cofinancing and its
// percentage, settlement, findings counts) and which findings are new or resolved.
struct DiffEffect {
  ComparisonColumn before;  // the first plan: figures and findings
  // The second plan: deltas against `before`, findings marked is_new when `before` has no
  // finding with the same code at the same place (named in words, so records that moved match),
  // resolved_findings: those of `before` that are gone.
  ComparisonColumn after;
};

struct PlanDiff {
  std::vector<RecordChange> changes;  // grouped by section in DiffSection order
  DiffEffect effect;
  bool empty() const { return changes.empty(); }
};

// Every difference from `before` to `after`, with the effect on figures and findings. Records
// are matched by key, so a reordering alone is no change. Within a section: records of `after`
// in its order (changed and added), then removed ones in the order of `before`; indicators
// follow the goals, so applying changes in this order adds a goal before its indicators.
PlanDiff diff_plans(const Plan& before, const Plan& after,
                    const SchemeTable& schemes = builtin_schemes());

// Only the record changes (no figures), e.g. for a three-way merge.
std::vector<RecordChange> diff_records(const Plan& before, const Plan& after);

// "Organisatie 'Techniek BV' toegevoegd" / "… added", "… verwijderd", "… gewijzigd".
LocalizedText change_headline(const RecordChange& change);

// A readable listing: per section the changes with their fields, then the key figures that
// changed and the new and resolved findings; "Geen verschillen." when there are none.
std::string diff_text(const PlanDiff& diff, Language language);
// The same as one deterministic JSON object (two-space indentation, keys in a fixed order). Each
// changed field gives its values in words ("before", "after") and as the file holds them
// ("raw_before", "raw_after": cents, thousandths, ids, enum names).
std::string diff_json(const PlanDiff& diff, Language language);
// One change as a JSON object on one line, as diff_json lists it.
std::string change_json(const RecordChange& change, Language language);

// [SECTION] Records, for merging (core/exchange/merge.h)

// `base` for the first occurrence of a key in a plan, `base#N` for the N-th (N counts from 1).
std::string record_key(const std::string& base, std::size_t occurrence);

// One record of a plan with its key and where it is.
struct PlanRecord {
  DiffSection section = DiffSection::settings;
  std::string key;
  RecordValue value;
  std::size_t index = 0;   // position in its list; an indicator's within its goal, a line's
                           // within its activity
  std::size_t parent = 0;  // an indicator: its goal's index; a line: its activity's index
};
// Every record of `plan` in diff order: settings, organisations, student counts, goals, their
// indicators, activities, their lines, scenarios.
std::vector<PlanRecord> plan_records(const Plan& plan);

// The record with `key` in `plan` (RecordChange::key), or nullopt.
std::optional<PlanRecord> find_record(const Plan& plan, const std::string& key);

// The fields that differ between two records of the same type (none when the types differ),
// values named from their own plan.
std::vector<FieldChange> record_field_changes(const RecordValue& a, const Plan& plan_a,
                                              const RecordValue& b, const Plan& plan_b);
// Copies the field with id `field` (FieldChange::field) from `from` into `to`, records of the
// same type; false when the types differ or the record type has no such field.
bool copy_record_field(RecordValue& to, const RecordValue& from, const std::string& field);
// "Organisatie 'Techniek BV'": how a record is named, names taken from `plan`.
LocalizedText record_name(const RecordValue& value, const Plan& plan);

}  // namespace sto
