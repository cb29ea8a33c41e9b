// Plan comparison: one walk that stops at the first difference and says where it is.
#include "model/plan_equal.h"

#include <type_traits>

namespace sto {

namespace {

class Compare {
 public:
  std::string difference;

  bool same(const std::string& path, const std::string& a, const std::string& b) {
    if (a == b) return true;
    return differ(path, "\"" + a + "\" vs \"" + b + "\"");
  }
  bool same(const std::string& path, std::int64_t a, std::int64_t b) {
    if (a == b) return true;
    return differ(path, std::to_string(a) + " vs " + std::to_string(b));
  }
  bool same(const std::string& path, bool a, bool b) {
    if (a == b) return true;
    return differ(path, std::string(a ? "true" : "false") + " vs " + (b ? "true" : "false"));
  }
  bool same(const std::string& path, Money a, Money b) { return same(path, a.cents, b.cents); }
  bool same(const std::string& path, const Date& a, const Date& b) {
    return same(path + ".year", std::int64_t{a.year}, std::int64_t{b.year}) &&
           same(path + ".month", std::int64_t{a.month}, std::int64_t{b.month}) &&
           same(path + ".day", std::int64_t{a.day}, std::int64_t{b.day});
  }
  template <typename Enum, typename = std::enable_if_t<std::is_enum_v<Enum>>>
  bool same(const std::string& path, Enum a, Enum b) {
    return same(path, static_cast<std::int64_t>(a), static_cast<std::int64_t>(b));
  }
  template <typename T>
  bool same(const std::string& path, const std::optional<T>& a, const std::optional<T>& b) {
    if (a.has_value() != b.has_value())
      return differ(path, std::string(a ? "set" : "unset") + " vs " + (b ? "set" : "unset"));
    return !a || same(path, *a, *b);
  }
  template <typename T>
  bool same(const std::string& path, const std::vector<T>& a, const std::vector<T>& b) {
    if (a.size() != b.size())
      return differ(path + ".size()", std::to_string(a.size()) + " vs " + std::to_string(b.size()));
    for (std::size_t i = 0; i < a.size(); ++i)
      if (!same(path + "[" + std::to_string(i) + "]", a[i], b[i])) return false;
    return true;
  }
  bool same(const std::string& path, int a, int b) {
    return same(path, std::int64_t{a}, std::int64_t{b});
  }

