// Scenarios: a named set of overrides on the base plan's assumptions, resolved into
// a plan and scheme the engine evaluates like any other. Pure C++17, no floating point; depends on
// plan, scheme, engine and rules only.
//
// What each override does (OverrideKind in plan.h), applied in this fixed order whatever the order
// of the list, so a specific override always wins over a general one:
//   1. student_scale        every student count × value / 10000, rounded half away from zero.
//   2. student_count        the first count whose organisation, path and profile match the target
//                           "organisation_id|path|profile" gets `value` students.
//   3. hourly_rate          every budget line that is not an investment, whose unit is an hour
//                           ("uur", "uren", "u", "hour", "hours", "h", "hr", "hrs"; any case,
//                           spaces trimmed) and whose price equals `replaces` (the base rate, €
//                           50,00 by default) gets price `value`. Lines at another hourly price —
//                           hired trainers, company hours in kind at the company's rate — keep
//                           theirs.
//   4. price_index          `value` basis points a year, compounding from the scheme's first year:
//                           a line in year first+n costs price × (1 + i)^n, rounded to the cent
//                           after each year's step. Investments: the purchase price, by purchase
//                           year. Lines before the first year are not indexed.
//   5. line_price           the line with id `target` gets price `value` (final: not indexed).
//   6. line_quantity        the line with id `target` gets quantity `value` (thousandths).
//   7. cofinancing_minimum  the minimum becomes `value` basis points of the base.
//   8. cofinancing_base     the base becomes `value` (0 total costs, 1 the subsidy).
//   9. subsidy_scale        the region's maximum subsidy × value / 10000 ("what if the subsidy
//                           drops 10 %" = 9000), rounded once; the settlement follows from it.
// Everything else follows the base plan, so later edits of the base flow into every scenario that
// does not override them. An override whose target is gone is reported, never fatal.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/plan.h"
#include "model/text.h"
#include "rules/rules.h"
#include "rules/scheme.h"

namespace sto {

inline constexpr std::int64_t kDefaultHourlyRateCents = 5000;  // the historical STO staff rate

// A problem with one override, e.g. its line no longer exists. path: "scenarios[1].overrides[0]".
struct ScenarioIssue {
  std::string path;
  LocalizedText message;
};

// What one override touched: lines, student counts or settings (1). 0 with found == false: its
// target does not exist (an issue says so).
struct OverrideEffect {
  std::size_t affected = 0;
  bool found = true;
};

struct ResolvedScenario {
  Plan plan;      // the base plan with the overrides applied; its `scenarios` list is empty
  Scheme scheme;  // the plan's scheme, with the scenario's cofinancing option and maximum scale
  bool scheme_found = false;
  std::vector<OverrideEffect> effects;  // one per override, in the scenario's order
  std::vector<ScenarioIssue> issues;
};

// The base plan seen through `scenario`. `path` names the scenario in issue paths
// ("scenarios[1]"). Never fails: unknown targets become issues, an unknown scheme leaves
// scheme_found false (analyse_resolved then gives SCHEME_UNKNOWN like analyse()).
ResolvedScenario resolve(const Plan& plan, const Scenario& scenario,
                         const SchemeTable& schemes = builtin_schemes(),
                         const std::string& path = "scenario");
// plan.scenarios[index] resolved (path "scenarios[index]"); an out-of-range index resolves the
// base plan unchanged.
ResolvedScenario resolve(const Plan& plan, std::size_t index,
                         const SchemeTable& schemes = builtin_schemes());

// Evaluation and findings of a resolved scenario.
Analysis analyse_resolved(const ResolvedScenario& resolved,
                          const SchemeTable& schemes = builtin_schemes());

// The override of `kind` and `target` in `scenario`, or nullptr. Kinds without a target match "".
const ScenarioOverride* find_override(const Scenario& scenario, OverrideKind kind,
                                      std::string_view target = {});
// True when the kind names a line or student count in `target`.
bool override_has_target(OverrideKind kind);
// "organisation_id|path|profile" for a student count (the student_count target).
std::string student_count_target(const StudentCount& count);
// A unit that means hours for the hourly_rate override (see the list above).
bool is_hour_unit(std::string_view unit);

// "Uurtarief € 50,00 → € 55,00", "Maximale subsidie × 90,00%", "Regel r12: prijs € 1.200,00", …
LocalizedText describe_override(const ScenarioOverride& o);
// "Uurtarief" / "Hourly rate", … (short labels for the UI's override list).
const char* override_kind_label(OverrideKind kind, Language language);
// Stable id as in plan files: "hourly_rate", …
const char* override_kind_id(OverrideKind kind);

}  // namespace sto
