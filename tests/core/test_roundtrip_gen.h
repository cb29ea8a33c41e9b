// Random plans within the model's limits (file_format.h) from a seeded, portable PRNG, for the
// round-trip tests, the golden files and load-time measurements. Same seed, same plan, on every
// platform: no std::random_device and no std:: distributions (their output differs by library).
#pragma once
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "format/file_format.h"
#include "model/plan.h"

namespace sto::test {

// splitmix64: small, fast and the same everywhere.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  // Uniform enough in [low, high] for tests (modulo bias is irrelevant here).
  std::int64_t between(std::int64_t low, std::int64_t high) {
    const auto span = static_cast<std::uint64_t>(high - low) + 1u;
    return low + static_cast<std::int64_t>(span == 0 ? next() : next() % span);
  }
  int between_int(int low, int high) { return static_cast<int>(between(low, high)); }
  bool chance(int percent) { return between(0, 99) < percent; }
  // Mostly ordinary values, sometimes the edges of the range.
  std::int64_t value(std::int64_t low, std::int64_t high) {
    switch (between(0, 9)) {
      case 0: return low;
      case 1: return high;
      case 2: return between(low, std::min(high, low + 100));
      default: return between(low, high);
    }
  }

 private:
  std::uint64_t state_;
};

// Text with what breaks naive JSON writers: quotes, backslashes, control characters, accents,
// the euro sign, characters outside the BMP, "/" and "\u2028". Never NUL (see FILE_FORMAT.md).
inline std::string random_text(Rng& rng, int max_pieces = 12) {
  static const char* const pieces[] = {"a",    "Z",    "0",  " ",  "lasapparatuur",
                                       "\"",   "\\",   "\n", "\t", "\r",
                                       "\x01", "\x1f", "é",  "€",  "ß",
                                       "ü",    "漢",   "😀",  "/",  "\xE2\x80\xA8",
                                       "{",    "}",    "[",  "]",  ":",
                                       ",",    "'",    "<",  "&",  "M&T"};
  const int count = rng.between_int(0, max_pieces);
  std::string text;
  for (int i = 0; i < count; ++i)
    text += pieces[rng.between(0, sizeof pieces / sizeof pieces[0] - 1)];
  return text;
}

inline Date random_date(Rng& rng) {
  if (rng.chance(20)) return {};
  return {rng.between_int(1900, 2200), rng.between_int(1, 12), rng.between_int(1, 28)};
}

inline int random_year(Rng& rng) {
  return static_cast<int>(rng.value(kMinPlanYear, kMaxPlanYear));
}

