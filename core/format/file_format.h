// Plan files: a versioned JSON envelope around the cereal-serialized plan, and a loader that
// reports every failure as a message instead of throwing. No platform headers.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/limits.h"
#include "model/localized.h"
#include "model/plan.h"

namespace sto {

inline constexpr const char* kFileFormatMarker = "sto-planner-plan";
inline constexpr int kFileFormatVersion =
    8;  // written by this build (v8: the 2024 request's texts)
inline constexpr int kMinFileFormatVersion = 1;  // oldest this build migrates from
inline constexpr std::size_t kMaxFileBytes = 64u * 1024u * 1024u;
inline constexpr int kMaxNestingDepth = 32;             // the format itself nests 7 levels deep
inline constexpr std::size_t kMaxSkippedListed = 1000;  // problems listed one by one
inline constexpr std::int64_t kMaxLegacyRevision = 1'000'000'000;  // v4/v5 revision numbers

// A record left out of a repaired plan, or a reference or field removed from one.
struct SkippedRecord {
  std::string path;  // what was left out, as in the file: "activities[3].lines[2]" (0-based)
  // Names the offending field: "activities[3].lines[2].quantity_milli: must be ≥ 0".
  Localized reason;
};

// repaired: the file loaded only in part; `skipped` lists every record left out. The UI asks the
// user whether to keep what remains; the CLI treats it as a failure.
enum class LoadStatus { ok, not_a_plan, too_new, too_old, corrupt, too_large, too_deep, repaired };

struct LoadResult {
  LoadStatus status = LoadStatus::corrupt;
  Plan plan;  // the whole plan when ok(); what remains when repaired; empty otherwise
  // Why loading failed, or (repaired) a summary of what was left out; empty when ok().
  Localized error;
  int file_version = 0;                // the envelope's version (before migration), 0 if unknown
  std::string app_version;             // the app version that wrote the file, "" if unknown
  std::vector<SkippedRecord> skipped;  // repaired: what was left out, in file order
  // What the upgrade of an older file changed in its figures (the investments joined, see
  // investment_years.h): shown to the user after opening, never a failure.
  std::vector<Localized> notes;
  // A clean, complete load.
  bool ok() const { return status == LoadStatus::ok; }
  // `plan` holds something to show: a clean load or a repaired one.
  bool usable() const { return status == LoadStatus::ok || status == LoadStatus::repaired; }
};

// Reads a plan file (UTF-8 JSON, an optional UTF-8 BOM is ignored). Never throws and never
// crashes on any input; every problem comes back as a status and a message in both languages.
// Parses the text once (rapidjson), checks it, then loads it through cereal from that DOM.
// The text is not changed.
LoadResult load_plan(std::string_view text);

// The refusal load_plan gives a text above kMaxFileBytes, for a reader that stops at the limit
// instead of handing over the whole text (the page inflating a share link).
LoadResult too_large_failure();

// Writes a plan file of the current format version (pretty-printed JSON).
std::string save_plan(const Plan& plan);

}  // namespace sto
