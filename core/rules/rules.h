// Rule checks: every problem in a plan as a Finding with a stable code, a severity, the path of
// the thing it is about (so the UI can jump there) and a message in Dutch and English.
// Pure C++17; reads the Evaluation from engine.h, never recomputes totals itself.
// Every code's rule, source and covering test: core/RULES.md.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "model/plan.h"
#include "model/text.h"
#include "rules/engine.h"
#include "rules/scheme.h"

namespace sto {

enum class Severity { error, warning, info };

struct Finding {
  std::string
      code;  // stable, e.g. "COFIN_BELOW_MINIMUM"; each code's rule and source: core/RULES.md
  Severity severity = Severity::error;
  std::string
      path;  // e.g. "activities[3].lines[2].quantity", "organisations[1]"; "" = the whole plan
  LocalizedText message;
};

// "error" / "warning" / "info".
const char* severity_name(Severity severity);
// "fout" / "waarschuwing" / "info" in Dutch, the English name otherwise.
const char* severity_label(Severity severity, Language language);

// A count with its noun, singular for exactly one: "1 fout", "0 fouten", "2 waarschuwingen" in
// Dutch, "1 error", "2 warnings" in English (info: "3 info"). The same words as the app.
std::string severity_count(std::size_t count, Severity severity, Language language);
// "1 bevinding", "3 bevindingen" / "1 finding", "3 findings".
std::string findings_count(std::size_t count, Language language);

// All findings for a plan under a scheme, given its evaluation (from evaluate(plan, scheme)).
// Ordered: plan-level first, then by the order of the plan's parts; stable between runs.
std::vector<Finding> check_plan(const Plan& plan, const Scheme& scheme,
                                const Evaluation& evaluation);

// True when the findings hold at least one error.
bool has_errors(const std::vector<Finding>& findings);

// A 6-character vestiging BRIN: two digits, two letters, two digits or letters ("99XA00").
bool is_vestiging_brin(std::string_view brin);
// A 4-character board BRIN: two digits, two letters ("99XA").
bool is_board_brin(std::string_view brin);

// What is wrong with the BRIN of an organisation of `kind` named `name` under `scheme`: code
// BRIN_FORMAT (neither form) or VMBO_WITHOUT_BRIN (a school that counts as vmbo without a
// 6-character vestiging BRIN), with the message the rules give; an empty code when it is fine.
// The one check behind the rules and the new-plan wizard.
struct BrinCheck {
  std::string code;
  LocalizedText message;
};
BrinCheck check_brin(std::string_view brin, OrganisationKind kind, const std::string& name,
                     const Scheme& scheme);

// The evaluation and findings of a plan against a scheme table (the shipped one by default);
// an unknown scheme id gives a SCHEME_UNKNOWN finding and an empty evaluation.
struct Analysis {
  Evaluation evaluation;
  std::vector<Finding> findings;
};
Analysis analyse(const Plan& plan, const SchemeTable& schemes = builtin_schemes());

}  // namespace sto
