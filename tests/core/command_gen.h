// Random edit commands for the command property test (test_command_boundary.cpp) and the command
// fuzzer (tests/fuzz/fuzz_commands.cpp): every kind of command, on paths that exist and paths that
// do not, with values inside, on and just outside the loader's limits, ids that exist, repeat or
// are unknown. `below(n)` is the source of choices: a number in [0, n).
#pragma once
#include <cstdint>
#include <string>
#include <variant>

#include "edit/commands.h"
#include "format/file_format.h"
#include "model/dates.h"

namespace sto::test {

template <class Below>
class CommandGenerator {
 public:
  CommandGenerator(const Plan& plan, Below below) : plan_(plan), below_(below) {}

  Command next() {
    const std::size_t kind = pick(std::variant_size_v<Command>);
    return make(kind);
  }

 private:
  const Plan& plan_;
  Below below_;
  int fresh_ = 0;

  std::size_t pick(std::size_t n) { return static_cast<std::size_t>(below_(n)); }
  bool coin() { return pick(2) == 0; }
  template <class T, std::size_t N>
  T one_of(const T (&options)[N]) {
    return options[pick(N)];
  }
  // An index into a vector of `size`, now and then one past it or far beyond.
  std::size_t index(std::size_t size) { return pick(size + 2); }
  std::size_t insert_at(std::size_t size) { return pick(size + 2); }

  std::string text() {
    switch (pick(9)) {
      case 0: return "";
      case 1: return "Lasapparatuur";
      case 2: return "Gêne — ëïü €";
      case 3: return std::string(kMaxTextBytes, 'x');
      case 4: return std::string(kMaxTextBytes + 1, 'x');
      case 5: return std::string("a\0b", 3);  // a NUL byte
      case 6: return "\xff\xfe";              // not UTF-8
      default: return "t" + std::to_string(pick(50));
    }
  }
  std::string fresh_id() { return "gen-" + std::to_string(++fresh_); }
  template <class T>
  std::string id_among(const std::vector<T>& items) {
    switch (pick(4)) {
      case 0: return "";
      case 1: return "onbekend";
      case 2: return fresh_id();
      default: return items.empty() ? fresh_id() : items[pick(items.size())].id;
    }
  }
  std::string organisation_id() { return id_among(plan_.organisations); }
  std::string line_id() {
    for (const Activity& a : plan_.activities)
      if (!a.lines.empty() && coin()) return a.lines[pick(a.lines.size())].id;
    return coin() ? fresh_id() : std::string();
  }
  int year() {
    const int years[] = {kMinPlanYear - 1, kMinPlanYear,    2024, 2025, 2026, 2027, 2028, 2030,
                         kMaxPlanYear,     kMaxPlanYear + 1};
    return one_of(years);
  }
  Date date() {
    if (pick(5) == 0) return {};
    const int years[] = {kMinDateYear - 1, kMinDateYear, 2024, 2025, kMaxDateYear, 2204, 9999};
    return Date{one_of(years), static_cast<int>(pick(14)), static_cast<int>(pick(33))};
  }
  std::int64_t number(std::int64_t max) {
    const std::int64_t values[] = {-1, 0, 1, 1234, max, max + 1};
    return one_of(values);
  }
  Money amount() { return Money{number(kMaxAmountCents)}; }

