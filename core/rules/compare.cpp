// Scenario comparison; see compare.h. Each column is one resolve + evaluate + check_plan.
#include "rules/compare.h"

#include <algorithm>
#include <utility>

namespace sto {

namespace {

__extension__ typedef __int128 Int128;  // GCC/Clang extension: exact (value − base) × 10000

struct FigureInfo {
  const char* id;
  FigureUnit unit;
  const char* nl;
  const char* en;
};
const FigureInfo kFigures[kFigureCount] = {
    {"costs", FigureUnit::cents, "Totale kosten", "Total costs"},
    {"subsidy", FigureUnit::cents, "Subsidie", "Subsidy"},
    {"maximum", FigureUnit::cents, "Maximale subsidie", "Maximum subsidy"},
    {"cofinancing_actual", FigureUnit::cents, "Cofinanciering door bedrijven",
     "Business cofinancing"},
    {"cofinancing_required", FigureUnit::cents, "Vereiste cofinanciering", "Required cofinancing"},
    {"cofinancing_percent", FigureUnit::basis_points, "Cofinanciering bedrijven %",
     "Business cofinancing %"},
    {"allowed", FigureUnit::cents, "Vaststelling (schatting)", "Settlement (estimate)"},
    {"errors", FigureUnit::count, "Fouten", "Errors"},
    {"warnings", FigureUnit::count, "Waarschuwingen", "Warnings"}};

ComparisonColumn column_from(const Analysis& a) {
  ComparisonColumn c;
  const Evaluation& e = a.evaluation;
  auto set = [&c](Figure f, std::int64_t v) { c.values[static_cast<std::size_t>(f)] = v; };
  set(Figure::costs, e.total.costs.cents);
  set(Figure::subsidy, e.total.subsidy.cents);
  set(Figure::maximum, e.max_subsidy.cents);
  set(Figure::cofinancing_actual, e.cofinancing.actual.cents);
  set(Figure::cofinancing_required, e.cofinancing.required.cents);
  set(Figure::cofinancing_percent, e.cofinancing.percent_bp);
  set(Figure::allowed, e.settlement.allowed.cents);
  std::int64_t errors = 0, warnings = 0;
  for (const Finding& f : a.findings) {
    if (f.severity == Severity::error) ++errors;
    if (f.severity == Severity::warning) ++warnings;
  }
  set(Figure::errors, errors);
  set(Figure::warnings, warnings);
  c.maximum_known = e.max_known;
  c.cofinancing_met = e.cofinancing.met;
  c.years.reserve(e.by_year.size());
  for (std::size_t y = 0; y < e.by_year.size(); ++y) {
    const Totals& t = e.by_year[y];
    c.years.push_back(
        {e.first_year + static_cast<int>(y), t.costs, t.subsidy, t.cofinancing, t.own});
  }
  c.findings.reserve(a.findings.size());
  for (const Finding& f : a.findings) c.findings.push_back({f, false, {}});
  c.evaluation = a.evaluation;
  return c;
}

bool same_finding(const Finding& a, const Finding& b) {
  return a.code == b.code && a.path == b.path;
}

}  // namespace

FigureUnit figure_unit(Figure figure) {
  return kFigures[static_cast<std::size_t>(figure)].unit;
}
std::string figure_text(Figure figure, std::int64_t value, Language language) {
  switch (figure_unit(figure)) {
    case FigureUnit::cents: return format_money(Money{value}, language);
    case FigureUnit::basis_points: return format_percent_bp(value, language);
    case FigureUnit::count: break;
  }
  return std::to_string(value);
}
const char* figure_label(Figure figure, Language language) {
  const FigureInfo& i = kFigures[static_cast<std::size_t>(figure)];
  return language == Language::nl ? i.nl : i.en;
}
const char* figure_id(Figure figure) {
  return kFigures[static_cast<std::size_t>(figure)].id;
}

std::optional<std::int64_t> percent_change_bp(std::int64_t value, std::int64_t base) {
  if (base == 0) return std::nullopt;
  const Int128 diff = static_cast<Int128>(value) - base;
  const Int128 num = diff * 10000;
  Int128 q = num / base;
  const Int128 r = num % base;
  // Half away from zero: |2r| ≥ |base| moves q one step away from zero in the quotient's sign.
  const Int128 twice_r = r < 0 ? -2 * r : 2 * r;
  const Int128 abs_base = base < 0 ? -static_cast<Int128>(base) : static_cast<Int128>(base);
  if (twice_r >= abs_base) q += ((num < 0) != (base < 0)) ? -1 : 1;
  const Int128 limit = static_cast<Int128>(INT64_MAX);
  return static_cast<std::int64_t>(std::clamp<Int128>(q, -limit, limit));
}

ComparisonColumn base_column(const Plan& plan, const SchemeTable& schemes) {
  ComparisonColumn c = column_from(analyse(plan, schemes));
  c.name = "Basis";
  return c;
}

ComparisonColumn compare_one(const Plan& plan, const Scenario& scenario,
                             const ComparisonColumn& base, const SchemeTable& schemes) {
  std::size_t index = plan.scenarios.size();
  for (std::size_t i = 0; i < plan.scenarios.size(); ++i)
    if (plan.scenarios[i].id == scenario.id) index = i;
  const std::string path = index < plan.scenarios.size()
                               ? "scenarios[" + std::to_string(index) + "]"
                               : std::string("scenario");
  ResolvedScenario resolved = resolve(plan, scenario, schemes, path);
  ComparisonColumn c = column_from(analyse_resolved(resolved, schemes));
  c.id = scenario.id;
  c.name = scenario.name;
  c.issues = std::move(resolved.issues);
  c.effects = std::move(resolved.effects);
  for (std::size_t f = 0; f < kFigureCount; ++f)
    c.deltas[f] = {c.values[f] - base.values[f], percent_change_bp(c.values[f], base.values[f])};
  // New vs base by (code, path); findings lists are short, a quadratic match is fine.
  for (ComparedFinding& cf : c.findings) {
    cf.is_new =
        std::none_of(base.findings.begin(), base.findings.end(),
                     [&](const ComparedFinding& b) { return same_finding(b.finding, cf.finding); });
    if (cf.is_new)
      cf.headline = {"In scenario " + scenario.name + ": " + cf.finding.message.nl,
                     "In scenario " + scenario.name + ": " + cf.finding.message.en};
  }
  for (const ComparedFinding& b : base.findings)
    if (std::none_of(c.findings.begin(), c.findings.end(), [&](const ComparedFinding& cf) {
          return same_finding(b.finding, cf.finding);
        }))
      c.resolved_findings.push_back(b.finding);
  return c;
}

Comparison compare(const Plan& plan, const SchemeTable& schemes) {
  Comparison result;
  result.base = base_column(plan, schemes);
  result.scenarios.reserve(plan.scenarios.size());
  for (const Scenario& s : plan.scenarios)
    result.scenarios.push_back(compare_one(plan, s, result.base, schemes));
  return result;
}

}  // namespace sto
