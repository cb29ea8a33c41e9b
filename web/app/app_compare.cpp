// "Vergelijken": the plan compared with another plan file or a stored version, record by record
// (core/exchange/diff.h), three-way against the version both were made from when this browser keeps
// it (core/exchange/merge.h), and the chosen differences taken over as one undo step through the
// edit path.
#include "app/app.h"
#include "exchange/merge.h"

namespace sto::ui {

void App::open_compare(CompareSession session) {
  compare_ = std::move(session);  // its differences are worked out on first use
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
  compare_->update(document_);
  return &*compare_;
}

void App::apply_compare_choice() {
  CompareSession* s = compare_session();
  if (!s || s->read_only()) return;
  const std::vector<RecordChange> chosen = s->chosen();
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
