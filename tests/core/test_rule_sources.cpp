// The rules of issue 24, each against its source: citations a reader can open, severities and
// counts that follow the scheme's data, the techniekarm maximum, removed options, the stage on main
// lines and the one BRIN check.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "exchange/summary_json.h"
#include "format/file_format.h"
#include "rules/finding_codes.h"
#include "rules/rules.h"
#include "rules/scheme.h"
#include "test_helpers.h"

using namespace sto;
using sto::test::line;
using sto::test::minimal_plan;
using sto::test::org;

namespace {

const Finding* find(const std::vector<Finding>& findings, const std::string& code) {
  for (const auto& f : findings)
    if (f.code == code) return &f;
  return nullptr;
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::string read_text(const std::string& relative) {
  std::ifstream in(std::string(STO_TEST_DATA) + "/" + relative, std::ios::binary);
  REQUIRE(in.good());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The RULES.md row of `code`, from its opening "| `CODE` |" to the end of the line.
std::string rules_row(const std::string& code) {
  const std::string rules = read_text("../../core/RULES.md");
  const std::size_t at = rules.find("| `" + code + "` |");
  REQUIRE(at != std::string::npos);
  return rules.substr(at, rules.find('\n', at) - at);
}

// The minimal plan under the 2020–2023 scheme: lines in 2020, no primary school needed, students
// counted on the scheme's count date.
Plan as_2020(Plan p) {
  p.scheme_id = "sto-2020-2023";
  for (auto& l : p.activities[0].lines) l.year = 2020;
  p.student_counts.push_back(StudentCount{"v1", LearningPath::bb, "PIE", Date{2018, 10, 1}, 10});
  return p;
}

}  // namespace

TEST_CASE("citations name the page that holds the quoted words", "[rules]") {
  // PENVOERDER_NOT_VMBO: the DUS-I page of the 2025 scheme, not an article that was never read.
  const std::string penvoerder = source_line("PENVOERDER_NOT_VMBO", Language::nl);
  CHECK(has(penvoerder, "dus-i.nl/subsidies/sterk-techniekonderwijs-2025"));
  CHECK(has(penvoerder, "De penvoerder is het bevoegd gezag van een vmbo-vestiging in een regio"));
  CHECK_FALSE(has(penvoerder, "art. 1.5"));
  CHECK(has(rules_row("PENVOERDER_NOT_VMBO"), "sterk-techniekonderwijs-2025"));
  CHECK_FALSE(has(rules_row("PENVOERDER_NOT_VMBO"), "art. 1.5"));
  // NO_BUSINESS: sources that require business, not "bedrijven en/of lokale overheden".
  for (Language l : {Language::nl, Language::en}) {
    const std::string business = source_line("NO_BUSINESS", l);
    CHECK(has(business, "het bedrijfsleven in de regio"));
    CHECK(has(business, "10% cofinanciering van bedrijven"));
    CHECK_FALSE(has(business, "lokale overheden"));
    CHECK_FALSE(has(business, "local authorities"));
  }
  CHECK_FALSE(has(rules_row("NO_BUSINESS"), "en/of lokale overheden"));
  // NO_PRIMARY: the obligation from the Kamerbrief; DUS-I only calls the link important.
  CHECK(has(source_line("NO_PRIMARY", Language::nl), "Kamerstuk 30 079, nr. 119"));
  CHECK(has(source_line("NO_PRIMARY", Language::nl), "van belang"));
  // DOUBLE_FUNDING: the programme's own FAQ, not another programme's FAQ on an unread article.
  CHECK(has(source_line("DOUBLE_FUNDING", Language::nl), "niet dubbel worden gesubsidieerd"));
  CHECK_FALSE(has(source_line("DOUBLE_FUNDING", Language::nl), "1.3"));
  CHECK_FALSE(has(rules_row("DOUBLE_FUNDING"), "sterkberoepsonderwijs"));
  // COVERAGE_GOAL_MISSING: the sentence is quoted, no note that it was not read.
  const std::string coverage =
      "Een beschrijving van het regionale doel met betrekking tot de "
      "dekking en kwaliteit van het technisch vmbo";
  CHECK(has(source_line("COVERAGE_GOAL_MISSING", Language::nl), coverage));
  CHECK(has(rules_row("COVERAGE_GOAL_MISSING"), coverage));
  CHECK_FALSE(has(rules_row("COVERAGE_GOAL_MISSING"), "not read"));
}

TEST_CASE(
    "NO_PRIMARY: an error where primary education is mandatory, a warning where it is "
    "recommended, nothing where no source asks for it",
    "[rules]") {
  const SchemeTable& shipped = builtin_schemes();
  REQUIRE(shipped.find("sto-2025-2028")->primary == PartnerRequirement::mandatory);
  REQUIRE(shipped.find("sto-2020-2023")->primary == PartnerRequirement::none);
  Plan p = minimal_plan();
  p.organisations[4].kind = OrganisationKind::other;
  const Analysis analysis = analyse(p);  // kept: `f` points into its findings
  const Finding* f = find(analysis.findings, "NO_PRIMARY");
  REQUIRE(f != nullptr);
  CHECK(f->severity == Severity::error);
  // The same plan under a scheme whose data calls primary education recommended.
  SchemeTable recommended = shipped;
  for (Scheme& s : recommended.schemes) s.primary = PartnerRequirement::recommended;
  const auto findings = analyse(p, recommended).findings;
  f = find(findings, "NO_PRIMARY");
  REQUIRE(f != nullptr);
  CHECK(f->severity == Severity::warning);
  CHECK(has(f->message.nl, "van belang"));
  // 2020–2023: no check at all.
  CHECK(find(analyse(as_2020(p)).findings, "NO_PRIMARY") == nullptr);
  // The requirement is data: an unknown word is a broken scheme table.
  CHECK_FALSE(parse_scheme_table(R"({"format":"sto-schemes","version":1,"schemes":[{"id":"x",
      "name_nl":"x","name_en":"x","period_start":"2025-01-01","period_end":"2025-12-31",
      "spend_deadline":"2025-12-31","regulation_expires":"","count_date":"2024-10-01",
      "allocation":"fixed_table","rates_cents":{"bb":0,"kb":0,"gl":0,"tl":0},"counted_profiles":[],
      "previous_grant_share_bp":0,"luwe_cap_cents":0,"ranked_region_types":[],
      "cofinancing":{"base":"total_costs","other_bases":[],"default_option":"s","options":[
      {"id":"s","minimum_bp":1000,"name_nl":"s","name_en":"s"}]},"partners":{"min_vmbo":2,
      "vso_counts_as_vmbo":false,"mbo":true,"business":true,"primary":"sometimes"},
      "concrete_years":2,"default_submission_round":"","submission_rounds":[],
      "requires_planning_reservation":false,"requires_coverage_goal":false,
      "national_ceilings":[]}]})")
                  .ok());
}

