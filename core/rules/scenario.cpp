// Scenario resolution; the rules are stated in scenario.h. One pass per kind over a copy of the
// plan; line lookups through one sorted index, built only when a line override exists.
#include "rules/scenario.h"

#include <algorithm>
#include <utility>

#include "model/labels.h"
#include "model/override_kinds.h"
#include "rules/engine.h"

namespace sto {

namespace {

constexpr const char* kScenarioOptionId = "scenario";

LocalizedText text(std::string nl, std::string en) {
  return LocalizedText{std::move(nl), std::move(en)};
}

std::string lower_trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '.')) s.remove_suffix(1);
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// Splits "org|path|profile" from the right; false when it has fewer than two '|'.
bool split_student_target(std::string_view target, std::string_view& org, std::string_view& path,
                          std::string_view& profile) {
  const auto last = target.rfind('|');
  if (last == std::string_view::npos || last == 0) return false;
  const auto middle = target.rfind('|', last - 1);
  if (middle == std::string_view::npos) return false;
  org = target.substr(0, middle);
  path = target.substr(middle + 1, last - middle - 1);
  profile = target.substr(last + 1);
  return true;
}

const char* path_name(LearningPath path) {
  switch (path) {
    case LearningPath::bb: return "bb";
    case LearningPath::kb: return "kb";
    case LearningPath::gl: return "gl";
    case LearningPath::tl: return "tl";
  }
  return "?";
}

// price × ((10000 + index_bp) / 10000)^years, rounded to the cent after every year's step.
Money indexed(Money price, std::int64_t index_bp, int years) {
  for (int y = 0; y < years; ++y) {
    const auto next = scale(price, 10000 + index_bp, 10000);
    if (!next) break;  // beyond int64: keep the last valid step (the loader caps prices far below)
    price = *next;
  }
  return price;
}

// Line id → (activity, line), sorted for binary search.
class LineIndex {
 public:
  explicit LineIndex(const Plan& plan) {
    for (std::size_t a = 0; a < plan.activities.size(); ++a)
      for (std::size_t l = 0; l < plan.activities[a].lines.size(); ++l)
        entries_.push_back({plan.activities[a].lines[l].id, a, l});
    std::stable_sort(entries_.begin(), entries_.end(),
                     [](const Entry& x, const Entry& y) { return x.id < y.id; });
  }
  BudgetLine* find(Plan& plan, std::string_view id) const {
    auto it = std::lower_bound(entries_.begin(), entries_.end(), id,
                               [](const Entry& e, std::string_view key) { return e.id < key; });
    if (it == entries_.end() || it->id != id) return nullptr;
    return &plan.activities[it->activity].lines[it->line];
  }

 private:
  struct Entry {
    std::string_view id;
    std::size_t activity, line;
  };
  std::vector<Entry> entries_;
};

}  // namespace

const char* override_kind_id(OverrideKind kind) {
  return override_kind_info(kind).id;
}

const char* override_kind_label(OverrideKind kind, Language language) {
  const OverrideKindInfo& info = override_kind_info(kind);
  return language == Language::nl ? info.label_nl : info.label_en;
}

bool override_has_target(OverrideKind kind) {
  return override_kind_info(kind).needs_target;
}

std::string student_count_target(const StudentCount& count) {
  return count.organisation_id + "|" + path_name(count.path) + "|" + count.profile;
}

bool is_hour_unit(std::string_view unit) {
  const std::string u = lower_trimmed(unit);
  return u == "uur" || u == "uren" || u == "u" || u == "hour" || u == "hours" || u == "h" ||
         u == "hr" || u == "hrs";
}

const ScenarioOverride* find_override(const Scenario& scenario, OverrideKind kind,
                                      std::string_view target) {
  for (const ScenarioOverride& o : scenario.overrides)
    if (o.kind == kind && (!override_has_target(kind) || o.target == target)) return &o;
  return nullptr;
}

