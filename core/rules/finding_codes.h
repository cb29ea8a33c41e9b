// The finding-code table: every code core/rules/rules.cpp reports, with its severity, the part of
// the app that shows it and the short citation of its rule's source, shown under every finding
// ("Bron: …") in the app, the report and the CLI. The checks take their severity from it, the
// app's Controle opens findings by it, and the rule tests check it against core/RULES.md (which
// holds the full quotes); a new finding code adds a row to both. Pure C++17.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "model/money.h"
#include "rules/rules.h"  // Severity

namespace sto {

// The part of the app that shows a finding (web/app maps each to its section).
enum class FindingSection {
  overview,
  settings,
  partners,  // the region, organisations and student counts
  goals,
  activities,
  budget,  // budget lines
  cofinancing,
  scenarios,
  by_place  // the record the finding's path names decides (finding_section())
};

// One finding code.
struct FindingCode {
  std::string code;  // e.g. "COFIN_BELOW_MINIMUM"
  Severity severity;
  // True for a code reported as a warning in some cases (LINE_WITHOUT_PRICE_OR_QUANTITY: an error
  // in the detailed years, a warning later); `severity` is then its most severe.
  bool varies;
  FindingSection section;
  std::string nl;  // the source citation, without the "Bron: " label
  std::string en;
};

// Every finding code, in the order of core/RULES.md.
const std::vector<FindingCode>& finding_codes();

// The row of a finding code; nullptr for a code without a row.
const FindingCode* finding_code(std::string_view code);

// "Bron: …" / "Source: …" for a finding code; "" when the code has no row.
std::string source_line(std::string_view code, Language language);

// The part of the app that shows a finding of `code` at `path`: the code's section, or for
// by_place codes (and unknown ones) the section of the record `path` names ("activities[2]" is an
// activity, "activities[2].lines[0]" a budget line); overview for plan-wide paths.
FindingSection finding_section(std::string_view code, std::string_view path);

}  // namespace sto
