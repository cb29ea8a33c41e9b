// Where a version of a plan comes from, as version control keeps it: every written version gets a
// revision id that no other copy can produce (64 random bits), and records the ids it was made
// from — one after an edit, two after a merge (ours, then the copy merged in). A bounded history
// of ancestors with their parents travels in the file, so a returned copy is placed against ours
// without a server: the base of a three-way merge is their latest common ancestor.
//
//   R1 ── C3 (coordinator, parents R1) ── M (merge, parents C3, P2) ── C5 …
//    └─── P2 (partner, parents R1) ─────────┘└── P4 (partner again, parents P2)
//
// Comparing C5 with P4: their common ancestors are P2 and R1; P2 is the latest (R1 is an ancestor
// of P2), so only what the partner changed after P2 is offered. Pure C++17.
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/plan.h"
#include "model/revision_id.h"

namespace sto {

// The ancestry graph two or more lineages describe together: id → parents.
class Ancestry {
 public:
  void add(const Lineage& lineage);
  // `id` and every known ancestor of it, nearest first (breadth first, parents in their order).
  std::vector<std::string> ancestors_of(const std::string& id) const;
  bool is_ancestor(const std::string& ancestor, const std::string& of) const;  // or the same id
  const RevisionNode* node(const std::string& id) const;  // nullptr when not known

 private:
  std::vector<RevisionNode> nodes_;  // the first node seen for each id
};

// The revisions both lineages descend from (each its own revision included), the best base
// first: the latest common ancestors (none of them an ancestor of another common one), then the
// older ones, nearest to `theirs` first. Empty when they belong to different plans or share none.
std::vector<std::string> common_ancestors(const Lineage& ours, const Lineage& theirs);

// True when `revision` is `lineage`'s own revision or one of its recorded ancestors.
bool descends_from(const Lineage& lineage, const std::string& revision);

// The lineage of a version written from `current` as revision `revision`: the same plan id (or
// `new_plan_id` when it has none), made from current's revision, its history extended.
Lineage next_lineage(const Lineage& current, const std::string& revision,
                     const std::string& new_plan_id);

// The lineage of ours with theirs merged in, written as revision `revision`: ours' plan id
// (theirs' when ours has none), made from both (ours first), both histories joined, nearest
// first, at most kMaxLineageHistory.
Lineage merged_lineage(const Lineage& ours, const Lineage& theirs, const std::string& revision);

// True when the two plans hold the same records (the lineage and the example marker, which
// describe the file, are not compared).
bool same_content(const Plan& a, const Plan& b);

// The lineage a download of `plan` writes. Unchanged when the plan has an id and a revision and
// its content is still `written`, the version that was written as that revision (nullptr when it
// is not kept); otherwise next_lineage with `revision`.
Lineage download_lineage(const Plan& plan, const Plan* written, const std::string& revision,
                         const std::string& new_plan_id);

// The version both a plan with lineage `ours` and the copy `theirs` come from, as a three-way
// merge base.
struct MergeBase {
  std::string revision;
  Plan plan;
  bool latest = true;  // false: an older common ancestor, the latest is not kept
};
// A kept version by its revision id, or nullopt when it is not kept.
using StoredRevision = std::function<std::optional<Plan>(const std::string& revision)>;
// The first of common_ancestors(ours, theirs) that `stored` has; nullopt when none is kept or the
// lineages share none: then compare two-way.
std::optional<MergeBase> find_merge_base(const Lineage& ours, const Lineage& theirs,
                                         const StoredRevision& stored);

}  // namespace sto