LocalizedText describe_override(const ScenarioOverride& o) {
  auto money = [](std::int64_t cents, Language l) { return format_money(Money{cents}, l); };
  auto pct = [](std::int64_t bp, Language l) { return format_percent_bp(bp, l); };
  LocalizedText t;
  for (Language l : {Language::nl, Language::en}) {
    std::string& s = l == Language::nl ? t.nl : t.en;
    const bool nl = l == Language::nl;
    s = override_kind_label(o.kind, l);
    switch (o.kind) {
      case OverrideKind::hourly_rate:
        s += " " + money(o.replaces, l) + " → " + money(o.value, l);
        break;
      case OverrideKind::price_index:
        s += ": " + std::string(o.value >= 0 ? "+" : "") + pct(o.value, l);
        break;
      case OverrideKind::subsidy_scale:
      case OverrideKind::student_scale: s += " × " + pct(o.value, l); break;
      case OverrideKind::cofinancing_minimum: s += ": " + pct(o.value, l); break;
      case OverrideKind::cofinancing_base:
        s += ": ";
        s += base_label(static_cast<CofinancingBase>(o.value == 1), l);
        break;
      case OverrideKind::student_count:
        s += " " + o.target + ": " + format_fixed(o.value, 0, l);
        break;
      case OverrideKind::line_price: s += " " + o.target + ": " + money(o.value, l); break;
      case OverrideKind::line_quantity:
        s += " " + o.target + ": " + format_fixed(o.value, 3, l);
        break;
    }
    (void)nl;
  }
  return t;
}