  Organisation organisation() {
    Organisation o;
    o.id = coin() ? fresh_id() : organisation_id();
    o.name = text();
    o.kind = static_cast<OrganisationKind>(pick(8));
    o.brin = coin() ? "99XA00" : text();
    o.penvoerder = coin();
    o.partner = coin();
    o.counts_as_business = static_cast<BusinessStatus>(pick(3));
    return o;
  }
  StudentCount student_count() {
    StudentCount c;
    c.organisation_id = organisation_id();
    c.path = static_cast<LearningPath>(pick(4));
    c.profile = coin() ? "PIE" : text();
    c.count_date = date();
    c.students = number(kMaxStudents);
    return c;
  }
  Indicator indicator() {
    Indicator i;
    i.id = coin() ? fresh_id() : std::string();
    i.name = text();
    i.unit = coin() ? "%" : text();
    i.baseline_year = coin() ? 0 : year();
    i.baseline_milli = number(kMaxIndicatorMilli);
    for (std::size_t k = pick(3); k > 0; --k) i.targets.push_back({year(), number(1000)});
    return i;
  }
  Goal goal() {
    Goal g;
    g.id = coin() ? fresh_id() : id_among(plan_.goals);
    g.title = text();
    g.theme = coin() ? "instroom" : text();
    if (coin()) g.indicators.push_back(indicator());
    return g;
  }
  std::optional<Investment> investment() {
    if (pick(3) == 0) return std::nullopt;
    Investment i;
    i.purchase_price = amount();
    i.purchase_date = date();
    i.economic_life_months = static_cast<int>(number(kMaxEconomicLifeMonths));
    i.project_use_bp = static_cast<int>(number(kMaxProjectUseBp));
    return i;
  }
  BudgetLine line() {
    BudgetLine l;
    l.id = coin() ? fresh_id() : line_id();
    l.organisation_id = coin() ? std::string() : organisation_id();
    l.year = year();
    l.category = static_cast<CostCategory>(pick(9));
    l.description = text();
    l.unit = coin() ? "uur" : text();
    l.price = amount();
    l.quantity_milli = number(kMaxQuantityMilli);
    l.funding = static_cast<FundingSource>(pick(4));
    l.other_funding = coin() ? std::string() : text();
    if (l.category == CostCategory::equipment) l.investment = investment();
    return l;
  }
  Activity activity() {
    Activity a;
    a.id = coin() ? fresh_id() : id_among(plan_.activities);
    a.title = text();
    a.theme = coin() ? "" : text();
    a.lead_organisation_id = coin() ? std::string() : organisation_id();
    if (coin()) a.partner_ids.push_back(organisation_id());
    if (coin()) a.goal_ids.push_back(id_among(plan_.goals));
    if (coin()) a.years = {year()};
    for (std::size_t k = pick(3); k > 0; --k) a.lines.push_back(line());
    return a;
  }
  ScenarioOverride override_value() {
    ScenarioOverride o;
    o.kind = static_cast<OverrideKind>(pick(9));
    o.target = coin() ? line_id() : text();
    o.value = o.kind == OverrideKind::cofinancing_base
                  ? static_cast<std::int64_t>(pick(3))  // 2 is no base: refused
                  : number(coin() ? kMaxScenarioScaleBp : kMaxPriceIndexBp);
    o.replaces = o.kind == OverrideKind::hourly_rate ? 5000 : (coin() ? 0 : 1);
    return o;
  }
  Scenario scenario() {
    Scenario s;
    s.id = coin() ? fresh_id() : id_among(plan_.scenarios);
    s.name = text();
    if (coin()) s.overrides.push_back(override_value());
    return s;
  }
  LineRef line_ref(bool insert) {
    const std::size_t a = index(plan_.activities.size());
    const std::size_t lines = a < plan_.activities.size() ? plan_.activities[a].lines.size() : 0;
    return {a, insert ? insert_at(lines) : index(lines)};
  }
  std::size_t goal_index() { return index(plan_.goals.size()); }
  std::size_t indicator_index(std::size_t g) {
    return index(g < plan_.goals.size() ? plan_.goals[g].indicators.size() : 0);
  }

