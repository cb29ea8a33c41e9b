// The source of each finding code's rule as a short citation in Dutch and English, shown under
// every finding ("Bron: …") in the app, the report and the CLI. Data taken from the source column
// of core/RULES.md (which holds the full quotes); a new finding code adds a row to both.
// Pure C++17.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "money.h"

namespace sto {

// One finding code and the short citation of its rule's source, without the "Bron: " label.
struct RuleSource {
  std::string code;  // e.g. "COFIN_BELOW_MINIMUM"
  std::string nl;
  std::string en;
};

// Every finding code with its source, in the order of core/RULES.md.
const std::vector<RuleSource>& rule_sources();

// The source of a finding code; nullptr for a code without a row.
const RuleSource* rule_source(std::string_view code);

// "Bron: …" / "Source: …" for a finding code; "" when the code has no row.
std::string source_line(std::string_view code, Language language);

}  // namespace sto
