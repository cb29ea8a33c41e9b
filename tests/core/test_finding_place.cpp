// Finding paths in the user's words: every path shape the rules produce, in Dutch and English.
#include <catch2/catch.hpp>
#include <string>

#include "rules/finding_place.h"
#include "rules/rules.h"
#include "test_helpers.h"

using namespace sto;
using sto::test::minimal_plan;

namespace {

Plan named_plan() {
  Plan p = minimal_plan();
  p.goals[0].title = "Meer meisjes kiezen techniek";
  p.activities[0].title = "Girls' Day";
  p.student_counts.push_back(StudentCount{"v1", LearningPath::bb, "PIE", {}, 10});
  p.student_counts.push_back(StudentCount{"gone", LearningPath::bb, "PIE", {}, 10});
  Scenario s;
  s.id = "s1";
  s.name = "Krap";
  p.scenarios.push_back(s);
  return p;
}

}  // namespace

TEST_CASE("finding_place names every path shape of the rules") {
  const Plan p = named_plan();
  struct Row {
    const char* path;
    const char* nl;
    const char* en;
  };
  const Row rows[] = {
      {"", "Het hele plan", "The whole plan"},
      {"scheme_id", "Regeling", "Scheme"},
      {"region", "Regio", "Region"},
      {"region.type", "Regio › soort regio", "Region › region type"},
      {"region.fixed_maximum", "Regio › maximumbedrag uit de bijlage",
       "Region › maximum from the annex"},
      {"region.previous_grant", "Regio › toekenning 2020–2023", "Region › 2020–2023 grant"},
      {"cofinancing", "Cofinanciering", "Cofinancing"},
      {"cofinancing_option", "Cofinancieringsoptie", "Cofinancing option"},
      {"organisations", "Partners", "Partners"},
      {"organisations[1]", "Organisatie 'Org v2'", "Organisation 'Org v2'"},
      {"organisations[2].brin", "Organisatie 'Org m1' › BRIN", "Organisation 'Org m1' › BRIN"},
      {"organisations[0].id", "Organisatie 'Org v1' › id", "Organisation 'Org v1' › id"},
      {"student_counts", "Leerlingaantallen", "Student counts"},
      {"student_counts[0].students", "Leerlingaantal 1 van 'Org v1' › aantal leerlingen",
       "Student count 1 of 'Org v1' › number of students"},
      {"student_counts[1].organisation_id", "Leerlingaantal 2 › organisatie",
       "Student count 2 › organisation"},
      {"student_counts[0].count_date", "Leerlingaantal 1 van 'Org v1' › teldatum",
       "Student count 1 of 'Org v1' › count date"},
      {"goals", "Doelen", "Goals"},
      {"goals[0]", "Doel 'Meer meisjes kiezen techniek'", "Goal 'Meer meisjes kiezen techniek'"},
      {"goals[0].id", "Doel 'Meer meisjes kiezen techniek' › id",
       "Goal 'Meer meisjes kiezen techniek' › id"},
      {"goals[0].indicators[0]",
       "Doel 'Meer meisjes kiezen techniek' › indicator 'Aandeel techniekleerlingen'",
       "Goal 'Meer meisjes kiezen techniek' › indicator 'Aandeel techniekleerlingen'"},
      {"activities", "Activiteiten", "Activities"},
      {"activities[0]", "Activiteit 'Girls' Day'", "Activity 'Girls' Day'"},
      {"activities[0].id", "Activiteit 'Girls' Day' › id", "Activity 'Girls' Day' › id"},
      {"activities[0].goal_ids", "Activiteit 'Girls' Day' › doelen",
       "Activity 'Girls' Day' › goals"},
      {"activities[0].goal_ids[1]", "Activiteit 'Girls' Day' › doel 2",
       "Activity 'Girls' Day' › goal 2"},
      {"activities[0].lead_organisation_id", "Activiteit 'Girls' Day' › trekker",
       "Activity 'Girls' Day' › lead organisation"},
      {"activities[0].partner_ids[0]", "Activiteit 'Girls' Day' › partner 1",
       "Activity 'Girls' Day' › partner 1"},
      {"activities[0].lines[1]", "Activiteit 'Girls' Day' › regel 2",
       "Activity 'Girls' Day' › line 2"},
      {"activities[0].lines[6].quantity", "Activiteit 'Girls' Day' › regel 7 › aantal",
       "Activity 'Girls' Day' › line 7 › quantity"},
      {"activities[0].lines[0].price", "Activiteit 'Girls' Day' › regel 1 › prijs",
       "Activity 'Girls' Day' › line 1 › price"},
      {"activities[0].lines[0].year", "Activiteit 'Girls' Day' › regel 1 › jaar",
       "Activity 'Girls' Day' › line 1 › year"},
      {"activities[0].lines[0].id", "Activiteit 'Girls' Day' › regel 1 › id",
       "Activity 'Girls' Day' › line 1 › id"},
      {"activities[0].lines[0].organisation_id", "Activiteit 'Girls' Day' › regel 1 › organisatie",
       "Activity 'Girls' Day' › line 1 › organisation"},
      {"activities[0].lines[0].funding", "Activiteit 'Girls' Day' › regel 1 › financiering",
       "Activity 'Girls' Day' › line 1 › funding"},
      {"activities[0].lines[0].other_funding",
       "Activiteit 'Girls' Day' › regel 1 › andere subsidie",
       "Activity 'Girls' Day' › line 1 › other subsidy"},
      {"activities[0].lines[0].investment", "Activiteit 'Girls' Day' › regel 1 › investering",
       "Activity 'Girls' Day' › line 1 › investment"},
      {"activities[0].lines[0].investment.economic_life_months",
       "Activiteit 'Girls' Day' › regel 1 › investering › economische levensduur",
       "Activity 'Girls' Day' › line 1 › investment › economic life"},
      {"scenarios[0]", "Scenario 'Krap'", "Scenario 'Krap'"},
      {"scenarios[0].overrides[2]", "Scenario 'Krap' › aanpassing 3", "Scenario 'Krap' › change 3"},
  };
  for (const Row& r : rows) {
    INFO(r.path);
    const LocalizedText place = finding_place(p, r.path);
    CHECK(place.nl == r.nl);
    CHECK(place.en == r.en);
  }
}

