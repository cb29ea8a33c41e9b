// Merging versions of a plan: accepted changes (diff.h) applied as edit commands, so each can be
// undone and a group of them is one undo step, and the three-way merge of a returned copy against
// the version both copies came from. Pure C++17.
#pragma once
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "commands.h"
#include "diff.h"
#include "document.h"
#include "plan.h"

namespace sto {

// Performs one command on the plan being merged into (Document::execute, History::execute or
// apply_command).
using ExecuteCommand = std::function<ApplyResult(const Command&)>;

// Makes `plan` (read live: `execute` changes it) take the `after` side of `change`:
//  added    the record is appended to its list (an indicator to its goal, a line to its activity);
//           nothing to do when an equal record with that key is already there;
//  removed  the record is removed (an activity with its lines, a goal with its indicators);
//           nothing to do when it is already gone;
//  changed  only the listed fields are set, the record's other fields stay as they are in `plan`
//           (so a change to one field does not undo another's change of another field).
// Everything is checked before the first command, so a change is applied completely or not at
// all. Returns why it cannot be applied (the goal or activity it belongs to is not in the plan,
// the record is gone or exists with other values), or nullopt when it was applied.
std::optional<LocalizedText> apply_change(const Plan& plan, const RecordChange& change,
                                          const ExecuteCommand& execute);

struct RefusedChange {
  std::size_t index = 0;  // into the list of changes given
  LocalizedText reason;
};
struct ApplyChangesResult {
  std::size_t applied = 0;
  std::vector<RefusedChange> refused;
};

// Applies `changes` as one undo step labelled `label`: additions and changes in their order (diff
// order adds a goal before its indicators and an activity before its lines), then removals from
// last to first (lines before their activity). Changes that cannot be applied are refused and
// listed in the order given; the others stay applied.
ApplyChangesResult accept_changes(Document& document, const std::vector<RecordChange>& changes,
                                  const LocalizedText& label);
// The same on a plain plan, without history (the command line).
ApplyChangesResult apply_changes(Plan& plan, const std::vector<RecordChange>& changes);

// [SECTION] Three-way merge

// The same field changed differently on both sides, or a record removed on one side and changed
// on the other, or added on both sides with different values.
struct MergeConflict {
  DiffSection section = DiffSection::settings;
  std::string key;
  LocalizedText record;  // "Regel 'Lasapparatuur' 2026 in activiteit 'Lasstraat'"
  LocalizedText field;   // "prijs" / "price"; empty when the whole record is in conflict
  LocalizedText base;    // the value (or the record's state) in words on each side:
  LocalizedText ours;    // "€ 50,00", "(verwijderd)", "(gewijzigd)", "(nieuw)"
  LocalizedText theirs;
  RecordChange take_theirs;  // applied to ours, it takes theirs' side of this conflict
};

struct ThreeWayMerge {
  // Theirs' changes since the base that ours does not have yet and that do not conflict, limited
  // to the fields ours left alone: ready to accept onto ours.
  std::vector<RecordChange> ready;
  std::vector<MergeConflict> conflicts;
};

// Compares both sides against their common version `base`.
ThreeWayMerge three_way(const Plan& base, const Plan& ours, const Plan& theirs);

enum class MergePreference { none, ours, theirs };

struct MergeResult {
  bool merged = false;  // false: conflicts and no preference, `plan` must not be written
  Plan plan;            // ours with theirs' ready changes (and, with a preference, the choices)
  ThreeWayMerge proposal;
  std::vector<RefusedChange> refused;  // ready changes that could not be applied (into `ready`)
};

// ours + theirs' changes since `base`. Conflicts keep ours' side with MergePreference::ours, take
// theirs' with MergePreference::theirs, and without a preference leave the merge undone. The
// result is a new version of ours: merged_lineage(ours, theirs).
MergeResult merge_plans(const Plan& base, const Plan& ours, const Plan& theirs,
                        MergePreference preference);

// [SECTION] Lineage (plan.h: Lineage)

// The revision both copies were made from, when the lineages say so: the same plan id and theirs
// derived from a revision; nullopt when the files carry no lineage or belong to different plans
// (then compare two-way).
std::optional<std::int64_t> common_revision(const Lineage& ours, const Lineage& theirs);
// The lineage of a version written from `current`: the same plan id, the next revision, derived
// from the current one. A plan without an id gets `new_plan_id`.
Lineage next_lineage(const Lineage& current, const std::string& new_plan_id);
// The lineage of a merge of theirs into ours: ours' plan id (theirs' when ours has none), a
// revision above both, derived from ours'.
Lineage merged_lineage(const Lineage& ours, const Lineage& theirs);

// A listing of the conflicts for the command line: per conflict its record, field and the three
// values.
std::string conflicts_text(const std::vector<MergeConflict>& conflicts, Language language);

}  // namespace sto
