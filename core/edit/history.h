// Undo/redo over edit commands: steps of one or more commands, grouping, and a save point.
// Pure C++17; the plan lives outside (Document owns both).
#pragma once
#include <cstddef>
#include <vector>

#include "edit/commands.h"
#include "model/text.h"

namespace sto {

// One undoable step: the commands as executed and their inverses (undone in reverse order).
struct HistoryStep {
  std::vector<Command> redo;
  std::vector<Command> undo;
  LocalizedText label;  // the group label, or the single command's description
};

class History {
 public:
  static constexpr std::size_t kMaxSteps = 500;  // oldest steps are dropped beyond this

  // Applies `command` to `plan` and records it (inside an open group it joins that group's step).
  // A failed command changes nothing and is not recorded.
  ApplyResult execute(Plan& plan, const Command& command);

  // Commands executed between begin_group() and end_group() undo as one step. Groups nest; the
  // outermost label wins. An empty group records nothing.
  void begin_group(LocalizedText label);
  void end_group();
  // Closes the outermost open group and takes back what it applied, leaving no step: a group whose
  // command was refused changes nothing. Inner groups close with it.
  void abandon_group(Plan& plan);
  bool in_group() const { return group_depth_ > 0; }

  bool can_undo() const { return cursor_ > 0 && group_depth_ == 0; }
  bool can_redo() const { return cursor_ < steps_.size() && group_depth_ == 0; }
  // Label of the step undo()/redo() would perform; empty when there is none.
  LocalizedText undo_label() const;
  LocalizedText redo_label() const;
  // Undoes / redoes one step; false when there is nothing to do (or a group is open).
  bool undo(Plan& plan);
  bool redo(Plan& plan);

  // The current state is what is on disk (after saving or loading).
  void mark_saved() { saved_ = cursor_; }
  bool is_dirty() const { return saved_ != cursor_; }
  void clear();

  const std::vector<HistoryStep>& steps() const { return steps_; }
  std::size_t cursor() const { return cursor_; }  // steps before it are applied

 private:
  static constexpr std::size_t kNoSavePoint = static_cast<std::size_t>(-1);
  std::vector<HistoryStep> steps_;
  std::size_t cursor_ = 0;
  std::size_t saved_ = 0;  // kNoSavePoint when the saved state can no longer be reached
  int group_depth_ = 0;
  bool group_started_ = false;  // the open group already has its step at steps_[cursor_ - 1]
  LocalizedText group_label_;

  void start_step(LocalizedText label);
};

}  // namespace sto
