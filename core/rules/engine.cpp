// The budget engine; see engine.h. Hot loop over lines: index arithmetic and checked adds only.
#include "rules/engine.h"

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <utility>

#include "model/hash.h"
#include "model/labels.h"

namespace sto {

namespace {

__extension__ typedef __int128 Int128;  // GCC/Clang extension: exact products of two int64 values

bool add_into(Money& into, Money amount) {
  std::int64_t out = 0;
  if (__builtin_add_overflow(into.cents, amount.cents, &out)) return false;
  into.cents = out;
  return true;
}

int month_index(int year, int month) {
  return year * 12 + (month - 1);
}

std::string path_of_line(std::size_t activity, std::size_t line) {
  return "activities[" + std::to_string(activity) + "].lines[" + std::to_string(line) + "]";
}

// Organisation id -> index, an open-addressing hash table built once per evaluation (a binary
// search over the sorted ids was most of evaluate()'s string compares).
class OrganisationIndex {
  // Whether entry `i` has `id` (defined before its use, which deduces its type).
  auto same_id(std::string_view id) const {
    return [this, id](std::size_t i) { return same_text(plan_.organisations[i].id, id); };
  }

 public:
  explicit OrganisationIndex(const Plan& plan) : plan_(plan) {
    slots_.reserve(plan.organisations.size());
    // With duplicate ids the first organisation wins, as in a linear search.
    for (std::size_t i = 0; i < plan.organisations.size(); ++i) {
      const std::string& id = plan.organisations[i].id;
      slots_.find_or_add(hash_text(id), i, same_id(id));
    }
  }
  // The index, or `unknown` when no organisation has this id.
  std::size_t find(std::string_view id, std::size_t unknown) const {
    const std::size_t found = slots_.find(hash_text(id), same_id(id));
    return found == HashSlots::npos ? unknown : found;
  }

