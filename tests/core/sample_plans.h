// The shipped sample plans (assets/samples/*.json), built in code. The JSON files are written
// from these builders (STO_WRITE_SAMPLES=1 core_tests "[write-samples]") and a test checks that
// the embedded files still equal them. Everything here is fictional.
#pragma once
#include <string>
#include <vector>

#include "model/plan.h"

namespace sto::samples {

namespace detail {

struct Builder {
  Plan plan;
  int next_line = 1;

  Organisation& org(const char* id, const char* name, OrganisationKind kind, const char* brin = "",
                    bool penvoerder = false) {
    Organisation o;
    o.id = id;
    o.name = name;
    o.kind = kind;
    o.brin = brin;
    o.penvoerder = penvoerder;
    plan.organisations.push_back(o);
    return plan.organisations.back();
  }
  void students(const char* org_id, LearningPath path, const char* profile, Date count_date,
                std::int64_t n) {
    StudentCount c;
    c.organisation_id = org_id;
    c.path = path;
    c.profile = profile;
    c.count_date = count_date;
    c.students = n;
    plan.student_counts.push_back(c);
  }
  Goal& goal(const char* id, const char* title, const char* theme) {
    Goal g;
    g.id = id;
    g.title = title;
    g.theme = theme;
    plan.goals.push_back(g);
    return plan.goals.back();
  }
  static void indicator(Goal& g, const char* id, const char* name, const char* unit, int base_year,
                        std::int64_t base_milli, std::vector<YearValue> targets) {
    Indicator i;
    i.id = id;
    i.name = name;
    i.unit = unit;
    i.baseline_year = base_year;
    i.baseline_milli = base_milli;
    i.targets = std::move(targets);
    g.indicators.push_back(i);
  }
  Activity& activity(const char* id, const char* title, const char* theme, const char* lead,
                     std::vector<std::string> partners, std::vector<std::string> goals,
                     std::vector<int> years) {
    Activity a;
    a.id = id;
    a.title = title;
    a.theme = theme;
    a.lead_organisation_id = lead;
    a.partner_ids = std::move(partners);
    a.goal_ids = std::move(goals);
    a.years = std::move(years);
    plan.activities.push_back(a);
    return plan.activities.back();
  }
  // price in cents, quantity in whole units (hours, pieces, days).
  BudgetLine& line(Activity& a, const char* org, int year, CostCategory category,
                   const std::string& description, const char* unit, std::int64_t price_cents,
                   std::int64_t quantity, FundingSource funding = FundingSource::subsidy) {
    BudgetLine l;
    l.id = "r" + std::to_string(next_line++);
    l.organisation_id = org;
    l.year = year;
    l.category = category;
    l.description = description;
    l.unit = unit;
    l.price = Money{price_cents};
    l.quantity_milli = quantity * 1000;
    l.funding = funding;
    a.lines.push_back(l);
    return a.lines.back();
  }
  // One investment line: it books its depreciation in every year of the period. Before file
  // format 7 the samples had one line per year of `years`; the line keeps the first one's id and
  // the others' ids stay unused, so every other line keeps its id (and older files joined on
  // loading equal this plan).
  void investment(Activity& a, const char* org, const std::string& description,
                  std::int64_t price_cents, Date bought, int life_months, int use_bp,
                  const std::vector<int>& years) {
    BudgetLine& l =
        line(a, org, years.front(), CostCategory::equipment, description, "afschrijving", 0, 0);
    l.investment = Investment{Money{price_cents}, bought, life_months, use_bp};
    next_line += static_cast<int>(years.size()) - 1;
  }
};

}  // namespace detail

// Techniekregio Voorbeeld (fictief), scheme 2025–2028: the main sample. Passes `stoplan check`
// with two teaching warnings: a goal without an indicator, and a 2028 line not yet quantified.
inline Plan voorbeeldregio() {
  using C = CostCategory;
  using F = FundingSource;
  using K = OrganisationKind;
  detail::Builder b;
  Plan& p = b.plan;
  p.title = "Regioplan Sterk Techniekonderwijs 2025-2028 - VOORBEELD (fictief)";
  p.scheme_id = "sto-2025-2028";
  p.is_example = true;
  p.region.name = "Techniekregio Voorbeeld (fictief)";
  p.region.type = RegionType::techniekregio;
  p.region.fixed_maximum = Money{480000000};  // € 4.800.000, a fictional annex amount
  p.notes =
      "Dit is een fictief voorbeeldplan om STO Planner te leren kennen. Alle scholen, bedrijven, "
      "BRIN-nummers en bedragen zijn verzonnen.";

  b.org("vmbo-noord", "Techniek College Voorbeeld, vestiging Noord", K::vmbo, "99XA00", true);
  b.org("vmbo-zuid", "Techniek College Voorbeeld, vestiging Zuid", K::vmbo, "99XA01");
  b.org("vmbo-haven", "Vakschool De Voorbeeldhaven", K::vmbo, "99XB00");
  b.org("vmbo-lyceum", "Praktijklyceum Fictiestad", K::vmbo, "99XC00");
  b.org("mbo", "ROC Voorbeeld (fictief)", K::mbo, "99XD");
  b.org("metaal", "Metaalbouw Fictief BV", K::business);
  b.org("installatie", "Installatietechniek Voorbeeld BV", K::business);
  b.org("energie", "Energiecooperatie Fictiestad", K::business);
  b.org("po", "Basisschool De Voorbeeldboom", K::primary, "99XE00");
  b.org("gemeente", "Gemeente Fictiestad", K::municipality);

  const Date count{2024, 10, 1};
  b.students("vmbo-noord", LearningPath::bb, "PIE", count, 62);
  b.students("vmbo-noord", LearningPath::kb, "BWI", count, 48);
  b.students("vmbo-zuid", LearningPath::kb, "PIE", count, 55);
  b.students("vmbo-haven", LearningPath::bb, "MaT", count, 31);
  b.students("vmbo-lyceum", LearningPath::gl, "MVI", count, 40);

  auto& g1 = b.goal("doel-instroom", "Meer leerlingen kiezen een technisch profiel", "instroom");
  b.indicator(g1, "ind-aandeel", "Aandeel leerlingen in een technisch profiel", "%", 2024, 19500,
              {{2025, 19800}, {2026, 20200}, {2027, 20600}, {2028, 21000}});
  auto& g2 = b.goal("doel-docenten", "Voldoende bevoegde techniekdocenten", "docenten");
  b.indicator(g2, "ind-fte", "Fte bevoegde techniekdocenten", "fte", 2024, 42000,
              {{2025, 43000}, {2026, 44500}, {2027, 45500}, {2028, 47000}});
  auto& g3 = b.goal("doel-mbo", "Meer doorstroom naar technisch mbo", "mbo-aansluiting");
  b.indicator(g3, "ind-doorstroom", "Doorstroom naar technisch mbo", "%", 2024, 68000,
              {{2025, 69000}, {2026, 70500}, {2027, 72000}, {2028, 74000}});
  auto& g4 = b.goal("doel-po", "Techniek vanaf de basisschool", "po-samenwerking");
  b.indicator(g4, "ind-po", "Basisschoolleerlingen met techniekonderwijs", "leerlingen", 2024,
              400000, {{2025, 600000}, {2026, 800000}, {2027, 1000000}, {2028, 1200000}});
  // Deliberately without an indicator: the check warns about it (a teaching example).
  b.goal("doel-meisjes", "Meer meisjes kiezen techniek", "gelijke kansen");

  const std::vector<int> years{2025, 2026, 2027, 2028};

  auto& a1 = b.activity("act-praktijk", "Moderne praktijklokalen metaal en installatie",
                        "kwaliteit", "vmbo-noord", {"vmbo-zuid", "metaal", "installatie"},
                        {"doel-instroom", "doel-mbo"}, years);
  b.investment(a1, "vmbo-noord", "CNC-freesmachine", 8500000, Date{2025, 9, 1}, 120, 6000, years);
  b.investment(a1, "vmbo-zuid", "Lasapparatuur", 2400000, Date{2026, 2, 1}, 96, 8000,
               {2026, 2027, 2028});
  b.investment(a1, "vmbo-haven", "Installatietechniek leerplein", 18000000, Date{2025, 8, 1}, 120,
               10000, years);
  for (int y : years) {
    b.line(a1, "vmbo-noord", y, C::materials, "Materialen praktijklessen", "jaar", 6000000, 1);
    b.line(a1, "metaal", y, C::external_staff, "Gastlessen en begeleiding vakmensen", "uur", 6500,
           600, F::cofinancing_in_kind);
  }

  auto& a2 =
      b.activity("act-docenten", "Techniekdocenten professionaliseren", "docenten", "vmbo-zuid",
                 {"vmbo-noord", "vmbo-haven", "vmbo-lyceum", "mbo"}, {"doel-docenten"}, years);
  for (int y : years) {
    b.line(a2, "vmbo-zuid", y, C::professional_development, "Scholingsuren docenten", "uur", 5000,
           2400);
    b.line(a2, "vmbo-zuid", y, C::external_staff, "Externe trainers", "dag", 120000, 40);
  }

  auto& a3 =
      b.activity("act-leerlijn", "Doorlopende leerlijn vmbo-mbo", "mbo-aansluiting", "mbo",
                 {"vmbo-noord", "vmbo-zuid", "vmbo-haven", "installatie"}, {"doel-mbo"}, years);
  for (int y : years) {
    b.line(a3, "vmbo-haven", y, C::internal_staff, "Ontwikkeluren vmbo-docenten", "uur", 5000,
           2500);
    b.line(a3, "mbo", y, C::internal_staff, "Ontwikkeluren mbo-docenten", "uur", 5000, 2500);
    b.line(a3, "installatie", y, C::external_staff, "Stagebegeleiding in het bedrijf", "uur", 6000,
           1000, F::cofinancing_in_kind);
  }

  auto& a4 = b.activity("act-po", "Techniek op de basisschool", "po-samenwerking", "vmbo-lyceum",
                        {"po", "gemeente"}, {"doel-po", "doel-instroom"}, years);
  b.line(a4, "po", 2025, C::materials, "Techniekkisten voor groep 7-8", "stuk", 75000, 40);
  for (int y : years) {
    b.line(a4, "vmbo-lyceum", y, C::internal_staff, "Techniekdocenten geven les op de basisschool",
           "uur", 5000, 2000);
    b.line(a4, "vmbo-lyceum", y, C::events, "Busvervoer techniekdagen", "rit", 45000, 40);
    b.line(a4, "gemeente", y, C::events, "Bijdrage gemeente aan vervoer", "jaar", 1000000, 1,
           F::own);
  }

  auto& a5 = b.activity("act-meisjes", "Girls' Day en rolmodellen", "gelijke kansen", "vmbo-noord",
                        {"metaal", "energie"}, {"doel-meisjes", "doel-instroom"}, years);
  for (int y : {2025, 2026, 2027}) {
    b.line(a5, "vmbo-noord", y, C::events, "Girls' Day techniekevenement", "evenement", 250000, 6);
    b.line(a5, "metaal", y, C::external_staff, "Vrouwelijke rolmodellen uit het bedrijf", "uur",
           6500, 100, F::cofinancing_in_kind);
  }
  // Later years may be budgeted roughly: quantity still open, so the check warns (not an error).
  b.line(a5, "vmbo-noord", 2028, C::events, "Girls' Day 2028 (aantal nog te bepalen)", "evenement",
         250000, 0);

  auto& a6 = b.activity("act-duurzaam", "Duurzaamheid en energietransitie in de keuzevakken",
                        "duurzaamheid", "vmbo-haven", {"energie", "installatie"},
                        {"doel-instroom", "doel-mbo"}, years);
  for (int y : years) {
    b.line(a6, "vmbo-haven", y, C::internal_staff, "Ontwikkeling keuzevakken energietransitie",
           "uur", 5000, 3000);
    b.line(a6, "vmbo-haven", y, C::materials, "Zonnepanelen- en warmtepompopstellingen", "jaar",
           5000000, 1);
    b.line(a6, "energie", y, C::materials, "Bijdrage Energiecooperatie", "jaar", 2500000, 1,
           F::cofinancing_cash);
  }

  auto& a7 = b.activity("act-regie", "Projectleiding en coordinatie", "organisatie", "vmbo-noord",
                        {}, {"doel-instroom", "doel-docenten", "doel-mbo", "doel-po"}, years);
  for (int y : years)
    b.line(a7, "vmbo-noord", y, C::coordination, "Regionale projectleider", "uur", 5000, 1600);

  // Scenarios (file format v2): what-ifs a facilitator shows in a workshop.
  using O = OverrideKind;
  p.scenarios.push_back({"sc-subsidie-min10", "Subsidie −10%", {{O::subsidy_scale, "", 9000, 0}}});
  // Teaches a new finding: at 15 % the plan's 12,2 % cofinancing falls below the minimum.
  p.scenarios.push_back(
      {"sc-cofin-uurtarief",
       "Cofinanciering 10% → 15%, uurtarief € 55",
       {{O::cofinancing_minimum, "", 1500, 0}, {O::hourly_rate, "", 5500, 5000}}});
  p.scenarios.push_back(
      {"sc-index-3", "Prijsstijging 3% per jaar", {{O::price_index, "", 300, 0}}});
  return p;
}

// Techniekregio Klein Voorbeeld (fictief), scheme 2020–2023: the per-student maximum.
inline Plan klein_voorbeeld_2020() {
  using C = CostCategory;
  using F = FundingSource;
  using K = OrganisationKind;
  detail::Builder b;
  Plan& p = b.plan;
  p.title = "Regioplan STO 2020-2023 - KLEIN VOORBEELD (fictief)";
  p.scheme_id = "sto-2020-2023";
  p.is_example = true;
  p.region.name = "Techniekregio Klein Voorbeeld (fictief)";
  p.notes = "Fictief voorbeeld van de regeling 2020-2023 met het maximum per leerling.";
  b.org("vmbo-a", "Scholengemeenschap Fictief, locatie A", K::vmbo, "99YA00", true);
  b.org("vmbo-b", "Scholengemeenschap Fictief, locatie B", K::vmbo, "99YA01");
  b.org("vso", "VSO De Voorbeeldbrug", K::vso, "99YB00");
  b.org("mbo", "Vakcollege Voorbeeld mbo (fictief)", K::mbo, "99YC");
  b.org("bouw", "Bouwbedrijf Fictief BV", K::business);
  b.org("elektro", "Elektrotechniek Voorbeeld BV", K::business);
  const Date count{2018, 10, 1};
  b.students("vmbo-a", LearningPath::bb, "BWI", count, 38);
  b.students("vmbo-a", LearningPath::kb, "PIE", count, 42);
  b.students("vmbo-b", LearningPath::kb, "M&T", count, 30);
  b.students("vmbo-b", LearningPath::gl, "PIE", count, 30);
  b.students("vso", LearningPath::bb, "BWI", count, 10);
  b.students("vmbo-b", LearningPath::tl, "PIE", count, 25);  // TL does not count
  auto& g = b.goal("doel-instroom", "Behoud van technisch vmbo in de regio", "instroom");
  b.indicator(g, "ind-leerlingen", "Leerlingen in technische profielen", "leerlingen", 2019, 150000,
              {{2021, 155000}, {2023, 160000}});
  const std::vector<int> years{2020, 2021, 2022, 2023};
  auto& a1 = b.activity("act-inventaris", "Praktijklokaal bouw en elektro", "kwaliteit", "vmbo-a",
                        {"vmbo-b", "bouw", "elektro"}, {"doel-instroom"}, years);
  b.investment(a1, "vmbo-a", "Elektrotechniek practicumopstellingen", 6000000, Date{2020, 3, 1}, 96,
               10000, {2020, 2021, 2022, 2023, 2024});
  for (int y : years) {
    b.line(a1, "vmbo-a", y, C::materials, "Materialen bouw en elektro", "jaar", 4500000, 1);
    b.line(a1, "bouw", y, C::external_staff, "Vakmensen in de les", "uur", 6000, 300,
           F::cofinancing_in_kind);
  }
  auto& a2 = b.activity("act-samen", "Samen lesgeven vmbo-mbo", "mbo-aansluiting", "mbo",
                        {"vmbo-a", "vmbo-b", "vso"}, {"doel-instroom"}, years);
  for (int y : years) {
    b.line(a2, "vmbo-b", y, C::internal_staff, "Lesuren vmbo-docenten", "uur", 5000, 1500);
    b.line(a2, "mbo", y, C::internal_staff, "Lesuren mbo-docenten", "uur", 5000, 1200);
    b.line(a2, "elektro", y, C::materials, "Bijdrage elektrotechniekbedrijf", "jaar", 1000000, 1,
           F::cofinancing_cash);
  }
  auto& a3 =
      b.activity("act-regie", "Coordinatie", "organisatie", "vmbo-a", {}, {"doel-instroom"}, years);
  for (int y : years) b.line(a3, "vmbo-a", y, C::coordination, "Projectleider", "uur", 5000, 800);
  return p;
}

// Verlengingsjaar Voorbeeld (fictief), scheme 2024: 25% of the previous grant.
inline Plan verlenging_2024() {
  using C = CostCategory;
  using F = FundingSource;
  using K = OrganisationKind;
  detail::Builder b;
  Plan& p = b.plan;
  p.title = "Aanvraag verlengingsjaar 2024 - VOORBEELD (fictief)";
  p.scheme_id = "sto-2024";
  p.is_example = true;
  p.region.name = "Techniekregio Verlenging Voorbeeld (fictief)";
  p.region.previous_grant = Money{373200000};  // € 3.732.000 -> maximum € 933.000
  // The request's written parts (core/RULES.md, EXTENSION_CHANGES_MISSING and
  // EARLIER_GRANT_ACTIVITIES_MISSING).
  p.changes_since_original_plan =
      "Vmbo Fictief West heeft sinds 2022 een eigen praktijklokaal voor installatietechniek; de "
      "gezamenlijke lessen in Oost stoppen daarom. Regionale arbeidsmarkt: de vraag naar "
      "installateurs en monteurs in de regio is sinds 2020 sterk gegroeid (regioportret 2023). "
      "Keuze: minder nieuwe activiteiten, meer borgen en overdragen van wat werkt.";
  p.earlier_grant_activities =
      "Uit de toekenning 2020-2023, vóór 1 augustus 2024: de techniekweken van februari en mei "
      "2024, de bijscholing van docenten installatietechniek (voorjaar 2024) en de afronding van "
      "het keuzevak Duurzame installaties.";
  b.org("vmbo-1", "Vmbo Fictief Oost", K::vmbo, "99ZA00", true);
  b.org("vmbo-2", "Vmbo Fictief West", K::vmbo, "99ZB00");
  b.org("mbo", "MBO Fictief", K::mbo, "99ZC");
  b.org("bedrijf", "Techniekbedrijf Fictief BV", K::business);
  auto& g = b.goal("doel-borgen", "Resultaten 2020-2023 borgen", "kwaliteit");
  b.indicator(g, "ind-profiel", "Aandeel technisch profiel", "%", 2023, 20000, {{2024, 20300}});
  // The 2024 request needs a regional goal on coverage and quality (core/RULES.md).
  auto& g2 =
      b.goal("doel-dekking", "Dekkend en goed techniekaanbod in de regio", "dekking en kwaliteit");
  b.indicator(g2, "ind-dekking", "Leerlingen met een technisch profiel binnen 10 km", "%", 2023,
              93000, {{2024, 94000}});
  auto& a = b.activity("act-borgen", "Borgen en overdragen", "kwaliteit", "vmbo-1",
                       {"vmbo-2", "mbo", "bedrijf"}, {"doel-borgen", "doel-dekking"}, {2024});
  b.line(a, "vmbo-1", 2024, C::internal_staff, "Docenten borgen lesmateriaal", "uur", 5000, 6000);
  b.line(a, "vmbo-2", 2024, C::materials, "Onderhoud praktijklokalen", "jaar", 40000000, 1);
  b.line(a, "mbo", 2024, C::coordination, "Projectleiding", "uur", 5000, 1000);
  b.line(a, "bedrijf", 2024, C::external_staff, "Begeleiding door vakmensen", "uur", 6000, 1200,
         F::cofinancing_in_kind);
  // The reservation for drafting the 2025-2028 plan that a 2024 request must hold.
  b.line(a, "vmbo-1", 2024, C::planning, "Opstellen regioplan 2025-2028 (reservering)", "uur", 5000,
         500);
  return p;
}

}  // namespace sto::samples
