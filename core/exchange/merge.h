// Merging versions of a plan: accepted changes (diff.h) applied as edit commands, so each can be
// undone and a group of them is one undo step, and the three-way merge of a returned copy against
// the version both copies came from. Pure C++17.
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "edit/commands.h"
#include "exchange/diff.h"
#include "exchange/lineage.h"
#include "model/plan.h"

namespace sto {

// Performs one command on the plan being merged into (apply_command on a plan, or one that also
// records what it did).
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

// Applies `changes` to `plan`: additions and changes in their order (diff order adds a goal
// before its indicators and an activity before its lines), then removals from last to first
// (lines before their activity). Changes that cannot be applied are refused and listed in the
// order given; the others stay applied.
ApplyChangesResult apply_changes(Plan& plan, const std::vector<RecordChange>& changes);

// The edit commands that take over `changes` on `plan`, in the order apply_changes applies them,
// worked out on a copy of the plan, so the app can execute them as one undo step through its edit
// path (each command checked again there). A refused change contributes no command.
struct ChangeCommands {
  std::vector<Command> commands;
  std::size_t applied = 0;             // changes the commands take over
  std::vector<RefusedChange> refused;  // in the order given
};
ChangeCommands changes_to_commands(const Plan& plan, const std::vector<RecordChange>& changes);

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
// result is a new version of ours made from both: merged_lineage(ours, theirs, revision).
MergeResult merge_plans(const Plan& base, const Plan& ours, const Plan& theirs,
                        MergePreference preference, const std::string& revision);

// A listing of the conflicts for the command line: per conflict its record, field and the three
// values.
std::string conflicts_text(const std::vector<MergeConflict>& conflicts, Language language);

// A merge as one deterministic JSON object: whether it was merged and where it was written ("" =
// not written: null), the lineage (base, ours, theirs and the new revision), the changes taken
// over (diff.h: change_json), the conflicts (each with its three values in words and the change
// that takes theirs) and the changes that could not be applied.
std::string merge_json(const MergeResult& result, const std::string& written_to,
                       const Lineage& base, const Lineage& ours, const Lineage& theirs,
                       Language language);

}  // namespace sto
