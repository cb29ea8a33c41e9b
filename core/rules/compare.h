// Base plan and its scenarios side by side: key figures with differences against the base,
// findings per scenario (which are new, which are gone) and per-year figures for grouped bar
// charts. Pure C++17; a 1,000-line plan with 3 scenarios compares in well under 10 ms natively.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/plan.h"
#include "rules/engine.h"
#include "rules/rules.h"
#include "rules/scenario.h"

namespace sto {

// The compared figures, in display order.
enum class Figure {
  costs,                 // total costs in the period (cents)
  subsidy,               // subsidy-funded costs (cents)
  maximum,               // maximum subsidy (cents)
  cofinancing_actual,    // cash + in kind (cents)
  cofinancing_required,  // base × minimum (cents)
  cofinancing_percent,   // actual / base, basis points (rounded down, as in the engine)
  allowed,               // allowed in the settlement preview (cents)
  errors,                // findings of severity error (count)
  warnings               // findings of severity warning (count)
};
inline constexpr std::size_t kFigureCount = 9;

enum class FigureUnit { cents, basis_points, count };
FigureUnit figure_unit(Figure figure);
// A value of `figure` in its unit: "€ 1.234,00", "10,29%", "3".
std::string figure_text(Figure figure, std::int64_t value, Language language);
// "Totale kosten" / "Total costs", …
const char* figure_label(Figure figure, Language language);
// Stable id for JSON and tests: "costs", "subsidy", …
const char* figure_id(Figure figure);

// A difference against the base. percent_bp = (value − base) × 10000 / base, rounded half away
// from zero to a whole basis point (1 bp = 0,01 %); nullopt when the base figure is 0.
struct FigureDelta {
  std::int64_t absolute = 0;
  std::optional<std::int64_t> percent_bp;
};

struct YearFigures {
  int year = 0;
  Money costs, subsidy, cofinancing, own;
};

// A finding of a scenario, marked when the base does not have it (same code and path).
struct ComparedFinding {
  Finding finding;
  bool is_new = false;
  LocalizedText headline;  // "In scenario B: <message>" (only for new findings, else empty)
};

struct ComparisonColumn {
  std::string id;                                   // "" for the base, else the scenario's id
  std::string name;                                 // "Basis" / the scenario's name
  std::array<std::int64_t, kFigureCount> values{};  // indexed by Figure
  std::array<FigureDelta, kFigureCount> deltas{};   // against the base (all zero for the base)
  bool maximum_known = false;
  bool cofinancing_met = true;
  std::vector<YearFigures> years;          // the scheme's years, first to last spend year
  std::vector<ComparedFinding> findings;   // in check_plan order
  std::vector<Finding> resolved_findings;  // in the base but not in this scenario
  std::vector<ScenarioIssue> issues;       // overrides whose target is gone
  std::vector<OverrideEffect> effects;     // per override (empty for the base)
  Evaluation evaluation;                   // everything else the UI may want to show

  std::int64_t value(Figure f) const { return values[static_cast<std::size_t>(f)]; }
  const FigureDelta& delta(Figure f) const { return deltas[static_cast<std::size_t>(f)]; }
};

struct Comparison {
  ComparisonColumn base;
  std::vector<ComparisonColumn> scenarios;  // plan.scenarios order
};

// The base plan and every scenario of it, evaluated and checked.
Comparison compare(const Plan& plan, const SchemeTable& schemes = builtin_schemes());
// One scenario against the base (e.g. while a slider is dragged, before the edit is committed).
ComparisonColumn compare_one(const Plan& plan, const Scenario& scenario,
                             const ComparisonColumn& base,
                             const SchemeTable& schemes = builtin_schemes());
// The base column alone.
ComparisonColumn base_column(const Plan& plan, const SchemeTable& schemes = builtin_schemes());

// (value − base) × 10000 / base rounded half away from zero; nullopt when base is 0.
std::optional<std::int64_t> percent_change_bp(std::int64_t value, std::int64_t base);

}  // namespace sto
