// The summary JSON; see summary_json.h. Written by hand so the key order and number format are
// ours, not a library's.
#include "exchange/summary_json.h"

#include <cstdint>

#include "model/labels.h"
#include "rules/finding_codes.h"
#include "rules/finding_place.h"
#include "rules/scheme.h"

namespace sto {

std::string json_quote(std::string_view text) {
  static const char hex[] = "0123456789abcdef";
  std::string out;
  out.reserve(text.size() + 2);
  out += '"';
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out += hex[c >> 4];
          out += hex[c & 15];
        } else {
          out += ch;
        }
    }
  }
  out += '"';
  return out;
}

namespace {

// A tiny writer: objects and arrays with commas handled, two-space indentation.
class Writer {
 public:
  std::string out;

  void begin_object(const char* key = nullptr) { open(key, '{'); }
  void end_object() { close('}'); }
  void begin_array(const char* key = nullptr) { open(key, '['); }
  void end_array() { close(']'); }
  void field(const char* key, std::int64_t value) { raw(key, std::to_string(value)); }
  void field(const char* key, int value) { raw(key, std::to_string(value)); }
  void field(const char* key, Money value) { raw(key, std::to_string(value.cents)); }
  void field(const char* key, bool value) { raw(key, value ? "true" : "false"); }
  void field(const char* key, const char* value) { raw(key, json_quote(value)); }
  void field(const char* key, const std::string& value) { raw(key, json_quote(value)); }

  void totals(const Totals& t) {
    field("costs_cents", t.costs);
    field("subsidy_cents", t.subsidy);
    field("cofinancing_cents", t.cofinancing);
    field("cofinancing_cash_cents", t.cofinancing_cash);
    field("cofinancing_in_kind_cents", t.cofinancing_in_kind);
    field("own_cents", t.own);
  }

 private:
  int depth_ = 0;
  bool first_ = true;

  void separator() {
    if (depth_ > 0) {
      out += first_ ? "\n" : ",\n";
      out.append(static_cast<std::size_t>(depth_) * 2, ' ');
    }
    first_ = false;
  }
  void key(const char* k) {
    separator();
    if (k) {
      out += json_quote(k);
      out += ": ";
    }
  }
  void raw(const char* k, const std::string& value) {
    key(k);
    out += value;
  }
  void open(const char* k, char bracket) {
    key(k);
    out += bracket;
    ++depth_;
    first_ = true;
  }
  void close(char bracket) {
    --depth_;
    if (!first_) {
      out += '\n';
      out.append(static_cast<std::size_t>(depth_) * 2, ' ');
    }
    out += bracket;
    first_ = false;
  }
};

}  // namespace

std::string summary_json(const Plan& plan, const Analysis& analysis, Language language) {
  const Evaluation& e = analysis.evaluation;
  Writer w;
  w.begin_object();
  w.field("format", "sto-planner-summary");
  w.field("version", kSummaryVersion);
  w.field("title", plan.title);
  w.field("region", plan.region.name);
  w.field("region_type", region_type_id(plan.region.type));
  w.field("is_example", plan.is_example);
  w.field("scheme", plan.scheme_id);
  w.field("scheme_found", e.scheme_found);
  // The round in force ("" for a scheme without rounds) and the last fully priced year.
  const Scheme* scheme = builtin_schemes().find(plan.scheme_id);
  const SubmissionRound* round =
      scheme != nullptr ? scheme->submission_round_in_force(plan.submission_round) : nullptr;
  w.field("submission_round", round != nullptr ? round->id : std::string());
  w.field("detailed_through",
          scheme != nullptr ? scheme->last_detailed_year(plan.submission_round) : 0);
  w.field("max_subsidy_cents", e.max_subsidy);
  w.field("max_known", e.max_known);
  w.field("max_rule", e.max_rule.in(language));
  w.field("overflow", e.overflow);

  w.begin_object("totals");
  w.totals(e.total);
  w.end_object();
  w.field("outside_period_cents", e.outside_period.costs);

  const CofinancingCheck& c = e.cofinancing;
  w.begin_object("cofinancing");
  w.field("base", base_id(c.base));
  w.field("option", c.option_id);
  w.field("minimum_bp", c.minimum_bp);
  w.field("base_cents", c.base_amount);
  w.field("required_cents", c.required);
  w.field("business_cents", c.business);
  w.field("other_cents", c.other);
  w.field("actual_cents", c.actual);
  w.field("percent_bp", c.percent_bp);
  w.field("shortfall_cents", c.shortfall);
  w.field("met", c.met);
  w.end_object();

  const Settlement& s = e.settlement;
  w.begin_object("settlement");
  w.field("estimate", true);
  w.field("requested_cents", s.requested);
  w.field("maximum_cut_cents", s.maximum_cut);
  w.field("cofinancing_cut_cents", s.cofinancing_cut);
  w.field("allowed_cents", s.allowed);
  w.field("rule", s.rule.in(language));
  w.end_object();

  w.begin_array("years");
  for (std::size_t y = 0; y < e.by_year.size(); ++y) {
    w.begin_object();
    w.field("year", e.first_year + static_cast<int>(y));
    w.totals(e.by_year[y]);
    w.field("depreciation_cents", e.depreciation_by_year[y]);
    w.end_object();
  }
  w.end_array();

  w.begin_array("categories");
  if (e.scheme_found) {
    for (std::size_t k = 0; k < e.by_category.size(); ++k) {
      w.begin_object();
      w.field("category", category_id(static_cast<CostCategory>(k)));
      w.totals(e.by_category[k]);
      w.end_object();
    }
  }
  w.end_array();

  w.begin_array("organisations");
  for (std::size_t i = 0; i < e.by_organisation.size(); ++i) {
    w.begin_object();
    w.field("id", i < plan.organisations.size() ? plan.organisations[i].id : std::string());
    w.totals(e.by_organisation[i]);
    w.end_object();
  }
  w.end_array();

  w.begin_array("activities");
  for (std::size_t i = 0; i < e.by_activity.size(); ++i) {
    w.begin_object();
    w.field("id", plan.activities[i].id);
    w.totals(e.by_activity[i]);
    w.end_object();
  }
  w.end_array();

  int errors = 0, warnings = 0, infos = 0;
  w.begin_array("findings");
  for (const Finding& f : analysis.findings) {
    (f.severity == Severity::error ? errors : f.severity == Severity::warning ? warnings : infos)++;
    w.begin_object();
    w.field("code", f.code);
    w.field("severity", severity_name(f.severity));
    w.field("path", f.path);
    w.field("place", finding_place(plan, f.path).in(language));
    w.field("message", f.message.in(language));
    if (const FindingCode* source = finding_code(f.code))
      w.field("source", language == Language::nl ? source->nl : source->en);
    w.end_object();
  }
  w.end_array();
  w.begin_object("finding_counts");
  w.field("errors", errors);
  w.field("warnings", warnings);
  w.field("infos", infos);
  w.end_object();
  w.end_object();
  return std::move(w.out);
}

}  // namespace sto
