// The scenario override kinds as one table: each kind's id in files, its labels, whether it needs
// a target and the range of its value. The loader's checks (validate.cpp) and the scenario code
// (scenario.cpp: labels, targets, descriptions) read it; nothing else states these facts. Pure
// C++17.
#pragma once
#include <cstdint>
#include <string_view>

#include "plan.h"

namespace sto {

struct OverrideKindInfo {
  OverrideKind kind;
  const char* id;  // as in plan files: "hourly_rate"
  const char* label_nl;
  const char* label_en;
  bool needs_target;       // names a line, a student count or the base in `target`
  std::int64_t min_value;  // the range of `value` (its unit: plan.h OverrideKind)
  std::int64_t max_value;
  std::int64_t max_replaces;  // the range of `replaces` is 0 … this (only hourly_rate uses it)
};

// The row of `kind`.
const OverrideKindInfo& override_kind_info(OverrideKind kind);
// The row whose id is `id`, or nullptr.
const OverrideKindInfo* find_override_kind(std::string_view id);

}  // namespace sto