  bool same(const std::string& p, const Organisation& a, const Organisation& b) {
    return same(p + ".id", a.id, b.id) && same(p + ".name", a.name, b.name) &&
           same(p + ".kind", a.kind, b.kind) && same(p + ".brin", a.brin, b.brin) &&
           same(p + ".penvoerder", a.penvoerder, b.penvoerder) &&
           same(p + ".partner", a.partner, b.partner) &&
           same(p + ".counts_as_business", a.counts_as_business, b.counts_as_business);
  }
  bool same(const std::string& p, const StudentCount& a, const StudentCount& b) {
    return same(p + ".organisation_id", a.organisation_id, b.organisation_id) &&
           same(p + ".path", a.path, b.path) && same(p + ".profile", a.profile, b.profile) &&
           same(p + ".count_date", a.count_date, b.count_date) &&
           same(p + ".students", a.students, b.students);
  }
  bool same(const std::string& p, const YearValue& a, const YearValue& b) {
    return same(p + ".year", a.year, b.year) &&
           same(p + ".value_milli", a.value_milli, b.value_milli);
  }
  bool same(const std::string& p, const Indicator& a, const Indicator& b) {
    return same(p + ".id", a.id, b.id) && same(p + ".name", a.name, b.name) &&
           same(p + ".unit", a.unit, b.unit) &&
           same(p + ".baseline_year", a.baseline_year, b.baseline_year) &&
           same(p + ".baseline_milli", a.baseline_milli, b.baseline_milli) &&
           same(p + ".targets", a.targets, b.targets);
  }
  bool same(const std::string& p, const Goal& a, const Goal& b) {
    return same(p + ".id", a.id, b.id) && same(p + ".title", a.title, b.title) &&
           same(p + ".theme", a.theme, b.theme) &&
           same(p + ".indicators", a.indicators, b.indicators);
  }
  bool same(const std::string& p, const Investment& a, const Investment& b) {
    return same(p + ".purchase_price", a.purchase_price, b.purchase_price) &&
           same(p + ".purchase_date", a.purchase_date, b.purchase_date) &&
           same(p + ".economic_life_months", a.economic_life_months, b.economic_life_months) &&
           same(p + ".project_use_bp", a.project_use_bp, b.project_use_bp);
  }
  bool same(const std::string& p, const BudgetLine& a, const BudgetLine& b) {
    return same(p + ".id", a.id, b.id) &&
           same(p + ".organisation_id", a.organisation_id, b.organisation_id) &&
           same(p + ".year", a.year, b.year) && same(p + ".category", a.category, b.category) &&
           same(p + ".description", a.description, b.description) &&
           same(p + ".unit", a.unit, b.unit) && same(p + ".price", a.price, b.price) &&
           same(p + ".quantity_milli", a.quantity_milli, b.quantity_milli) &&
           same(p + ".funding", a.funding, b.funding) &&
           same(p + ".other_funding", a.other_funding, b.other_funding) &&
           same(p + ".investment", a.investment, b.investment);
  }
  bool same(const std::string& p, const Activity& a, const Activity& b) {
    return same(p + ".id", a.id, b.id) && same(p + ".title", a.title, b.title) &&
           same(p + ".theme", a.theme, b.theme) &&
           same(p + ".lead_organisation_id", a.lead_organisation_id, b.lead_organisation_id) &&
           same(p + ".partner_ids", a.partner_ids, b.partner_ids) &&
           same(p + ".goal_ids", a.goal_ids, b.goal_ids) && same(p + ".years", a.years, b.years) &&
           same(p + ".lines", a.lines, b.lines);
  }
  bool same(const std::string& p, const Region& a, const Region& b) {
    return same(p + ".name", a.name, b.name) && same(p + ".type", a.type, b.type) &&
           same(p + ".previous_grant", a.previous_grant, b.previous_grant) &&
           same(p + ".fixed_maximum", a.fixed_maximum, b.fixed_maximum);
  }
  bool same(const std::string& p, const ScenarioOverride& a, const ScenarioOverride& b) {
    return same(p + ".kind", a.kind, b.kind) && same(p + ".target", a.target, b.target) &&
           same(p + ".value", a.value, b.value) && same(p + ".replaces", a.replaces, b.replaces);
  }
  bool same(const std::string& p, const Scenario& a, const Scenario& b) {
    return same(p + ".id", a.id, b.id) && same(p + ".name", a.name, b.name) &&
           same(p + ".overrides", a.overrides, b.overrides);
  }
  bool same(const std::string& p, const RevisionNode& a, const RevisionNode& b) {
    return same(p + ".id", a.id, b.id) && same(p + ".parents", a.parents, b.parents);
  }
  bool same(const std::string& p, const Lineage& a, const Lineage& b) {
    return same(p + ".plan_id", a.plan_id, b.plan_id) &&
           same(p + ".revision", a.revision, b.revision) &&
           same(p + ".parents", a.parents, b.parents) && same(p + ".history", a.history, b.history);
  }
  bool same(const Plan& a, const Plan& b) {
    return same("title", a.title, b.title) && same("region", a.region, b.region) &&
           same("scheme_id", a.scheme_id, b.scheme_id) &&
           same("cofinancing_option", a.cofinancing_option, b.cofinancing_option) &&
           same("cofinancing_base", a.cofinancing_base, b.cofinancing_base) &&
           same("submission_round", a.submission_round, b.submission_round) &&
           same("organisations", a.organisations, b.organisations) &&
           same("student_counts", a.student_counts, b.student_counts) &&
           same("goals", a.goals, b.goals) && same("activities", a.activities, b.activities) &&
           same("notes", a.notes, b.notes) &&
           same("changes_since_original_plan", a.changes_since_original_plan,
                b.changes_since_original_plan) &&
           same("earlier_grant_activities", a.earlier_grant_activities,
                b.earlier_grant_activities) &&
           same("is_example", a.is_example, b.is_example) &&
           same("scenarios", a.scenarios, b.scenarios) && same("lineage", a.lineage, b.lineage);
  }

 private:
  bool differ(const std::string& path, const std::string& values) {
    difference = path + ": " + values;
    return false;
  }
};

}  // namespace

bool equal_plans(const Plan& a, const Plan& b) {
  return plan_difference(a, b).empty();
}

std::string plan_difference(const Plan& a, const Plan& b) {
  Compare compare;
  compare.same(a, b);
  return compare.difference;
}

}  // namespace sto
