// The strict half of the plan loader: checks a parsed plan (a rapidjson DOM) field by field for
// types, ranges, text limits, enum names, dates, duplicate ids and dangling references, and
// repairs it by leaving out bad records so that what remains always loads through cereal.
// No platform headers; rapidjson comes through cereal so every file uses cereal's settings.
#pragma once
#include <cereal/archives/json.hpp>  // rapidjson with cereal's throwing RAPIDJSON_ASSERT
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "format/file_format.h"

namespace sto {

struct ValidationReport {
  bool fatal = false;    // the plan as a whole cannot be used; `error` says why
  bool too_new = false;  // fatal because a class version is newer than this build knows
  Localized error;
  std::vector<SkippedRecord> skipped;  // at most kMaxSkippedListed, then one "… more" entry
  std::size_t problem_count = 0;       // all problems, listed or not
  bool changed = false;  // the DOM was modified: re-serialize it before cereal reads it
};

// Checks the "plan" object of a file in the current format and repairs it in place: bad records
// are removed from their arrays, dangling references are dropped, unknown fields are removed,
// and cereal class versions are placed where cereal expects them. Linear in the size of the DOM.
ValidationReport validate_plan(rapidjson::Value& plan,
                               rapidjson::Document::AllocatorType& allocator);

// [SECTION] One record of a plan in memory, checked as load_plan() would check it in a file, so
// that an edit can be refused (core/edit/commands.cpp) before it makes a plan that loads only in
// part. Each returns the loader's message for the record's first problem
// ("activities[0].lines[2].year: moet ≤ 2100 zijn"), or nothing when it would load. Ids and
// references are checked against the rest of `plan`; the index must be valid.
std::optional<Localized> check_plan_fields(const Plan& plan);  // title, scheme, region, notes
std::optional<Localized> check_organisation(const Plan& plan, std::size_t index);
std::optional<Localized> check_student_count(const Plan& plan, std::size_t index);
std::optional<Localized> check_goal(const Plan& plan, std::size_t index);  // with its indicators
std::optional<Localized> check_activity(const Plan& plan, std::size_t index);  // not its lines
// A line's id is checked against every other line's only when it is new (an added line): an edit
// of a field keeps an id that was unique, and a scan of all lines made every edit O(lines).
enum class LineId { is_new, unchanged };
std::optional<Localized> check_budget_line(const Plan& plan, std::size_t activity, std::size_t line,
                                           LineId id = LineId::is_new);
std::optional<Localized> check_scenario(const Plan& plan, std::size_t index);

// True when `text` is well-formed UTF-8 (no overlong forms, surrogates or code points > U+10FFFF).
bool is_valid_utf8(const char* text, std::size_t length);

// User text made safe to show in a message: at most ~40 bytes, cut at a character boundary
// (then "…"), control characters and invalid bytes shown as '?'.
std::string printable_text(const char* text, std::size_t length);
// printable_text in double quotes.
std::string quote_for_message(const char* text, std::size_t length);

}  // namespace sto
