// The one object the UI talks to: a plan, its undo history, and its evaluation and findings,
// recomputed only when the plan changed (tracked by a revision counter). Pure C++17.
#pragma once
#include <cstdint>
#include <vector>

#include "edit/commands.h"
#include "edit/history.h"
#include "model/plan.h"
#include "rules/engine.h"
#include "rules/rules.h"
#include "rules/scheme.h"

namespace sto {

class Document {
 public:
  // `schemes` must outlive the document; the shipped table by default.
  explicit Document(Plan plan = {}, const SchemeTable& schemes = builtin_schemes());

  const Plan& plan() const { return plan_; }
  // Increments on every change of the plan (execute, undo, redo, replace).
  std::uint64_t revision() const { return revision_; }

  // Applies and records an edit; on error nothing changes (see ApplyResult::error).
  ApplyResult execute(const Command& command);
  // Edits between begin_group and end_group undo as one step (e.g. a paste of many lines).
  void begin_group(LocalizedText label) { history_.begin_group(std::move(label)); }
  void end_group() { history_.end_group(); }
  // Closes the open group and takes back what it applied (a command in it was refused).
  void abandon_group();

  bool can_undo() const { return history_.can_undo(); }
  bool can_redo() const { return history_.can_redo(); }
  bool undo();
  bool redo();
  const History& history() const { return history_; }

  // A freshly loaded or new plan: history cleared, state counts as saved.
  void replace(Plan plan);
  // Sets the lineage the plan's file carries (stamped when it is written to a file). It describes
  // the file, not the plan: no undo step, the history stays; the revision increments, so the
  // plan is stored again.
  void set_lineage(Lineage lineage);
  // Call after the plan was written to a file (or to browser storage as the saved copy).
  void mark_saved() { history_.mark_saved(); }
  bool is_dirty() const { return history_.is_dirty(); }

  // The plan's scheme, or nullptr when its scheme_id is unknown (then a SCHEME_UNKNOWN finding).
  const Scheme* scheme() const { return schemes_->find(plan_.scheme_id); }
  const SchemeTable& schemes() const { return *schemes_; }
  // Evaluation and findings of the current revision; cached, recomputed lazily after a change.
  const Analysis& analysis() const;
  const Evaluation& evaluation() const { return analysis().evaluation; }
  const std::vector<Finding>& findings() const { return analysis().findings; }
  // How many times the analysis was computed (the cache's tests count on it).
  std::uint64_t analysis_count() const { return analysis_count_; }

 private:
  Plan plan_;
  const SchemeTable* schemes_;
  History history_;
  std::uint64_t revision_ = 1;
  mutable Analysis cache_;
  mutable std::uint64_t cache_revision_ = 0;  // 0 = never computed
  mutable std::uint64_t analysis_count_ = 0;
};

}  // namespace sto
