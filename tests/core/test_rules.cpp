// Every finding code fires on a small plan made to break exactly that rule, and on none of the
// shipped samples; plus the published test vectors that are about findings.
#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <functional>
#include <sstream>

#include "rule_sources.h"
#include "rules.h"
#include "sample_plans.h"
#include "test_helpers.h"

using namespace sto;
using sto::test::line;
using sto::test::minimal_plan;

namespace {

std::vector<std::string> codes(const Plan& p) {
  std::vector<std::string> out;
  for (const auto& f : analyse(p).findings) out.push_back(f.code);
  return out;
}
const Finding* find(const std::vector<Finding>& findings, const std::string& code) {
  for (const auto& f : findings)
    if (f.code == code) return &f;
  return nullptr;
}

// The minimal plan as a 2024 extension request: every rule of 2024 met except its two required
// parts (the planning reservation and the coverage goal).
void as_2024(Plan& p) {
  p.scheme_id = "sto-2024";
  p.region.previous_grant = Money{400000000};
  for (auto& l : p.activities[0].lines) l.year = 2024;
}

struct Case {
  const char* code;
  Severity severity;
  const char* path;  // expected path of the first finding with this code
  std::function<void(Plan&)> breaks;
};

std::vector<Case> cases() {
  using K = OrganisationKind;
  return {
      {"SCHEME_UNKNOWN", Severity::error, "scheme_id", [](Plan& p) { p.scheme_id = "sto-1999"; }},
      {"MONEY_OVERFLOW", Severity::error, "activities[0].lines[0]",
       [](Plan& p) { p.activities[0].lines[0].price = Money{INT64_MAX}; }},
      {"MAXIMUM_UNKNOWN", Severity::warning, "region.fixed_maximum",
       [](Plan& p) { p.region.fixed_maximum = Money{}; }},
      {"LUWE_ABOVE_CAP", Severity::error, "region.type",
       [](Plan& p) {
         p.region.type = RegionType::techniekluwe;
         p.activities[0].lines[0] = line("l1", "v1", 2025, 400000001, 1000);
         p.activities[0].lines[1] =
             line("l2", "b1", 2025, 50000000, 1000, FundingSource::cofinancing_cash);
       }},
      {"SUBSIDY_ABOVE_MAXIMUM", Severity::error, "region",
       [](Plan& p) { p.region.fixed_maximum = Money{499999}; }},
      {"COFIN_OPTION_UNKNOWN", Severity::error, "cofinancing_option",
       [](Plan& p) { p.cofinancing_option = "half"; }},
      {"COFIN_BELOW_MINIMUM", Severity::error, "cofinancing",
       [](Plan& p) { p.activities[0].lines[1].quantity_milli = 10000; }},
      {"TOO_FEW_VMBO", Severity::error, "organisations",
       [](Plan& p) { p.organisations[1].brin = "99XA00"; }},  // same vestiging twice
      {"NO_MBO", Severity::error, "organisations",
       [](Plan& p) { p.organisations[2].kind = K::other; }},
      {"NO_BUSINESS", Severity::error, "organisations",
       [](Plan& p) {
         p.organisations[3].kind = K::other;
         p.activities[0].lines[1].funding = FundingSource::own;
       }},
      {"NO_PRIMARY", Severity::error, "organisations",
       [](Plan& p) { p.organisations[4].kind = K::other; }},
      {"NO_PENVOERDER", Severity::error, "organisations",
       [](Plan& p) { p.organisations[0].penvoerder = false; }},
      {"MULTIPLE_PENVOERDERS", Severity::error, "organisations[1]",
       [](Plan& p) { p.organisations[1].penvoerder = true; }},
      {"PENVOERDER_NOT_VMBO", Severity::error, "organisations[2]",
       [](Plan& p) {
         p.organisations[0].penvoerder = false;
         p.organisations[2].penvoerder = true;
       }},
      {"MISSING_ID", Severity::error, "goals[0].id",
       [](Plan& p) {
         p.goals[0].id.clear();
         p.activities[0].goal_ids = {"g2"};
         p.goals.push_back(p.goals[0]);
         p.goals[1].id = "g2";
       }},
      {"DUPLICATE_ID", Severity::error, "activities[0].lines[1].id",
       [](Plan& p) { p.activities[0].lines[1].id = "l1"; }},
      {"BRIN_FORMAT", Severity::warning, "organisations[2].brin",
       [](Plan& p) { p.organisations[2].brin = "12345"; }},
      {"VMBO_WITHOUT_BRIN", Severity::warning, "organisations[5].brin",
       [](Plan& p) { p.organisations.push_back(test::org("v3", K::vmbo, "99XF")); }},
      {"UNKNOWN_ORGANISATION", Severity::error, "activities[0].lines[0].organisation_id",
       [](Plan& p) { p.activities[0].lines[0].organisation_id = "nobody"; }},
      {"UNKNOWN_GOAL", Severity::error, "activities[0].goal_ids[1]",
       [](Plan& p) { p.activities[0].goal_ids.push_back("g404"); }},
      {"STUDENT_COUNT_NEGATIVE", Severity::error, "student_counts[0].students",
       [](Plan& p) {
         p.student_counts.push_back(StudentCount{"v1", LearningPath::bb, "PIE", {}, -1});
       }},
      {"STUDENT_COUNT_DATE", Severity::warning, "student_counts[0].count_date",
       [](Plan& p) {
         p.scheme_id = "sto-2020-2023";
         p.organisations[4].kind = K::other;
         p.activities[0].lines[0].year = 2020;
         p.activities[0].lines[1].year = 2020;
         p.student_counts.push_back(
             StudentCount{"v1", LearningPath::bb, "PIE", Date{2019, 10, 1}, 10});
       }},
      {"GOAL_WITHOUT_INDICATOR", Severity::warning, "goals[0]",
       [](Plan& p) { p.goals[0].indicators.clear(); }},
      {"INDICATOR_WITHOUT_TARGET", Severity::warning, "goals[0].indicators[0]",
       [](Plan& p) { p.goals[0].indicators[0].targets.clear(); }},
      {"ACTIVITY_WITHOUT_GOAL", Severity::warning, "activities[0].goal_ids",
       [](Plan& p) { p.activities[0].goal_ids.clear(); }},
      {"LINE_OUTSIDE_PERIOD", Severity::error, "activities[0].lines[0].year",
       [](Plan& p) { p.activities[0].lines[0].year = 2030; }},
      {"NEGATIVE_AMOUNT", Severity::error, "activities[0].lines[0].quantity",
       [](Plan& p) { p.activities[0].lines[0].quantity_milli = -1000; }},
      {"LINE_WITHOUT_PRICE_OR_QUANTITY", Severity::error, "activities[0].lines[0].price",
       [](Plan& p) { p.activities[0].lines[0].price = Money{}; }},
      {"INVESTMENT_INCOMPLETE", Severity::error, "activities[0].lines[0].investment",
       [](Plan& p) {
         p.activities[0].lines[0].investment = Investment{Money{100000}, Date{}, 60, 10000};
       }},
      {"INVESTMENT_LIFE_SHORTENED", Severity::warning,
       "activities[0].lines[0].investment.economic_life_months",
       [](Plan& p) {
         p.activities[0].lines[0].investment =
             Investment{Money{4800000}, Date{2025, 1, 1}, 48, 10000};
       }},
      {"INVESTMENT_NO_DEPRECIATION", Severity::warning, "activities[0].lines[0].year",
       [](Plan& p) {
         p.activities[0].lines[0].investment =
             Investment{Money{4800000}, Date{2026, 1, 1}, 120, 10000};
       }},
      {"DOUBLE_FUNDING", Severity::error, "activities[0].lines[0].other_funding",
       [](Plan& p) { p.activities[0].lines[0].other_funding = "Regionaal investeringsfonds mbo"; }},
      {"COFIN_NOT_FROM_BUSINESS", Severity::warning, "activities[0].lines[1].funding",
       [](Plan& p) { p.activities[0].lines[1].organisation_id = "m1"; }},
      {"PLANNING_RESERVATION_MISSING", Severity::warning, "activities",
       [](Plan& p) { as_2024(p); }},
      {"COVERAGE_GOAL_MISSING", Severity::warning, "goals", [](Plan& p) { as_2024(p); }},
  };
}

}  // namespace