TEST_CASE("VSO counts as a vmbo school only where a source opens the scheme to it", "[rules]") {
  // 2025–2028: the sources speak of vmbo-vestigingen; a vso school is not counted, with a reason.
  Plan p = minimal_plan();
  p.organisations[1].kind = OrganisationKind::vso;
  auto findings = analyse(p).findings;
  const Finding* vso = find(findings, "VSO_NOT_COUNTED");
  REQUIRE(vso != nullptr);
  CHECK(vso->severity == Severity::warning);
  CHECK(vso->path == "organisations[1].kind");
  CHECK(has(vso->message.nl, "vmbo-vestiging"));
  CHECK(find(findings, "TOO_FEW_VMBO") != nullptr);  // one vmbo school left
  CHECK(find(findings, "VMBO_WITHOUT_BRIN") == nullptr);
  // A vso penvoerder: a warning that says why, not the error for a non-school penvoerder.
  p.organisations[0].penvoerder = false;
  p.organisations[1].penvoerder = true;
  findings = analyse(p).findings;
  CHECK(find(findings, "PENVOERDER_NOT_VMBO") == nullptr);
  vso = find(findings, "VSO_NOT_COUNTED");
  REQUIRE(vso != nullptr);
  CHECK(has(vso->message.nl, "penvoerder"));
  // 2020–2023 (amended 26 Feb 2019 to open it to vso): the vso school counts, as penvoerder too.
  findings = analyse(as_2020(p)).findings;
  CHECK(find(findings, "VSO_NOT_COUNTED") == nullptr);
  CHECK(find(findings, "TOO_FEW_VMBO") == nullptr);
  CHECK(find(findings, "PENVOERDER_NOT_VMBO") == nullptr);
}

