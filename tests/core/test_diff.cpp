// Plan differences (core/exchange/diff.h): nothing between a plan and itself, exactly the changes
// made between two versions, values in the user's words, and the effect on figures and findings.
#include <algorithm>
#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <tuple>

#include "exchange/diff.h"
#include "rules/rules.h"
#include "sample_plans.h"
#include "test_helpers.h"
#include "test_roundtrip_gen.h"

using namespace sto;

namespace {

using ChangeId = std::tuple<std::string, std::string, std::string, std::string>;

// (section, kind, key, "field,field,…") for every change, to compare with what was made.
std::set<ChangeId> change_ids(const std::vector<RecordChange>& changes) {
  std::set<ChangeId> out;
  for (const RecordChange& c : changes) {
    std::string fields;
    for (const FieldChange& f : c.fields) fields += (fields.empty() ? "" : ",") + f.field;
    out.insert({diff_section_id(c.section), change_kind_id(c.kind), c.key, fields});
  }
  return out;
}

const FieldChange& field_of(const PlanDiff& d, const std::string& key, const std::string& field) {
  for (const RecordChange& c : d.changes)
    if (c.key == key)
      for (const FieldChange& f : c.fields)
        if (f.field == field) return f;
  FAIL("no change of " << key << " " << field);
  throw std::logic_error("unreachable");
}

// minimal_plan() with a student count and a scenario, so every record type is present.
Plan base_plan() {
  Plan p = test::minimal_plan();
  StudentCount c;
  c.organisation_id = "v1";
  c.path = LearningPath::kb;
  c.profile = "PIE";
  c.count_date = {2024, 10, 1};
  c.students = 120;
  p.student_counts.push_back(c);
  Scenario s;
  s.id = "s1";
  s.name = "Krap";
  s.overrides = {{OverrideKind::subsidy_scale, "", 9000, 0}};
  p.scenarios.push_back(s);
  Activity second;
  second.id = "a2";
  second.title = "Lasstraat";
  second.lead_organisation_id = "m1";
  second.years = {2026};
  second.lines = {test::line("l3", "m1", 2026, 150000, 1000)};
  p.activities.push_back(second);
  return p;
}

}  // namespace

TEST_CASE("a plan compared with itself has no differences", "[diff]") {
  for (Plan (*build)() : {samples::voorbeeldregio, samples::klein_voorbeeld_2020,
                          samples::verlenging_2024, base_plan}) {
    const Plan p = build();
    const PlanDiff d = diff_plans(p, p);
    CHECK(d.empty());
    for (std::size_t f = 0; f < kFigureCount; ++f) CHECK(d.effect.after.deltas[f].absolute == 0);
    CHECK(std::none_of(d.effect.after.findings.begin(), d.effect.after.findings.end(),
                       [](const ComparedFinding& f) { return f.is_new; }));
    CHECK(d.effect.after.resolved_findings.empty());
    CHECK(diff_text(d, Language::nl) == "Geen verschillen.\n");
  }
  test::Rng rng(7);
  for (int i = 0; i < 20; ++i) {
    const Plan p = test::random_plan(rng);
    CHECK(diff_records(p, p).empty());
  }
}

