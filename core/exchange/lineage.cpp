#include "exchange/lineage.h"

#include <algorithm>
#include <deque>
#include <unordered_set>

#include "exchange/diff.h"

namespace sto {

namespace {

// The node a lineage gives its own revision.
RevisionNode own_node(const Lineage& lineage) {
  return {lineage.revision, lineage.parents};
}

// The known nodes in breadth-first order from `roots` (each once), at most `limit`. A parent
// whose own node is not known (cut off by an earlier bound) stays named in its child's parents.
std::vector<RevisionNode> nearest_nodes(const Ancestry& ancestry,
                                        const std::vector<std::string>& roots, std::size_t limit) {
  std::vector<RevisionNode> nodes;
  std::unordered_set<std::string> seen;
  std::deque<std::string> queue(roots.begin(), roots.end());
  while (!queue.empty() && nodes.size() < limit) {
    const std::string id = std::move(queue.front());
    queue.pop_front();
    if (!seen.insert(id).second) continue;
    const RevisionNode* node = ancestry.node(id);
    if (node == nullptr) continue;
    for (const std::string& parent : node->parents) queue.push_back(parent);
    nodes.push_back(*node);
  }
  return nodes;
}

}  // namespace

void Ancestry::add(const Lineage& lineage) {
  const auto add_node = [&](const RevisionNode& candidate) {
    if (candidate.id.empty()) return;
    if (node(candidate.id) == nullptr) nodes_.push_back(candidate);
  };
  add_node(own_node(lineage));
  for (const RevisionNode& node : lineage.history) add_node(node);
}

const RevisionNode* Ancestry::node(const std::string& id) const {
  for (const RevisionNode& node : nodes_)
    if (node.id == id) return &node;
  return nullptr;
}

std::vector<std::string> Ancestry::ancestors_of(const std::string& id) const {
  std::vector<std::string> order;
  if (id.empty()) return order;
  std::unordered_set<std::string> seen{id};
  order.push_back(id);
  for (std::size_t next = 0; next < order.size(); ++next) {
    const RevisionNode* node = this->node(order[next]);
    if (node == nullptr) continue;
    for (const std::string& parent : node->parents)
      if (seen.insert(parent).second) order.push_back(parent);
  }
  return order;
}

bool Ancestry::is_ancestor(const std::string& ancestor, const std::string& of) const {
  const std::vector<std::string> all = ancestors_of(of);
  return std::find(all.begin(), all.end(), ancestor) != all.end();
}

std::vector<std::string> common_ancestors(const Lineage& ours, const Lineage& theirs) {
  if (ours.plan_id.empty() || ours.plan_id != theirs.plan_id) return {};
  Ancestry ancestry;
  ancestry.add(ours);
  ancestry.add(theirs);
  const std::vector<std::string> of_ours = ancestry.ancestors_of(ours.revision);
  const std::unordered_set<std::string> in_ours(of_ours.begin(), of_ours.end());
  std::vector<std::string> common;
  for (const std::string& id : ancestry.ancestors_of(theirs.revision))
    if (in_ours.count(id) > 0) common.push_back(id);
  // The latest first: those no other common ancestor descends from. A stable partition keeps the
  // nearest-to-theirs order within both groups.
  const auto is_latest = [&](const std::string& id) {
    return std::none_of(common.begin(), common.end(), [&](const std::string& other) {
      return other != id && ancestry.is_ancestor(id, other);
    });
  };
  std::stable_partition(common.begin(), common.end(), is_latest);
  return common;
}

bool descends_from(const Lineage& lineage, const std::string& revision) {
  if (revision.empty()) return false;
  Ancestry ancestry;
  ancestry.add(lineage);
  return ancestry.is_ancestor(revision, lineage.revision);
}

namespace {

// `lineage`'s revision `revision` with `parents`, the history the nodes nearest to it.
Lineage with_history(Lineage lineage, const std::string& revision, std::vector<std::string> parents,
                     const std::vector<const Lineage*>& from) {
  Ancestry ancestry;
  for (const Lineage* l : from) ancestry.add(*l);
  lineage.revision = revision;
  lineage.history = nearest_nodes(ancestry, parents, kMaxLineageHistory);
  lineage.parents = std::move(parents);
  return lineage;
}

}  // namespace

Lineage next_lineage(const Lineage& current, const std::string& revision,
                     const std::string& new_plan_id) {
  Lineage next;
  next.plan_id = current.plan_id.empty() ? new_plan_id : current.plan_id;
  std::vector<std::string> parents;
  if (!current.revision.empty()) parents.push_back(current.revision);
  return with_history(std::move(next), revision, std::move(parents), {&current});
}

Lineage merged_lineage(const Lineage& ours, const Lineage& theirs, const std::string& revision) {
  Lineage merged;
  merged.plan_id = ours.plan_id.empty() ? theirs.plan_id : ours.plan_id;
  std::vector<std::string> parents;
  for (const std::string& parent : {ours.revision, theirs.revision})
    if (!parent.empty() && std::find(parents.begin(), parents.end(), parent) == parents.end())
      parents.push_back(parent);
  return with_history(std::move(merged), revision, std::move(parents), {&ours, &theirs});
}

bool same_content(const Plan& a, const Plan& b) {
  return diff_records(a, b).empty();
}

Lineage download_lineage(const Plan& plan, const Plan* written, const std::string& revision,
                         const std::string& new_plan_id) {
  const Lineage& current = plan.lineage;
  if (!current.plan_id.empty() && !current.revision.empty() && written != nullptr &&
      same_content(*written, plan))
    return current;
  return next_lineage(current, revision, new_plan_id);
}

std::optional<MergeBase> find_merge_base(const Lineage& ours, const Lineage& theirs,
                                         const StoredRevision& stored) {
  const std::vector<std::string> common = common_ancestors(ours, theirs);
  for (std::size_t i = 0; i < common.size(); ++i)
    if (std::optional<Plan> base = stored(common[i]))
      return MergeBase{common[i], std::move(*base), i == 0};
  return std::nullopt;
}

}  // namespace sto