TEST_CASE("techniekarm 2020-2023: the maximum is unknown, with the reason, everywhere", "[rules]") {
  Plan p = as_2020(minimal_plan());
  p.organisations[4].kind = OrganisationKind::other;
  REQUIRE(analyse(p).evaluation.max_known);  // a techniekregio: the per-student maximum
  p.region.type = RegionType::techniekarm;
  p.activities[0].lines[0].price = Money{100000000};  // far above the per-student maximum
  const Analysis a = analyse(p);
  CHECK_FALSE(a.evaluation.max_known);
  CHECK(a.evaluation.max_subsidy.cents == 0);
  CHECK(has(a.evaluation.max_rule.nl, "eigen landelijk subsidieplafond"));
  CHECK(has(a.evaluation.max_rule.nl, "€ 90.000.000,00"));
  CHECK(has(a.evaluation.max_rule.en, "ranked"));
  const Finding* f = find(a.findings, "MAXIMUM_UNKNOWN");
  REQUIRE(f != nullptr);
  CHECK(f->path == "region.type");
  CHECK(has(f->message.nl, "gerangschikt"));
  CHECK(find(a.findings, "SUBSIDY_ABOVE_MAXIMUM") == nullptr);
  CHECK(a.evaluation.settlement.maximum_cut.cents == 0);
  // The summary says the same: unknown, with the reason.
  const std::string json = summary_json(p, a, Language::nl);
  CHECK(has(json, "\"max_known\": false"));
  CHECK(has(json, "eigen landelijk subsidieplafond"));
}

TEST_CASE("removed options: a plan naming one loads whole and says what is used", "[rules]") {
  CHECK(builtin_schemes().find("sto-2024")->cofinancing_option("original") == nullptr);
  CHECK_FALSE(
      builtin_schemes().find("sto-2025-2028")->offers_cofinancing_base(CofinancingBase::subsidy));
  CHECK(builtin_schemes().find("sto-2020-2023")->cofinancing_option("original") != nullptr);

  // 2024 with the 10% "original" option: 7,5% is used and the finding says so.
  const LoadResult old_2024 = load_plan(read_text("removed_options/verlenging-2024-original.json"));
  REQUIRE(old_2024.ok());
  CHECK(old_2024.plan.cofinancing_option == "original");  // kept, never silently dropped
  CHECK_FALSE(old_2024.plan.activities.empty());
  Analysis a = analyse(old_2024.plan);
  CHECK(a.evaluation.cofinancing.minimum_bp == 750);
  const Finding* f = find(a.findings, "COFIN_OPTION_UNKNOWN");
  REQUIRE(f != nullptr);
  CHECK(f->path == "cofinancing_option");
  CHECK(has(f->message.nl, "7,5%"));
  CHECK(has(f->message.nl, "Instellingen"));

  // 2025–2028 with the cofinancing base "the subsidy": total costs are used.
  const LoadResult old_2025 =
      load_plan(read_text("removed_options/voorbeeldregio-subsidy-base.json"));
  REQUIRE(old_2025.ok());
  REQUIRE(old_2025.plan.cofinancing_base.has_value());
  CHECK(*old_2025.plan.cofinancing_base == CofinancingBase::subsidy);
  a = analyse(old_2025.plan);
  CHECK(a.evaluation.cofinancing.base == CofinancingBase::total_costs);
  CHECK(a.evaluation.cofinancing.base_amount == a.evaluation.total.costs);
  f = find(a.findings, "COFIN_OPTION_UNKNOWN");
  REQUIRE(f != nullptr);
  CHECK(f->path == "cofinancing_base");
  CHECK(has(f->message.en, "no source names it"));
}

