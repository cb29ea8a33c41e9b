// Tables for the panels; see views.h.
#include "exchange/views.h"

#include <algorithm>
#include <variant>

namespace sto {

namespace {

bool contains_case_insensitive(const std::string& haystack, const std::string& needle) {
  if (needle.empty()) return true;
  const auto lower = [](char c) {
    return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  };
  const std::size_t n = needle.size();
  for (std::size_t i = 0; i + n <= haystack.size(); ++i) {
    std::size_t j = 0;
    while (j < n && lower(haystack[i + j]) == lower(needle[j])) ++j;
    if (j == n) return true;
  }
  return false;
}

// Whether the filter shows `line`, leaving the year aside (a line has rows in several years).
bool shows(const BudgetFilter& filter, const Activity& activity, const BudgetLine& line) {
  if (filter.category >= 0 && static_cast<int>(line.category) != filter.category) return false;
  if (filter.funding >= 0 && static_cast<int>(line.funding) != filter.funding) return false;
  return contains_case_insensitive(line.description, filter.text) ||
         contains_case_insensitive(activity.title, filter.text);
}

}  // namespace

BudgetView budget_view(const Plan& plan, const Evaluation& evaluation, const BudgetFilter& filter,
                       bool reversed) {
  BudgetView view;
  const bool costs_known = evaluation.line_offset.size() == plan.activities.size();
  MoneySum total;
  for (std::size_t a = 0; a < plan.activities.size(); ++a) {
    const Activity& activity = plan.activities[a];
    view.all_lines += activity.lines.size();
    if (filter.activity >= 0 && static_cast<std::size_t>(filter.activity) != a) continue;
    for (std::size_t l = 0; l < activity.lines.size(); ++l) {
      const BudgetLine& line = activity.lines[l];
      if (!shows(filter, activity, line)) continue;
      const std::size_t rows_before = view.lines.size();
      const Money* schedule = costs_known ? evaluation.schedule_of(a, l) : nullptr;
      const bool own_year_in_period = evaluation.in_period(line.year);
      if (filter.year == 0 || line.year == filter.year) {
        BudgetRow row{BudgetRow::Kind::line, a, l, Money{}, own_year_in_period, line.year};
        if (schedule != nullptr)
          row.amount = own_year_in_period
                           ? schedule[static_cast<std::size_t>(evaluation.year_index(line.year))]
                           : Money{};
        else if (costs_known)
          row.amount = evaluation.cost_of(a, l);
        if (row.counts) total.add(row.amount);
        view.lines.push_back(row);
      }
      for (int y = 0; schedule != nullptr && y < evaluation.year_count; ++y) {
        const int year = evaluation.first_year + y;
        const Money amount = schedule[static_cast<std::size_t>(y)];
        if (year == line.year || amount.cents == 0 || (filter.year != 0 && year != filter.year))
          continue;
        view.lines.push_back({BudgetRow::Kind::depreciation, a, l, amount, true, year});
        total.add(amount);
      }
      if (view.lines.size() > rows_before) ++view.shown_lines;
    }
  }
  view.total = total.total();
  view.overflow = total.overflowed() || evaluation.overflow;

  std::vector<BudgetRow> lines = view.lines;
  if (reversed) std::reverse(lines.begin(), lines.end());
  const std::size_t count = plan.activities.size();
  std::size_t i = 0;
  for (std::size_t k = 0; k < count; ++k) {
    const std::size_t activity = reversed ? count - 1 - k : k;
    if (filter.activity >= 0 && static_cast<std::size_t>(filter.activity) != activity) continue;
    const bool shown = i < lines.size() && lines[i].activity == activity;
    if (!shown && !plan.activities[activity].lines.empty()) continue;
    MoneySum subtotal;
    for (; i < lines.size() && lines[i].activity == activity; ++i) {
      view.grouped.push_back(lines[i]);
      if (lines[i].counts) subtotal.add(lines[i].amount);
    }
    view.grouped.push_back({BudgetRow::Kind::subtotal, activity, 0, subtotal.total(), true, 0});
  }
  return view;
}

std::vector<CofinancingRow> cofinancing_by_organisation(const Plan& plan,
                                                        const Evaluation& evaluation) {
  const std::size_t years = static_cast<std::size_t>(std::max(0, evaluation.year_count));
  const std::size_t unknown = plan.organisations.size();
  std::vector<CofinancingRow> all(unknown + 1);
  for (std::size_t k = 0; k < all.size(); ++k) {
    all[k].organisation = k;
    all[k].cash.assign(years, Money{});
    all[k].in_kind.assign(years, Money{});
  }
  std::vector<bool> cofinances(all.size(), false);
  if (evaluation.line_offset.size() == plan.activities.size() && !evaluation.overflow) {
    for (std::size_t a = 0; a < plan.activities.size(); ++a) {
      const std::vector<BudgetLine>& lines = plan.activities[a].lines;
      for (std::size_t l = 0; l < lines.size(); ++l) {
        const BudgetLine& line = lines[l];
        const bool cash = line.funding == FundingSource::cofinancing_cash;
        const Money* schedule = evaluation.schedule_of(a, l);
        if ((!cash && line.funding != FundingSource::cofinancing_in_kind) ||
            (schedule == nullptr && !evaluation.in_period(line.year)))
          continue;
        // The engine's own organisation of the line: the same one its totals are booked under.
        const std::size_t org = evaluation.line_organisation[evaluation.line_offset[a] + l];
        CofinancingRow& row = all[org];
        cofinances[org] = true;
        std::vector<Money>& cells = cash ? row.cash : row.in_kind;
        // Every amount fits: each is part of evaluation.total.
        if (schedule != nullptr) {  // an investment: its depreciation in every year
          for (std::size_t y = 0; y < years; ++y)
            cells[y] = checked_add(cells[y], schedule[y]).value_or(cells[y]);
          continue;
        }
        const auto y = static_cast<std::size_t>(evaluation.year_index(line.year));
        cells[y] = checked_add(cells[y], evaluation.cost_of(a, l)).value_or(cells[y]);
        if (!cash) row.in_kind_hours_milli += line.quantity_milli;
      }
    }
  }
  std::vector<CofinancingRow> rows;
  for (std::size_t k = 0; k < all.size(); ++k) {
    const bool business = k < unknown && is_business_for_cofinancing(plan.organisations[k]);
    if (business || cofinances[k]) rows.push_back(std::move(all[k]));
  }
  return rows;
}

namespace {

// The amount of one line as evaluate() books it, under `plan`'s scheme.
std::optional<Money> booked_amount(const RecordValue& value, const Plan& plan,
                                   const SchemeTable& schemes) {
  const LineRecord* record = std::get_if<LineRecord>(&value);
  if (record == nullptr) return std::nullopt;
  const BudgetLine& line = record->line;
  if (!line.investment) return line_amount(line);
  const Scheme* scheme = schemes.find(plan.scheme_id);
  if (scheme == nullptr) return std::nullopt;
  return depreciation_in_period(*line.investment, *scheme);
}

}  // namespace

std::optional<LineAmountChange> line_amount_change(const RecordChange& change, const Plan& plan,
                                                   const SchemeTable& schemes) {
  if (change.section != DiffSection::budget || change.kind != ChangeKind::changed)
    return std::nullopt;
  // The line as taking the change over leaves it: only the change's fields come from `after`.
  RecordValue taken = change.before;
  for (const FieldChange& field : change.fields)
    if (!copy_record_field(taken, change.after, field.field)) return std::nullopt;
  const std::optional<Money> before = booked_amount(change.before, plan, schemes);
  const std::optional<Money> after = booked_amount(taken, plan, schemes);
  if (!before || !after || before->cents == after->cents) return std::nullopt;
  return LineAmountChange{*before, *after};
}

}  // namespace sto
