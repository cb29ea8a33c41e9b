// Combining plan files; see combine.h.
#include "exchange/combine.h"

#include <utility>

#include "exchange/summary_json.h"
#include "format/file_format.h"

namespace sto {

CombineResult combine_plans(const std::vector<CombineInput>& inputs, const SchemeTable& schemes) {
  CombineResult result;
  MoneySum costs, subsidy, maximum, cofinancing;
  for (const CombineInput& input : inputs) {
    CombineRow row;
    row.file_name = input.file_name;
    LoadResult loaded = load_plan(input.text);
    if (!loaded.ok() && loaded.status != LoadStatus::repaired) {
      row.load_error = loaded.error;
      ++result.totals.failed;
      result.rows.push_back(std::move(row));
      continue;
    }
    row.loaded = true;
    row.repaired = loaded.status == LoadStatus::repaired;
    if (row.repaired) row.load_error = loaded.error;
    const Plan& plan = loaded.plan;
    row.region = plan.region.name;
    row.title = plan.title;
    row.scheme_id = plan.scheme_id;
    const Analysis a = analyse(plan, schemes);
    const Evaluation& e = a.evaluation;
    row.costs = e.total.costs;
    row.subsidy = e.total.subsidy;
    row.maximum = e.max_subsidy;
    row.maximum_known = e.max_known;
    row.cofinancing = e.total.cofinancing;
    row.cofinancing_percent_bp = e.cofinancing.percent_bp;
    row.cofinancing_met = e.cofinancing.met;
    for (const Finding& f : a.findings) {
      if (f.severity == Severity::error) ++row.errors;
      if (f.severity == Severity::warning) ++row.warnings;
    }
    if (e.overflow) result.totals.overflow = true;
    costs.add(row.costs);
    subsidy.add(row.subsidy);
    if (row.maximum_known) maximum.add(row.maximum);
    cofinancing.add(row.cofinancing);
    result.totals.errors += row.errors;
    result.totals.warnings += row.warnings;
    ++result.totals.loaded;
    result.rows.push_back(std::move(row));
  }
  CombineTotals& t = result.totals;
  t.costs = costs.total();
  t.subsidy = subsidy.total();
  t.maximum = maximum.total();
  t.cofinancing = cofinancing.total();
  if (costs.overflowed() || subsidy.overflowed() || maximum.overflowed() ||
      cofinancing.overflowed())
    t.overflow = true;
  return result;
}

std::string combine_json(const CombineResult& result, Language language) {
  auto b = [](bool v) { return v ? std::string("true") : std::string("false"); };
  auto n = [](std::int64_t v) { return std::to_string(v); };
  std::string out = "{\n  \"combine_version\": 1,\n  \"rows\": [";
  for (std::size_t i = 0; i < result.rows.size(); ++i) {
    const CombineRow& r = result.rows[i];
    out += i ? ",\n" : "\n";
    out += "    {\"file\": " + json_quote(r.file_name) + ", \"loaded\": " + b(r.loaded) +
           ", \"repaired\": " + b(r.repaired) +
           ", \"load_error\": " + json_quote(r.load_error.in(language)) +
           ", \"region\": " + json_quote(r.region) + ", \"title\": " + json_quote(r.title) +
           ", \"scheme\": " + json_quote(r.scheme_id) + ", \"costs_cents\": " + n(r.costs.cents) +
           ", \"subsidy_cents\": " + n(r.subsidy.cents) +
           ", \"max_subsidy_cents\": " + n(r.maximum.cents) +
           ", \"max_known\": " + b(r.maximum_known) +
           ", \"cofinancing_cents\": " + n(r.cofinancing.cents) +
           ", \"cofinancing_percent_bp\": " + n(r.cofinancing_percent_bp) +
           ", \"cofinancing_met\": " + b(r.cofinancing_met) + ", \"errors\": " + n(r.errors) +
           ", \"warnings\": " + n(r.warnings) + "}";
  }
  const CombineTotals& t = result.totals;
  out += result.rows.empty() ? "],\n" : "\n  ],\n";
  out += "  \"totals\": {\"costs_cents\": " + n(t.costs.cents) +
         ", \"subsidy_cents\": " + n(t.subsidy.cents) +
         ", \"max_subsidy_cents\": " + n(t.maximum.cents) +
         ", \"cofinancing_cents\": " + n(t.cofinancing.cents) + ", \"errors\": " + n(t.errors) +
         ", \"warnings\": " + n(t.warnings) + ", \"loaded\": " + n(t.loaded) +
         ", \"failed\": " + n(t.failed) + ", \"overflow\": " + b(t.overflow) + "}\n}";
  return out;
}

std::string combine_text(const CombineResult& result, Language language) {
  const bool nl = language == Language::nl;
  auto money = [&](Money m) { return format_money(m, language); };
  std::string out;
  for (const CombineRow& r : result.rows) {
    out += r.file_name + "\n";
    if (!r.loaded) {
      out += "  " + std::string(nl ? "NIET GELADEN: " : "NOT LOADED: ") +
             r.load_error.in(language) + "\n";
      continue;
    }
    out += "  " + r.region + " (" + r.scheme_id + ")" +
           (r.repaired ? (nl ? " [gedeeltelijk geladen]" : " [loaded in part]") : "") + "\n";
    out += std::string("  ") + (nl ? "kosten " : "costs ") + money(r.costs) +
           (nl ? ", subsidie " : ", subsidy ") + money(r.subsidy) + ", maximum " +
           (r.maximum_known ? money(r.maximum) : std::string(nl ? "onbekend" : "unknown")) +
           (nl ? ", cofinanciering " : ", cofinancing ") +
           format_percent_bp(r.cofinancing_percent_bp, language) + ", " +
           severity_count(r.errors, Severity::error, language) + ", " +
           severity_count(r.warnings, Severity::warning, language) + "\n";
  }
  const CombineTotals& t = result.totals;
  out += nl ? "Totaal (" : "Total (";
  out += std::to_string(t.loaded) + (nl ? " geladen, " : " loaded, ") + std::to_string(t.failed) +
         (nl ? " niet geladen): kosten " : " not loaded): costs ") + money(t.costs) +
         (nl ? ", subsidie " : ", subsidy ") + money(t.subsidy) + ", maximum " + money(t.maximum) +
         (nl ? ", cofinanciering " : ", cofinancing ") + money(t.cofinancing) + ", " +
         severity_count(t.errors, Severity::error, language) + ", " +
         severity_count(t.warnings, Severity::warning, language) + "\n";
  return out;
}

}  // namespace sto
