// The UI string table. Dutch first: it is the language of the users.
#include "ui/strings.h"

namespace sto::ui {

namespace {
constexpr Translation table[] = {
    {"STO Planner", "STO Planner"},
    {"Voorbeeldplan — begin een nieuw plan of open een bestand",
     "Example plan — start a new plan or open a file"},
    {"Overzicht", "Overview"},
    {"Totale kosten", "Total costs"},
    {"Gevraagde subsidie", "Subsidy requested"},
    {"Maximale subsidie", "Maximum subsidy"},
    {"Cofinanciering", "Cofinancing"},
    {"Minimum cofinanciering", "Minimum cofinancing"},
    {"Eigen bijdrage", "Own contribution"},
    {"Bevindingen", "Findings"},
    {"fouten", "errors"},
    {"waarschuwingen", "warnings"},
    {"Regeling", "Scheme"},
    {"Regio", "Region"},
    {"English", "Nederlands"},
    {"Per jaar", "Per year"},
    {"Jaar", "Year"},
    {"Kosten", "Costs"},
    {"Subsidie", "Subsidy"},
    {"Onbekende regeling", "Unknown scheme"},
    {"Het plan kon niet worden geladen", "The plan could not be loaded"},
};
static_assert(sizeof(table) / sizeof(table[0]) == static_cast<int>(Str::count),
              "every Str needs exactly one row in the table");
}  // namespace

const Translation& translation(Str id) { return table[static_cast<int>(id)]; }

const char* tr(Str id, Language language) {
  const Translation& t = translation(id);
  return language == Language::nl ? t.nl : t.en;
}

}  // namespace sto::ui
