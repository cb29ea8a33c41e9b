// The stable names of the plan's enum values, as written in plan files (serialize.h), JSON and
// CSV, and returned by the *_id functions of labels.h. No dependencies, so light to include.
#pragma once
#include <cstddef>
#include <string_view>

namespace sto {
namespace enum_names {

// The name of `value` in `names` (indexed by the enum's value), or "?" when out of range.
template <typename Enum, std::size_t N>
const char* to_name(Enum value, const char* const (&names)[N]) {
  const auto index = static_cast<std::size_t>(value);
  return index < N ? names[index] : "?";
}

// The value named `name` in `names` into `out`; false (out unchanged) for a name not there.
template <typename Enum, std::size_t N>
bool from_name(std::string_view name, const char* const (&names)[N], Enum& out) {
  for (std::size_t i = 0; i < N; ++i) {
    if (name == names[i]) {
      out = static_cast<Enum>(i);
      return true;
    }
  }
  return false;
}

// Order must match the enum declarations in plan.h.
inline const char* const region_type[] = {"techniekregio", "techniekluwe", "techniekarm"};
inline const char* const organisation_kind[] = {
    "vmbo", "vso", "praktijkonderwijs", "mbo", "primary", "business", "municipality", "other"};
inline const char* const business_status[] = {"by_kind", "yes", "no"};
inline const char* const learning_path[] = {"bb", "kb", "gl", "tl"};
inline const char* const cofinancing_base[] = {"total_costs", "subsidy"};
inline const char* const funding_source[] = {"subsidy", "cofinancing_cash", "cofinancing_in_kind",
                                             "own"};
inline const char* const cost_category[] = {
    "internal_staff", "external_staff", "equipment", "materials", "professional_development",
    "events",         "coordination",   "overhead",  "planning"};
inline const char* const override_kind[] = {
    "hourly_rate",   "price_index",   "subsidy_scale", "cofinancing_minimum", "cofinancing_base",
    "student_scale", "student_count", "line_price",    "line_quantity"};

}  // namespace enum_names
}  // namespace sto
