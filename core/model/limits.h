// The model's limits: the largest amount, the longest text, the years a plan may hold. The loader
// enforces them on a file, apply_command on an edit (core/edit/commands.h).
#pragma once
#include <cstddef>
#include <cstdint>

namespace sto {

// A file that breaks them loads only in part (see core/FILE_FORMAT.md).
inline constexpr std::int64_t kMaxAmountCents = 1'000'000'000'000'000;     // 10^13 euro
inline constexpr std::int64_t kMaxQuantityMilli = 1'000'000'000'000;       // 10^9 units
inline constexpr std::int64_t kMaxIndicatorMilli = 1'000'000'000'000'000;  // |value| bound
inline constexpr std::int64_t kMaxStudents = 1'000'000;
inline constexpr std::int64_t kMaxPriceIndexBp = 5000;        // ±50 % a year (scenarios)
inline constexpr std::int64_t kMaxScenarioScaleBp = 100'000;  // 1000 % (scenario scales)
inline constexpr int kMinPlanYear = 2000;
inline constexpr int kMaxPlanYear = 2100;
inline constexpr int kMaxEconomicLifeMonths = 1200;     // 100 years
inline constexpr int kMaxProjectUseBp = 10000;          // 100 %
inline constexpr std::size_t kMaxTextBytes = 10'000;    // any text field, UTF-8 bytes
inline constexpr std::size_t kMaxNotesBytes = 100'000;  // the plan's free notes

}  // namespace sto
