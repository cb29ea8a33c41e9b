// The strict half of the plan loader: checks a parsed plan (a rapidjson DOM) field by field for
// types, ranges, text limits, enum names, dates, duplicate ids and dangling references, and
// repairs it by leaving out bad records so that what remains always loads through cereal.
// No platform headers; rapidjson comes through cereal so every file uses cereal's settings.
#pragma once
#include <cereal/archives/json.hpp>  // rapidjson with cereal's throwing RAPIDJSON_ASSERT
#include <cstdint>
#include <string>
#include <vector>

#include "file_format.h"

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

// True when `text` is well-formed UTF-8 (no overlong forms, surrogates or code points > U+10FFFF).
bool is_valid_utf8(const char* text, std::size_t length);

// User text made safe to show in a message: at most ~40 bytes, cut at a character boundary
// (then "…"), control characters and invalid bytes shown as '?'.
std::string printable_text(const char* text, std::size_t length);
// printable_text in double quotes.
std::string quote_for_message(const char* text, std::size_t length);

}  // namespace sto
