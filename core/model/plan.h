// The regional plan as plain value types: what a plan file holds, nothing derived.
// Pure C++17; serialization lives in serialize.h, derived figures in engine.h.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/money.h"

namespace sto {

// A calendar date; 0/0/0 means "not set".
struct Date {
  int year = 0;
  int month = 0;
  int day = 0;
  bool is_set() const { return year != 0; }
  friend bool operator==(const Date& a, const Date& b) {
    return a.year == b.year && a.month == b.month && a.day == b.day;
  }
  friend bool operator<(const Date& a, const Date& b) {
    if (a.year != b.year) return a.year < b.year;
    if (a.month != b.month) return a.month < b.month;
    return a.day < b.day;
  }
};

enum class RegionType { techniekregio, techniekluwe, techniekarm };

enum class OrganisationKind {
  vmbo,  // a vmbo vestiging with its own 6-character BRIN
  vso,
  praktijkonderwijs,
  mbo,
  primary,
  business,
  municipality,
  other
};

enum class LearningPath { bb, kb, gl, tl };

// Whether an organisation counts as a business ("bedrijf") for the cofinancing minimum: only
// businesses' cofinancing counts toward it (core/RULES.md, COFIN_BELOW_MINIMUM). by_kind: when its
// kind is business; yes / no: set by hand for edge cases (a foundation with economic activity).
enum class BusinessStatus { by_kind, yes, no };

// What the minimum cofinancing is a percentage of.
enum class CofinancingBase { total_costs, subsidy };

enum class FundingSource { subsidy, cofinancing_cash, cofinancing_in_kind, own };

enum class CostCategory {
  internal_staff,  // hours × rate of school staff
  external_staff,  // hired people
  equipment,       // machines and inventory: depreciation only
  materials,
  professional_development,
  events,        // activities, events, transport
  coordination,  // project management
  overhead,
  planning  // writing the next plan (2024 only)
};

struct Organisation {
  std::string id;  // unique within the plan; referenced by lines and activities
  std::string name;
  OrganisationKind kind = OrganisationKind::other;
  std::string brin;         // 4 characters (board) or 6 (vestiging); empty where it has none
  bool penvoerder = false;  // the applicant accountable for the whole region
  bool partner = true;
  BusinessStatus counts_as_business = BusinessStatus::by_kind;  // file format v3 and later
};

// True when the organisation's cofinancing counts toward the minimum (see BusinessStatus).
inline bool is_business_for_cofinancing(const Organisation& o) {
  return o.counts_as_business == BusinessStatus::yes ||
         (o.counts_as_business == BusinessStatus::by_kind && o.kind == OrganisationKind::business);
}

// Students at one organisation on the scheme's count date.
struct StudentCount {
  std::string organisation_id;
  LearningPath path = LearningPath::bb;
  std::string profile;  // e.g. "PIE", "BWI", "M&T", "MaT", "MVI"
  Date count_date;
  std::int64_t students = 0;
};

// One target value of an indicator; values in thousandths (1.5 % is stored as 1500).
struct YearValue {
  int year = 0;
  std::int64_t value_milli = 0;
};

struct Indicator {
  std::string id;
  std::string name;
  std::string unit;  // e.g. "%", "leerlingen", "fte"
  int baseline_year = 0;
  std::int64_t baseline_milli = 0;
  std::vector<YearValue> targets;
};

struct Goal {
  std::string id;
  std::string title;
  std::string theme;  // e.g. "instroom", "docenten", "duurzaamheid", "gelijke kansen"
  std::vector<Indicator> indicators;
};

// A machine or inventory item: only its depreciation within the scheme period is a project cost.
struct Investment {
  Money purchase_price;
  Date purchase_date;
  int economic_life_months = 0;
  int project_use_bp = 10000;  // share of use for the project, basis points of full use
};

// price × quantity in one year; for an investment the cost is its depreciation in `year`.
// The fields every evaluation reads come first, together: a plan of 100,000 lines no longer fits
// in the cache, and then the bytes read per line decide the speed.
struct BudgetLine {
  Money price;
  std::int64_t quantity_milli = 0;  // thousandths: 12.5 hours is 12500
  int year = 0;
  CostCategory category = CostCategory::materials;
  FundingSource funding = FundingSource::subsidy;
  std::optional<Investment> investment;
  std::string organisation_id;
  std::string id;
  std::string other_funding;  // another subsidy that also pays for this item (double funding)
  std::string description;
  std::string unit;  // e.g. "uur", "stuk", "dag"
};

struct Activity {
  std::string id;
  std::string title;
  std::string theme;
  std::string lead_organisation_id;
  std::vector<std::string> partner_ids;
  std::vector<std::string> goal_ids;
  std::vector<int> years;
  std::vector<BudgetLine> lines;
};

struct Region {
  std::string name;
  RegionType type = RegionType::techniekregio;
  Money previous_grant;  // the 2020–2023 grant, for the 2024 extension maximum
  Money fixed_maximum;   // the annex table amount, for 2025–2028
};

// [SECTION] Scenarios (core/rules/scenario.h resolves them): what one override changes.
enum class OverrideKind {
  hourly_rate,          // value: new price per hour (cents); replaces: the hourly price it replaces
  price_index,          // value: basis points per year, compounding from the scheme's first year
  subsidy_scale,        // value: basis points of the maximum subsidy (9000 = the maximum −10%)
  cofinancing_minimum,  // value: minimum cofinancing, basis points of the base
  cofinancing_base,     // value: a CofinancingBase (0 total costs, 1 the subsidy); one per scenario
  student_scale,        // value: basis points applied to every student count
  student_count,        // target: "organisation_id|path|profile"; value: students
  line_price,           // target: budget line id; value: price (cents)
  line_quantity         // target: budget line id; value: quantity in thousandths
};

// One assumption that differs from the base plan. Fields a kind does not use stay empty / 0.
struct ScenarioOverride {
  OverrideKind kind = OverrideKind::subsidy_scale;
  std::string target;
  std::int64_t value = 0;
  std::int64_t replaces = 0;  // hourly_rate only: the base hourly price in cents (e.g. 5000)
};

// A named set of overrides on the base plan; everything not overridden follows the base.
struct Scenario {
  std::string id;  // unique within the plan, stable across renames
  std::string name;
  std::vector<ScenarioOverride> overrides;  // one per kind (per kind and target where it has one)
};

// One written version of a plan and the versions it was made from (core/exchange/lineage.h).
struct RevisionNode {
  std::string id;                    // a revision id (lineage.h: is_revision_id)
  std::vector<std::string> parents;  // one after an edit, two after a merge (ours, theirs)
};

// Where a plan file comes from, for comparing and merging returned copies
// (core/exchange/lineage.h): the content is its revision plus the edits made since (a download
// writes a new revision when there are any).
struct Lineage {
  std::string plan_id;                // the same in every copy of one plan; "" until first written
  std::string revision;               // the version this content was written as or made from; ""
  std::vector<std::string> parents;   // the revision's parents (0, 1 or 2)
  std::vector<RevisionNode> history;  // earlier revisions, nearest first, at most 64
};

struct Plan {
  std::string title;
  Region region;
  std::string scheme_id;           // a scheme from the shipped scheme table
  std::string cofinancing_option;  // a scheme option id; empty for the scheme's default
  std::optional<CofinancingBase> cofinancing_base;  // overrides the scheme's base when set
  // A submission round of the scheme ("indienen voor", Scheme::submission_rounds): which years
  // need price × quantity. "" = the scheme's first round, or no round for a scheme without them.
  std::string submission_round;  // file format v5 and later
  std::vector<Organisation> organisations;
  std::vector<StudentCount> student_counts;
  std::vector<Goal> goals;
  std::vector<Activity> activities;
  std::string notes;
  // The 2024 extension request's written parts (core/RULES.md, EXTENSION_CHANGES_MISSING and
  // EARLIER_GRANT_ACTIVITIES_MISSING); file format v8 and later, "" in other schemes' plans.
  std::string changes_since_original_plan;  // incl. the regional labour market and choices made
  std::string earlier_grant_activities;     // carried out before 1-8-2024 with the earlier grant
  bool is_example = false;                  // the shipped sample: the UI says so
  std::vector<Scenario> scenarios;          // file format v2 and later
  Lineage lineage;                          // file format v4 and later
};

}  // namespace sto