TEST_CASE("finding_place: unnamed items by number, missing items and unknown fields never fail") {
  Plan p = named_plan();
  p.activities[0].title.clear();
  p.goals[0].indicators[0].name.clear();
  CHECK(finding_place(p, "activities[0].lines[0]").nl == "Activiteit 1 › regel 1");
  CHECK(finding_place(p, "goals[0].indicators[0]").en ==
        "Goal 'Meer meisjes kiezen techniek' › indicator 1");
  CHECK(finding_place(p, "activities[9]").nl == "Activiteit 10");
  CHECK(finding_place(p, "goals[5].indicators[0]").en == "Goal 6 › indicator 1");
  CHECK(finding_place(p, "organisations[2].mystery").nl == "Organisatie 'Org m1' › mystery");
  CHECK(finding_place(p, "mystery[3]").en == "Mystery 4");
  CHECK(finding_place(p, "activities[x]").nl == "Activities[x]");
  CHECK(finding_place(p, "activities[]").nl == "Activities[]");
  CHECK(finding_place(p, "activities[99999999999999999999]").nl ==
        "Activities[99999999999999999999]");
}

TEST_CASE("finding_place names the place of every finding of a broken plan") {
  // Every finding the rules produce on a plan with many problems gets words, never its raw path.
  Plan p = named_plan();
  p.activities[0].lines[0].quantity_milli = -1;
  p.activities[0].goal_ids.push_back("nope");
  p.organisations[1].brin = "bad";
  p.student_counts[0].students = -4;
  for (const Finding& f : analyse(p).findings) {
    INFO(f.code << " " << f.path);
    const LocalizedText place = finding_place(p, f.path);
    CHECK_FALSE(place.nl.empty());
    CHECK_FALSE(place.en.empty());
    CHECK(place.nl.find('[') == std::string::npos);
    CHECK(place.nl.find('_') == std::string::npos);
    CHECK(place.en.find('_') == std::string::npos);
  }
}

TEST_CASE("message_in_words: a refused edit's message names its place in words") {
  const Plan p = named_plan();
  const LocalizedText line =
      message_in_words(p, {"activities[0].lines[0].description: is langer dan 10000 bytes",
                           "activities[0].lines[0].description: is longer than 10000 bytes"});
  CHECK(line.nl == "Activiteit 'Girls' Day' › regel 1 › omschrijving: is langer dan 10000 bytes");
  CHECK(line.en == "Activity 'Girls' Day' › line 1 › description: is longer than 10000 bytes");
  // Messages without a leading path, or with a colon inside their text only, stay as they are.
  const LocalizedText plain{"Het bestand is leeg.", "The file is empty."};
  CHECK(message_in_words(p, plain).nl == plain.nl);
  const LocalizedText quoted{"geen datum: \"2204-10-01\"", "no date: \"2204-10-01\""};
  CHECK(message_in_words(p, quoted).en == quoted.en);
}

TEST_CASE("line_place: the budget line a path is in, or none") {
  const std::optional<LinePlace> price = line_place("activities[2].lines[5].price");
  REQUIRE(price.has_value());
  CHECK(price->activity == 2);
  CHECK(price->line == 5);
  const std::optional<LinePlace> line = line_place("activities[0].lines[12]");
  REQUIRE(line.has_value());
  CHECK(line->line == 12);
  CHECK_FALSE(line_place("activities[2]").has_value());
  CHECK_FALSE(line_place("activities[2].title").has_value());
  CHECK_FALSE(line_place("activities[x].lines[1]").has_value());
  CHECK_FALSE(line_place("goals[1].indicators[0]").has_value());
  CHECK_FALSE(line_place("").has_value());
}