// A plan that uses every field, within every limit; `lines` budget lines spread over activities.
inline Plan random_plan(Rng& rng, int lines = -1) {
  if (lines < 0) lines = rng.between_int(0, 30);
  Plan plan;
  plan.title = random_text(rng);
  plan.is_example = rng.chance(20);
  plan.region.name = random_text(rng);
  plan.region.type = static_cast<RegionType>(rng.between(0, 2));
  plan.region.previous_grant = Money{rng.value(0, kMaxAmountCents)};
  plan.region.fixed_maximum = Money{rng.value(0, kMaxAmountCents)};
  plan.scheme_id = rng.chance(80) ? "sto-2025-2028" : random_text(rng, 3);
  plan.cofinancing_option = random_text(rng, 2);
  plan.submission_round = random_text(rng, 2);
  if (rng.chance(50)) plan.cofinancing_base = static_cast<CofinancingBase>(rng.between(0, 1));
  plan.notes = random_text(rng, 40);

  const int organisations = rng.between_int(0, 6);
  for (int i = 0; i < organisations; ++i) {
    Organisation o;
    o.id = "org-" + std::to_string(i) + (rng.chance(30) ? random_text(rng, 2) : "");
    o.name = random_text(rng);
    o.kind = static_cast<OrganisationKind>(rng.between(0, 7));
    o.brin = rng.chance(50) ? "12AB" + std::to_string(rng.between(10, 99)) : "";
    o.penvoerder = rng.chance(20);
    o.partner = rng.chance(80);
    plan.organisations.push_back(o);
  }
  const auto some_organisation = [&]() -> std::string {
    if (plan.organisations.empty()) return "";
    return plan.organisations[rng.between(0, plan.organisations.size() - 1)].id;
  };
  if (!plan.organisations.empty()) {
    const int counts = rng.between_int(0, 5);
    for (int i = 0; i < counts; ++i) {
      StudentCount s;
      s.organisation_id = some_organisation();
      s.path = static_cast<LearningPath>(rng.between(0, 3));
      s.profile = random_text(rng, 2);
      s.count_date = random_date(rng);
      s.students = rng.value(0, kMaxStudents);
      plan.student_counts.push_back(s);
    }
  }
  const int goals = rng.between_int(0, 3);
  for (int g = 0; g < goals; ++g) {
    Goal goal;
    goal.id = "goal-" + std::to_string(g);
    goal.title = random_text(rng);
    goal.theme = random_text(rng, 2);
    const int indicators = rng.between_int(0, 3);
    for (int i = 0; i < indicators; ++i) {
      Indicator indicator;
      indicator.id = rng.chance(20) ? "" : "ind-" + std::to_string(i);
      indicator.name = random_text(rng);
      indicator.unit = random_text(rng, 2);
      indicator.baseline_year = rng.chance(20) ? 0 : random_year(rng);
      indicator.baseline_milli = rng.value(-kMaxIndicatorMilli, kMaxIndicatorMilli);
      const int first = rng.between_int(kMinPlanYear, kMaxPlanYear - 5);
      const int targets = rng.between_int(0, 4);
      for (int t = 0; t < targets; ++t)
        indicator.targets.push_back(
            {first + t, rng.value(-kMaxIndicatorMilli, kMaxIndicatorMilli)});
      goal.indicators.push_back(indicator);
    }
    plan.goals.push_back(goal);
  }

  const int activities =
      lines == 0 ? rng.between_int(0, 3) : std::max(1, std::min(lines, 1 + lines / 8));
  int line_id = 0;
  for (int a = 0; a < activities; ++a) {
    Activity activity;
    activity.id = "act-" + std::to_string(a);
    activity.title = random_text(rng);
    activity.theme = random_text(rng, 2);
    activity.lead_organisation_id = rng.chance(80) ? some_organisation() : "";
    for (const Organisation& o : plan.organisations)
      if (o.id != activity.lead_organisation_id && rng.chance(30))
        activity.partner_ids.push_back(o.id);
    for (const Goal& g : plan.goals)
      if (rng.chance(50)) activity.goal_ids.push_back(g.id);
    for (int year = 2024; year <= 2028; ++year)
      if (rng.chance(50)) activity.years.push_back(year);
    const int own = a == activities - 1 ? lines - line_id : lines / activities;
    for (int i = 0; i < own; ++i) {
      BudgetLine l;
      l.id = "line-" + std::to_string(line_id++);
      l.organisation_id = rng.chance(90) ? some_organisation() : "";
      l.year = random_year(rng);
      l.category = static_cast<CostCategory>(rng.between(0, 8));
      l.description = random_text(rng);
      l.unit = random_text(rng, 2);
      l.price = Money{rng.value(0, kMaxAmountCents)};
      l.quantity_milli = rng.value(0, kMaxQuantityMilli);
      l.funding = static_cast<FundingSource>(rng.between(0, 3));
      l.other_funding = rng.chance(20) ? random_text(rng, 3) : "";
      if (rng.chance(20)) {
        Investment investment;
        investment.purchase_price = Money{rng.value(0, kMaxAmountCents)};
        investment.purchase_date = random_date(rng);
        investment.economic_life_months = static_cast<int>(rng.value(0, kMaxEconomicLifeMonths));
        investment.project_use_bp = static_cast<int>(rng.value(0, kMaxProjectUseBp));
        l.investment = investment;
      }
      activity.lines.push_back(l);
    }
    plan.activities.push_back(activity);
  }

  // Scenarios (format v2): each override kind with a value in its range, one per (kind, target).
  const int scenarios = rng.between_int(0, 3);
  for (int s = 0; s < scenarios; ++s) {
    Scenario scenario;
    scenario.id = "scn-" + std::to_string(s);
    scenario.name = random_text(rng);
    const int overrides = rng.between_int(0, 6);
    for (int o = 0; o < overrides; ++o) {
      ScenarioOverride override_;
      override_.kind = static_cast<OverrideKind>(rng.between(0, 8));
      switch (override_.kind) {
        case OverrideKind::hourly_rate:
          override_.value = rng.value(0, kMaxAmountCents);
          override_.replaces = rng.value(0, kMaxAmountCents);
          break;
        case OverrideKind::price_index:
          override_.value = rng.value(-kMaxPriceIndexBp, kMaxPriceIndexBp);
          break;
        case OverrideKind::subsidy_scale:
        case OverrideKind::student_scale:
          override_.value = rng.value(0, kMaxScenarioScaleBp);
          break;
        case OverrideKind::cofinancing_minimum: override_.value = rng.value(0, 10000); break;
        case OverrideKind::cofinancing_base: override_.value = rng.between(0, 1); break;
        case OverrideKind::student_count:
          override_.target = "org-0|bb|" + random_text(rng, 2);
          override_.value = rng.value(0, kMaxStudents);
          break;
        case OverrideKind::line_price:
          override_.target = "line-" + std::to_string(o);
          override_.value = rng.value(0, kMaxAmountCents);
          break;
        case OverrideKind::line_quantity:
          override_.target = "line-" + std::to_string(o);
          override_.value = rng.value(0, kMaxQuantityMilli);
          break;
      }
      const bool repeated = std::any_of(
          scenario.overrides.begin(), scenario.overrides.end(), [&](const ScenarioOverride& other) {
            return other.kind == override_.kind && other.target == override_.target;
          });
      if (!repeated) scenario.overrides.push_back(override_);
    }
    plan.scenarios.push_back(scenario);
  }
  return plan;
}

}  // namespace sto::test
