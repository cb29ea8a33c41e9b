// The scenario override kinds as one table: each kind's id in files, its labels, whether it needs
// a target, the range of its value and its slider's range. The loader's checks (validate.cpp),
// the scenario code (scenario.cpp: labels, targets, descriptions) and the scenario sliders read
// it; nothing else states these facts. Pure C++17.
#pragma once
#include <cstdint>
#include <string_view>

#include "model/plan.h"

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
  // The scenario slider (web/ui/scenarios_panel.cpp): a workshop's range inside the one above, in
  // whole steps; slider_step 0 = the kind has no slider.
  std::int64_t slider_min, slider_max, slider_step;
};

// The row of `kind`.
const OverrideKindInfo& override_kind_info(OverrideKind kind);
// The row whose id is `id`, or nullptr.
const OverrideKindInfo* find_override_kind(std::string_view id);

}  // namespace sto
