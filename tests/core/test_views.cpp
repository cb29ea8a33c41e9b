// core/exchange/views.h: the budget grid's rows, subtotals and total for a filter, and the
// cofinancing per organisation and year, against the engine's own totals.
#include <algorithm>
#include <catch2/catch.hpp>

#include "exchange/diff.h"
#include "exchange/merge.h"
#include "exchange/views.h"
#include "format/file_format.h"
#include "model/assets.h"
#include "rules/engine.h"
#include "rules/scheme.h"
#include "test_helpers.h"

using namespace sto;

namespace {

Evaluation evaluate_plan(const Plan& plan) {
  const Scheme* scheme = builtin_schemes().find(plan.scheme_id);
  REQUIRE(scheme != nullptr);
  return evaluate(plan, *scheme);
}

// The subtotal rows of a grouped view, summed.
std::int64_t sum_of_subtotals(const BudgetView& view) {
  std::int64_t sum = 0;
  for (const BudgetRow& row : view.grouped)
    if (row.kind == BudgetRow::Kind::subtotal) sum += row.amount.cents;
  return sum;
}

// minimal_plan with a line in 2035, after the spend deadline of sto-2025-2028: shown, not counted.
Plan plan_with_late_line() {
  Plan plan = test::minimal_plan();
  plan.activities[0].lines.push_back(test::line("late", "v1", 2035, 100000, 1000));
  Activity empty;
  empty.id = "a2";
  empty.title = "Nog leeg";
  plan.activities.push_back(empty);
  return plan;
}

}  // namespace

TEST_CASE("the unfiltered grid adds up to the engine's total costs", "[views]") {
  std::vector<Plan> plans;
  for (std::string_view name : assets::embedded_names())
    if (name.rfind("samples/", 0) == 0)
      plans.push_back(load_plan(assets::embedded_file(name)).plan);
  // 10,000 lines: the first sample's lines repeated (as the benchmark builds its plans).
  REQUIRE_FALSE(plans.empty());
  Plan large = plans.front();
  const Activity pattern = large.activities.front();
  for (std::size_t n = 0; n < 10000; ++n) {
    BudgetLine line = pattern.lines[n % pattern.lines.size()];
    line.id = "x" + std::to_string(n);
    large.activities[n % large.activities.size()].lines.push_back(line);
  }
  plans.push_back(large);
  plans.push_back(plan_with_late_line());
  for (const Plan& plan : plans) {
    INFO(plan.title);
    const Evaluation ev = evaluate_plan(plan);
    const BudgetView view = budget_view(plan, ev, BudgetFilter{});
    std::size_t lines = 0;
    for (const Activity& a : plan.activities) lines += a.lines.size();
    CHECK(view.all_lines == lines);
    CHECK(view.shown_lines == lines);
    // An investment has its own year's row and a derived row for each other year it books.
    std::size_t rows = lines;
    for (std::size_t a = 0; a < plan.activities.size(); ++a)
      for (std::size_t l = 0; l < plan.activities[a].lines.size(); ++l)
        if (const Money* schedule = ev.schedule_of(a, l))
          for (int y = 0; y < ev.year_count; ++y)
            if (schedule[y].cents != 0 && ev.first_year + y != plan.activities[a].lines[l].year)
              ++rows;
    CHECK(view.lines.size() == rows);
    CHECK_FALSE(view.overflow);
    CHECK(view.total == ev.total.costs);
    CHECK(sum_of_subtotals(view) == ev.total.costs.cents);
    // One subtotal per activity, each the engine's cost of that activity.
    std::size_t subtotals = 0;
    for (const BudgetRow& row : view.grouped) {
      if (row.kind != BudgetRow::Kind::subtotal) continue;
      ++subtotals;
      CHECK(row.amount == ev.by_activity[row.activity].costs);
    }
    CHECK(subtotals == plan.activities.size());
  }
}

TEST_CASE("a line outside the period is shown but in no sum", "[views]") {
  const Plan plan = plan_with_late_line();
  const Evaluation ev = evaluate_plan(plan);
  const BudgetView view = budget_view(plan, ev, BudgetFilter{});
  REQUIRE(view.lines.size() == 3);
  const BudgetRow& late = view.lines[2];
  CHECK(late.line == 2);
  CHECK_FALSE(late.counts);
  CHECK(late.amount.cents == 100000);  // its cost is still shown on its row
  CHECK(ev.outside_period.costs.cents == 100000);
  CHECK(view.total.cents == 600000);  // 5000 × 100 + 2000 × 50 (minimal_plan)
  // Grouped: the three lines, the subtotal of the lines that count, the empty activity's subtotal.
  REQUIRE(view.grouped.size() == 5);
  CHECK(view.grouped[3].kind == BudgetRow::Kind::subtotal);
  CHECK(view.grouped[3].amount.cents == 600000);
  CHECK(view.grouped[4].kind == BudgetRow::Kind::subtotal);
  CHECK(view.grouped[4].activity == 1);
  CHECK(view.grouped[4].amount.cents == 0);
}

