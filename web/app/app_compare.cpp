// "Vergelijken": the plan compared with another plan file or a stored version, record by record
// (core/exchange/diff.h), three-way against the version both were made from when this browser keeps
// it (core/exchange/merge.h), and the chosen differences taken over as one undo step through the
// edit path.
#include <algorithm>

#include "app/app.h"
#include "exchange/merge.h"

namespace sto::ui {

namespace {

// A conflict's key among the session's choices: its record and field ("" for the whole record).
std::string conflict_key(const MergeConflict& c) {
  return "conflict:" + c.key + "|" +
         (c.take_theirs.fields.empty() ? "" : c.take_theirs.fields[0].field);
}

bool choice(const CompareSession& s, const std::string& key, bool otherwise) {
  const auto found = s.choices.find(key);
  return found == s.choices.end() ? otherwise : found->second;
}

// The changes the user chose: accepted ones, and the other side of conflicts decided for it.
std::vector<RecordChange> chosen_changes(const CompareSession& s) {
  std::vector<RecordChange> chosen;
  for (std::size_t i = 0; i < s.changes.size(); ++i)
    if (s.accepted[i]) chosen.push_back(s.changes[i]);
  for (std::size_t i = 0; i < s.conflicts.size(); ++i)
    if (s.take_theirs[i]) chosen.push_back(s.conflicts[i].take_theirs);
  return chosen;
}

}  // namespace

void App::open_compare(CompareSession session) {
  compare_ = std::move(session);
  compare_->document_revision = 0;  // computed on first use
  select_section(Section::compare);
}

void App::compare_with_file(std::string_view file_name, std::string_view text) {
  LoadResult loaded = load_plan(text);
  if (!loaded.ok()) {
    banner_ = {Str::cmp_refused, std::string(file_name) + ": " + loaded.error.in(language_),
               Str::count, true};
    return;
  }
  CompareSession session;
  session.source = std::string(file_name);
  session.is_file = true;
  session.other = std::move(loaded.plan);
  session.other_text = std::string(text);
  const auto stored = [this](const std::string& revision) { return stored_revision(revision); };
  if (std::optional<MergeBase> base =
          find_merge_base(plan().lineage, session.other.lineage, stored)) {
    session.base = std::move(base->plan);
    session.base_revision = std::move(base->revision);
    session.base_is_latest = base->latest;
  }
  open_compare(std::move(session));
}

void App::compare_with_version(int number) {
  const auto text = store_.read_version(current_id_, number);
  if (!text) return;
  LoadResult loaded = load_plan(*text);
  if (!loaded.ok()) {
    banner_ = {Str::cmp_refused, loaded.error.in(language_), Str::count, true};
    return;
  }
  CompareSession session;
  session.source = std::string(tr(Str::cmp_version, language_)) + std::to_string(number);
  session.other = std::move(loaded.plan);
  open_compare(std::move(session));
}

void App::compare_versions(int from, int to) {
  const auto from_text = store_.read_version(current_id_, from);
  const auto to_text = store_.read_version(current_id_, to);
  if (!from_text || !to_text) return;
  LoadResult from_plan = load_plan(*from_text);
  LoadResult to_plan = load_plan(*to_text);
  if (!from_plan.ok() || !to_plan.ok()) {
    banner_ = {Str::cmp_refused, (from_plan.ok() ? to_plan : from_plan).error.in(language_),
               Str::count, true};
    return;
  }
  CompareSession session;
  const char* version = tr(Str::cmp_version, language_);
  session.source = version + std::to_string(from) + " → " + version + std::to_string(to);
  session.from = std::move(from_plan.plan);
  session.other = std::move(to_plan.plan);
  open_compare(std::move(session));
}

CompareSession* App::compare_session() {
  if (!compare_) return nullptr;
  CompareSession& s = *compare_;
  if (s.document_revision != document_.revision()) {
    // The plan changed (taken over, edited, undone): what is left to take over is the difference
    // now; the user's choices stay with the records they were made for. Three-way, theirs'
    // changes alone are proposed ready (chosen unless the user said no); a conflict keeps this
    // plan's value until the user takes the other.
    const Plan& ours = s.ours(document_.plan());
    if (s.base) {
      ThreeWayMerge merge = three_way(*s.base, ours, s.other);
      s.changes = std::move(merge.ready);
      s.conflicts = std::move(merge.conflicts);
    } else {
      s.changes = diff_records(ours, s.other);
      s.conflicts.clear();
    }
    s.accepted.assign(s.changes.size(), false);
    for (std::size_t i = 0; i < s.changes.size(); ++i)
      s.accepted[i] = !s.read_only() && choice(s, s.changes[i].key, s.base.has_value());
    s.take_theirs.assign(s.conflicts.size(), false);
    for (std::size_t i = 0; i < s.conflicts.size(); ++i)
      s.take_theirs[i] = choice(s, conflict_key(s.conflicts[i]), false);
    s.document_revision = document_.revision();
    refresh_compare_effect();
  }
  return &s;
}

void App::refresh_compare_effect() {
  CompareSession& s = *compare_;
  const Plan& ours = s.ours(document_.plan());
  Plan preview = ours;
  apply_changes(preview, chosen_changes(s));
  s.effect = diff_plans(ours, preview, document_.schemes());
}

void App::set_compare_accepted(std::size_t index, bool accepted) {
  if (!compare_ || compare_->read_only() || index >= compare_->accepted.size()) return;
  compare_->accepted[index] = accepted;
  compare_->choices[compare_->changes[index].key] = accepted;
  refresh_compare_effect();
}

void App::set_compare_take_theirs(std::size_t index, bool take_theirs) {
  if (!compare_ || index >= compare_->take_theirs.size()) return;
  compare_->take_theirs[index] = take_theirs;
  compare_->choices[conflict_key(compare_->conflicts[index])] = take_theirs;
  refresh_compare_effect();
}

void App::set_compare_section_accepted(DiffSection section, bool accepted) {
  if (!compare_ || compare_->read_only()) return;
  for (std::size_t i = 0; i < compare_->changes.size(); ++i)
    if (compare_->changes[i].section == section) {
      compare_->accepted[i] = accepted;
      compare_->choices[compare_->changes[i].key] = accepted;
    }
  refresh_compare_effect();
}

void App::set_compare_all_accepted(bool accepted) {
  if (!compare_ || compare_->read_only()) return;
  std::fill(compare_->accepted.begin(), compare_->accepted.end(), accepted);
  for (const RecordChange& c : compare_->changes) compare_->choices[c.key] = accepted;
  refresh_compare_effect();
}

void App::apply_compare_choice() {
  CompareSession* s = compare_session();
  if (!s || s->read_only()) return;
  const std::vector<RecordChange> chosen = chosen_changes(*s);
  if (chosen.empty()) return;
  // Worked out on a copy, then posted as one group: each command is checked again where every
  // edit is, and the group is one undo step (or, one refused, not applied at all).
  const ChangeCommands commands = changes_to_commands(document_.plan(), chosen);
  s->refused.clear();
  for (const RefusedChange& r : commands.refused) s->refused.push_back(r.reason);
  if (commands.commands.empty()) return;
  const Translation& label = translation(Str::cmp_applied_label);
  // Taking over from a returned copy of this plan makes this plan a merge of both.
  const Lineage& theirs = s->other.lineage;
  const bool merges =
      s->is_file && !theirs.revision.empty() && theirs.plan_id == document_.plan().lineage.plan_id;
  execute_group({label.nl + s->source, label.en + s->source}, commands.commands,
                [this, merges, other = merges ? s->other : Plan{},
                 text = merges ? s->other_text : std::string()] {
                  forget_field_errors();
                  if (merges) record_merge(other, text);
                });
}

}  // namespace sto::ui