TEST_CASE("2025-2028: the application on main lines needs no price x quantity", "[rules]") {
  const Scheme* s25 = builtin_schemes().find("sto-2025-2028");
  REQUIRE(s25 != nullptr);
  REQUIRE(s25->submission_round("hoofdlijnen") != nullptr);
  CHECK(s25->submission_round("hoofdlijnen")->due == Date{2024, 10, 1});
  Plan p = minimal_plan();
  p.activities[0].lines[0].quantity_milli = 0;  // 2025
  p.submission_round = "hoofdlijnen";
  const Analysis analysis = analyse(p);  // kept: `f` points into its findings
  const Finding* f = find(analysis.findings, "LINE_WITHOUT_PRICE_OR_QUANTITY");
  REQUIRE(f != nullptr);
  CHECK(f->severity == Severity::warning);
  // The detailed rounds keep their checks; "" (older files) stays the 2025-2026 round.
  for (const char* round : {"2025-2026", "2027-2028", ""}) {
    p.submission_round = round;
    const Analysis detailed = analyse(p);
    const Finding* line = find(detailed.findings, "LINE_WITHOUT_PRICE_OR_QUANTITY");
    REQUIRE(line != nullptr);
    CHECK(line->severity == Severity::error);
  }
  CHECK(s25->submission_round("")->id == "2025-2026");
  CHECK(s25->submission_round_for(Date{2024, 9, 1})->id == "hoofdlijnen");
  CHECK(s25->submission_round_for(Date{2024, 10, 2})->id == "2025-2026");
  CHECK(s25->submission_round_for(Date{2026, 12, 4})->id == "2027-2028");  // a plan made today
}

TEST_CASE("one BRIN check: 6 tekens for a vmbo school, in the rules and the wizard", "[rules]") {
  const Scheme& s25 = *builtin_schemes().find("sto-2025-2028");
  // "12AB" is a board's BRIN: fine for a business, not for a vmbo school.
  BrinCheck c = check_brin("12AB", OrganisationKind::vmbo, "Vmbo Oost", s25);
  CHECK(c.code == "VMBO_WITHOUT_BRIN");
  CHECK(has(c.message.nl, "6 tekens"));
  CHECK(has(c.message.en, "6 characters"));
  CHECK_FALSE(has(c.message.nl, "cijferig"));
  CHECK(check_brin("12AB", OrganisationKind::business, "Bedrijf", s25).code.empty());
  CHECK(check_brin("12AB00", OrganisationKind::vmbo, "Vmbo Oost", s25).code.empty());
  c = check_brin("12345", OrganisationKind::mbo, "Mbo", s25);
  CHECK(c.code == "BRIN_FORMAT");
  CHECK(has(c.message.nl, "6 tekens"));
  // The rules give the same message.
  Plan p = minimal_plan();
  p.organisations[1].brin = "12AB";
  const Analysis analysis = analyse(p);  // kept: `f` points into its findings
  const Finding* f = find(analysis.findings, "VMBO_WITHOUT_BRIN");
  REQUIRE(f != nullptr);
  c = check_brin("12AB", OrganisationKind::vmbo, p.organisations[1].name, s25);
  CHECK(f->message.nl == c.message.nl);
  CHECK(f->message.en == c.message.en);
}
