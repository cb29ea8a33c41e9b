// STO subsidy schemes as data (assets/schemes.json): periods, allocation, cofinancing, partners.
// Where each figure comes from: core/RULES.md.
// Pure C++17; reads JSON with rapidjson and reports problems as values, never by throwing.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/dates.h"  // parse_iso_date, format_iso_date, days_in_month
#include "model/money.h"
#include "model/plan.h"
#include "model/text.h"

namespace sto {

// How a scheme sets a region's maximum subsidy.
enum class AllocationMode {
  per_student,           // rate per counted student (2020–2023)
  previous_grant_share,  // a share of region.previous_grant (2024)
  fixed_table  // region.fixed_maximum from the annex table, capped for techniekluwe (2025–2028)
};

// One selectable minimum-cofinancing rule of a scheme.
struct CofinancingOption {
  std::string id;
  LocalizedText name;
  std::int64_t minimum_bp = 0;  // basis points of the base
};

// A submission round ("indienen voor", 2025–2028): the detailed plan for some years was due on
// `due`; once a round is submitted every year through `detailed_through` must be fully priced
// (core/RULES.md, LINE_WITHOUT_PRICE_OR_QUANTITY).
struct SubmissionRound {
  std::string id;  // e.g. "2025-2026"; what a plan stores in `submission_round`
  LocalizedText name;
  Date due;
  int detailed_through = 0;  // the last year that needs price × quantity
};

// How a scheme treats a partner kind: required (a missing one is an error), recommended (a
// warning: the sources call it important, not required) or not asked for (no check).
enum class PartnerRequirement { none, recommended, mandatory };

// A national budget ceiling; year 0 means the whole period.
struct NationalCeiling {
  int year = 0;
  RegionType region_type = RegionType::techniekregio;
  Money amount;
};

struct Scheme {
  std::string id;
  LocalizedText name;
  // Costs may fall in the calendar years period_start.year .. spend_deadline.year (the spending
  // years; 2020–2023 was extended to the end of 2024). Depreciation stops at the spend deadline.
  Date period_start, period_end, spend_deadline, count_date;
  Date regulation_expires;  // when the regulation itself lapses: information only; may be unset
  AllocationMode allocation = AllocationMode::fixed_table;
  std::array<Money, 4>
      rate_per_student{};  // indexed by LearningPath (bb, kb, gl, tl), whole period
  std::vector<std::string> counted_profiles;  // profiles whose students count for per_student
  std::int64_t previous_grant_share_bp = 0;
  Money luwe_cap;  // maximum for a techniekluwe region; 0 = no such cap
  // Region types that applied under a national ceiling of their own with ranked applications
  // (techniekarm, 2020–2023): the allocation's maximum does not apply, so theirs is unknown.
  std::vector<RegionType> ranked_region_types;
  CofinancingBase cofinancing_base = CofinancingBase::total_costs;
  // Bases a plan may choose besides `cofinancing_base`; only those a source names (core/RULES.md).
  std::vector<CofinancingBase> other_cofinancing_bases;
  std::string default_cofinancing_option;
  std::vector<CofinancingOption> cofinancing_options;
  int min_vmbo_schools = 2;  // distinct vmbo vestigingen by 6-character BRIN
  // Whether a vso school counts as a vmbo school (toward min_vmbo_schools, as penvoerder, and its
  // students for a per-student maximum): only where a source opens the scheme to vso.
  bool vso_counts_as_vmbo = false;
  bool requires_mbo = true;
  bool requires_business = true;
  PartnerRequirement primary = PartnerRequirement::none;
  int concrete_years = 2;  // without submission rounds: the first N years need price × quantity
  std::vector<SubmissionRound> submission_rounds;  // oldest due date first; empty for most schemes
  // The round of a plan that names none ("", files older than format version 5); empty = the
  // first round.
  std::string default_submission_round;
  // 2024 extension: a budget line for drafting the next plan (cost category planning) and a goal
  // on the coverage and quality of technical vmbo (core/RULES.md).
  bool requires_planning_reservation = false;
  bool requires_coverage_goal = false;
  // 2024 extension: the request's written parts on changes since the original activity plan and
  // on the activities paid from the earlier grant before 1-8-2024 (core/RULES.md).
  bool requires_extension_texts = false;
  std::vector<NationalCeiling> national_ceilings;
  // Not in the scheme table: a scenario's "subsidy scale" (core/rules/scenario.h). The engine
  // multiplies the region's maximum by it, rounded once half away from zero. 10000 = unchanged.
  std::int64_t maximum_scale_bp = 10000;

  int first_year() const { return period_start.year; }
  int last_year() const { return period_end.year; }
  // Years in which costs may fall: period start up to the spend deadline's year.
  int last_spend_year() const { return spend_deadline.year; }
  // The named option, else the default; nullptr when neither exists.
  const CofinancingOption* cofinancing_option(std::string_view id) const;
  // Whether a plan may count its cofinancing minimum over `base` under this scheme.
  bool offers_cofinancing_base(CofinancingBase base) const;
  // Whether `type`'s maximum is unknown because it applied under a ranked national ceiling.
  bool ranked_region(RegionType type) const;
  // Whether an organisation of `kind` counts as a vmbo school here (vmbo; vso where allowed).
  bool counts_as_vmbo(OrganisationKind kind) const;
  // The named round ("" = the default round); nullptr for an unknown id or a scheme without
  // rounds.
  const SubmissionRound* submission_round(std::string_view id) const;
  // The round a plan written on `date` belongs to: the first one due on or after it (a plan dated
  // on the due date still makes that round), the last round after every due date; nullptr for a
  // scheme without rounds.
  const SubmissionRound* submission_round_for(const Date& date) const;
  // The round a plan naming `round_id` is checked by: that round, or the default round for "" or
  // an unknown id (which the rules report as SUBMISSION_ROUND_UNKNOWN); nullptr without rounds.
  const SubmissionRound* submission_round_in_force(std::string_view round_id) const;
  // The last year whose lines need price × quantity for a plan in round `round_id`.
  int last_detailed_year(std::string_view round_id) const;
};

struct SchemeTable {
  std::vector<Scheme> schemes;
  // nullptr when no scheme has that id.
  const Scheme* find(std::string_view id) const;
};

// A parse result: `error` is empty on success.
struct SchemeTableResult {
  SchemeTable table;
  LocalizedText error;
  bool ok() const { return error.empty(); }
};

// Parses a scheme table in the assets/schemes.json format.
SchemeTableResult parse_scheme_table(std::string_view json);

// The shipped schemes (assets/schemes.json embedded in the core), parsed once. A broken
// embedded file is a build defect: the table is then empty and `builtin_schemes_error()` says why.
const SchemeTable& builtin_schemes();
const LocalizedText& builtin_schemes_error();

}  // namespace sto
