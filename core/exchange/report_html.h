// A printable report of a plan as one self-contained HTML page: inline CSS with print styles, no
// external resources, every piece of plan text escaped, and one script only: the print button's
// (kPrintScript, allowed by its hash in the page's Content-Security-Policy and nothing else).
// Pure C++17; reads the Analysis (engine.h, rules.h) and never computes a rule itself.
#pragma once
#include <string>
#include <string_view>

#include "model/money.h"
#include "model/plan.h"
#include "rules/rules.h"

namespace sto {

// The sections of the report, in order; each is a <section id="…"> with one <h2>.
// "region" (region and scheme), "partners", "students", "goals", "activities", "budget" (year ×
// category), "funding" (funding sources and cofinancing), "maximum" (maximum subsidy and
// settlement preview), "findings" (grouped by severity), "notes".
inline constexpr const char* kReportSections[] = {"region",     "partners", "students", "goals",
                                                  "activities", "budget",   "funding",  "maximum",
                                                  "findings",   "notes"};

// The report's only script: its print button (id "print", hidden when printing) prints the page.
inline constexpr const char* kPrintScript =
    "document.getElementById('print').addEventListener('click', function () { window.print(); "
    "});";
// Its CSP source: "sha256-" and the base64 of SHA-256 over kPrintScript. The app page's policy
// (web/shell/index.html) names it too: a report opened from the app is a blob: page, which also
// gets the policy of the page that made it.
inline constexpr const char* kPrintScriptHash =
    "sha256-Mu5igREPF5niJpYq90VFsX4E9p6FerEem+eCCjmxMlw=";

// The heading of a report section in `language` ("Partners", "Begroting per jaar en kostensoort",
// …); "" for an unknown id.
const char* report_section_title(std::string_view id, Language language);

// Text made safe inside HTML element content and quoted attribute values: & < > " ' escaped,
// NUL and other C0 controls (but tab and line feed) and invalid UTF-8 bytes shown as U+FFFD.
std::string html_escape(std::string_view text);

// The whole page for `plan` with its analysis (analyse(plan)), Dutch or English; money through
// format_money. Deterministic: the same input gives the same bytes.
std::string report_html(const Plan& plan, const Analysis& analysis, Language language);

// The version a report compares the plan with: the plan and how it is named ("5" for revision 5,
// or a file name).
struct ReportBase {
  const Plan* plan = nullptr;
  std::string version;
};
// The same page, opening with a section "changes" ("Wijzigingen ten opzichte van versie …"):
// every change since `base` grouped by section with each field old → new, the key figures
// before and after, and the findings that are new or resolved (core/exchange/diff.h). A partner
// sends it back with the file as a readable summary of what they changed.
std::string report_html(const Plan& plan, const Analysis& analysis, Language language,
                        const ReportBase& base);

}  // namespace sto
