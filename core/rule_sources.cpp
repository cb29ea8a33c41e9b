// The short source citation of every finding code (core/rule_sources.h). Each row condenses the
// source column of the code's row in core/RULES.md; "geen"/"none" marks a check of the plan
// itself that no regulation asks for.
#include "rule_sources.h"

namespace sto {

namespace {

// The rows, built on first use; several rows share a citation (the formats page, the FAQ, …).
std::vector<RuleSource> build_sources() {
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
      "sterktechniekonderwijs.nl, nieuws over de wijzigingsregeling (19 juli 2023): aanvraag 2024";
  const std::string kExtensionEn =
      "sterktechniekonderwijs.nl, news on the amending regulation (19 July 2023): the 2024 request";
  const std::string kPlanFileNl = "geen regeling: een controle van het planbestand zelf";
  const std::string kPlanFileEn = "no regulation: a check of the plan file itself";
  return {
      // Money: maximum and cofinancing
      {"SCHEME_UNKNOWN", kPlanFileNl + " (de regelingen van STO Planner)",
       kPlanFileEn + " (STO Planner's schemes)"},
      {"MONEY_OVERFLOW", "geen regeling: de rekenkundige controle van STO Planner",
       "no regulation: STO Planner's arithmetic check"},
      {"MAXIMUM_UNKNOWN", kMaximumNl, kMaximumEn},
      {"LUWE_ABOVE_CAP",
       "DUS-I, 'Sterk techniekonderwijs 2025' (techniekluwe ten hoogste € 4.000.000)",
       "DUS-I, 'Sterk techniekonderwijs 2025' (a techniekluwe at most €4,000,000)"},
      {"SUBSIDY_ABOVE_MAXIMUM", kMaximumNl, kMaximumEn},
      {"COFIN_OPTION_UNKNOWN", kPlanFileNl + " (de opties van de regeling)",
       kPlanFileEn + " (the scheme's options)"},
      {"COFIN_BELOW_MINIMUM", kCofinNl, kCofinEn},
      {"COFIN_NOT_FROM_BUSINESS", kCofinNl, kCofinEn},
      // Partners and the penvoerder
      {"TOO_FEW_VMBO",
       kFormats + " (ten minste twee vmbo-scholen); nieuws 'Regio's' (telling per vestiging)",
       kFormats + " (at least two vmbo schools); news 'Regio's' (counted per vestiging)"},
      {"NO_MBO", kFormats + " (één mbo-instelling)", kFormats + " (one mbo institution)"},
      {"NO_BUSINESS", kFormats + " (bedrijven en/of lokale overheden); vosabb.nl",
       kFormats + " (businesses and/or local authorities); vosabb.nl"},
      {"NO_PRIMARY", "Kamerstuk 30079-119; DUS-I, 'Sterk techniekonderwijs 2025'",
       "Kamerstuk 30079-119; DUS-I, 'Sterk techniekonderwijs 2025'"},
      {"NO_PENVOERDER", kFormats + " (aanvraag door een penvoerder namens de regio)",
       kFormats + " (applied for by a penvoerder on behalf of the region)"},
      {"MULTIPLE_PENVOERDERS",
       kFormats + " (een penvoerder); aavas.nl/sto (één penvoerder per regio)",
       kFormats + " (a penvoerder); aavas.nl/sto (one penvoerder per region)"},
      {"PENVOERDER_NOT_VMBO",
       "Regeling 2025–2028, art. 1.5 (penvoerder); DUS-I, 'Sterk techniekonderwijs'",
       "Regeling 2025–2028, art. 1.5 (penvoerder); DUS-I, 'Sterk techniekonderwijs'"},
      // Organisations, student counts, goals
      {"MISSING_ID", kPlanFileNl, kPlanFileEn},
      {"DUPLICATE_ID", kPlanFileNl, kPlanFileEn},
      {"BRIN_FORMAT", "DUO, de vorm van het BRIN-nummer (99XA bestuur, 99XA00 vestiging)",
       "DUO, the form of a BRIN number (99XA board, 99XA00 school)"},
      {"VMBO_WITHOUT_BRIN",
       kFormats + " (twee vmbo-scholen); nieuws 'Regio's' (telling per vestiging)",
       kFormats + " (two vmbo schools); news 'Regio's' (counted per vestiging)"},
      {"UNKNOWN_ORGANISATION", kPlanFileNl, kPlanFileEn},
      {"UNKNOWN_GOAL", kPlanFileNl, kPlanFileEn},
      {"STUDENT_COUNT_NEGATIVE", kPlanFileNl, kPlanFileEn},
      {"STUDENT_COUNT_DATE",
       "sterktechniekonderwijs.nl, Onderwijscijfers (teldatum 1 oktober 2018)",
       "sterktechniekonderwijs.nl, Onderwijscijfers (count date 1 October 2018)"},
      {"GOAL_WITHOUT_INDICATOR",
       "geen regel: goed gebruik (er is geen verplichte lijst met indicatoren)",
       "no rule: good practice (there is no mandatory list of indicators)"},
      {"INDICATOR_WITHOUT_TARGET",
       "geen regel: goed gebruik (er is geen verplichte lijst met indicatoren)",
       "no rule: good practice (there is no mandatory list of indicators)"},
      {"ACTIVITY_WITHOUT_GOAL",
       kFormats + " (regiovisie, activiteitenplan en begroting verplicht); de koppeling aan een "
                  "doel is de lezing van STO Planner",
       kFormats + " (regional vision, activity plan and budget required); linking to a goal is STO "
                  "Planner's reading"},
      // Budget lines
      {"LINE_OUTSIDE_PERIOD",
       "2020–2023: aavas.nl, 'Sterk techniek onderwijs gaat door' (verlengd tot en met "
       "31-12-2024); 2025–2028: Regeling 2025–2028, titel en art. 1.1 (per kalenderjaar)",
       "2020–2023: aavas.nl, 'Sterk techniek onderwijs gaat door' (extended to 31-12-2024); "
       "2025–2028: Regeling 2025–2028, title and art. 1.1 (per calendar year)"},
      {"NEGATIVE_AMOUNT", kPlanFileNl, kPlanFileEn},
      {"LINE_WITHOUT_PRICE_OR_QUANTITY",
       kFormats + " (de eerste twee jaar concreet; alle kosten als prijs maal hoeveelheid, PxQ)",
       kFormats + " (the first two years concrete; all costs as price times quantity, PxQ)"},
      {"INVESTMENT_INCOMPLETE", kDepreciationNl, kDepreciationEn},
      {"INVESTMENT_LIFE_SHORTENED", kDepreciationNl, kDepreciationEn},
      {"INVESTMENT_NO_DEPRECIATION", kDepreciationNl, kDepreciationEn},
      {"DOUBLE_FUNDING",
       "FAQ sterktechniekonderwijs.nl (niet één machine van beide subsidies); Regeling 2020–2023, "
       "art. 1.3, tweede lid, onder d",
       "FAQ sterktechniekonderwijs.nl (not one machine paid from both subsidies); Regeling "
       "2020–2023, art. 1.3(2)(d)"},
      // The 2024 extension request
      {"PLANNING_RESERVATION_MISSING",
       kExtensionNl + " (reservering voor het plan voor de vervolgsubsidie)",
       kExtensionEn + " (a reservation for the plan for the follow-up subsidy)"},
      {"COVERAGE_GOAL_MISSING",
       kExtensionNl + " (regionaal doel voor dekking en kwaliteit van het technisch vmbo)",
       kExtensionEn + " (a regional goal on coverage and quality of technical vmbo)"},
  };
}

}  // namespace

const std::vector<RuleSource>& rule_sources() {
  static const std::vector<RuleSource> sources = build_sources();
  return sources;
}

const RuleSource* rule_source(std::string_view code) {
  for (const RuleSource& s : rule_sources())
    if (s.code == code) return &s;
  return nullptr;
}

std::string source_line(std::string_view code, Language language) {
  const RuleSource* s = rule_source(code);
  if (!s) return {};
  std::string line = language == Language::nl ? "Bron: " : "Source: ";
  line.append(language == Language::nl ? s->nl : s->en);
  return line;
}

}  // namespace sto
