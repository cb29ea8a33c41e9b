// Plan files: a versioned JSON envelope around the cereal-serialized plan, and a loader that
// reports every failure as a message instead of throwing. No platform headers.
#pragma once
#include <string>
#include <string_view>

#include "localized.h"
#include "plan.h"

namespace sto {

inline constexpr const char* kFileFormatMarker = "sto-planner-plan";
inline constexpr int kFileFormatVersion = 1;     // written by this build
inline constexpr int kMinFileFormatVersion = 1;  // oldest this build migrates from
inline constexpr std::size_t kMaxFileBytes = 64u * 1024u * 1024u;
inline constexpr int kMaxNestingDepth = 32;  // the format itself nests 7 levels deep

enum class LoadStatus { ok, not_a_plan, too_new, too_old, corrupt, too_large, too_deep };

struct LoadResult {
  LoadStatus status = LoadStatus::corrupt;
  Plan plan;        // meaningful only when ok()
  Localized error;  // why loading failed; empty when ok()
  int file_version = 0;
  bool ok() const { return status == LoadStatus::ok; }
};

// Reads a plan file. Never throws; any problem comes back as a status and a message.
LoadResult load_plan(std::string_view text);

// Writes a plan file of the current format version (pretty-printed JSON).
std::string save_plan(const Plan& plan);

}  // namespace sto
