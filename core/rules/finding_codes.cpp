// The finding-code table (core/rules/finding_codes.h). Each row's citation condenses the source
// column of the code's row in core/RULES.md; "geen"/"none" marks a check of the plan itself that no
// regulation asks for.
#include "rules/finding_codes.h"

namespace sto {

namespace {

// The rows, built on first use; several rows share a citation (the formats page, the FAQ, …).
std::vector<FindingCode> build_codes() {
  using S = Severity;
  using F = FindingSection;
  const std::string kFormats = "sterktechniekonderwijs.nl, Formats";  // the same in English
  const std::string kMaximumNl =
      "2020–2023: sterktechniekonderwijs.nl, nieuws 'Subsidiebedragen bekend' (20 dec. 2018); "
      "2024: wijzigingsregeling (19 juli 2023), 25% van de toekenning 2020–2023; 2025–2028: "
      "Regeling 2025–2028, Bijlage 3, en DUS-I";
  const std::string kMaximumEn =
      "2020–2023: sterktechniekonderwijs.nl, news 'Subsidiebedragen bekend' (20 Dec 2018); 2024: "
      "amending regulation (19 July 2023), 25% of the 2020–2023 grant; 2025–2028: Regeling "
      "2025–2028, Annex 3, and DUS-I";
  const std::string kCofinNl =
      "FAQ sterktechniekonderwijs.nl (10% cofinanciering van bedrijven, berekend aan het eind); "
      "nieuws 'Continuering Sterk Techniekonderwijs' (7,5%); Regeling 2025–2028, art. 1.1 "
      "(definitie bedrijf)";
  const std::string kCofinEn =
      "FAQ sterktechniekonderwijs.nl (10% cofinancing from businesses, measured at the end); news "
      "'Continuering Sterk Techniekonderwijs' (7.5%); Regeling 2025–2028, art. 1.1 (definition of "
      "bedrijf)";
  const std::string kDepreciationNl =
      "VO-raad, 'Welke afschrijvingstermijn voor inventaris Sterk Techniekonderwijs' (10 dec. "
      "2019)";
  const std::string kDepreciationEn =
      "VO-raad, 'Welke afschrijvingstermijn voor inventaris Sterk Techniekonderwijs' (10 Dec 2019)";
  const std::string kExtensionNl =
      "sterktechniekonderwijs.nl, nieuws 'Wijzigingsregeling (…) officieel gepubliceerd' (25 juli "
      "2023), aanvraag 2024";
  const std::string kExtensionEn =
      "sterktechniekonderwijs.nl, news 'Wijzigingsregeling (…) officieel gepubliceerd' (25 July "
      "2023), the 2024 request";
  const std::string kDusi2025 =
      "DUS-I, 'Sterk techniekonderwijs 2025-2028' (dus-i.nl/subsidies/sterk-techniekonderwijs-2025";
  const std::string kPlanFileNl = "geen regeling: een controle van het planbestand zelf";
  const std::string kPlanFileEn = "no regulation: a check of the plan file itself";
  return {
      // Money: maximum and cofinancing
      {"SCHEME_UNKNOWN", S::error, false, F::settings,
       kPlanFileNl + " (de regelingen van STO Planner)", kPlanFileEn + " (STO Planner's schemes)"},
      {"MONEY_OVERFLOW", S::error, false, F::by_place,
       "geen regeling: de rekenkundige controle van STO Planner",
       "no regulation: STO Planner's arithmetic check"},
      {"MAXIMUM_UNKNOWN", S::warning, false, F::partners,
       kMaximumNl + "; techniekarme regio's 2020–2023: sterktechniekonderwijs.nl, "
                    "Beoordelingskader (\"overschrijding van het subsidieplafond en dus van de "
                    "noodzaak tot het rangschikken van de aanvragen\"), plafond € 90 mln: "
                    "123subsidie.nl",
       kMaximumEn + "; low-technology regions 2020–2023: sterktechniekonderwijs.nl, "
                    "Beoordelingskader (a ceiling that may be exceeded, applications then ranked: "
                    "\"noodzaak tot het rangschikken van de aanvragen\"), ceiling €90M: "
                    "123subsidie.nl"},
      {"LUWE_ABOVE_CAP", S::error, false, F::partners,
       "DUS-I, 'Sterk techniekonderwijs 2025' (techniekluwe ten hoogste € 4.000.000)",
       "DUS-I, 'Sterk techniekonderwijs 2025' (a techniekluwe at most €4,000,000)"},
      {"SUBSIDY_ABOVE_MAXIMUM", S::error, false, F::partners, kMaximumNl, kMaximumEn},
      {"COFIN_OPTION_UNKNOWN", S::error, false, F::settings,
       kPlanFileNl + " (de opties van de regeling)", kPlanFileEn + " (the scheme's options)"},
      {"SUBMISSION_ROUND_UNKNOWN", S::error, false, F::settings,
       kPlanFileNl + " (de indieningsrondes van de regeling)",
       kPlanFileEn + " (the scheme's submission rounds)"},
      {"COFIN_BELOW_MINIMUM", S::error, false, F::cofinancing, kCofinNl, kCofinEn},
      {"COFIN_NOT_FROM_BUSINESS", S::warning, false, F::budget, kCofinNl, kCofinEn},
      // Partners and the penvoerder
      {"TOO_FEW_VMBO", S::error, false, F::partners,
       kFormats + " (ten minste twee vmbo-scholen); nieuws 'Regio's' (telling per vestiging)",
       kFormats + " (at least two vmbo schools); news 'Regio's' (counted per vestiging)"},
      {"NO_MBO", S::error, false, F::partners, kFormats + " (één mbo-instelling)",
       kFormats + " (one mbo institution)"},
      {"NO_BUSINESS", S::error, false, F::partners,
       "vosabb.nl/tag/techniek (2018): plannen \"opgesteld door minimaal twee scholen met "
       "technisch vmbo, een mbo-instelling en het bedrijfsleven in de regio\", met \"de eis dat "
       "het bedrijfsleven voor minimaal 10 procent hieraan een bijdrage levert\"; FAQ "
       "sterktechniekonderwijs.nl (\"10% cofinanciering van bedrijven\"); aavas.nl/sto",
       "vosabb.nl/tag/techniek (2018): plans drawn up by at least two schools with technical vmbo, "
       "an mbo institution \"en het bedrijfsleven in de regio\", with business contributing at "
       "least 10%; FAQ sterktechniekonderwijs.nl (\"10% cofinanciering van bedrijven\"); "
       "aavas.nl/sto"},
      {"NO_PRIMARY", S::error, true, F::partners,
       "2025-2028: Kamerstuk 30 079, nr. 119 (primair onderwijs wordt verplichte partner); " +
           kDusi2025 + ") noemt de verbinding met het primair onderwijs \"van belang\"",
       "2025-2028: Kamerstuk 30 079, nr. 119 (primary education becomes a mandatory partner); " +
           kDusi2025 + ") calls the link with primary education important (\"van belang\")"},
      {"NO_PENVOERDER", S::error, false, F::partners,
       kFormats + " (aanvraag door een penvoerder namens de regio)",
       kFormats + " (applied for by a penvoerder on behalf of the region)"},
      {"MULTIPLE_PENVOERDERS", S::error, false, F::partners,
       kFormats + " (een penvoerder); aavas.nl/sto (één penvoerder per regio)",
       kFormats + " (a penvoerder); aavas.nl/sto (one penvoerder per region)"},
      {"PENVOERDER_NOT_VMBO", S::error, false, F::partners,
       kDusi2025 + ", gelezen 4 dec. 2026): \"De penvoerder is het bevoegd gezag van een "
                   "vmbo-vestiging in een regio.\"; 2020-2024: aavas.nl/sto (\"één VMBO school "
                   "aangemerkt als penvoerder\")",
       kDusi2025 + ", read 4 Dec 2026): \"De penvoerder is het bevoegd gezag van een "
                   "vmbo-vestiging in een regio.\"; 2020-2024: aavas.nl/sto (one vmbo school "
                   "designated as penvoerder)"},
      {"VSO_NOT_COUNTED", S::warning, false, F::partners,
       kDusi2025 + "): \"bevoegd gezag van een vmbo-vestiging\"; vso telt alleen mee waar een "
                   "bron dat zegt: 2020-2024 sterktechniekonderwijs.nl, Regelingen (wijziging van "
                   "26 feb. 2019, \"openstellen van de regeling voor voortgezet speciaal "
                   "onderwijs\")",
       kDusi2025 + "): \"bevoegd gezag van een vmbo-vestiging\"; vso counts only where a source "
                   "says so: 2020-2024 sterktechniekonderwijs.nl, Regelingen (amendment of 26 Feb "
                   "2019, opening the scheme to special secondary education, vso)"},
      // Organisations, student counts, goals
      {"MISSING_ID", S::error, false, F::by_place, kPlanFileNl, kPlanFileEn},
      {"DUPLICATE_ID", S::error, false, F::by_place, kPlanFileNl, kPlanFileEn},
      {"BRIN_FORMAT", S::warning, false, F::partners,
       "DUO, de vorm van het BRIN-nummer (99XA bestuur, 99XA00 vestiging)",
       "DUO, the form of a BRIN number (99XA board, 99XA00 school)"},
      {"VMBO_WITHOUT_BRIN", S::warning, false, F::partners,
       kFormats + " (twee vmbo-scholen); nieuws 'Regio's' (telling per vestiging)",
       kFormats + " (two vmbo schools); news 'Regio's' (counted per vestiging)"},
      {"UNKNOWN_ORGANISATION", S::error, false, F::by_place, kPlanFileNl, kPlanFileEn},
      {"UNKNOWN_GOAL", S::error, false, F::activities, kPlanFileNl, kPlanFileEn},
      {"STUDENT_COUNT_NEGATIVE", S::error, false, F::partners, kPlanFileNl, kPlanFileEn},
      {"STUDENT_COUNT_DATE", S::warning, false, F::partners,
       "sterktechniekonderwijs.nl, Onderwijscijfers (teldatum 1 oktober 2018)",
       "sterktechniekonderwijs.nl, Onderwijscijfers (count date 1 October 2018)"},
      {"GOAL_WITHOUT_INDICATOR", S::warning, false, F::goals,
       "geen regel: goed gebruik (er is geen verplichte lijst met indicatoren)",
       "no rule: good practice (there is no mandatory list of indicators)"},
      {"INDICATOR_WITHOUT_TARGET", S::warning, false, F::goals,
       "geen regel: goed gebruik (er is geen verplichte lijst met indicatoren)",
       "no rule: good practice (there is no mandatory list of indicators)"},
      {"ACTIVITY_WITHOUT_GOAL", S::warning, false, F::activities,
       kFormats + " (regiovisie, activiteitenplan en begroting verplicht); de koppeling aan een "
                  "doel is de lezing van STO Planner",
       kFormats + " (regional vision, activity plan and budget required); linking to a goal is STO "
                  "Planner's reading"},
      // Budget lines
      {"LINE_OUTSIDE_PERIOD", S::error, false, F::budget,
       "2020–2023: aavas.nl, 'Sterk techniek onderwijs gaat door' (verlengd tot en met "
       "31-12-2024); 2025–2028: Regeling 2025–2028, titel en art. 1.1 (per kalenderjaar)",
       "2020–2023: aavas.nl, 'Sterk techniek onderwijs gaat door' (extended to 31-12-2024); "
       "2025–2028: Regeling 2025–2028, title and art. 1.1 (per calendar year)"},
      {"NEGATIVE_AMOUNT", S::error, false, F::budget, kPlanFileNl, kPlanFileEn},
      {"LINE_WITHOUT_PRICE_OR_QUANTITY", S::error, true, F::budget,
       kFormats + " (de eerste twee jaar concreet; alle kosten als prijs maal hoeveelheid, PxQ); "
                  "2025–2028: sterktechniekonderwijs.nl, nieuws 'Planning' (aanvraag op "
                  "hoofdlijnen voor 1 oktober 2024, gedetailleerd plan 2025–2026 voor 15 april "
                  "2025, 2027–2028 voor 1 oktober 2026)",
       kFormats + " (the first two years concrete; all costs as price times quantity, PxQ); "
                  "2025–2028: sterktechniekonderwijs.nl, news 'Planning' (application on main "
                  "lines due 1 October 2024, detailed plan 2025–2026 due 15 April 2025, "
                  "2027–2028 due 1 October 2026)"},
      {"INVESTMENT_INCOMPLETE", S::error, false, F::budget, kDepreciationNl, kDepreciationEn},
      {"INVESTMENT_LIFE_SHORTENED", S::warning, false, F::budget, kDepreciationNl, kDepreciationEn},
      {"INVESTMENT_NO_DEPRECIATION", S::warning, false, F::budget, kDepreciationNl,
       kDepreciationEn},
      {"DOUBLE_FUNDING", S::error, false, F::budget,
       "FAQ sterktechniekonderwijs.nl/faq: \"uitkijken dat activiteiten niet dubbel worden "
       "gesubsidieerd. Er mag bijvoorbeeld niet 1 machine betaald worden van beide subsidies.\"",
       "FAQ sterktechniekonderwijs.nl/faq: activities may not be subsidised twice (\"Er mag "
       "bijvoorbeeld niet 1 machine betaald worden van beide subsidies.\")"},
      // The 2024 extension request
      {"PLANNING_RESERVATION_MISSING", S::warning, false, F::activities,
       kExtensionNl + " (reservering voor het plan voor de vervolgsubsidie)",
       kExtensionEn + " (a reservation for the plan for the follow-up subsidy)"},
      {"COVERAGE_GOAL_MISSING", S::warning, false, F::goals,
       kExtensionNl + ": \"Een beschrijving van het regionale doel met betrekking tot de dekking "
                      "en kwaliteit van het technisch vmbo\"",
       kExtensionEn + ": \"Een beschrijving van het regionale doel met betrekking tot de dekking "
                      "en kwaliteit van het technisch vmbo\" (a description of the regional goal "
                      "on coverage and quality)"},
      {"EXTENSION_CHANGES_MISSING", S::error, false, F::activities,
       kExtensionNl + ": \"Een beschrijving van de wijzigingen ten opzichte van het "
                      "oorspronkelijke activiteitenplan, inclusief eventuele aanpassingen in de "
                      "regionale arbeidsmarkt en gemaakte keuzes\"",
       kExtensionEn + ": \"Een beschrijving van de wijzigingen ten opzichte van het "
                      "oorspronkelijke activiteitenplan, inclusief eventuele aanpassingen in de "
                      "regionale arbeidsmarkt en gemaakte keuzes\" (a description of the changes "
                      "since the original activity plan, incl. the regional labour market)"},
      {"EARLIER_GRANT_ACTIVITIES_MISSING", S::error, false, F::activities,
       kExtensionNl + ": \"Een overzicht van de geplande activiteiten die vóór 1 augustus 2024 "
                      "met behulp van de eerder toegekende subsidie worden uitgevoerd\"",
       kExtensionEn + ": \"Een overzicht van de geplande activiteiten die vóór 1 augustus 2024 "
                      "met behulp van de eerder toegekende subsidie worden uitgevoerd\" (an "
                      "overview of the activities before 1 August 2024 paid from the earlier "
                      "grant)"},
  };
}

}  // namespace

const std::vector<FindingCode>& finding_codes() {
  static const std::vector<FindingCode> codes = build_codes();
  return codes;
}

const FindingCode* finding_code(std::string_view code) {
  for (const FindingCode& c : finding_codes())
    if (c.code == code) return &c;
  return nullptr;
}

FindingSection finding_section(std::string_view code, std::string_view path) {
  const FindingCode* row = finding_code(code);
  if (row != nullptr && row->section != FindingSection::by_place) return row->section;
  // The first matching prefix wins: options before cofinancing.
  struct Route {
    std::string_view prefix;
    FindingSection section;
  };
  static constexpr Route routes[] = {{"activities", FindingSection::activities},
                                     {"organisations", FindingSection::partners},
                                     {"student_counts", FindingSection::partners},
                                     {"region", FindingSection::partners},
                                     {"goals", FindingSection::goals},
                                     {"changes_since_original_plan", FindingSection::activities},
                                     {"earlier_grant_activities", FindingSection::activities},
                                     {"cofinancing_option", FindingSection::settings},
                                     {"title", FindingSection::settings},
                                     {"notes", FindingSection::settings},
                                     {"submission_round", FindingSection::settings},
                                     {"scheme", FindingSection::settings},
                                     {"cofinancing", FindingSection::cofinancing},
                                     {"scenarios[", FindingSection::scenarios}};
  for (const Route& route : routes) {
    if (path.substr(0, route.prefix.size()) != route.prefix) continue;
    // A line of an activity is shown in the budget, the activity itself in Activiteiten.
    if (route.section == FindingSection::activities && path.find(".lines[") != path.npos)
      return FindingSection::budget;
    return route.section;
  }
  return FindingSection::overview;
}

std::string source_line(std::string_view code, Language language) {
  const FindingCode* s = finding_code(code);
  if (!s) return {};
  std::string line = language == Language::nl ? "Bron: " : "Source: ";
  line.append(language == Language::nl ? s->nl : s->en);
  return line;
}

}  // namespace sto
