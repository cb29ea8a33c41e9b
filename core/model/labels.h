// Names of the plan's enum values: stable ids (as in files and JSON) and Dutch/English labels
// for the UI, the CLI and CSV export. Pure C++17.
#pragma once
#include "model/money.h"
#include "model/plan.h"

namespace sto {

// Stable ids, the names in plan files (enum_names.h): "internal_staff", "subsidy", …
const char* category_id(CostCategory category);
const char* funding_id(FundingSource funding);
const char* base_id(CofinancingBase base);
const char* region_type_id(RegionType type);
const char* organisation_kind_id(OrganisationKind kind);

// Human labels: "Intern personeel" / "Internal staff", …
const char* category_label(CostCategory category, Language language);
const char* funding_label(FundingSource funding, Language language);
const char* base_label(CofinancingBase base, Language language);  // "totale kosten" / "total costs"
const char* region_type_label(RegionType type, Language language);
const char* organisation_kind_label(OrganisationKind kind, Language language);

}  // namespace sto