TEST_CASE("filters choose the lines; subtotals and total follow them", "[views]") {
  const Plan plan = plan_with_late_line();
  const Evaluation ev = evaluate_plan(plan);
  BudgetFilter filter;
  filter.funding = static_cast<int>(FundingSource::cofinancing_in_kind);
  BudgetView view = budget_view(plan, ev, filter);
  REQUIRE(view.lines.size() == 1);
  CHECK(plan.activities[0].lines[view.lines[0].line].id == "l2");
  CHECK(view.total.cents == 100000);
  CHECK(view.all_lines == 3);
  // The empty activity keeps its subtotal row (its button adds the first line); a filtered-out
  // activity with lines does not get one.
  CHECK(view.grouped.size() == 3);

  filter = {};
  filter.year = 2035;
  view = budget_view(plan, ev, filter);
  REQUIRE(view.lines.size() == 1);
  CHECK(view.total.cents == 0);  // shown, but outside the period

  filter = {};
  filter.text = "TECHNIEKWEEK";  // the activity's title, case-insensitive
  CHECK(budget_view(plan, ev, filter).lines.size() == 3);
  filter.text = "geen regel heet zo";
  CHECK(budget_view(plan, ev, filter).lines.empty());

  filter = {};
  filter.activity = 1;
  view = budget_view(plan, ev, filter);
  CHECK(view.lines.empty());
  REQUIRE(view.grouped.size() == 1);
  CHECK(view.grouped[0].activity == 1);

  filter = {};
  filter.category = static_cast<int>(CostCategory::internal_staff);
  CHECK(budget_view(plan, ev, filter).lines.size() == 3);
  filter.category = static_cast<int>(CostCategory::equipment);
  CHECK(budget_view(plan, ev, filter).lines.empty());
}

TEST_CASE("reversed: last activity first, its lines last first, subtotal after each", "[views]") {
  const Plan plan = plan_with_late_line();
  const BudgetView view = budget_view(plan, evaluate_plan(plan), BudgetFilter{}, true);
  REQUIRE(view.grouped.size() == 5);
  CHECK(view.grouped[0].kind == BudgetRow::Kind::subtotal);
  CHECK(view.grouped[0].activity == 1);
  CHECK(view.grouped[1].line == 2);
  CHECK(view.grouped[2].line == 1);
  CHECK(view.grouped[3].line == 0);
  CHECK(view.grouped[4].kind == BudgetRow::Kind::subtotal);
  CHECK(view.grouped[4].amount.cents == 600000);
}

TEST_CASE("cofinancing per organisation and year adds up to the engine's", "[views]") {
  Plan plan = test::minimal_plan();
  // b1 gives in kind (minimal_plan's l2) and money; a municipality gives money; one line names
  // an organisation that is not in the plan; one line is outside the period.
  plan.organisations.push_back(test::org("g1", OrganisationKind::municipality));
  Activity& a = plan.activities[0];
  a.lines.push_back(test::line("c1", "b1", 2026, 300000, 1000, FundingSource::cofinancing_cash));
  a.lines.push_back(test::line("c2", "g1", 2025, 10000, 1000, FundingSource::cofinancing_cash));
  a.lines.push_back(test::line("c3", "weg", 2025, 777, 1000, FundingSource::cofinancing_cash));
  a.lines.push_back(test::line("c4", "b1", 2035, 500, 1000, FundingSource::cofinancing_cash));
  const Evaluation ev = evaluate_plan(plan);
  const std::vector<CofinancingRow> rows = cofinancing_by_organisation(plan, ev);
  // b1 (a business), then g1 (cofinances), then the unknown organisation.
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].organisation == 3);
  CHECK(rows[1].organisation == 5);
  CHECK(rows[2].organisation == plan.organisations.size());
  for (const CofinancingRow& row : rows) {
    INFO("organisation " << row.organisation);
    REQUIRE(row.cash.size() == static_cast<std::size_t>(ev.year_count));
    std::int64_t cash = 0, in_kind = 0;
    for (std::size_t y = 0; y < row.cash.size(); ++y) {
      cash += row.cash[y].cents;
      in_kind += row.in_kind[y].cents;
    }
    CHECK(cash == ev.by_organisation[row.organisation].cofinancing_cash.cents);
    CHECK(in_kind == ev.by_organisation[row.organisation].cofinancing_in_kind.cents);
  }
  CHECK(rows[0].cash[static_cast<std::size_t>(ev.year_index(2026))].cents == 300000);
  CHECK(rows[0].in_kind[static_cast<std::size_t>(ev.year_index(2025))].cents == 100000);
  CHECK(rows[0].in_kind_hours_milli == 50000);
  CHECK(rows[2].cash[0].cents == 777);
}

