// The override-kind table; see override_kinds.h.
#include "override_kinds.h"

#include "enum_names.h"
#include "file_format.h"

namespace sto {

namespace {

// In OverrideKind order.
constexpr OverrideKindInfo kKinds[] = {
    {OverrideKind::hourly_rate, "hourly_rate", "Uurtarief", "Hourly rate", false, 0,
     kMaxAmountCents, kMaxAmountCents},
    {OverrideKind::price_index, "price_index", "Prijsindex per jaar", "Price index per year", false,
     -kMaxPriceIndexBp, kMaxPriceIndexBp, 0},
    {OverrideKind::subsidy_scale, "subsidy_scale", "Maximale subsidie", "Maximum subsidy", false, 0,
     kMaxScenarioScaleBp, 0},
    {OverrideKind::cofinancing_minimum, "cofinancing_minimum", "Minimum cofinanciering",
     "Minimum cofinancing", false, 0, 10000, 0},  // at most 100 % of the base
    {OverrideKind::cofinancing_base, "cofinancing_base", "Grondslag cofinanciering",
     "Cofinancing base", true, 0, 0, 0},
    {OverrideKind::student_scale, "student_scale", "Leerlingaantallen", "Student numbers", false, 0,
     kMaxScenarioScaleBp, 0},
    {OverrideKind::student_count, "student_count", "Leerlingaantal", "Student count", true, 0,
     kMaxStudents, 0},
    {OverrideKind::line_price, "line_price", "Prijs van regel", "Line price", true, 0,
     kMaxAmountCents, 0},
    {OverrideKind::line_quantity, "line_quantity", "Aantal van regel", "Line quantity", true, 0,
     kMaxQuantityMilli, 0},
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
