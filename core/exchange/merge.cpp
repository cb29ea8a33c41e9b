// Merging; see merge.h. A change becomes the existing edit commands of commands.h: the record's
// current value in the plan is updated field by field and each differing field is one command.
#include "exchange/merge.h"

#include <algorithm>
#include <unordered_map>
#include <utility>

#include "exchange/summary_json.h"
#include "format/file_format.h"
#include "model/schema.h"
#include "rules/scenario.h"

namespace sto {

namespace {

LocalizedText not_in_plan(const LocalizedText& what) {
  return {what.nl + " staat niet (meer) in het plan.",
          what.en + " is not (or no longer) in the plan."};
}

std::optional<std::size_t> activity_index(const Plan& plan, const std::string& id) {
  for (std::size_t i = 0; i < plan.activities.size(); ++i)
    if (plan.activities[i].id == id) return i;
  return std::nullopt;
}
std::optional<std::size_t> goal_index(const Plan& plan, const std::string& id) {
  for (std::size_t i = 0; i < plan.goals.size(); ++i)
    if (plan.goals[i].id == id) return i;
  return std::nullopt;
}

// The commands that add `value` at the end of its list, or why it cannot be added.
std::optional<LocalizedText> add_commands(const Plan& plan, const RecordValue& value,
                                          std::vector<Command>& out) {
  struct Add {
    const Plan& plan;
    std::vector<Command>& out;
    std::optional<LocalizedText> operator()(const std::monostate&) const { return std::nullopt; }
    std::optional<LocalizedText> operator()(const PlanSettings&) const { return std::nullopt; }
    std::optional<LocalizedText> operator()(const Organisation& o) const {
      out.push_back(AddOrganisation{plan.organisations.size(), o});
      return std::nullopt;
    }
    std::optional<LocalizedText> operator()(const StudentCount& c) const {
      out.push_back(AddStudentCount{plan.student_counts.size(), c});
      return std::nullopt;
    }
    std::optional<LocalizedText> operator()(const Goal& g) const {
      out.push_back(AddGoal{plan.goals.size(), g});
      return std::nullopt;
    }
    std::optional<LocalizedText> operator()(const IndicatorRecord& r) const {
      const auto g = goal_index(plan, r.goal_id);
      if (!g) return not_in_plan({"Het doel '" + r.goal_id + "'", "The goal '" + r.goal_id + "'"});
      out.push_back(AddIndicator{*g, plan.goals[*g].indicators.size(), r.indicator});
      return std::nullopt;
    }
    std::optional<LocalizedText> operator()(const Activity& a) const {
      out.push_back(AddActivity{plan.activities.size(), a});
      return std::nullopt;
    }
    std::optional<LocalizedText> operator()(const LineRecord& r) const {
      const auto a = activity_index(plan, r.activity_id);
      if (!a)
        return not_in_plan(
            {"De activiteit '" + r.activity_id + "'", "The activity '" + r.activity_id + "'"});
      out.push_back(AddLine{{*a, plan.activities[*a].lines.size()}, r.line});
      return std::nullopt;
    }
    std::optional<LocalizedText> operator()(const Scenario& s) const {
      out.push_back(AddScenario{plan.scenarios.size(), s});
      return std::nullopt;
    }
  };
  return std::visit(Add{plan, out}, value);
}

Command remove_command(const PlanRecord& r) {
  switch (r.section) {
    case DiffSection::organisations: return RemoveOrganisation{r.index};
    case DiffSection::student_counts: return RemoveStudentCount{r.index};
    case DiffSection::goals:
      if (std::holds_alternative<IndicatorRecord>(r.value))
        return RemoveIndicator{r.parent, r.index};
      return RemoveGoal{r.index};
    case DiffSection::activities: return RemoveActivity{r.index};
    case DiffSection::budget: return RemoveLine{{r.parent, r.index}};
    case DiffSection::scenarios: return RemoveScenario{r.index};
    case DiffSection::settings: break;
  }
  return SetField<&Plan::title>{};  // never reached: the settings record is never removed
}

// One command per field of `updated` that differs from `current` (the record `r` in `plan`).
std::optional<LocalizedText> set_commands(const Plan& plan, const PlanRecord& r,
                                          const RecordValue& updated, std::vector<Command>& out) {
  const std::vector<FieldChange> fields = record_field_changes(r.value, plan, updated, plan);
  // A field's command, by its id: every field of these records has one (commands.h).
  auto add = [&](std::optional<Command> command) {
    if (command) out.push_back(std::move(*command));
  };
  if (const auto* st = std::get_if<PlanSettings>(&updated)) {
    for (const FieldChange& f : fields) add(set_field_command(st->plan, f.field));
  } else if (const auto* org = std::get_if<Organisation>(&updated)) {
    if (!fields.empty()) out.push_back(SetOrganisation{r.index, *org});
  } else if (const auto* count = std::get_if<StudentCount>(&updated)) {
    if (!fields.empty()) out.push_back(SetStudentCount{r.index, *count});
  } else if (const auto* g = std::get_if<Goal>(&updated)) {
    for (const FieldChange& f : fields) add(set_field_command(r.index, *g, f.field));
  } else if (const auto* i = std::get_if<IndicatorRecord>(&updated)) {
    if (!fields.empty()) out.push_back(SetIndicator{r.parent, r.index, i->indicator});
  } else if (const auto* act = std::get_if<Activity>(&updated)) {
    for (const FieldChange& f : fields) add(set_field_command(r.index, *act, f.field));
  } else if (const auto* l = std::get_if<LineRecord>(&updated)) {
    const LineRef at{r.parent, r.index};
    const bool moves = std::any_of(fields.begin(), fields.end(),
                                   [](const FieldChange& f) { return f.field == "activity"; });
    if (moves) {
      // To another activity: out of this one, then at the end of the other with every field.
      const auto target = activity_index(plan, l->activity_id);
      if (!target)
        return not_in_plan(
            {"De activiteit '" + l->activity_id + "'", "The activity '" + l->activity_id + "'"});
      out.push_back(RemoveLine{at});
      out.push_back(AddLine{{*target, plan.activities[*target].lines.size()}, l->line});
      return std::nullopt;
    }
    for (const FieldChange& f : fields) add(set_field_command(at, l->line, f.field));
  } else if (const auto* sc = std::get_if<Scenario>(&updated)) {
    const Scenario& current = std::get<Scenario>(r.value);
    if (current.name != sc->name) out.push_back(RenameScenario{r.index, sc->name});
    auto same_key = [](const ScenarioOverride& x, const ScenarioOverride& y) {
      return x.kind == y.kind && x.target == y.target;
    };
    for (const ScenarioOverride& wanted : sc->overrides) {
      const auto old = std::find_if(current.overrides.begin(), current.overrides.end(),
                                    [&](const ScenarioOverride& x) { return same_key(x, wanted); });
      if (old == current.overrides.end() || !schema::equal(*old, wanted))
        out.push_back(SetScenarioOverride{r.index, wanted});
    }
    for (const ScenarioOverride& existing : current.overrides)
      if (std::none_of(sc->overrides.begin(), sc->overrides.end(),
                       [&](const ScenarioOverride& x) { return same_key(x, existing); }))
        out.push_back(ResetScenarioOverride{r.index, existing.kind, existing.target});
  }
  return std::nullopt;
}

// The commands for `change`, all decided before any runs; or why it cannot be applied.
std::optional<LocalizedText> change_commands(const Plan& plan, const RecordChange& change,
                                             std::vector<Command>& out) {
  const std::optional<PlanRecord> current = find_record(plan, change.key);
  switch (change.kind) {
    case ChangeKind::added:
      if (current) {
        if (record_field_changes(current->value, plan, change.after, plan).empty())
          return std::nullopt;  // already there as it should be
        return LocalizedText{change.record.nl + " staat al in het plan, met andere gegevens.",
                             change.record.en + " is already in the plan, with other details."};
      }
      return add_commands(plan, change.after, out);
    case ChangeKind::removed:
      if (current) out.push_back(remove_command(*current));
      return std::nullopt;
    case ChangeKind::changed: break;
  }
  if (!current) return not_in_plan(change.record);
  RecordValue updated = current->value;
  for (const FieldChange& f : change.fields) copy_record_field(updated, change.after, f.field);
  return set_commands(plan, *current, updated, out);
}

}  // namespace

std::optional<LocalizedText> apply_change(const Plan& plan, const RecordChange& change,
                                          const ExecuteCommand& execute) {
  std::vector<Command> commands;
  if (auto refused = change_commands(plan, change, commands)) return refused;
  for (const Command& c : commands) {
    const ApplyResult result = execute(c);
    if (!result.ok()) return result.error;
  }
  return std::nullopt;
}

namespace {

// Applies every change with `apply_one` in the order apply_changes promises.
template <class ApplyOne>
ApplyChangesResult apply_all(const std::vector<RecordChange>& changes, ApplyOne apply_one) {
  ApplyChangesResult result;
  auto apply = [&](std::size_t i) {
    if (std::optional<LocalizedText> refused = apply_one(changes[i]))
      result.refused.push_back({i, std::move(*refused)});
    else
      ++result.applied;
  };
  // Additions and changes first (a line may move out of an activity that goes), then removals
  // from last to first: lines before their activity, and a repeated key's later occurrence
  // before its first, whose removal would renumber it.
  for (std::size_t i = 0; i < changes.size(); ++i)
    if (changes[i].kind != ChangeKind::removed) apply(i);
  for (std::size_t i = changes.size(); i-- > 0;)
    if (changes[i].kind == ChangeKind::removed) apply(i);
  std::sort(result.refused.begin(), result.refused.end(),
            [](const RefusedChange& a, const RefusedChange& b) { return a.index < b.index; });
  return result;
}

}  // namespace

ApplyChangesResult apply_changes(Plan& plan, const std::vector<RecordChange>& changes) {
  return apply_all(changes, [&](const RecordChange& change) {
    return apply_change(plan, change, [&](const Command& c) { return apply_command(plan, c); });
  });
}

ChangeCommands changes_to_commands(const Plan& plan, const std::vector<RecordChange>& changes) {
  ChangeCommands out;
  Plan scratch = plan;
  const ApplyChangesResult result = apply_all(changes, [&](const RecordChange& change) {
    std::vector<Command> done;
    std::vector<Command> inverses;
    std::optional<LocalizedText> refused = apply_change(scratch, change, [&](const Command& c) {
      ApplyResult r = apply_command(scratch, c);
      if (r.ok()) {
        done.push_back(c);
        inverses.push_back(*r.inverse);
      }
      return r;
    });
    if (refused) {
      // A command refused halfway: take the change's first commands back, as if never applied.
      for (auto i = inverses.rbegin(); i != inverses.rend(); ++i) (void)apply_recorded(scratch, *i);
      return refused;
    }
    out.commands.insert(out.commands.end(), done.begin(), done.end());
    return refused;
  });
  out.applied = result.applied;
  out.refused = result.refused;
  return out;
}

// [SECTION] Three-way merge

namespace {

const LocalizedText kRemoved{"(verwijderd)", "(removed)"};
const LocalizedText kChanged{"(gewijzigd)", "(changed)"};
const LocalizedText kNew{"(nieuw)", "(new)"};
const LocalizedText kUnchanged{"(ongewijzigd)", "(unchanged)"};

const FieldChange* find_field(const RecordChange& c, const std::string& field) {
  for (const FieldChange& f : c.fields)
    if (f.field == field) return &f;
  return nullptr;
}

MergeConflict whole_record(const RecordChange& t, LocalizedText base, LocalizedText ours,
                           LocalizedText theirs, RecordChange take) {
  return {t.section,       t.key,           t.record,          {},
          std::move(base), std::move(ours), std::move(theirs), std::move(take)};
}

}  // namespace

ThreeWayMerge three_way(const Plan& base, const Plan& ours, const Plan& theirs) {
  ThreeWayMerge m;
  const std::vector<RecordChange> our_changes = diff_records(base, ours);
  std::unordered_map<std::string, const RecordChange*> ours_by_key;
  for (const RecordChange& c : our_changes) ours_by_key.emplace(c.key, &c);

  for (const RecordChange& t : diff_records(base, theirs)) {
    const auto found = ours_by_key.find(t.key);
    if (found == ours_by_key.end()) {
      m.ready.push_back(t);
      continue;
    }
    const RecordChange& o = *found->second;
    if (t.kind == ChangeKind::removed) {
      if (o.kind != ChangeKind::removed)  // ours changed what theirs removed
        m.conflicts.push_back(whole_record(t, kUnchanged, kChanged, kRemoved, t));
      continue;
    }
    if (o.kind == ChangeKind::removed) {  // theirs changed what ours removed: take = add it back
      RecordChange take = t;
      take.kind = ChangeKind::added;
      take.fields.clear();
      take.before = std::monostate{};
      m.conflicts.push_back(whole_record(t, kUnchanged, kRemoved, kChanged, std::move(take)));
      continue;
    }
    // Both added or both changed the record: field by field against ours' value.
    const std::vector<FieldChange> differing = record_field_changes(o.after, ours, t.after, theirs);
    RecordChange ready = t;
    ready.kind = ChangeKind::changed;
    ready.before = o.after;
    ready.fields.clear();
    for (const FieldChange& d : differing) {
      const FieldChange* mine = find_field(o, d.field);
      const FieldChange* theirs_field = find_field(t, d.field);
      if (t.kind == ChangeKind::changed && !mine) {
        ready.fields.push_back(*theirs_field);  // only theirs changed this field
        continue;
      }
      if (t.kind == ChangeKind::changed && !theirs_field) continue;  // only ours changed it
      RecordChange take = ready;
      take.fields = {d};
      const LocalizedText base_value = t.kind == ChangeKind::added ? kNew : theirs_field->before;
      m.conflicts.push_back(
          {t.section, t.key, t.record, d.label, base_value, d.before, d.after, std::move(take)});
    }
    if (!ready.fields.empty()) m.ready.push_back(std::move(ready));
  }
  return m;
}

MergeResult merge_plans(const Plan& base, const Plan& ours, const Plan& theirs,
                        MergePreference preference, const std::string& revision) {
  MergeResult r;
  r.plan = ours;
  r.proposal = three_way(base, ours, theirs);
  if (!r.proposal.conflicts.empty() && preference == MergePreference::none) return r;
  r.refused = apply_changes(r.plan, r.proposal.ready).refused;
  if (preference == MergePreference::theirs) {
    std::vector<RecordChange> takes;
    for (const MergeConflict& c : r.proposal.conflicts) takes.push_back(c.take_theirs);
    for (RefusedChange& refused : apply_changes(r.plan, takes).refused) {
      refused.index += r.proposal.ready.size();  // numbered after the ready changes
      r.refused.push_back(std::move(refused));
    }
  }
  r.plan.lineage = merged_lineage(ours.lineage, theirs.lineage, revision);
  r.merged = true;
  return r;
}

std::string merge_json(const MergeResult& r, const std::string& written_to, const Lineage& base,
                       const Lineage& ours, const Lineage& theirs, Language l) {
  const auto revision = [](const std::string& id) {
    return id.empty() ? std::string("null") : json_quote(id);
  };
  std::string out = "{\n  \"merged\": " + std::string(r.merged ? "true" : "false");
  out += ",\n  \"written_to\": " + (written_to.empty() ? "null" : json_quote(written_to));
  out += ",\n  \"base_revision\": " + revision(base.revision);
  out += ",\n  \"ours_revision\": " + revision(ours.revision);
  out += ",\n  \"theirs_revision\": " + revision(theirs.revision);
  out += ",\n  \"revision\": " + revision(written_to.empty() ? "" : r.plan.lineage.revision);
  out += ",\n  \"parents\": [";
  if (!written_to.empty())
    for (std::size_t i = 0; i < r.plan.lineage.parents.size(); ++i)
      out += (i ? ", " : "") + json_quote(r.plan.lineage.parents[i]);
  out += "],\n  \"changes\": [";
  for (std::size_t i = 0; i < r.proposal.ready.size(); ++i)
    out += (i ? ",\n    " : "\n    ") + change_json(r.proposal.ready[i], l);
  out += r.proposal.ready.empty() ? "],\n" : "\n  ],\n";
  out += "  \"conflicts\": [";
  for (std::size_t i = 0; i < r.proposal.conflicts.size(); ++i) {
    const MergeConflict& c = r.proposal.conflicts[i];
    out += i ? ",\n    {" : "\n    {";
    out += "\"section\": " + json_quote(diff_section_id(c.section)) +
           ", \"key\": " + json_quote(c.key) + ", \"record\": " + json_quote(c.record.in(l)) +
           ", \"field\": " + json_quote(c.field.in(l)) + ", \"base\": " + json_quote(c.base.in(l)) +
           ", \"ours\": " + json_quote(c.ours.in(l)) +
           ", \"theirs\": " + json_quote(c.theirs.in(l)) +
           ", \"take_theirs\": " + change_json(c.take_theirs, l) + "}";
  }
  out += r.proposal.conflicts.empty() ? "],\n" : "\n  ],\n";
  out += "  \"refused\": [";
  for (std::size_t i = 0; i < r.refused.size(); ++i)
    out += (i ? ", " : "") + json_quote(r.refused[i].reason.in(l));
  return out + "]\n}";
}

std::string conflicts_text(const std::vector<MergeConflict>& conflicts, Language l) {
  const bool nl = l == Language::nl;
  std::string out;
  for (const MergeConflict& c : conflicts) {
    out += c.record.in(l);
    if (!c.field.empty()) out += " › " + c.field.in(l);
    out += "\n  " + std::string(nl ? "basis:          " : "base:   ") + c.base.in(l);
    out += "\n  " + std::string(nl ? "eigen versie:   " : "ours:   ") + c.ours.in(l);
    out += "\n  " + std::string(nl ? "andere versie:  " : "theirs: ") + c.theirs.in(l) + "\n";
  }
  return out;
}

}  // namespace sto
