// Every finding code fires on a small plan made to break exactly that rule, and on none of the
// shipped samples; plus the published test vectors that are about findings.
#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>

#include "rules/finding_codes.h"
#include "rules/rules.h"
#include "rules/scheme.h"
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
  p.changes_since_original_plan = "Twee scholen voegen hun praktijklokalen samen.";
  p.earlier_grant_activities = "Techniekdagen voorjaar 2024, uit de toekenning 2020-2023.";
}

// One row per finding code; its severity comes from the finding-code table.
struct Case {
  const char* code;
  const char* path;  // expected path of the first finding with this code
  std::function<void(Plan&)> breaks;
};

Severity severity_of(const char* code) {
  const FindingCode* row = finding_code(code);
  REQUIRE(row != nullptr);
  return row->severity;
}

std::string read_source(const std::string& relative) {
  std::ifstream in(std::string(STO_TEST_DATA) + "/../../" + relative, std::ios::binary);
  REQUIRE(in.good());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The codes in `text` that follow `before` in double quotes, e.g. add("NO_MBO" …).
std::set<std::string> quoted_codes_after(const std::string& text, const std::string& before) {
  std::set<std::string> out;
  for (std::size_t at = text.find(before); at != std::string::npos;
       at = text.find(before, at + 1)) {
    const std::size_t start = at + before.size();
    const std::size_t end = text.find('"', start);
    if (end != std::string::npos) out.insert(text.substr(start, end - start));
  }
  return out;
}

std::vector<Case> cases() {
  using K = OrganisationKind;
  return {
      {"SCHEME_UNKNOWN", "scheme_id", [](Plan& p) { p.scheme_id = "sto-1999"; }},
      {"MONEY_OVERFLOW", "activities[0].lines[0]",
       [](Plan& p) { p.activities[0].lines[0].price = Money{INT64_MAX}; }},
      {"MAXIMUM_UNKNOWN", "region.fixed_maximum",
       [](Plan& p) { p.region.fixed_maximum = Money{}; }},
      {"LUWE_ABOVE_CAP", "region.type",
       [](Plan& p) {
         p.region.type = RegionType::techniekluwe;
         p.activities[0].lines[0] = line("l1", "v1", 2025, 400000001, 1000);
         p.activities[0].lines[1] =
             line("l2", "b1", 2025, 50000000, 1000, FundingSource::cofinancing_cash);
       }},
      {"SUBSIDY_ABOVE_MAXIMUM", "region", [](Plan& p) { p.region.fixed_maximum = Money{499999}; }},
      {"COFIN_OPTION_UNKNOWN", "cofinancing_option",
       [](Plan& p) { p.cofinancing_option = "half"; }},
      {"SUBMISSION_ROUND_UNKNOWN", "submission_round",
       [](Plan& p) { p.submission_round = "2029-2030"; }},
      {"COFIN_BELOW_MINIMUM", "cofinancing",
       [](Plan& p) { p.activities[0].lines[1].quantity_milli = 10000; }},
      {"TOO_FEW_VMBO", "organisations",
       [](Plan& p) { p.organisations[1].brin = "99XA00"; }},  // same vestiging twice
      {"NO_MBO", "organisations", [](Plan& p) { p.organisations[2].kind = K::other; }},
      {"NO_BUSINESS", "organisations",
       [](Plan& p) {
         p.organisations[3].kind = K::other;
         p.activities[0].lines[1].funding = FundingSource::own;
       }},
      {"NO_PRIMARY", "organisations", [](Plan& p) { p.organisations[4].kind = K::other; }},
      {"NO_PENVOERDER", "organisations", [](Plan& p) { p.organisations[0].penvoerder = false; }},
      {"MULTIPLE_PENVOERDERS", "organisations[1]",
       [](Plan& p) { p.organisations[1].penvoerder = true; }},
      {"PENVOERDER_NOT_VMBO", "organisations[2]",
       [](Plan& p) {
         p.organisations[0].penvoerder = false;
         p.organisations[2].penvoerder = true;
       }},
      {"VSO_NOT_COUNTED", "organisations[1].kind",
       [](Plan& p) { p.organisations[1].kind = K::vso; }},
      {"MISSING_ID", "goals[0].id",
       [](Plan& p) {
         p.goals[0].id.clear();
         p.activities[0].goal_ids = {"g2"};
         p.goals.push_back(p.goals[0]);
         p.goals[1].id = "g2";
       }},
      {"DUPLICATE_ID", "activities[0].lines[1].id",
       [](Plan& p) { p.activities[0].lines[1].id = "l1"; }},
      {"BRIN_FORMAT", "organisations[2].brin", [](Plan& p) { p.organisations[2].brin = "12345"; }},
      {"VMBO_WITHOUT_BRIN", "organisations[5].brin",
       [](Plan& p) { p.organisations.push_back(test::org("v3", K::vmbo, "99XF")); }},
      {"UNKNOWN_ORGANISATION", "activities[0].lines[0].organisation_id",
       [](Plan& p) { p.activities[0].lines[0].organisation_id = "nobody"; }},
      {"UNKNOWN_GOAL", "activities[0].goal_ids[1]",
       [](Plan& p) { p.activities[0].goal_ids.push_back("g404"); }},
      {"STUDENT_COUNT_NEGATIVE", "student_counts[0].students",
       [](Plan& p) {
         p.student_counts.push_back(StudentCount{"v1", LearningPath::bb, "PIE", {}, -1});
       }},
      {"STUDENT_COUNT_DATE", "student_counts[0].count_date",
       [](Plan& p) {
         p.scheme_id = "sto-2020-2023";
         p.organisations[4].kind = K::other;
         p.activities[0].lines[0].year = 2020;
         p.activities[0].lines[1].year = 2020;
         p.student_counts.push_back(
             StudentCount{"v1", LearningPath::bb, "PIE", Date{2019, 10, 1}, 10});
       }},
      {"GOAL_WITHOUT_INDICATOR", "goals[0]", [](Plan& p) { p.goals[0].indicators.clear(); }},
      {"INDICATOR_WITHOUT_TARGET", "goals[0].indicators[0]",
       [](Plan& p) { p.goals[0].indicators[0].targets.clear(); }},
      {"ACTIVITY_WITHOUT_GOAL", "activities[0].goal_ids",
       [](Plan& p) { p.activities[0].goal_ids.clear(); }},
      {"LINE_OUTSIDE_PERIOD", "activities[0].lines[0].year",
       [](Plan& p) { p.activities[0].lines[0].year = 2030; }},
      {"NEGATIVE_AMOUNT", "activities[0].lines[0].quantity",
       [](Plan& p) { p.activities[0].lines[0].quantity_milli = -1000; }},
      {"LINE_WITHOUT_PRICE_OR_QUANTITY", "activities[0].lines[0].price",
       [](Plan& p) { p.activities[0].lines[0].price = Money{}; }},
      {"INVESTMENT_INCOMPLETE", "activities[0].lines[0].investment",
       [](Plan& p) {
         p.activities[0].lines[0].investment = Investment{Money{100000}, Date{}, 60, 10000};
       }},
      {"INVESTMENT_LIFE_SHORTENED", "activities[0].lines[0].investment.economic_life_months",
       [](Plan& p) {
         p.activities[0].lines[0].investment =
             Investment{Money{4800000}, Date{2025, 1, 1}, 48, 10000};
       }},
      {"INVESTMENT_NO_DEPRECIATION", "activities[0].lines[0].investment.purchase_date",
       [](Plan& p) {  // bought after the last spending year of 2025-2028
         p.activities[0].lines[0].investment =
             Investment{Money{4800000}, Date{2029, 1, 1}, 120, 10000};
       }},
      {"DOUBLE_FUNDING", "activities[0].lines[0].other_funding",
       [](Plan& p) { p.activities[0].lines[0].other_funding = "Regionaal investeringsfonds mbo"; }},
      {"COFIN_NOT_FROM_BUSINESS", "activities[0].lines[1].funding",
       [](Plan& p) { p.activities[0].lines[1].organisation_id = "m1"; }},
      {"PLANNING_RESERVATION_MISSING", "activities", [](Plan& p) { as_2024(p); }},
      {"COVERAGE_GOAL_MISSING", "goals", [](Plan& p) { as_2024(p); }},
      {"EXTENSION_CHANGES_MISSING", "changes_since_original_plan",
       [](Plan& p) {
         as_2024(p);
         p.changes_since_original_plan = " \n\t";
       }},
      {"EARLIER_GRANT_ACTIVITIES_MISSING", "earlier_grant_activities",
       [](Plan& p) {
         as_2024(p);
         p.earlier_grant_activities.clear();
       }},
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
    CHECK(f->severity == severity_of(c.code));
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
  const std::string rules = read_source("core/RULES.md");
  for (const Case& c : cases()) {
    INFO(c.code);
    const std::string row = "| `" + std::string(c.code) + "` | ";
    const auto at = rules.find(row);
    REQUIRE(at != std::string::npos);
    CHECK(rules.find(row, at + 1) == std::string::npos);
    // The row states the severity the code has.
    const std::string rest = rules.substr(at + row.size(), 40);
    CHECK(rest.find(severity_name(severity_of(c.code))) != std::string::npos);
  }
}

TEST_CASE("the finding-code table, core/RULES.md and the checks name the same codes") {
  std::set<std::string> table;
  for (const FindingCode& c : finding_codes()) CHECK(table.insert(c.code).second);
  // RULES.md: every row's code is in the table, and every code of the table has a row.
  const std::string rules = read_source("core/RULES.md");
  std::set<std::string> rows;
  for (std::size_t at = rules.find("\n| `"); at != std::string::npos;
       at = rules.find("\n| `", at + 1)) {
    const std::size_t start = at + 4;
    rows.insert(rules.substr(start, rules.find('`', start) - start));
  }
  CHECK(rows == table);
  // The checks: every code core/rules/rules.cpp can report is in the table, and every code of the
  // table is reported somewhere (each is also made to fire by cases()).
  const std::string source = read_source("core/rules/rules.cpp");
  std::set<std::string> emitted = quoted_codes_after(source, "add(\"");
  for (const std::string& code : quoted_codes_after(source, "add_as(\"")) emitted.insert(code);
  for (const std::string& code : quoted_codes_after(source, "Finding{\"")) emitted.insert(code);
  CHECK(emitted == table);
  // Codes whose severity varies say so in the table; the others fire only with theirs.
  for (const FindingCode& c : finding_codes())
    CHECK(c.varies == (source.find("add_as(\"" + c.code + "\"") != std::string::npos));
}

TEST_CASE("a finding opens the section of its code, or of the record its path names") {
  for (const Case& c : cases()) {
    INFO(c.code);
    const FindingCode* row = finding_code(c.code);
    REQUIRE(row != nullptr);
    // A fixed section agrees with the place the finding points at.
    if (row->section != FindingSection::by_place)
      CHECK(finding_section(c.code, c.path) == finding_section("", c.path));
  }
  CHECK(finding_section("UNKNOWN_ORGANISATION", "activities[0].lines[2].organisation_id") ==
        FindingSection::budget);
  CHECK(finding_section("UNKNOWN_ORGANISATION", "activities[0].lead_organisation_id") ==
        FindingSection::activities);
  CHECK(finding_section("UNKNOWN_ORGANISATION", "student_counts[1].organisation_id") ==
        FindingSection::partners);
  CHECK(finding_section("NO_MBO", "organisations") == FindingSection::partners);
  CHECK(finding_section("SUBMISSION_ROUND_UNKNOWN", "submission_round") ==
        FindingSection::settings);
  CHECK(finding_section("MONEY_OVERFLOW", "") == FindingSection::overview);
  CHECK(finding_section("PLANNING_RESERVATION_MISSING", "activities") ==
        FindingSection::activities);
}

TEST_CASE("every finding code has a source in both languages, and no source lacks its code") {
  for (const Case& c : cases()) {
    INFO(c.code);
    const FindingCode* s = finding_code(c.code);
    REQUIRE(s != nullptr);
    CHECK_FALSE(s->nl.empty());
    CHECK_FALSE(s->en.empty());
    CHECK(source_line(c.code, Language::nl) == "Bron: " + s->nl);
    CHECK(source_line(c.code, Language::en) == "Source: " + s->en);
  }
  // The table holds exactly the codes of the rules: one row each, none left over.
  CHECK(finding_codes().size() == cases().size());
  for (const FindingCode& s : finding_codes()) {
    INFO(s.code);
    const auto all = cases();
    CHECK(std::count_if(all.begin(), all.end(), [&](const Case& c) { return s.code == c.code; }) ==
          1);
  }
  CHECK(finding_code("NO_SUCH_CODE") == nullptr);
  CHECK(source_line("NO_SUCH_CODE", Language::nl).empty());
  // Every finding of the samples has one too.
  for (const Plan& p :
       {samples::voorbeeldregio(), samples::klein_voorbeeld_2020(), samples::verlenging_2024()})
    for (const Finding& f : analyse(p).findings) CHECK(finding_code(f.code) != nullptr);
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

TEST_CASE("2025-2028: the submission round decides which years need price and quantity") {
  Plan p = minimal_plan();
  p.activities[0].lines.push_back(line("l3", "v1", 2026, 5000, 0));
  p.activities[0].lines.push_back(line("l4", "v1", 2027, 5000, 0));
  p.activities[0].lines.push_back(line("l5", "v1", 2028, 5000, 0));
  const auto severities = [&p] {
    std::vector<Severity> out;
    for (const Finding& f : analyse(p).findings) {
      REQUIRE(f.code == "LINE_WITHOUT_PRICE_OR_QUANTITY");
      out.push_back(f.severity);
    }
    return out;
  };
  SECTION("round 2025-2026 (and \"\", what older files hold): 2025-2026 detailed, later rough") {
    for (const char* round : {"2025-2026", ""}) {
      p.submission_round = round;
      CHECK(severities() ==
            std::vector<Severity>{Severity::error, Severity::warning, Severity::warning});
    }
    const Finding f = analyse(p).findings[0];
    CHECK(f.message.nl.find("indienen voor 2025-2026") != std::string::npos);
    CHECK(f.message.nl.find("tot en met 2026") != std::string::npos);
    CHECK(f.message.en.find("submission round 2025-2026") != std::string::npos);
    CHECK(analyse(p).findings[1].message.nl.find("indienen") == std::string::npos);
  }
  SECTION("round 2027-2028: every year 2025-2028 detailed, and the finding names the round") {
    p.submission_round = "2027-2028";
    CHECK(severities() == std::vector<Severity>(3, Severity::error));
    const Finding f = analyse(p).findings[2];
    CHECK(f.path == "activities[0].lines[4].quantity");
    CHECK(f.message.nl.find("indienen voor 2027-2028") != std::string::npos);
    CHECK(f.message.nl.find("1 oktober 2026") != std::string::npos);
    CHECK(f.message.en.find("through 2028") != std::string::npos);
  }
  SECTION("an unknown round is an error of its own and counts as the default round") {
    p.submission_round = "2029-2030";
    const auto findings = analyse(p).findings;
    REQUIRE(findings.size() == 4);
    CHECK(findings[0].code == "SUBMISSION_ROUND_UNKNOWN");
    CHECK(findings[1].severity == Severity::error);
    CHECK(findings[2].severity == Severity::warning);
  }
  SECTION("a scheme without rounds ignores the field: its first two years are detailed") {
    p.scheme_id = "sto-2020-2023";
    p.organisations[4].kind = OrganisationKind::other;
    p.submission_round = "2027-2028";
    for (BudgetLine& l : p.activities[0].lines) l.year -= 5;  // 2020 … 2023
    std::vector<Finding> findings;
    for (const Finding& f : analyse(p).findings)
      if (f.code == "LINE_WITHOUT_PRICE_OR_QUANTITY") findings.push_back(f);
    REQUIRE(findings.size() == 3);
    CHECK(findings[0].severity == Severity::error);    // 2021
    CHECK(findings[1].severity == Severity::warning);  // 2022
    CHECK(findings[0].message.nl.find("tot en met 2021") != std::string::npos);
  }
}

TEST_CASE("the submission round of a plan dated around 15 April 2025 and 1 October 2026") {
  const Scheme* s25 = builtin_schemes().find("sto-2025-2028");
  REQUIRE(s25 != nullptr);
  const auto round_on = [s25](int y, int m, int d) {
    const SubmissionRound* round = s25->submission_round_for(Date{y, m, d});
    REQUIRE(round != nullptr);
    return round->id;
  };
  CHECK(round_on(2024, 9, 1) == "hoofdlijnen");  // before the application on main lines was due
  CHECK(round_on(2024, 10, 2) == "2025-2026");
  CHECK(round_on(2025, 4, 14) == "2025-2026");
  CHECK(round_on(2025, 4, 15) == "2025-2026");  // due that day: still this round
  CHECK(round_on(2025, 4, 16) == "2027-2028");
  CHECK(round_on(2026, 10, 1) == "2027-2028");
  CHECK(round_on(2026, 11, 29) == "2027-2028");  // after the last due date: the last round
  CHECK(s25->last_detailed_year("2025-2026") == 2026);
  CHECK(s25->last_detailed_year("2027-2028") == 2028);
  CHECK(s25->last_detailed_year("") == 2026);
  const Scheme* s20 = builtin_schemes().find("sto-2020-2023");
  REQUIRE(s20 != nullptr);
  CHECK(s20->submission_round_for(Date{2025, 4, 16}) == nullptr);
  CHECK(s20->last_detailed_year("2027-2028") == 2021);
}

TEST_CASE("the same investment on two lines is double funding, in any years") {
  Plan p = minimal_plan();
  BudgetLine inv = line("i1", "v1", 2025, 0, 0, FundingSource::subsidy, CostCategory::equipment);
  inv.investment = Investment{Money{850000}, Date{2025, 1, 1}, 120, 6000};  // € 510 a year
  p.activities[0].lines.push_back(inv);
  CHECK(codes(p).empty());
  // One line books every year of its depreciation: a second line for 2026 counts it twice.
  inv.id = "i2";
  inv.year = 2026;
  p.activities[0].lines.push_back(inv);
  const auto findings = analyse(p).findings;
  CHECK(std::count_if(findings.begin(), findings.end(),
                      [](const Finding& f) { return f.code == "DOUBLE_FUNDING"; }) == 1);
  const Finding* f = find(findings, "DOUBLE_FUNDING");
  REQUIRE(f != nullptr);
  CHECK(f->path == "activities[0].lines[3].investment");
  // The earlier line in words (its activity and year), not as a path.
  CHECK(f->message.nl.find("('Techniekweek', 2025)") != std::string::npos);
  // Another machine of the same organisation is no double funding.
  p.activities[0].lines[3].investment->purchase_date = Date{2026, 3, 1};
  const std::vector<std::string> other = codes(p);
  CHECK(std::find(other.begin(), other.end(), "DOUBLE_FUNDING") == other.end());
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

TEST_CASE("2024: the request's changes and its activities before 1 August are written parts") {
  Plan p = minimal_plan();
  as_2024(p);
  p.goals[0].theme = "Dekking en kwaliteit";
  p.activities[0].lines.push_back(
      line("plan", "v1", 2024, 1, 100000, FundingSource::subsidy, CostCategory::planning));
  CHECK(codes(p).empty());
  p.changes_since_original_plan = "  \n ";  // blank is empty
  p.earlier_grant_activities.clear();
  CHECK(codes(p) ==
        std::vector<std::string>{"EXTENSION_CHANGES_MISSING", "EARLIER_GRANT_ACTIVITIES_MISSING"});
  for (const Finding& f : analyse(p).findings) CHECK(f.severity == Severity::error);
  CHECK(finding_section("EXTENSION_CHANGES_MISSING", "changes_since_original_plan") ==
        FindingSection::activities);
  p.changes_since_original_plan = "x";
  CHECK(codes(p) == std::vector<std::string>{"EARLIER_GRANT_ACTIVITIES_MISSING"});
  // Other schemes do not ask for them.
  Plan q = minimal_plan();
  CHECK(q.changes_since_original_plan.empty());
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
