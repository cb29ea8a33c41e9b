// Several regional plan files side by side: one overview row per file (region, totals, maximum,
// cofinancing, findings, or why it did not load) and the totals over the files that loaded.
// Pure C++17; file reading stays with the caller (CLI, browser), this takes the bytes.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/money.h"
#include "model/text.h"
#include "rules/rules.h"
#include "rules/scheme.h"

namespace sto {

// One plan file: its name (shown in the overview) and its bytes.
struct CombineInput {
  std::string file_name;
  std::string_view text;
};

struct CombineRow {
  std::string file_name;
  bool loaded = false;    // false: load_error says why, the figures are 0
  bool repaired = false;  // loaded only in part (LoadStatus::repaired); load_error says what
  LocalizedText load_error;
  std::string region;  // the region's name
  std::string title;
  std::string scheme_id;
  Money costs, subsidy, maximum;
  bool maximum_known = false;
  Money cofinancing;
  std::int64_t cofinancing_percent_bp = 0;  // of the plan's own base, rounded half away (engine.h)
  bool cofinancing_met = true;
  int errors = 0, warnings = 0;
};

struct CombineTotals {
  Money costs, subsidy, maximum, cofinancing;  // over loaded files; maximum over known maxima
  int errors = 0, warnings = 0;
  int loaded = 0, failed = 0;
  bool overflow = false;
};

struct CombineResult {
  std::vector<CombineRow> rows;  // input order
  CombineTotals totals;
};

// Loads and analyses every input. A file that does not load becomes a row with its error.
CombineResult combine_plans(const std::vector<CombineInput>& inputs,
                            const SchemeTable& schemes = builtin_schemes());

// Deterministic JSON (integers only, fixed key order), messages in `language`.
std::string combine_json(const CombineResult& result, Language language);
// A plain-text table for the terminal.
std::string combine_text(const CombineResult& result, Language language);

}  // namespace sto
