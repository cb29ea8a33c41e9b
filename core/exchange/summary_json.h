// The plan's derived figures as one deterministic JSON object: fixed key order, integers only,
// no floats, no hash-map iteration. Byte-identical between native and wasm builds. Pure C++17.
#pragma once
#include <string>

#include "model/money.h"
#include "model/plan.h"
#include "rules/rules.h"

namespace sto {

// 2: business/other cofinancing, settlement estimate; 3: each finding's place and source;
// 4: the submission round and the last year that needs price × quantity.
inline constexpr int kSummaryVersion = 4;

// The summary of `plan` with its analysis (see analyse()); finding messages and the stated rules
// in `language`. Ends without a newline.
std::string summary_json(const Plan& plan, const Analysis& analysis, Language language);

// `text` as a JSON string literal, quotes included; control characters escaped as \u00XX.
std::string json_quote(std::string_view text);

}  // namespace sto