TEST_CASE("the minimal plan and every sample have no errors") {
  CHECK(codes(minimal_plan()).empty());
  for (const Plan& p :
       {samples::voorbeeldregio(), samples::klein_voorbeeld_2020(), samples::verlenging_2024()})
    CHECK_FALSE(has_errors(analyse(p).findings));
}

TEST_CASE("each finding code fires on a plan that breaks its rule") {
  const std::vector<Plan> sample_plans{samples::voorbeeldregio(), samples::klein_voorbeeld_2020(),
                                       samples::verlenging_2024()};
  for (const Case& c : cases()) {
    INFO(c.code);
    Plan p = minimal_plan();
    c.breaks(p);
    const auto findings = analyse(p).findings;
    const Finding* f = find(findings, c.code);
    REQUIRE(f != nullptr);
    CHECK(f->severity == c.severity);
    CHECK(f->path == c.path);
    CHECK_FALSE(f->message.nl.empty());
    CHECK_FALSE(f->message.en.empty());
    CHECK(f->message.nl != f->message.en);
    // The main sample teaches two warnings on purpose (see sample_plans.h).
    const std::string code = c.code;
    if (code == "GOAL_WITHOUT_INDICATOR" || code == "LINE_WITHOUT_PRICE_OR_QUANTITY") continue;
    for (const Plan& s : sample_plans) CHECK(find(analyse(s).findings, c.code) == nullptr);
  }
}

