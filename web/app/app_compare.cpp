// "Vergelijken": the plan compared with another plan file or a stored version, record by record
// (core/diff.h), and the chosen differences taken over as one undoable step (core/merge.h).
#include <algorithm>
#include <unordered_set>

#include "app/app.h"
#include "merge.h"
#include "ui/widgets.h"

namespace sto::ui {

void App::compare_with_file(std::string_view file_name, std::string_view text) {
  LoadResult loaded = load_plan(text);
  if (!loaded.ok()) {
    banner_ = {Str::cmp_refused, std::string(file_name) + ": " + loaded.error.in(language_),
               Str::count, true};
    return;
  }
  CompareSession session;
  session.source = std::string(file_name);
  session.other = std::move(loaded.plan);
  compare_ = std::move(session);
  compare_->document_revision = 0;  // computed on first use
  select_section(Section::compare);
}

void App::compare_with_version(int number) {
  const auto text = store_.read_version(current_id_, number);
  if (!text) return;
  compare_with_file(std::string(tr(Str::cmp_version, language_)) + std::to_string(number), *text);
}

CompareSession* App::compare_session() {
  if (!compare_) return nullptr;
  CompareSession& s = *compare_;
  if (s.document_revision != document_.revision()) {
    // The plan changed (taken over, edited, undone): what is left to take over is the difference
    // now; the user's choices stay with the records they were made for.
    std::unordered_set<std::string> chosen;
    for (std::size_t i = 0; i < s.changes.size(); ++i)
      if (s.accepted[i]) chosen.insert(s.changes[i].key);
    s.changes = diff_records(document_.plan(), s.other);
    s.accepted.assign(s.changes.size(), false);
    for (std::size_t i = 0; i < s.changes.size(); ++i)
      s.accepted[i] = chosen.count(s.changes[i].key) > 0;
    s.document_revision = document_.revision();
    refresh_compare_effect();
  }
  return &s;
}

void App::refresh_compare_effect() {
  CompareSession& s = *compare_;
  std::vector<RecordChange> chosen;
  for (std::size_t i = 0; i < s.changes.size(); ++i)
    if (s.accepted[i]) chosen.push_back(s.changes[i]);
  Plan preview = document_.plan();
  apply_changes(preview, chosen);
  s.effect = diff_plans(document_.plan(), preview, document_.schemes());
}

void App::set_compare_accepted(std::size_t index, bool accepted) {
  if (!compare_ || index >= compare_->accepted.size()) return;
  compare_->accepted[index] = accepted;
  refresh_compare_effect();
}

void App::set_compare_section_accepted(DiffSection section, bool accepted) {
  if (!compare_) return;
  for (std::size_t i = 0; i < compare_->changes.size(); ++i)
    if (compare_->changes[i].section == section) compare_->accepted[i] = accepted;
  refresh_compare_effect();
}

void App::set_compare_all_accepted(bool accepted) {
  if (!compare_) return;
  std::fill(compare_->accepted.begin(), compare_->accepted.end(), accepted);
  refresh_compare_effect();
}

void App::apply_compare_choice() {
  CompareSession* s = compare_session();
  if (!s) return;
  std::vector<RecordChange> chosen;
  for (std::size_t i = 0; i < s->changes.size(); ++i)
    if (s->accepted[i]) chosen.push_back(s->changes[i]);
  if (chosen.empty()) return;
  const Translation& label = translation(Str::cmp_applied_label);
  const ApplyChangesResult result =
      accept_changes(document_, chosen, {label.nl + s->source, label.en + s->source});
  s->refused.clear();
  for (const RefusedChange& r : result.refused) s->refused.push_back(r.reason);
  clear_field_errors();
}

}  // namespace sto::ui
