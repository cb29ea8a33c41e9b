// Field-by-field comparison of two plans, for round-trip tests and "is the document modified?"
// checks. Pure C++17, depends only on plan.h.
#pragma once
#include <string>

#include "model/plan.h"

namespace sto {

// True when every field of both plans is equal (lists in order).
bool equal_plans(const Plan& a, const Plan& b);

// The path of the first field that differs, e.g. "activities[3].lines[2].quantity_milli", with
// both values where they are numbers or text; "" when the plans are equal.
std::string plan_difference(const Plan& a, const Plan& b);

}  // namespace sto
