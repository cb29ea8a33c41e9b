// The differences of a comparison and the user's choices among them; see compare_session.h.
#include "app/compare_session.h"

#include <algorithm>

namespace sto::ui {

namespace {

// A conflict's key among the choices: its record and field ("" for the whole record).
std::string conflict_key(const MergeConflict& c) {
  return "conflict:" + c.key + "|" +
         (c.take_theirs.fields.empty() ? "" : c.take_theirs.fields[0].field);
}

}  // namespace

void CompareSession::update(const Document& document) {
  if (updated_ && document_ == &document && document_revision_ == document.revision()) return;
  document_ = &document;
  document_revision_ = document.revision();
  updated_ = true;
  // Three-way, theirs' changes alone are proposed ready (chosen unless the user said no); a
  // conflict keeps this plan's value until the user takes the other.
  const auto choice = [&](const std::string& key, bool otherwise) {
    const auto found = choices_.find(key);
    return found == choices_.end() ? otherwise : found->second;
  };
  const Plan& mine = ours(document.plan());
  if (base) {
    ThreeWayMerge merge = three_way(*base, mine, other);
    changes = std::move(merge.ready);
    conflicts = std::move(merge.conflicts);
  } else {
    changes = diff_records(mine, other);
    conflicts.clear();
  }
  accepted.assign(changes.size(), false);
  for (std::size_t i = 0; i < changes.size(); ++i)
    accepted[i] = !read_only() && choice(changes[i].key, base.has_value());
  take_theirs.assign(conflicts.size(), false);
  for (std::size_t i = 0; i < conflicts.size(); ++i)
    take_theirs[i] = choice(conflict_key(conflicts[i]), false);
  refresh_effect();
}

void CompareSession::refresh_effect() {
  if (document_ == nullptr) return;
  const Plan& mine = ours(document_->plan());
  Plan preview = mine;
  apply_changes(preview, chosen());
  effect = diff_plans(mine, preview, document_->schemes());
}

std::vector<RecordChange> CompareSession::chosen() const {
  std::vector<RecordChange> picked;
  for (std::size_t i = 0; i < changes.size(); ++i)
    if (accepted[i]) picked.push_back(changes[i]);
  for (std::size_t i = 0; i < conflicts.size(); ++i)
    if (take_theirs[i]) picked.push_back(conflicts[i].take_theirs);
  return picked;
}

void CompareSession::set_accepted(std::size_t index, bool accept) {
  if (read_only() || index >= accepted.size()) return;
  accepted[index] = accept;
  choices_[changes[index].key] = accept;
  refresh_effect();
}

void CompareSession::set_take_theirs(std::size_t index, bool take) {
  if (index >= take_theirs.size()) return;
  take_theirs[index] = take;
  choices_[conflict_key(conflicts[index])] = take;
  refresh_effect();
}

void CompareSession::set_section_accepted(DiffSection section, bool accept) {
  if (read_only()) return;
  for (std::size_t i = 0; i < changes.size(); ++i)
    if (changes[i].section == section) {
      accepted[i] = accept;
      choices_[changes[i].key] = accept;
    }
  refresh_effect();
}

void CompareSession::set_all_accepted(bool accept) {
  if (read_only()) return;
  std::fill(accepted.begin(), accepted.end(), accept);
  for (const RecordChange& c : changes) choices_[c.key] = accept;
  refresh_effect();
}

}  // namespace sto::ui