TEST_CASE("core/RULES.md has one row per finding code") {
  std::ifstream in(std::string(STO_TEST_DATA) + "/../../core/RULES.md", std::ios::binary);
  REQUIRE(in.good());
  std::ostringstream text;
  text << in.rdbuf();
  const std::string rules = text.str();
  for (const Case& c : cases()) {
    INFO(c.code);
    const std::string row = "| `" + std::string(c.code) + "` | ";
    const auto at = rules.find(row);
    REQUIRE(at != std::string::npos);
    CHECK(rules.find(row, at + 1) == std::string::npos);
    // The row states the severity the code has.
    const std::string rest = rules.substr(at + row.size(), 40);
    CHECK(rest.find(severity_name(c.severity)) != std::string::npos);
  }
}

TEST_CASE("every finding code has a source in both languages, and no source lacks its code") {
  for (const Case& c : cases()) {
    INFO(c.code);
    const RuleSource* s = rule_source(c.code);
    REQUIRE(s != nullptr);
    CHECK_FALSE(s->nl.empty());
    CHECK_FALSE(s->en.empty());
    CHECK(source_line(c.code, Language::nl) == "Bron: " + s->nl);
    CHECK(source_line(c.code, Language::en) == "Source: " + s->en);
  }
  // The table holds exactly the codes of the rules: one row each, none left over.
  CHECK(rule_sources().size() == cases().size());
  for (const RuleSource& s : rule_sources()) {
    INFO(s.code);
    const auto all = cases();
    CHECK(std::count_if(all.begin(), all.end(), [&](const Case& c) { return s.code == c.code; }) ==
          1);
  }
  CHECK(rule_source("NO_SUCH_CODE") == nullptr);
  CHECK(source_line("NO_SUCH_CODE", Language::nl).empty());
  // Every finding of the samples has one too.
  for (const Plan& p :
       {samples::voorbeeldregio(), samples::klein_voorbeeld_2020(), samples::verlenging_2024()})
    for (const Finding& f : analyse(p).findings) CHECK(rule_source(f.code) != nullptr);
}

TEST_CASE("counts of findings use singular and plural words, as the app does") {
  CHECK(severity_count(0, Severity::error, Language::nl) == "0 fouten");
  CHECK(severity_count(1, Severity::error, Language::nl) == "1 fout");
  CHECK(severity_count(2, Severity::warning, Language::nl) == "2 waarschuwingen");
  CHECK(severity_count(1, Severity::warning, Language::nl) == "1 waarschuwing");
  CHECK(severity_count(1, Severity::error, Language::en) == "1 error");
  CHECK(severity_count(0, Severity::warning, Language::en) == "0 warnings");
  CHECK(severity_count(3, Severity::info, Language::en) == "3 info");
  CHECK(findings_count(1, Language::nl) == "1 bevinding");
  CHECK(findings_count(2, Language::nl) == "2 bevindingen");
  CHECK(findings_count(0, Language::en) == "0 findings");
  CHECK(findings_count(1, Language::en) == "1 finding");
}

TEST_CASE("T4: a techniekluwe request of 4,000,001 euro is an error, 4,000,000 is not") {
  Plan p = minimal_plan();
  p.region.type = RegionType::techniekluwe;
  p.region.fixed_maximum = Money{};
  p.activities[0].lines[0] = line("l1", "v1", 2025, 400000100, 1000);
  p.activities[0].lines[1] =
      line("l2", "b1", 2025, 50000000, 1000, FundingSource::cofinancing_cash);
  auto findings = analyse(p).findings;
  const Finding* f = find(findings, "LUWE_ABOVE_CAP");
  REQUIRE(f);
  CHECK(f->severity == Severity::error);
  CHECK(f->message.nl.find("€ 4.000.000,00") != std::string::npos);
  CHECK(f->message.nl.find("€ 4.000.001,00") != std::string::npos);
  p.activities[0].lines[0].price = Money{400000000};
  CHECK(codes(p).empty());
}

