// What the panels show as tables, computed here so the UI sums nothing itself: the budget grid's
// rows with their subtotals for a filter, and the cofinancing per organisation and year. Every
// figure comes from the engine's line costs, and a line counts toward a sum exactly when it counts
// toward the engine's totals (Evaluation::in_period). Pure C++17.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "exchange/diff.h"
#include "model/money.h"
#include "model/plan.h"
#include "rules/engine.h"
#include "rules/scheme.h"

namespace sto {

// [SECTION] Begroting

// Which lines the grid shows; every field left at its default shows all.
struct BudgetFilter {
  std::string text;   // in the description or the activity's title, ASCII case-insensitive
  int year = 0;       // 0 = every year
  int activity = -1;  // index in plan.activities; -1 = every activity
  int category = -1;  // CostCategory value; -1 = every category
  int funding = -1;   // FundingSource value; -1 = every source
};

// An investment is one line whose depreciation falls in several years (engine.h, depreciation
// schedule): its row shows the share of the line's own year, and each other year with
// depreciation gets a derived, read-only row of kind `depreciation`.
struct BudgetRow {
  enum class Kind { line, depreciation, subtotal } kind = Kind::line;
  std::size_t activity = 0;
  std::size_t line = 0;  // Kind::line and Kind::depreciation
  // A line: its cost (an investment: its depreciation in the line's year). A depreciation row:
  // the investment's depreciation in `year`. A subtotal: the sum of the activity's shown rows
  // that count.
  Money amount;
  bool counts = true;  // a line outside the scheme period is shown but in no sum (engine.h)
  int year = 0;        // the year the row books: the line's year, or a depreciation row's
};

struct BudgetView {
  std::vector<BudgetRow> lines;  // the rows of the lines the filter shows, in plan order
  // `lines` grouped by activity with a subtotal after each group (reversed: last activity and
  // line first). An activity without any line still has its subtotal row.
  std::vector<BudgetRow> grouped;
  Money total;  // the shown lines that count: evaluation.total.costs when nothing is filtered
  bool overflow = false;        // a sum did not fit: `total` and the subtotals are not to be shown
  std::size_t shown_lines = 0;  // lines with a row shown (an investment counts once)
  std::size_t all_lines = 0;
};

// The grid for `filter`. `evaluation` must be of `plan` (its line costs); O(lines).
BudgetView budget_view(const Plan& plan, const Evaluation& evaluation, const BudgetFilter& filter,
                       bool reversed = false);

// [SECTION] Cofinanciering

// One organisation's cofinancing per year of the scheme period (index = year − first_year).
struct CofinancingRow {
  std::size_t organisation = 0;  // index in plan.organisations; == size() for unknown ids
  std::vector<Money> cash, in_kind;
  std::int64_t in_kind_hours_milli = 0;  // quantity of its in-kind lines that are not investments
};

// Every organisation that counts as a business (also one that gives nothing), then anyone else
// who cofinances, then one row for lines whose organisation is unknown (when there are any); in
// plan order. Lines outside the period are left out, as the engine leaves them out. Sums cannot
// overflow where the engine's did not (each is part of evaluation.total).
std::vector<CofinancingRow> cofinancing_by_organisation(const Plan& plan,
                                                        const Evaluation& evaluation);

// [SECTION] Vergelijken

// A budget line's amount on both sides of a change, as evaluate() books it (an investment: its
// depreciation over the whole period under that side's scheme).
struct LineAmountChange {
  Money before;
  Money after;
};

// The effect of a changed budget line on its amount ("€ 39.000,00 → € 52.000,00"): `change` is
// a changed record whose `before` is the line as it is in `plan` (diff_records, or a three-way
// merge's ready change); `after` is that line with the change's fields taken over, so a field
// only `plan` changed stays as it is there. nullopt when it is no changed budget line, the amount
// stays the same, or an amount cannot be computed (the plan's scheme is unknown, an overflow).
std::optional<LineAmountChange> line_amount_change(const RecordChange& change, const Plan& plan,
                                                   const SchemeTable& schemes = builtin_schemes());

}  // namespace sto
