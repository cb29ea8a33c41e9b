// Undo/redo; see history.h.
#include "edit/history.h"

#include <utility>

namespace sto {

void History::start_step(LocalizedText label) {
  // A new edit discards the redo tail; if the save point was in it, it is gone for good.
  if (saved_ != kNoSavePoint && saved_ > cursor_) saved_ = kNoSavePoint;
  steps_.erase(steps_.begin() + static_cast<std::ptrdiff_t>(cursor_), steps_.end());
  HistoryStep step;
  step.label = std::move(label);
  steps_.push_back(std::move(step));
  ++cursor_;
  if (steps_.size() > kMaxSteps) {
    steps_.erase(steps_.begin());
    --cursor_;
    if (saved_ != kNoSavePoint) saved_ = saved_ == 0 ? kNoSavePoint : saved_ - 1;
  }
}

ApplyResult History::execute(Plan& plan, const Command& command) {
  ApplyResult result = apply_command(plan, command);
  if (!result.ok()) return result;
  if (group_depth_ > 0) {
    if (!group_started_) {
      // An unlabelled group reads as its first command.
      start_step(group_label_.empty() ? result.description : group_label_);
      group_started_ = true;
    }
  } else {
    start_step(result.description);
  }
  HistoryStep& step = steps_[cursor_ - 1];
  step.redo.push_back(command);
  step.undo.push_back(*result.inverse);
  return result;
}

void History::begin_group(LocalizedText label) {
  if (group_depth_++ == 0) {
    group_label_ = std::move(label);
    group_started_ = false;
  }
}

void History::end_group() {
  if (group_depth_ == 0) return;
  if (--group_depth_ == 0) {
    group_started_ = false;
  }
}

void History::abandon_group(Plan& plan) {
  if (group_depth_ == 0) return;
  group_depth_ = 0;
  if (!group_started_) return;
  group_started_ = false;
  const HistoryStep& step = steps_[cursor_ - 1];
  for (auto it = step.undo.rbegin(); it != step.undo.rend(); ++it)
    static_cast<void>(apply_recorded(plan, *it));
  steps_.pop_back();
  --cursor_;
}

LocalizedText History::undo_label() const {
  return can_undo() ? steps_[cursor_ - 1].label : LocalizedText{};
}
LocalizedText History::redo_label() const {
  return can_redo() ? steps_[cursor_].label : LocalizedText{};
}

bool History::undo(Plan& plan) {
  if (!can_undo()) return false;
  HistoryStep& step = steps_[cursor_ - 1];
  for (auto it = step.undo.rbegin(); it != step.undo.rend(); ++it)
    static_cast<void>(apply_recorded(plan, *it));
  --cursor_;
  return true;
}

bool History::redo(Plan& plan) {
  if (!can_redo()) return false;
  HistoryStep& step = steps_[cursor_];
  for (const auto& command : step.redo) static_cast<void>(apply_recorded(plan, command));
  ++cursor_;
  return true;
}

void History::clear() {
  steps_.clear();
  cursor_ = 0;
  saved_ = 0;
  group_depth_ = 0;
  group_started_ = false;
}

}  // namespace sto