TEST_CASE("a missing quantity is an error in the first two years, a warning later") {
  Plan p = minimal_plan();
  p.activities[0].lines.push_back(line("l3", "v1", 2026, 5000, 0));
  p.activities[0].lines.push_back(line("l4", "v1", 2027, 5000, 0));
  auto findings = analyse(p).findings;
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].severity == Severity::error);
  CHECK(findings[0].path == "activities[0].lines[2].quantity");
  CHECK(findings[1].severity == Severity::warning);
}

TEST_CASE("the same investment in one year on two lines is double funding; per year it is not") {
  Plan p = minimal_plan();
  BudgetLine inv = line("i1", "v1", 2025, 0, 0, FundingSource::subsidy, CostCategory::equipment);
  inv.investment = Investment{Money{850000}, Date{2025, 1, 1}, 120, 6000};  // € 510 a year
  p.activities[0].lines.push_back(inv);
  inv.id = "i2";
  inv.year = 2026;
  p.activities[0].lines.push_back(inv);
  CHECK(codes(p).empty());
  inv.id = "i3";
  p.activities[0].lines.push_back(inv);
  auto findings = analyse(p).findings;
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].code == "DOUBLE_FUNDING");
  CHECK(findings[0].path == "activities[0].lines[4].investment");
}

TEST_CASE("COFIN_BELOW_MINIMUM states its base and amounts in Dutch notation") {
  Plan p = minimal_plan();
  p.activities[0].lines[1].quantity_milli = 10000;  // € 200 cofinancing on € 5.200: 3,846 %
  auto findings = analyse(p).findings;
  const Finding* f = find(findings, "COFIN_BELOW_MINIMUM");
  REQUIRE(f);
  CHECK(f->message.nl ==
        "De cofinanciering door bedrijven € 200,00 (3,85%) is lager dan het minimum van 10,00% van "
        "de totale kosten € 5.200,00: € 520,00 nodig, € 320,00 tekort (gemeten over de hele "
        "periode).");
  CHECK(f->message.en.find("€520.00 required") != std::string::npos);
}

TEST_CASE("the penvoerder: a vmbo board passes, any other kind is an error") {
  Plan p = minimal_plan();  // the penvoerder is organisations[0], a vmbo school
  CHECK(codes(p).empty());
  for (OrganisationKind kind : {OrganisationKind::mbo, OrganisationKind::business,
                                OrganisationKind::municipality, OrganisationKind::primary}) {
    Plan q = minimal_plan();
    q.organisations[0].penvoerder = false;
    q.organisations.push_back(test::org("x", kind, "", true));
    const auto findings = analyse(q).findings;
    const Finding* f = find(findings, "PENVOERDER_NOT_VMBO");
    REQUIRE(f);
    CHECK(f->severity == Severity::error);
    CHECK(has_errors(findings));
  }
}

TEST_CASE("2024: a planning reservation and a coverage goal are each enough; one cent counts") {
  Plan p = minimal_plan();
  as_2024(p);
  CHECK(codes(p) ==
        std::vector<std::string>{"PLANNING_RESERVATION_MISSING", "COVERAGE_GOAL_MISSING"});
  p.goals[0].theme = "Dekking en kwaliteit";
  CHECK(codes(p) == std::vector<std::string>{"PLANNING_RESERVATION_MISSING"});
  auto reservation = line("plan", "v1", 2024, 1, 1000, FundingSource::subsidy,
                          CostCategory::planning);  // € 0,01
  p.activities[0].lines.push_back(reservation);
  CHECK(codes(p).empty());
  p.activities[0].lines.back().price = Money{};  // a line of € 0 is no reservation
  const auto c = codes(p);
  CHECK(std::find(c.begin(), c.end(), "PLANNING_RESERVATION_MISSING") != c.end());
  // Other schemes do not ask for either.
  Plan q = minimal_plan();
  q.goals[0].theme.clear();
  CHECK(codes(q).empty());
}

TEST_CASE("the settlement is labelled an estimate with its assumption") {
  const Analysis a = analyse(minimal_plan());
  CHECK(a.evaluation.settlement.rule.nl.rfind("Schatting", 0) == 0);
  CHECK(a.evaluation.settlement.rule.nl.find("Aanname") != std::string::npos);
  CHECK(a.evaluation.settlement.rule.en.rfind("Estimate", 0) == 0);
  CHECK(a.evaluation.settlement.rule.en.find("Assumption") != std::string::npos);
}

TEST_CASE("BRIN formats") {
  CHECK(is_vestiging_brin("99XA00"));
  CHECK(is_vestiging_brin("12AB3C"));
  CHECK_FALSE(is_vestiging_brin("99XA"));
  CHECK_FALSE(is_vestiging_brin("99xa00"));
  CHECK(is_board_brin("99XA"));
  CHECK_FALSE(is_board_brin("9XA0"));
}