// [SECTION] Vergelijken: a changed line's amount before and after, as the engine books it.

namespace {

const RecordChange& change_with_key(const std::vector<RecordChange>& changes,
                                    const std::string& key) {
  const auto found = std::find_if(changes.begin(), changes.end(),
                                  [&](const RecordChange& c) { return c.key == key; });
  REQUIRE(found != changes.end());
  return *found;
}

}  // namespace

TEST_CASE("a changed line's amount before and after is the engine's", "[views][compare]") {
  const Plan ours = test::minimal_plan();
  Plan theirs = ours;
  theirs.activities[0].lines[0].price = Money{6500};                  // € 50,00 → € 65,00
  theirs.activities[0].lines[1].description = "Andere omschrijving";  // no effect on the amount
  const std::vector<RecordChange> changes = diff_records(ours, theirs);

  const auto price = line_amount_change(change_with_key(changes, "lines/l1"), ours);
  REQUIRE(price.has_value());
  CHECK(price->before == evaluate_plan(ours).cost_of(0, 0));
  CHECK(price->after == evaluate_plan(theirs).cost_of(0, 0));
  CHECK(price->before.cents == 500000);
  CHECK(price->after.cents == 650000);

  // The amount stays the same: nothing to show.
  CHECK_FALSE(line_amount_change(change_with_key(changes, "lines/l2"), ours).has_value());
  // Not a budget line.
  Plan renamed = ours;
  renamed.organisations[0].name = "Andere naam";
  const std::vector<RecordChange> org_changes = diff_records(ours, renamed);
  REQUIRE(org_changes.size() == 1);
  CHECK_FALSE(line_amount_change(org_changes[0], ours).has_value());
}

TEST_CASE("three-way, a line's amount after keeps the fields only this plan changed",
          "[views][compare]") {
  const Plan base = test::minimal_plan();
  Plan ours = base;
  ours.activities[0].lines[0].price = Money{6500};  // ours: the price
  Plan theirs = base;
  theirs.activities[0].lines[0].quantity_milli = 120000;  // theirs: the quantity
  const ThreeWayMerge merge = three_way(base, ours, theirs);
  REQUIRE(merge.conflicts.empty());
  const auto amount = line_amount_change(change_with_key(merge.ready, "lines/l1"), ours);
  REQUIRE(amount.has_value());
  // Taking theirs over gives ours' price × theirs' quantity, not theirs' line as it is.
  Plan taken = ours;
  taken.activities[0].lines[0].quantity_milli = 120000;
  CHECK(amount->before == evaluate_plan(ours).cost_of(0, 0));
  CHECK(amount->after == evaluate_plan(taken).cost_of(0, 0));
  CHECK(amount->after.cents == 6500 * 120);
  CHECK(amount->after != evaluate_plan(theirs).cost_of(0, 0));
}

TEST_CASE("an investment line's amount is its depreciation in its year", "[views][compare]") {
  const Plan ours = load_plan(assets::embedded_file("samples/voorbeeldregio.json")).plan;
  std::size_t activity = 0, line = 0;
  bool found = false;
  for (std::size_t a = 0; a < ours.activities.size() && !found; ++a)
    for (std::size_t l = 0; l < ours.activities[a].lines.size() && !found; ++l)
      if (ours.activities[a].lines[l].investment) {
        activity = a;
        line = l;
        found = true;
      }
  REQUIRE(found);
  Plan theirs = ours;
  Investment& investment = *theirs.activities[activity].lines[line].investment;
  investment.purchase_price = Money{investment.purchase_price.cents * 2};
  const std::vector<RecordChange> changes = diff_records(ours, theirs);
  REQUIRE(changes.size() == 1);
  const auto amount = line_amount_change(changes[0], ours);
  REQUIRE(amount.has_value());
  CHECK(amount->before == evaluate_plan(ours).cost_of(activity, line));
  CHECK(amount->after == evaluate_plan(theirs).cost_of(activity, line));
  CHECK(amount->before != amount->after);
  // Without its scheme the depreciation cannot be computed: nothing is shown.
  Plan unknown = ours;
  unknown.scheme_id = "geen-regeling";
  CHECK_FALSE(line_amount_change(changes[0], unknown).has_value());
}
