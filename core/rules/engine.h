// The budget engine: every derived figure of a plan under a scheme (the rules: core/RULES.md).
// Pure functions of (Plan, Scheme); no allocation per budget line, no floating point.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/money.h"
#include "model/plan.h"
#include "model/text.h"
#include "rules/scheme.h"

namespace sto {

constexpr int kCategoryCount = 9;  // CostCategory values
constexpr int kFundingCount = 4;   // FundingSource values

// Costs split by funding source. cofinancing = cash + in kind; costs = all four sources.
struct Totals {
  Money costs, subsidy, cofinancing, cofinancing_cash, cofinancing_in_kind, own;
  // Adds one amount under its source; sets `overflow` instead of wrapping.
  void add(FundingSource source, Money amount, bool& overflow);
  void add(const Totals& other, bool& overflow);
};

struct CofinancingCheck {
  CofinancingBase base = CofinancingBase::total_costs;  // what the minimum is a percentage of
  std::string option_id;                                // the scheme option used
  std::int64_t minimum_bp = 0;                          // the minimum, basis points of the base
  Money base_amount;  // total costs or total subsidy, whole period
  Money required;     // base × minimum, rounded half away from zero
  // Cofinancing (cash + in kind, whole period) split by who pays it. Only organisations that
  // count as a business (is_business_for_cofinancing) count toward the minimum; the rest is
  // still a project cost and part of the base when the base is total costs.
  Money business;   // cofinancing of organisations that count as a business
  Money other;      // all other cofinancing (municipalities, schools, unknown organisations)
  Money actual;     // what counts toward the minimum: `business`
  Money shortfall;  // required - actual when below, else 0
  // actual / base in basis points, rounded half away from zero (the one rounding rule); a miss by
  // less than half a basis point shows the minimum itself, so `met` and `shortfall` decide.
  std::int64_t percent_bp = 0;
  bool met = true;  // exact comparison actual × 10000 ≥ base × minimum
};

// The settlement ("vaststelling") estimate. The sources publish no formula: they say only that a
// lower amount is set when the cofinancing falls short (core/RULES.md, COFIN_BELOW_MINIMUM). The
// tool's assumption, stated in `rule`: subsidy above the maximum is cut first; when business
// cofinancing falls short, the rest is lowered pro rata:
// allowed = capped × actual cofinancing / required cofinancing (rounded half away from zero).
// Every place that shows it calls it an estimate ("schatting").
struct Settlement {
  Money requested;        // subsidy-funded costs in the period
  Money maximum_cut;      // requested above the maximum
  Money cofinancing_cut;  // pro-rata cut for the cofinancing shortfall
  Money allowed;          // estimate of what would be vastgesteld
  LocalizedText rule;     // "Schatting: …" with the assumption
};

struct Evaluation {
  bool scheme_found = false;
  std::string scheme_id;
  int first_year = 0;  // the scheme's first year
  int year_count = 0;  // years first_year .. the spend deadline's year

  Totals total;                 // lines inside the period
  Totals outside_period;        // lines outside it: not eligible, not in `total`
  std::vector<Totals> by_year;  // year_count entries
  std::array<Totals, kCategoryCount> by_category{};
  std::vector<Totals>
      by_organisation;  // plan.organisations order, then one "unknown organisation" entry
  std::vector<Totals> by_activity;  // plan.activities order
  std::vector<Money> cube;          // [year][category][funding], flattened; see cell()
  std::vector<Money>
      depreciation_by_year;  // investments' depreciation per year (included in the totals)

  // Cost of every line (an investment line: its depreciation over the whole period),
  // flattened: line j of activity i is at line_cost[line_offset[i] + j].
  std::vector<std::size_t> line_offset;
  std::vector<Money> line_cost;
  // The depreciation schedule of every investment line, in plan order: investment_lines[k] is the
  // flat index (as line_cost) of the k-th, and its year_count yearly amounts start at
  // investment_years[k * year_count].
  std::vector<std::size_t> investment_lines;
  std::vector<Money> investment_years;
  // The organisation of every line, flattened as line_cost: an index into plan.organisations (the
  // first with the line's organisation_id), or plan.organisations.size() when none has that id.
  std::vector<std::uint32_t> line_organisation;

  Money max_subsidy;
  bool max_known =
      false;  // false when the region's table amount / previous grant / counts are missing
  LocalizedText max_rule;  // how the maximum was computed, e.g. "1.000 BB/KB × € 15.895,00 + …"
  CofinancingCheck cofinancing;
  Settlement settlement;

  bool overflow = false;      // some sum did not fit in int64 cents: figures are invalid
  std::string overflow_path;  // where it first happened, e.g. "activities[2].lines[0]"

  Money cell(int year, CostCategory category, FundingSource funding) const;
  // All funding sources of one year and category (the cube's cells cannot overflow when summed:
  // each is part of `total`, which did not).
  Money year_category_costs(int year, CostCategory category) const;
  Money cost_of(std::size_t activity, std::size_t line) const {
    return line_cost[line_offset[activity] + line];
  }
  // The yearly depreciation of an investment line (year_count amounts), nullptr for other lines.
  const Money* schedule_of(std::size_t activity, std::size_t line) const;
  int year_index(int year) const { return year - first_year; }  // may be out of [0, year_count)
  // Whether a line of `year` counts toward the totals: the one definition (the scheme period up
  // to its spend deadline). A line outside it is booked in `outside_period` only.
  bool in_period(int year) const {
    const int y = year_index(year);
    return y >= 0 && y < year_count;
  }
};

// [SECTION] Depreciation schedule. An investment is one record whose cost is its depreciation in
// every year of the scheme period: the months of its economic life inside the period (from the
// purchase month, to the end of its life or the spend deadline) times price / life times project
// use. Each year's amount is the running total through that year, rounded half away from zero
// once, less the same through the year before, so the years add up to the period's amount exactly.

// Months of an investment's economic life inside calendar year `year` and inside the period.
int depreciation_months(const Investment& investment, int year, const Scheme& scheme);
// Months of its life inside the whole period.
int depreciation_months_in_period(const Investment& investment, const Scheme& scheme);
// Depreciation booked in `year` (0 outside the period); nullopt on overflow.
std::optional<Money> depreciation_in_year(const Investment& investment, int year,
                                          const Scheme& scheme);
// Depreciation over the whole period: the sum of every year's; nullopt on overflow.
std::optional<Money> depreciation_in_period(const Investment& investment, const Scheme& scheme);
// A non-investment line's cost: price × quantity_milli / 1000, rounded once; nullopt on overflow.
std::optional<Money> line_amount(const BudgetLine& line);
// The maximum subsidy for the plan's region under the scheme (see Evaluation::max_known).
struct MaximumResult {
  Money amount;
  bool known = false;
  bool overflow = false;
  LocalizedText rule;
};
MaximumResult maximum_subsidy(const Plan& plan, const Scheme& scheme);

// The achieved cofinancing as a percentage, "10,29%": percent_bp, except for a miss that rounds up
// to the minimum (9,9999 % of a 10 % minimum), which reads "< 10,00%" so a miss never looks met.
std::string cofinancing_percent_text(const CofinancingCheck& check, Language language);

// How evaluate() books the lines. fastest: unchecked adds when no sum can overflow (every plan
// not near int64's limits), else checked adds; checked: checked adds always. Both give the same
// figures; the tests compare them.
enum class Booking { fastest, checked };

// Everything derived from a plan under a scheme. O(lines), no per-line allocation.
Evaluation evaluate(const Plan& plan, const Scheme& scheme, Booking booking = Booking::fastest);

}  // namespace sto
