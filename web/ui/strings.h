// Every UI string, in Dutch and English, in one table. A string without a translation fails the
// translation test (tests/ui/ui_smoke.cpp checks every entry).
#pragma once
#include "money.h"

namespace sto::ui {

enum class Str {
  app_title,
  example_banner,
  section_overview,
  total_costs,
  subsidy_requested,
  subsidy_maximum,
  cofinancing,
  cofinancing_minimum,
  own_contribution,
  findings,
  errors,
  warnings,
  scheme,
  region,
  language_switch,
  per_year,
  year,
  costs,
  subsidy,
  no_scheme,
  load_failed,
  count  // keep last
};

struct Translation {
  const char* nl;
  const char* en;
};

// The translation table, indexed by Str.
const Translation& translation(Str id);
const char* tr(Str id, Language language);

}  // namespace sto::ui
