// The national view for facilitators: a table of regions evaluated under a scheme and a national
// budget — each region's maximum, the totals, and when the maxima exceed the budget, a pro-rata
// cut to the cent. Region tables come from CSV or from the shipped (fictional) asset.
// Pure C++17, no floating point; reads JSON with rapidjson, never throws across the API.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/money.h"
#include "model/plan.h"
#include "model/text.h"
#include "rules/scheme.h"

namespace sto {

// One region of the table.
struct RegionRow {
  std::string name;
  RegionType type = RegionType::techniekregio;
  std::int64_t students_bbkb = 0;  // counted BB/KB students (per_student schemes)
  std::int64_t students_gl = 0;    // counted GL students
  Money previous_grant;            // the 2020–2023 grant (previous_grant_share schemes)
  Money fixed_amount;              // the annex amount (fixed_table schemes)
};

// A part of the national budget for some region types. Its amount for a scheme period is
// amount (× the period's years when per_year) + per_region × the number of regions of its types.
struct BudgetPool {
  LocalizedText name;
  std::vector<RegionType> types;
  Money amount;
  bool per_year = false;
  Money per_region;
};

struct NationalBudget {
  std::string id;
  LocalizedText name;
  std::string scheme_id;  // the scheme it belongs with
  std::vector<BudgetPool> pools;
};

// The programme's published budgets (sources: core/RULES.md and the scheme table's notes):
//   "sto-2025-2028"   techniekregio's (and techniekarm) € 368.640.080 over 2025–2028; techniekluwe
//                     € 4.000.000 per region.
//   "97-mln-per-jaar" € 97 mln a year from 2024, × the 4 years of 2025–2028, all regions.
//   "2023-86,5-mln"   € 86,5 mln for the regions in 2023, × the 4 years of 2020–2023 (as if every
//                     year were like 2023), all regions.
const std::vector<NationalBudget>& national_budget_presets();
// A preset by id; nullptr when unknown.
const NationalBudget* find_national_budget(std::string_view id);
// A budget of one pool for every region type: `amount` for the whole period.
NationalBudget single_budget(Money amount);
// The scheme's own national ceilings as a budget: one pool per region type they name, its amount
// the sum of that type's ceilings over the years (a year-0 ceiling is for the whole period); the
// pool's name lists the yearly ceilings. nullopt when the scheme names no ceilings.
std::optional<NationalBudget> budget_from_ceilings(const Scheme& scheme);

struct RegionAllocation {
  std::size_t row = 0;  // index in the region table
  Money maximum;        // under the scheme's allocation rule (engine.h maximum_subsidy)
  bool known = false;   // false when the table lacks what the rule needs (then maximum = 0)
  LocalizedText rule;   // how the maximum was computed
  int pool = -1;        // index in budget.pools; -1 when no pool covers the region's type
  Money allocated;      // after the pro-rata cut (= maximum when the pool is not oversubscribed)
  Money cut;            // maximum − allocated
  std::int64_t share_bp = 0;  // allocated / all allocated, basis points, rounded half away
};

struct PoolResult {
  LocalizedText name;
  Money budget;         // for the scheme period
  Money total_maximum;  // Σ maxima of its regions
  Money allocated;      // Σ allocated: = total_maximum, or exactly = budget when oversubscribed
  bool oversubscribed = false;
  std::int64_t scale_bp = 10000;  // budget / total_maximum when oversubscribed, rounded half away
  std::size_t regions = 0;
};

// The stated rule (also in `rule`): when a pool's maxima exceed its budget, every maximum in it is
// scaled by budget / total; each region gets the whole cents of its exact share, and the cents
// left over go one each to the largest remainders (ties: larger maximum, then table order), so
// the pool's allocations add up to its budget exactly and no region gets more than its maximum.
struct NationalResult {
  bool scheme_found = false;
  int period_years = 0;                   // the scheme's first to last year
  std::vector<RegionAllocation> regions;  // table order
  std::vector<std::size_t> ranking;       // indexes into `regions`: allocated desc, then name
  std::vector<PoolResult> pools;
  Money total_maximum, total_allocated, total_budget;
  Money total_cut;        // total_maximum − total_allocated: the regions' cuts together
  bool overflow = false;  // a sum did not fit in int64 cents: figures invalid
  LocalizedText rule;
};

// Evaluates every region of `table` under `scheme` and distributes `budget`.
NationalResult allocate_national(const std::vector<RegionRow>& table, const Scheme& scheme,
                                 const NationalBudget& budget);

// [SECTION] Region tables
struct RegionIssue {
  std::size_t line = 0;  // 1-based line in the file; 0 = the file as a whole
  LocalizedText message;
};
struct RegionTableResult {
  std::vector<RegionRow> rows;       // every good row, in file order
  std::vector<RegionIssue> issues;   // one per bad row (that row is left out)
  bool fatal = false;                // nothing could be read (no header, …): issues say why
  Language detected = Language::nl;  // nl: ';' and decimal comma; en: ',' and decimal point
};

// Reads `name;type;students_bbkb;students_gl;previous_grant_eur[;fixed_amount_eur]` (Dutch: ';'
// and decimal comma) or the same with ',' and a decimal point (English), told apart by the
// header's separator. Dutch header names are accepted too (naam;soort;leerlingen_bbkb;
// leerlingen_gl;vorige_toekenning_eur;vast_bedrag_eur), columns in any order. UTF-8 with or
// without BOM, CRLF/LF/CR, quoted cells (csv_reader.h); empty lines are skipped. Bad rows are
// reported with their line number and left out; the good rows are kept.
RegionTableResult import_regions_csv(std::string_view csv);

// The allocation as CSV in the ranking order (same conventions as csv_export.h: BOM, CRLF,
// ';' + decimal comma for nl, ',' + decimal point for en). Amounts in euros with cents.
std::string export_national_csv(const std::vector<RegionRow>& table, const NationalResult& result,
                                Language language);

// A region table in the assets/regions/*.json format
// {"format": "sto-regions", "version": 1, "regions": [{name, type, students_bbkb, students_gl,
// previous_grant_cents, fixed_amount_cents}]}.
RegionTableResult parse_region_table(std::string_view json);
// The shipped fictional table (assets/regions/fictief.json): 78 regions, 5 techniekluwe.
const RegionTableResult& builtin_region_table();

}  // namespace sto
