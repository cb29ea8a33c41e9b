// The override-kind table; see override_kinds.h.
#include "model/override_kinds.h"

#include "model/enum_names.h"
#include "model/limits.h"

namespace sto {

namespace {

// In OverrideKind order.
constexpr OverrideKindInfo kKinds[] = {
    {OverrideKind::hourly_rate, "hourly_rate", "Uurtarief", "Hourly rate", false, 0,
     kMaxAmountCents, kMaxAmountCents, 4000, 8000, 50},  // € 40 … € 80 in steps of € 0,50
    {OverrideKind::price_index, "price_index", "Prijsindex per jaar", "Price index per year", false,
     -kMaxPriceIndexBp, kMaxPriceIndexBp, 0, 0, 1000, 10},  // 0 … 10 % a year
    {OverrideKind::subsidy_scale, "subsidy_scale", "Maximale subsidie", "Maximum subsidy", false, 0,
     kMaxScenarioScaleBp, 0, 5000, 12000, 100},  // 50 … 120 % of the maximum
    {OverrideKind::cofinancing_minimum, "cofinancing_minimum", "Minimum cofinanciering",
     "Minimum cofinancing", false, 0, 10000, 0, 0, 2000, 25},  // at most 100 % of the base
    {OverrideKind::cofinancing_base, "cofinancing_base", "Grondslag cofinanciering",
     "Cofinancing base", false, 0, 1, 0, 0, 0, 0},  // CofinancingBase: 0 total costs, 1 subsidy
    {OverrideKind::student_scale, "student_scale", "Leerlingaantallen", "Student numbers", false, 0,
     kMaxScenarioScaleBp, 0, 5000, 15000, 100},
    {OverrideKind::student_count, "student_count", "Leerlingaantal", "Student count", true, 0,
     kMaxStudents, 0, 0, 0, 0},
    {OverrideKind::line_price, "line_price", "Prijs van regel", "Line price", true, 0,
     kMaxAmountCents, 0, 0, 0, 0},
    {OverrideKind::line_quantity, "line_quantity", "Aantal van regel", "Line quantity", true, 0,
     kMaxQuantityMilli, 0, 0, 0, 0},
};
constexpr std::size_t kKindCount = sizeof(kKinds) / sizeof(kKinds[0]);
static_assert(kKindCount ==
                  sizeof(enum_names::override_kind) / sizeof(enum_names::override_kind[0]),
              "one row per OverrideKind");

constexpr bool rows_in_enum_order() {
  for (std::size_t i = 0; i < kKindCount; ++i)
    if (static_cast<std::size_t>(kKinds[i].kind) != i) return false;
  return true;
}
static_assert(rows_in_enum_order(), "rows in OverrideKind order");

constexpr bool sliders_inside_ranges() {
  for (const OverrideKindInfo& k : kKinds)
    if (k.slider_step > 0 &&
        (k.slider_min < k.min_value || k.slider_max > k.max_value || k.slider_min >= k.slider_max ||
         (k.slider_max - k.slider_min) % k.slider_step != 0))
      return false;
  return true;
}
static_assert(sliders_inside_ranges(), "a slider stays inside its kind's range, in whole steps");

}  // namespace

const OverrideKindInfo& override_kind_info(OverrideKind kind) {
  return kKinds[static_cast<std::size_t>(kind)];
}

const OverrideKindInfo* find_override_kind(std::string_view id) {
  for (const OverrideKindInfo& info : kKinds)
    if (id == info.id) return &info;
  return nullptr;
}

}  // namespace sto