  static_assert(std::variant_size_v<Command> == 51, "a new command needs a case in make()");
  Command make(std::size_t kind) {
    const std::size_t orgs = plan_.organisations.size(), counts = plan_.student_counts.size(),
                      goals = plan_.goals.size(), activities = plan_.activities.size(),
                      scenarios = plan_.scenarios.size();
    switch (kind) {
      case 0: return SetField<&Plan::title>{text()};
      case 1:
        return SetField<&Plan::notes>{coin() ? std::string(kMaxNotesBytes + pick(2), 'n') : text()};
      case 2: return SetField<&Plan::scheme_id>{coin() ? "sto-2025-2028" : text()};
      case 3: return SetField<&Plan::cofinancing_option>{text()};
      case 4:
        return SetField<&Plan::cofinancing_base>{
            coin() ? std::nullopt
                   : std::optional<CofinancingBase>(static_cast<CofinancingBase>(pick(2)))};
      case 5: return SetField<&Region::name>{text()};
      case 6: return SetField<&Region::type>{static_cast<RegionType>(pick(3))};
      case 7: return SetField<&Region::previous_grant>{amount()};
      case 8: return SetField<&Region::fixed_maximum>{amount()};
      case 9: return AddOrganisation{insert_at(orgs), organisation()};
      case 10: return RemoveOrganisation{index(orgs)};
      case 11: return RenameOrganisation{index(orgs), text()};
      case 12: {
        const std::size_t at = index(orgs);
        Organisation o = organisation();
        if (at < orgs && coin()) o.id = plan_.organisations[at].id;  // mostly keeps its id
        return SetOrganisation{at, o};
      }
      case 13: return AddStudentCount{insert_at(counts), student_count()};
      case 14: return RemoveStudentCount{index(counts)};
      case 15: return SetStudentCount{index(counts), student_count()};
      case 16: return AddGoal{insert_at(goals), goal()};
      case 17: return RemoveGoal{index(goals)};
      case 18: return SetField<&Goal::title>{index(goals), text()};
      case 19: return SetField<&Goal::theme>{index(goals), text()};
      case 20: {
        const std::size_t g = goal_index();
        return AddIndicator{g, indicator_index(g), indicator()};
      }
      case 21: {
        const std::size_t g = goal_index();
        return RemoveIndicator{g, indicator_index(g)};
      }
      case 22: {
        const std::size_t g = goal_index();
        return SetIndicator{g, indicator_index(g), indicator()};
      }
      case 23: return AddActivity{insert_at(activities), activity()};
      case 24: return RemoveActivity{index(activities)};
      case 25: return SetField<&Activity::title>{index(activities), text()};
      case 26: return SetField<&Activity::theme>{index(activities), text()};
      case 27:
        return SetField<&Activity::lead_organisation_id>{index(activities), organisation_id()};
      case 28: return SetField<&Activity::goal_ids>{index(activities), {id_among(plan_.goals)}};
      case 29: {
        const std::string partner = organisation_id();
        return SetField<&Activity::partner_ids>{index(activities),
                                                coin() ? std::vector<std::string>{partner, partner}
                                                       : std::vector<std::string>{partner}};
      }
      case 30: {
        const int y = year();
        return SetField<&Activity::years>{index(activities),
                                          coin() ? std::vector<int>{y} : std::vector<int>{y, y}};
      }
      case 31: return AddLine{line_ref(true), line()};
      case 32: return RemoveLine{line_ref(false)};
      case 33: return SetField<&BudgetLine::price>{line_ref(false), amount()};
      case 34:
        return SetField<&BudgetLine::quantity_milli>{line_ref(false), number(kMaxQuantityMilli)};
      case 35: return SetField<&BudgetLine::description>{line_ref(false), text()};
      case 36: return SetField<&BudgetLine::unit>{line_ref(false), text()};
      case 37:
        return SetField<&BudgetLine::category>{line_ref(false), static_cast<CostCategory>(pick(9))};
      case 38:
        return SetField<&BudgetLine::funding>{line_ref(false), static_cast<FundingSource>(pick(4))};
      case 39: return SetField<&BudgetLine::organisation_id>{line_ref(false), organisation_id()};
      case 40: return SetField<&BudgetLine::year>{line_ref(false), year()};
      case 41: return SetField<&BudgetLine::other_funding>{line_ref(false), text()};
      case 42: return SetField<&BudgetLine::investment>{line_ref(false), investment()};
      case 43: return AddScenario{insert_at(scenarios), scenario()};
      case 44: return RemoveScenario{index(scenarios)};
      case 45: return RenameScenario{index(scenarios), text()};
      case 46: return SetScenarioOverride{index(scenarios), override_value(), pick(3)};
      case 47: return SetField<&Plan::submission_round>{coin() ? std::string("2027-2028") : text()};
      case 48:
        return SetField<&Plan::changes_since_original_plan>{
            coin() ? std::string(kMaxNotesBytes + pick(2), 'w') : text()};
      case 49: return SetField<&Plan::earlier_grant_activities>{text()};
      default: {
        const ScenarioOverride o = override_value();
        return ResetScenarioOverride{index(scenarios), o.kind, o.target};
      }
    }
  }
};

}  // namespace sto::test