ResolvedScenario resolve(const Plan& plan, const Scenario& scenario, const SchemeTable& schemes,
                         const std::string& path) {
  ResolvedScenario r;
  r.plan.title = plan.title;  // copy field by field: the scenarios list is not needed
  r.plan.region = plan.region;
  r.plan.scheme_id = plan.scheme_id;
  r.plan.cofinancing_option = plan.cofinancing_option;
  r.plan.cofinancing_base = plan.cofinancing_base;
  r.plan.submission_round = plan.submission_round;
  r.plan.organisations = plan.organisations;
  r.plan.student_counts = plan.student_counts;
  r.plan.goals = plan.goals;
  r.plan.activities = plan.activities;
  r.plan.notes = plan.notes;
  r.plan.changes_since_original_plan = plan.changes_since_original_plan;
  r.plan.earlier_grant_activities = plan.earlier_grant_activities;
  r.plan.is_example = plan.is_example;
  Plan& p = r.plan;

  const Scheme* scheme = schemes.find(plan.scheme_id);
  r.scheme_found = scheme != nullptr;
  if (scheme) r.scheme = *scheme;
  const int first_year = r.scheme_found ? r.scheme.first_year() : 0;

  const auto& overrides = scenario.overrides;
  r.effects.assign(overrides.size(), OverrideEffect{});
  auto where = [&](std::size_t i) { return path + ".overrides[" + std::to_string(i) + "]"; };
  auto missing = [&](std::size_t i, const std::string& nl, const std::string& en) {
    r.effects[i].found = false;
    r.issues.push_back({where(i), text(nl, en)});
  };
  // Indexes of the overrides of one kind, in list order (the validator allows one per target).
  auto each = [&](OverrideKind kind, auto&& apply) {
    for (std::size_t i = 0; i < overrides.size(); ++i)
      if (overrides[i].kind == kind) apply(i, overrides[i]);
  };

  // 1–2. Student numbers.
  each(OverrideKind::student_scale, [&](std::size_t i, const ScenarioOverride& o) {
    for (StudentCount& c : p.student_counts) {
      // Through scale(): 128-bit, so counts set by commands beyond the file limits cannot overflow.
      c.students = scale(Money{c.students}, o.value, 10000).value_or(Money{c.students}).cents;
      ++r.effects[i].affected;
    }
  });
  each(OverrideKind::student_count, [&](std::size_t i, const ScenarioOverride& o) {
    std::string_view org, lp, profile;
    if (!split_student_target(o.target, org, lp, profile)) {
      missing(i, "ongeldig doel \"" + o.target + "\" (verwacht: organisatie|leerweg|profiel)",
              "invalid target \"" + o.target + "\" (expected: organisation|path|profile)");
      return;
    }
    for (StudentCount& c : p.student_counts) {
      if (c.organisation_id == org && lp == path_name(c.path) && c.profile == profile) {
        c.students = o.value;
        r.effects[i].affected = 1;
        return;
      }
    }
    missing(i, "het leerlingaantal " + o.target + " staat niet (meer) in het plan",
            "the student count " + o.target + " is not (or no longer) in the plan");
  });

  // 3–4. Prices: hourly rate, then the index.
  each(OverrideKind::hourly_rate, [&](std::size_t i, const ScenarioOverride& o) {
    for (Activity& a : p.activities)
      for (BudgetLine& l : a.lines)
        if (!l.investment && l.price.cents == o.replaces && is_hour_unit(l.unit)) {
          l.price = Money{o.value};
          ++r.effects[i].affected;
        }
    if (r.effects[i].affected == 0)
      r.issues.push_back({where(i), text("geen enkele regel in uren heeft het tarief " +
                                             format_money(Money{o.replaces}, Language::nl),
                                         "no line in hours has the rate " +
                                             format_money(Money{o.replaces}, Language::en))});
  });
  each(OverrideKind::price_index, [&](std::size_t i, const ScenarioOverride& o) {
    if (!r.scheme_found || o.value == 0) return;
    for (Activity& a : p.activities)
      for (BudgetLine& l : a.lines) {
        if (l.investment) {
          const int n = l.investment->purchase_date.year - first_year;
          if (n > 0 && l.investment->purchase_date.is_set()) {
            l.investment->purchase_price = indexed(l.investment->purchase_price, o.value, n);
            ++r.effects[i].affected;
          }
        } else if (l.year - first_year > 0) {
          l.price = indexed(l.price, o.value, l.year - first_year);
          ++r.effects[i].affected;
        }
      }
  });

  // 5–6. Single lines (final values).
  const bool has_line_override =
      std::any_of(overrides.begin(), overrides.end(), [](const ScenarioOverride& o) {
        return o.kind == OverrideKind::line_price || o.kind == OverrideKind::line_quantity;
      });
  if (has_line_override) {
    const LineIndex lines(p);
    for (OverrideKind kind : {OverrideKind::line_price, OverrideKind::line_quantity}) {
      each(kind, [&](std::size_t i, const ScenarioOverride& o) {
        BudgetLine* l = lines.find(p, o.target);
        if (!l) {
          missing(i, "begrotingsregel " + o.target + " staat niet (meer) in het plan",
                  "budget line " + o.target + " is not (or no longer) in the plan");
          return;
        }
        if (kind == OverrideKind::line_price)
          l->price = Money{o.value};
        else
          l->quantity_milli = o.value;
        r.effects[i].affected = 1;
      });
    }
  }

  // 7–9. Settings of the plan and its scheme.
  each(OverrideKind::cofinancing_minimum, [&](std::size_t i, const ScenarioOverride& o) {
    if (!r.scheme_found) return;
    CofinancingOption option;
    option.id = kScenarioOptionId;
    option.name = text("Scenario", "Scenario");
    option.minimum_bp = o.value;
    r.scheme.cofinancing_options.push_back(option);
    p.cofinancing_option = kScenarioOptionId;
    r.effects[i].affected = 1;
  });
  each(OverrideKind::cofinancing_base, [&](std::size_t i, const ScenarioOverride& o) {
    const auto base = static_cast<CofinancingBase>(o.value == 1);
    if ((o.value == 0 || o.value == 1) && r.scheme_found &&
        !r.scheme.offers_cofinancing_base(base)) {
      // A base no source names for this scheme (core/RULES.md): the scheme's own base stays.
      missing(i,
              std::string("de regeling kent de grondslag '") + base_label(base, Language::nl) +
                  "' niet",
              std::string("the scheme has no base '") + base_label(base, Language::en) + "'");
    } else if (o.value == 0 || o.value == 1) {
      p.cofinancing_base = base;
      r.effects[i].affected = 1;
    } else {
      const std::string value = std::to_string(o.value);
      missing(i, "onbekende grondslag " + value, "unknown base " + value);
    }
  });
  each(OverrideKind::subsidy_scale, [&](std::size_t i, const ScenarioOverride& o) {
    r.scheme.maximum_scale_bp = o.value;
    r.effects[i].affected = 1;
  });
  return r;
}

ResolvedScenario resolve(const Plan& plan, std::size_t index, const SchemeTable& schemes) {
  static const Scenario kNone;
  const bool valid = index < plan.scenarios.size();
  return resolve(plan, valid ? plan.scenarios[index] : kNone, schemes,
                 "scenarios[" + std::to_string(index) + "]");
}

Analysis analyse_resolved(const ResolvedScenario& resolved, const SchemeTable& schemes) {
  if (!resolved.scheme_found) return analyse(resolved.plan, schemes);
  Analysis a;
  a.evaluation = evaluate(resolved.plan, resolved.scheme);
  a.findings = check_plan(resolved.plan, resolved.scheme, a.evaluation);
  return a;
}

}  // namespace sto
