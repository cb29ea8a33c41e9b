// Plans written before file format 7 (and link format 3) held an investment as one line per year:
// each line booked the depreciation of its own year. Since then one investment line books its
// whole depreciation schedule (core/rules/engine.h), so such lines would count the machine once per
// line. This joins them before anything is booked. No platform headers.
#pragma once
#include <vector>

#include "model/plan.h"
#include "model/text.h"

namespace sto {

// Whether two investment lines are one machine: the same organisation, description and
// investment (price, purchase date, life and project use). Both must hold an investment.
bool same_investment_item(const BudgetLine& a, const BudgetLine& b);

// Joins, within each activity, the investment lines of one machine: the same organisation,
// description and investment (price, purchase date, life and project use). The first of them
// stays, the others go; the first keeps its own year, funding and category. Returns one note per
// machine joined, saying which lines and years were joined (and when the funding or category of
// the lines left out differed). A plan without such lines is not changed.
std::vector<LocalizedText> join_yearly_investments(Plan& plan);

}  // namespace sto