TEST_CASE("a pair with known changes in every record type gives exactly those", "[diff]") {
  const Plan before = base_plan();
  Plan after = before;
  after.title = "Testplan versie 2";
  after.region.fixed_maximum = Money{120000000};
  after.organisations[3].name = "Techniek BV";  // b1
  after.organisations[3].counts_as_business = BusinessStatus::yes;
  after.organisations.erase(after.organisations.begin() + 4);  // p1
  after.organisations.push_back(test::org("b2", OrganisationKind::business));
  after.student_counts[0].students = 135;
  after.goals[0].theme = "instroom";
  after.goals[0].indicators[0].targets[1].value_milli = 22000;
  Indicator extra;
  extra.id = "i2";
  extra.name = "Stageplaatsen";
  after.goals[0].indicators.push_back(extra);
  after.activities[0].years = {2025, 2026};
  after.activities[0].lines[0].price = Money{5500};  // l1
  after.activities[0].lines[0].quantity_milli = 120000;
  after.activities[0].lines.erase(after.activities[0].lines.begin() + 1);  // l2
  after.activities[1].lines.push_back(test::line("l4", "b2", 2026, 2000, 10000));
  Activity added;
  added.id = "a3";
  added.title = "Girls' Day";
  after.activities.push_back(added);
  after.scenarios[0].overrides[0].value = 8000;
  after.scenarios[0].overrides.push_back({OverrideKind::price_index, "", 200, 0});

  const PlanDiff d = diff_plans(before, after);
  const std::set<ChangeId> expected = {
      {"settings", "changed", "settings", "title,fixed_maximum"},
      {"organisations", "changed", "organisations/b1", "name,counts_as_business"},
      {"organisations", "removed", "organisations/p1", ""},
      {"organisations", "added", "organisations/b2", ""},
      {"student_counts", "changed", "student_counts/v1|kb|PIE", "students"},
      {"goals", "changed", "goals/g1", "theme"},
      {"goals", "changed", "goals/g1/indicators/i1", "targets"},
      {"goals", "added", "goals/g1/indicators/i2", ""},
      {"activities", "changed", "activities/a1", "years"},
      {"activities", "added", "activities/a3", ""},
      {"budget", "changed", "lines/l1", "price,quantity"},
      {"budget", "removed", "lines/l2", ""},
      {"budget", "added", "lines/l4", ""},
      {"scenarios", "changed", "scenarios/s1", "override:subsidy_scale|,override:price_index|"}};
  CHECK(change_ids(d.changes) == expected);
  // Grouped by section, in section order.
  CHECK(std::is_sorted(
      d.changes.begin(), d.changes.end(),
      [](const RecordChange& a, const RecordChange& b) { return a.section < b.section; }));

  SECTION("values in the user's words") {
    const FieldChange& price = field_of(d, "lines/l1", "price");
    CHECK(price.label.nl == "prijs");
    CHECK(price.before.nl == "€ 50,00");
    CHECK(price.after.nl == "€ 55,00");
    CHECK(price.after.en == "€55.00");
    const FieldChange& quantity = field_of(d, "lines/l1", "quantity");
    CHECK(quantity.before.nl == "100");
    CHECK(quantity.after.nl == "120");
    CHECK(field_of(d, "organisations/b1", "name").after.nl == "'Techniek BV'");
    CHECK(field_of(d, "settings", "fixed_maximum").after.nl == "€ 1.200.000,00");
    CHECK(field_of(d, "goals/g1/indicators/i1", "targets").after.nl == "2025: 19,5; 2028: 22");
    CHECK(field_of(d, "activities/a1", "years").after.nl == "2025, 2026");
    const std::string text = diff_text(d, Language::nl);
    CHECK(text.find("Begroting\n") != std::string::npos);
    CHECK(text.find(
              "  ~ Organisatie 'Techniek BV' gewijzigd\n      naam: 'Org b1' → 'Techniek BV'\n") !=
          std::string::npos);
    CHECK(text.find("  - Organisatie 'Org p1' verwijderd\n") != std::string::npos);
    CHECK(diff_text(d, Language::en)
              .find("Line 'Regel l1' 2025 in activity 'Techniekweek' changed") !=
          std::string::npos);
  }

  SECTION("the effect on the key figures is the difference of the engine's figures") {
    const Evaluation a = analyse(before).evaluation;
    const Evaluation b = analyse(after).evaluation;
    CHECK(d.effect.before.value(Figure::costs) == a.total.costs.cents);
    CHECK(d.effect.after.value(Figure::costs) == b.total.costs.cents);
    CHECK(d.effect.after.delta(Figure::costs).absolute ==
          b.total.costs.cents - a.total.costs.cents);
    CHECK(d.effect.after.delta(Figure::maximum).absolute == 20000000);
    CHECK(d.effect.after.value(Figure::cofinancing_percent) == b.cofinancing.percent_bp);
    const std::string text = diff_text(d, Language::nl);
    CHECK(
        text.find("Maximale subsidie: € 1.000.000,00 → € 1.200.000,00 (+€ 200.000,00, +20,00%)") !=
        std::string::npos);
    CHECK(text.find("Cofinanciering bedrijven % (van ") != std::string::npos);
  }

  SECTION("the effect on the findings: the primary school removed is a new finding") {
    bool new_partner_finding = false;
    for (const ComparedFinding& f : d.effect.after.findings)
      if (f.is_new && f.finding.code.find("PRIMARY") != std::string::npos)
        new_partner_finding = true;
    CHECK(new_partner_finding);
    // And back: the same finding is resolved.
    const PlanDiff back = diff_plans(after, before);
    CHECK(std::any_of(
        back.effect.after.resolved_findings.begin(), back.effect.after.resolved_findings.end(),
        [](const Finding& f) { return f.code.find("PRIMARY") != std::string::npos; }));
  }

  SECTION("JSON") {
    const std::string json = diff_json(d, Language::en);
    CHECK(json.find("\"identical\": false") != std::string::npos);
    CHECK(json.find("{\"field\": \"price\", \"label\": \"price\", \"before\": \"€50.00\", "
                    "\"after\": \"€55.00\", \"raw_before\": 5000, \"raw_after\": 5500}") !=
          std::string::npos);
    CHECK(json.find("\"maximum\": {\"before\": 100000000, \"after\": 120000000, \"change\": "
                    "20000000, \"change_percent_bp\": 2000}") != std::string::npos);
  }
}

TEST_CASE("a reordering alone is no difference; a line moved is a change of its activity",
          "[diff]") {
  const Plan before = base_plan();
  Plan after = before;
  std::reverse(after.organisations.begin(), after.organisations.end());
  CHECK(diff_records(before, after).empty());
  after.activities[1].lines.push_back(after.activities[0].lines[0]);
  after.activities[0].lines.erase(after.activities[0].lines.begin());
  const std::vector<RecordChange> changes = diff_records(before, after);
  REQUIRE(changes.size() == 1);
  CHECK(changes[0].key == "lines/l1");
  REQUIRE(changes[0].fields.size() == 1);
  CHECK(changes[0].fields[0].before.nl == "'Techniekweek'");
  CHECK(changes[0].fields[0].after.nl == "'Lasstraat'");
}

TEST_CASE("records whose key repeats are matched by occurrence", "[diff]") {
  Plan before = base_plan();
  before.student_counts.push_back(before.student_counts[0]);  // same organisation, path, profile
  Plan after = before;
  after.student_counts[1].students = 7;
  const std::vector<RecordChange> changes = diff_records(before, after);
  REQUIRE(changes.size() == 1);
  CHECK(changes[0].key == "student_counts/v1|kb|PIE#2");
}
