// Plan + history + cached analysis; see document.h.
#include "edit/document.h"

#include <utility>

namespace sto {

Document::Document(Plan plan, const SchemeTable& schemes)
    : plan_(std::move(plan)), schemes_(&schemes) {}

ApplyResult Document::execute(const Command& command) {
  ApplyResult result = history_.execute(plan_, command);
  if (result.ok()) ++revision_;
  return result;
}

void Document::abandon_group() {
  history_.abandon_group(plan_);
  ++revision_;  // what the group applied is taken back: a change like any other
}

bool Document::undo() {
  if (!history_.undo(plan_)) return false;
  ++revision_;
  return true;
}

bool Document::redo() {
  if (!history_.redo(plan_)) return false;
  ++revision_;
  return true;
}

void Document::replace(Plan plan) {
  plan_ = std::move(plan);
  history_.clear();
  ++revision_;
}

void Document::set_lineage(Lineage lineage) {
  plan_.lineage = std::move(lineage);
  ++revision_;
}

const Analysis& Document::analysis() const {
  if (cache_revision_ != revision_) {
    cache_ = analyse(plan_, *schemes_);
    cache_revision_ = revision_;
    ++analysis_count_;
  }
  return cache_;
}

}  // namespace sto