 private:
  const Plan& plan_;
  HashSlots slots_;
};

}  // namespace

void Totals::add(FundingSource source, Money amount, bool& overflow) {
  bool ok = add_into(costs, amount);
  switch (source) {
    case FundingSource::subsidy: ok = add_into(subsidy, amount) && ok; break;
    case FundingSource::cofinancing_cash:
      ok = add_into(cofinancing_cash, amount) && ok;
      ok = add_into(cofinancing, amount) && ok;
      break;
    case FundingSource::cofinancing_in_kind:
      ok = add_into(cofinancing_in_kind, amount) && ok;
      ok = add_into(cofinancing, amount) && ok;
      break;
    case FundingSource::own: ok = add_into(own, amount) && ok; break;
  }
  if (!ok) overflow = true;
}

void Totals::add(const Totals& other, bool& overflow) {
  bool ok = add_into(costs, other.costs);
  ok = add_into(subsidy, other.subsidy) && ok;
  ok = add_into(cofinancing, other.cofinancing) && ok;
  ok = add_into(cofinancing_cash, other.cofinancing_cash) && ok;
  ok = add_into(cofinancing_in_kind, other.cofinancing_in_kind) && ok;
  ok = add_into(own, other.own) && ok;
  if (!ok) overflow = true;
}

Money Evaluation::year_category_costs(int year, CostCategory category) const {
  Money sum;
  for (int f = 0; f < kFundingCount; ++f)
    sum.cents += cell(year, category, static_cast<FundingSource>(f)).cents;
  return sum;
}

const Money* Evaluation::schedule_of(std::size_t activity, std::size_t line) const {
  if (activity >= line_offset.size()) return nullptr;
  const std::size_t flat = line_offset[activity] + line;
  const auto it = std::lower_bound(investment_lines.begin(), investment_lines.end(), flat);
  if (it == investment_lines.end() || *it != flat) return nullptr;
  const auto k = static_cast<std::size_t>(it - investment_lines.begin());
  return investment_years.data() + k * static_cast<std::size_t>(year_count);
}

Money Evaluation::cell(int year, CostCategory category, FundingSource funding) const {
  const int y = year_index(year);
  if (y < 0 || y >= year_count) return {};
  const std::size_t index =
      (static_cast<std::size_t>(y) * kCategoryCount + static_cast<std::size_t>(category)) *
          kFundingCount +
      static_cast<std::size_t>(funding);
  return cube[index];
}

std::string cofinancing_percent_text(const CofinancingCheck& check, Language language) {
  if (!check.met && check.percent_bp >= check.minimum_bp)
    return "< " + format_percent_bp(check.minimum_bp, language);
  return format_percent_bp(check.percent_bp, language);
}

namespace {

// The months of an investment's life inside the scheme period, as [from, to) month indices; empty
// (from == to) when none. Out-of-range values from a hostile file must not overflow the month
// arithmetic, so they give no months.
std::pair<int, int> depreciation_window(const Investment& investment, const Scheme& scheme) {
  const Date& bought = investment.purchase_date;
  if (!bought.is_set() || investment.economic_life_months <= 0) return {0, 0};
  if (bought.year < 1 || bought.year > 9999 || bought.month < 1 || bought.month > 12) return {0, 0};
  const int start = month_index(bought.year, bought.month);
  const int end = start + std::min(investment.economic_life_months, 12 * 1000);  // exclusive
  const int from =
      std::max(month_index(scheme.period_start.year, scheme.period_start.month), start);
  const int to =
      std::min(month_index(scheme.spend_deadline.year, scheme.spend_deadline.month) + 1, end);
  return {from, std::max(from, to)};
}

// Months of the window up to the end of calendar year `year`.
int months_through(const std::pair<int, int>& window, int year) {
  if (year < 1) return 0;
  const int end = std::min(window.second, month_index(std::min(year, 9999), 12) + 1);
  return std::max(0, end - window.first);
}

// Depreciation of `months` months: price × months / life × project use, rounded once.
std::optional<Money> depreciation_of(const Investment& investment, int months) {
  if (months == 0) return Money{};
  const std::int64_t use = std::clamp<std::int64_t>(investment.project_use_bp, 0, 10000);
  return scale(investment.purchase_price, static_cast<std::int64_t>(months) * use,
               static_cast<std::int64_t>(investment.economic_life_months) * 10000);
}

}  // namespace

int depreciation_months(const Investment& investment, int year, const Scheme& scheme) {
  if (year < 1 || year > 9999) return 0;
  const auto window = depreciation_window(investment, scheme);
  return months_through(window, year) - months_through(window, year - 1);
}

int depreciation_months_in_period(const Investment& investment, const Scheme& scheme) {
  const auto window = depreciation_window(investment, scheme);
  return window.second - window.first;
}

std::optional<Money> depreciation_in_year(const Investment& investment, int year,
                                          const Scheme& scheme) {
  if (year < 1 || year > 9999) return Money{};
  const auto window = depreciation_window(investment, scheme);
  const std::optional<Money> through = depreciation_of(investment, months_through(window, year));
  const std::optional<Money> before = depreciation_of(investment, months_through(window, year - 1));
  if (!through || !before) return std::nullopt;
  return checked_sub(*through, *before);
}

std::optional<Money> depreciation_in_period(const Investment& investment, const Scheme& scheme) {
  return depreciation_of(investment, depreciation_months_in_period(investment, scheme));
}

namespace {

// Appends the investment's depreciation in each year of `e`'s period to e.investment_years, as
// depreciation_in_year gives it, rounding each running total once (not twice, as a call per year
// would). False on overflow, which cannot happen when depreciation_in_period did not overflow:
// every running total is at most the period's.
bool append_depreciation_schedule(const Investment& investment, const Scheme& scheme,
                                  Evaluation& e) {
  const auto window = depreciation_window(investment, scheme);
  std::optional<Money> before =
      depreciation_of(investment, months_through(window, e.first_year - 1));
  for (int y = 0; y < e.year_count && before; ++y) {
    const std::optional<Money> through =
        depreciation_of(investment, months_through(window, e.first_year + y));
    const std::optional<Money> amount = through ? checked_sub(*through, *before) : std::nullopt;
    if (!amount) return false;
    e.investment_years.push_back(*amount);
    before = through;
  }
  return before.has_value();
}

}  // namespace

std::optional<Money> line_amount(const BudgetLine& line) {
  // Whole quantities (the usual case) need no rounding. Splitting the quantity with 32-bit
  // arithmetic keeps the division by 1000 a multiply: wasm has no 64-bit high multiply, so a
  // 64-bit division by a constant stays a real division there.
  const std::int64_t quantity = line.quantity_milli;
  if (quantity >= 0 && quantity <= INT32_MAX) {
    const auto milli = static_cast<std::uint32_t>(quantity);
    std::int64_t amount = 0;
    if (milli % 1000 == 0 && multiply_into(line.price.cents, milli / 1000, amount))
      return Money{amount};
  }
  // Fast path without 128-bit division; same rounding as scale().
  std::int64_t product = 0;
  if (multiply_into(line.price.cents, line.quantity_milli, product)) {
    std::int64_t q = product / 1000;
    const std::int64_t r = product % 1000;
    if (r >= 500)
      ++q;
    else if (r <= -500)
      --q;
    return Money{q};
  }
  return scale(line.price, line.quantity_milli, 1000);
}

MaximumResult maximum_subsidy(const Plan& plan, const Scheme& scheme) {
  MaximumResult r;
  if (scheme.ranked_region(plan.region.type)) {
    // Not the allocation's maximum: these regions shared a national ceiling and were ranked.
    Money ceiling;
    for (const NationalCeiling& c : scheme.national_ceilings)
      if (c.region_type == plan.region.type)
        ceiling = checked_add(ceiling, c.amount).value_or(ceiling);
    const std::string type_nl = region_type_label(plan.region.type, Language::nl);
    const std::string type_en = region_type_label(plan.region.type, Language::en);
    r.rule.nl = "een " + type_nl + " vroeg aan onder een eigen landelijk subsidieplafond (" +
                format_money(ceiling, Language::nl) +
                " voor de hele periode); bij overschrijding worden de aanvragen gerangschikt, "
                "het bedrag per leerling geldt niet";
    r.rule.en = "a " + type_en + " applied under a national ceiling of its own (" +
                format_money(ceiling, Language::en) +
                " for the whole period); when it is oversubscribed the applications are ranked, "
                "the per-student amount does not apply";
    return r;
  }
  switch (scheme.allocation) {
    case AllocationMode::per_student: {
      const OrganisationIndex orgs(plan);
      std::array<std::int64_t, 4> students{};
      for (const auto& count : plan.student_counts) {
        const std::size_t org = orgs.find(count.organisation_id, plan.organisations.size());
        if (org == plan.organisations.size()) continue;
        if (!scheme.counts_as_vmbo(plan.organisations[org].kind)) continue;
        if (std::find(scheme.counted_profiles.begin(), scheme.counted_profiles.end(),
                      count.profile) == scheme.counted_profiles.end())
          continue;
        if (count.students <= 0) continue;
        auto& slot = students[static_cast<std::size_t>(count.path)];
        if (__builtin_add_overflow(slot, count.students, &slot)) r.overflow = true;
      }
      MoneySum sum;
      for (std::size_t p = 0; p < 4; ++p) {
        auto part = scale(scheme.rate_per_student[p], students[p], 1);
        if (!part)
          r.overflow = true;
        else
          sum.add(*part);
      }
      if (sum.overflowed()) r.overflow = true;
      r.amount = r.overflow ? Money{} : sum.total();
      r.known = !r.overflow && (students[0] + students[1] + students[2] + students[3]) > 0;
      const std::int64_t bbkb = students[0] + students[1];
      const std::string bbkb_nl = format_fixed(bbkb, 0, Language::nl),
                        gl_nl = format_fixed(students[2], 0, Language::nl);
      const std::string bbkb_en = format_fixed(bbkb, 0, Language::en),
                        gl_en = format_fixed(students[2], 0, Language::en);
      r.rule.nl = bbkb_nl + " bb/kb-leerlingen × " +
                  format_money(scheme.rate_per_student[0], Language::nl) + " + " + gl_nl +
                  " gl-leerlingen × " + format_money(scheme.rate_per_student[2], Language::nl) +
                  " (teldatum " + format_iso_date(scheme.count_date) + ")";
      r.rule.en = bbkb_en + " BB/KB students × " +
                  format_money(scheme.rate_per_student[0], Language::en) + " + " + gl_en +
                  " GL students × " + format_money(scheme.rate_per_student[2], Language::en) +
                  " (count date " + format_iso_date(scheme.count_date) + ")";
      break;
    }
    case AllocationMode::previous_grant_share: {
      auto amount = scale(plan.region.previous_grant, scheme.previous_grant_share_bp, 10000);
      r.overflow = !amount;
      r.amount = amount.value_or(Money{});
      r.known = !r.overflow && plan.region.previous_grant.cents > 0;
      r.rule.nl = format_percent_bp(scheme.previous_grant_share_bp, Language::nl) +
                  " van de vorige toekenning " +
                  format_money(plan.region.previous_grant, Language::nl);
      r.rule.en = format_percent_bp(scheme.previous_grant_share_bp, Language::en) +
                  " of the previous grant " +
                  format_money(plan.region.previous_grant, Language::en);
      break;
    }
    case AllocationMode::fixed_table: {
      const bool luwe = plan.region.type == RegionType::techniekluwe && scheme.luwe_cap.cents > 0;
      if (luwe) {
        const Money fixed = plan.region.fixed_maximum;
        r.amount = fixed.cents > 0 ? std::min(fixed, scheme.luwe_cap) : scheme.luwe_cap;
        r.known = true;
        r.rule.nl = "techniekluwe: ten hoogste " + format_money(scheme.luwe_cap, Language::nl);
        r.rule.en = "techniekluwe region: at most " + format_money(scheme.luwe_cap, Language::en);
      } else {
        r.amount = plan.region.fixed_maximum;
        r.known = plan.region.fixed_maximum.cents > 0;
        r.rule.nl = "vast bedrag uit de bijlage van de regeling";
        r.rule.en = "fixed amount from the scheme's annex table";
      }
      break;
    }
  }
  if (scheme.maximum_scale_bp != 10000 && !r.overflow) {
    const auto scaled = scale(r.amount, scheme.maximum_scale_bp, 10000);
    r.overflow = !scaled;
    r.amount = scaled.value_or(Money{});
    r.rule.nl += ", × " + format_percent_bp(scheme.maximum_scale_bp, Language::nl) + " (scenario)";
    r.rule.en += ", × " + format_percent_bp(scheme.maximum_scale_bp, Language::en) + " (scenario)";
  }
  return r;
}

namespace {

using SourceSums = std::array<std::uint64_t, kFundingCount>;  // modular sums per FundingSource

Totals totals_of(const SourceSums& s) {
  const auto money = [](std::uint64_t v) { return Money{static_cast<std::int64_t>(v)}; };
  Totals t;
  t.subsidy = money(s[0]);
  t.cofinancing_cash = money(s[1]);
  t.cofinancing_in_kind = money(s[2]);
  t.own = money(s[3]);
  t.cofinancing = money(s[1] + s[2]);
  t.costs = money(s[0] + s[1] + s[2] + s[3]);
  return t;
}

// Books every line with unchecked (modular) adds per funding source and derives the totals from
// them. Returns false, leaving the totals to the checked path, when an amount overflows or the
// sum of all amounts' magnitudes exceeds int64: otherwise no sum of some of the amounts can
// overflow, so the figures equal those of checked adds exactly.
bool book_without_overflow(const Plan& plan, const Scheme& scheme, const OrganisationIndex& orgs,
                           Evaluation& e) {
  const auto years = static_cast<std::size_t>(e.year_count);
  const std::size_t unknown_org = plan.organisations.size();
  std::vector<std::uint64_t> cube(years * kCategoryCount * kFundingCount, 0);
  std::vector<std::uint64_t> depreciation(years, 0);
  std::vector<SourceSums> by_organisation(plan.organisations.size() + 1, SourceSums{});
  SourceSums outside{};
  constexpr std::uint64_t kLimit = static_cast<std::uint64_t>(INT64_MAX);
  std::uint64_t magnitude = 0;
  std::size_t k = 0;  // flat line index
  for (std::size_t a = 0; a < plan.activities.size(); ++a) {
    SourceSums activity{};
    for (const BudgetLine& line : plan.activities[a].lines) {
      const std::size_t org = orgs.find(line.organisation_id, unknown_org);
      e.line_organisation[k] = static_cast<std::uint32_t>(org);
      const auto f = static_cast<std::size_t>(line.funding);
      const auto c = static_cast<std::size_t>(line.category);
      if (line.investment) {
        // An investment books its depreciation schedule: every year of the period its share.
        const std::optional<Money> whole = depreciation_in_period(*line.investment, scheme);
        const std::size_t start = e.investment_years.size();
        if (!whole || !append_depreciation_schedule(*line.investment, scheme, e)) return false;
        e.investment_lines.push_back(k);
        e.line_cost[k++] = *whole;
        for (std::size_t yi = 0; yi < years; ++yi) {
          const Money amount = e.investment_years[start + yi];
          const auto value = static_cast<std::uint64_t>(amount.cents);
          const std::uint64_t size = amount.cents < 0 ? 0 - value : value;
          if (size > kLimit - magnitude) return false;
          magnitude += size;
          depreciation[yi] += value;
          cube[(yi * kCategoryCount + c) * kFundingCount + f] += value;
          by_organisation[org][f] += value;
          activity[f] += value;
        }
        continue;
      }
      const std::optional<Money> amount = line_amount(line);
      if (!amount) return false;
      e.line_cost[k++] = *amount;
      const auto value = static_cast<std::uint64_t>(amount->cents);
      const std::uint64_t size = amount->cents < 0 ? 0 - value : value;
      if (size > kLimit - magnitude) return false;
      magnitude += size;
      if (!e.in_period(line.year)) {
        outside[f] += value;
        continue;
      }
      const auto yi = static_cast<std::size_t>(e.year_index(line.year));
      cube[(yi * kCategoryCount + c) * kFundingCount + f] += value;
      by_organisation[org][f] += value;
      activity[f] += value;
    }
    e.by_activity[a] = totals_of(activity);
  }
  SourceSums total{};
  std::array<SourceSums, kCategoryCount> by_category{};
  for (std::size_t y = 0; y < years; ++y) {
    SourceSums year{};
    for (std::size_t c = 0; c < kCategoryCount; ++c)
      for (std::size_t f = 0; f < kFundingCount; ++f) {
        const std::uint64_t v = cube[(y * kCategoryCount + c) * kFundingCount + f];
        year[f] += v;
        by_category[c][f] += v;
        total[f] += v;
      }
    e.by_year[y] = totals_of(year);
    e.depreciation_by_year[y] = Money{static_cast<std::int64_t>(depreciation[y])};
  }
  for (std::size_t i = 0; i < cube.size(); ++i)
    e.cube[i] = Money{static_cast<std::int64_t>(cube[i])};
  for (std::size_t c = 0; c < kCategoryCount; ++c) e.by_category[c] = totals_of(by_category[c]);
  for (std::size_t o = 0; o < by_organisation.size(); ++o)
    e.by_organisation[o] = totals_of(by_organisation[o]);
  e.total = totals_of(total);
  e.outside_period = totals_of(outside);
  return true;
}

// The maximum, cofinancing and settlement of an evaluation whose lines are booked.
void finish_evaluation(const Plan& plan, const Scheme& scheme, Evaluation& e) {
  // [SECTION] Maximum subsidy
  const MaximumResult max = maximum_subsidy(plan, scheme);
  e.max_subsidy = max.amount;
  e.max_known = max.known;
  e.max_rule = max.rule;
  if (max.overflow && !e.overflow) {
    e.overflow = true;
    e.overflow_path = "student_counts";
  }

  // [SECTION] Cofinancing, over the whole period
  CofinancingCheck& c = e.cofinancing;
  // A base the scheme does not offer (a removed option, core/RULES.md) falls back to its own; the
  // rules report it as COFIN_OPTION_UNKNOWN.
  c.base = plan.cofinancing_base && scheme.offers_cofinancing_base(*plan.cofinancing_base)
               ? *plan.cofinancing_base
               : scheme.cofinancing_base;
  const CofinancingOption* option = scheme.cofinancing_option(plan.cofinancing_option);
  if (!option) option = scheme.cofinancing_option("");
  if (option) {
    c.option_id = option->id;
    c.minimum_bp = option->minimum_bp;
  }
  c.base_amount = c.base == CofinancingBase::total_costs ? e.total.costs : e.total.subsidy;
  // Business cofinancing from the per-organisation totals (the last entry, unknown
  // organisations, is never a business); the remainder is other cofinancing.
  for (std::size_t o = 0; o < plan.organisations.size() && o < e.by_organisation.size(); ++o) {
    if (!is_business_for_cofinancing(plan.organisations[o])) continue;
    if (!add_into(c.business, e.by_organisation[o].cofinancing) && !e.overflow) {
      e.overflow = true;
      e.overflow_path = "organisations[" + std::to_string(o) + "]";
    }
  }
  c.other = checked_sub(e.total.cofinancing, c.business).value_or(Money{});
  c.actual = c.business;
  c.required = scale(c.base_amount, c.minimum_bp, 10000).value_or(Money{});
  const Int128 have = static_cast<Int128>(c.actual.cents) * 10000;
  const Int128 need = static_cast<Int128>(c.base_amount.cents) * c.minimum_bp;
  c.met = have >= need;
  c.shortfall = c.met ? Money{} : checked_sub(c.required, c.actual).value_or(Money{});
  if (c.base_amount.cents > 0) {
    // The one rounding rule (half away from zero); `met` above stays the exact comparison.
    const auto bp = ratio_bp(c.actual.cents, c.base_amount.cents);
    c.percent_bp = std::clamp<std::int64_t>(
        bp.value_or(c.actual.cents < 0 ? -1000000000 : 1000000000), -1000000000, 1000000000);
  }

  // [SECTION] Settlement estimate (assumption stated in engine.h and in `rule`)
  Settlement& s = e.settlement;
  s.requested = e.total.subsidy;
  Money capped = s.requested;
  if (e.max_known && capped > e.max_subsidy) capped = e.max_subsidy;
  s.maximum_cut = checked_sub(s.requested, capped).value_or(Money{});
  s.allowed = capped;
  if (!c.met && c.required.cents > 0 && capped.cents > 0) {
    const Money actual = c.actual.cents > 0 ? c.actual : Money{};
    s.allowed = std::min(capped, scale(capped, actual.cents, c.required.cents).value_or(Money{}));
  }
  s.cofinancing_cut = checked_sub(capped, s.allowed).value_or(Money{});
  s.rule.nl =
      "Schatting, geen regel uit de regeling: de bronnen zeggen alleen dat bij te weinig "
      "cofinanciering een lager subsidiebedrag wordt vastgesteld. Aanname: subsidie boven het "
      "maximum vervalt, en is de cofinanciering door bedrijven lager dan vereist, dan wordt de "
      "subsidie naar rato verlaagd (subsidie × werkelijke / vereiste cofinanciering).";
  s.rule.en =
      "Estimate, not a rule of the scheme: the sources say only that a lower amount is set when "
      "cofinancing falls short. Assumption: subsidy above the maximum is cut, and when business "
      "cofinancing is below the minimum the subsidy is lowered pro rata (subsidy × actual / "
      "required cofinancing).";
}

}  // namespace

Evaluation evaluate(const Plan& plan, const Scheme& scheme, Booking booking) {
  Evaluation e;
  e.scheme_found = true;
  e.scheme_id = scheme.id;
  e.first_year = scheme.first_year();
  e.year_count = std::max(0, scheme.last_spend_year() - scheme.first_year() + 1);
  const auto years = static_cast<std::size_t>(e.year_count);
  e.by_year.assign(years, Totals{});
  e.depreciation_by_year.assign(years, Money{});
  e.cube.assign(years * kCategoryCount * kFundingCount, Money{});
  e.by_organisation.assign(plan.organisations.size() + 1, Totals{});
  e.by_activity.assign(plan.activities.size(), Totals{});
  e.line_offset.reserve(plan.activities.size());
  std::size_t line_total = 0;
  for (const auto& a : plan.activities) {
    e.line_offset.push_back(line_total);
    line_total += a.lines.size();
  }
  e.line_cost.assign(line_total, Money{});
  e.line_organisation.assign(line_total, 0);

  const OrganisationIndex orgs(plan);
  const std::size_t unknown_org = plan.organisations.size();
  if (booking == Booking::fastest && book_without_overflow(plan, scheme, orgs, e)) {
    finish_evaluation(plan, scheme, e);
    return e;
  }
  // Some amount or sum may overflow: book every line with checked adds, noting the first overflow.
  e.line_cost.assign(line_total, Money{});
  e.investment_lines.clear();
  e.investment_years.clear();
  auto note_overflow = [&](std::size_t a, std::size_t l) {
    if (!e.overflow) e.overflow_path = path_of_line(a, l);
    e.overflow = true;
  };

  // Books `amount` of one line in `year` (or outside the period, see Evaluation::in_period).
  auto book = [&](const BudgetLine& line, int year, std::size_t a, std::size_t org, Money amount) {
    bool o = false;
    if (!e.in_period(year)) {
      e.outside_period.add(line.funding, amount, o);
      return o;
    }
    const auto yi = static_cast<std::size_t>(e.year_index(year));
    e.total.add(line.funding, amount, o);
    e.by_year[yi].add(line.funding, amount, o);
    e.by_category[static_cast<std::size_t>(line.category)].add(line.funding, amount, o);
    e.by_organisation[org].add(line.funding, amount, o);
    e.by_activity[a].add(line.funding, amount, o);
    Money& cell =
        e.cube[(yi * kCategoryCount + static_cast<std::size_t>(line.category)) * kFundingCount +
               static_cast<std::size_t>(line.funding)];
    if (!add_into(cell, amount)) o = true;
    return o;
  };

  for (std::size_t a = 0; a < plan.activities.size(); ++a) {
    const auto& lines = plan.activities[a].lines;
    for (std::size_t l = 0; l < lines.size(); ++l) {
      const BudgetLine& line = lines[l];
      const std::size_t org = orgs.find(line.organisation_id, unknown_org);
      e.line_organisation[e.line_offset[a] + l] = static_cast<std::uint32_t>(org);
      Money& line_cost = e.line_cost[e.line_offset[a] + l];
      if (line.investment) {
        // An investment books its depreciation schedule: every year of the period its share.
        const std::optional<Money> whole = depreciation_in_period(*line.investment, scheme);
        if (!whole) {
          note_overflow(a, l);
          continue;
        }
        line_cost = *whole;
        const std::size_t start = e.investment_years.size();
        if (!append_depreciation_schedule(*line.investment, scheme, e)) {
          e.investment_years.resize(start);
          note_overflow(a, l);
          continue;
        }
        e.investment_lines.push_back(e.line_offset[a] + l);
        for (std::size_t yi = 0; yi < years; ++yi) {
          const int year = e.first_year + static_cast<int>(yi);
          const Money amount = e.investment_years[start + yi];
          if (!add_into(e.depreciation_by_year[yi], amount) || book(line, year, a, org, amount))
            note_overflow(a, l);
        }
      } else {
        auto amount = line_amount(line);
        if (!amount) {
          note_overflow(a, l);
          continue;
        }
        line_cost = *amount;
        if (book(line, line.year, a, org, *amount)) note_overflow(a, l);
      }
    }
  }

  finish_evaluation(plan, scheme, e);
  return e;
}

}  // namespace sto
