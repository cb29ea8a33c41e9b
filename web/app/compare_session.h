// "Vergelijken": the plan against another plan file or stored version, the differences a user
// may take over (record by record, core/exchange/diff.h; three-way against the version both were
// made from when this browser keeps it, core/exchange/merge.h) and which of them they chose. The
// App opens a session and posts what is chosen as one undo step (app_compare.cpp); the session
// itself keeps the differences up to date with the plan and the choices with their records.
#pragma once
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "edit/document.h"
#include "exchange/diff.h"
#include "exchange/merge.h"
#include "model/text.h"

namespace sto::ui {

class CompareSession {
 public:
  std::string source;    // the file's name, or "versie 4"
  bool is_file = false;  // a file (a returned copy), not a stored version
  Plan other;
  std::string other_text;  // the file as received, kept as a version once changes are taken over
  // Three-way: the stored version this plan and `other` were both made from (find_merge_base):
  // their latest common ancestor, or an older one when the latest is not kept here.
  std::optional<Plan> base;
  std::string base_revision;
  bool base_is_latest = true;
  // Two stored versions compared, neither the plan being edited: `from` stands in for the plan,
  // and nothing can be taken over.
  std::optional<Plan> from;
  std::vector<RecordChange> changes;     // what taking over would change: this plan → other
  std::vector<bool> accepted;            // per change
  std::vector<MergeConflict> conflicts;  // three-way: changed differently on both sides
  std::vector<bool> take_theirs;         // per conflict: true takes the other side's value
  PlanDiff effect;                       // this plan → this plan with the chosen changes
  std::vector<LocalizedText> refused;    // the last apply's changes that could not be taken over

  bool read_only() const { return from.has_value(); }
  // The plan the differences are counted from: `from`, or the plan being edited.
  const Plan& ours(const Plan& edited) const { return from ? *from : edited; }

  // Recomputes the differences when `document` changed since the last call (taken over, edited,
  // undone); the user's choices stay with the records they were made for.
  void update(const Document& document);
  void set_accepted(std::size_t index, bool accepted);
  // A conflict's choice: true takes the other side's value, false keeps this plan's.
  void set_take_theirs(std::size_t index, bool take_theirs);
  void set_section_accepted(DiffSection section, bool accepted);
  void set_all_accepted(bool accepted);
  // The changes chosen: accepted ones, and the other side of conflicts decided for it.
  std::vector<RecordChange> chosen() const;

 private:
  void refresh_effect();

  const Document* document_ = nullptr;  // the document of the last update
  std::uint64_t document_revision_ = 0;
  bool updated_ = false;
  // The user's choices by change (and conflict) key, kept while the plan changes under them.
  std::map<std::string, bool> choices_;
};

}  // namespace sto::ui
