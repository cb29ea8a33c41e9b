// Browser storage layout (all keys start with "sto-planner/"; in IndexedDB, or in localStorage
// where IndexedDB cannot be used, and in localStorage in releases before IndexedDB):
//   index            the list of plans and their versions (cereal JSON)
//   plan/<id>/<n>    version n of plan <id>: plan-file text, or (all but the two newest)
//                    "sto-planner-delta <m>\n" and a core/format/text_delta.h delta that makes it
//                    from version m, the next newer one; so 20 versions take about two copies
//   last-open        the id of the plan open last
// A save writes the new version first, reads it back, and only then updates the index, so a
// failure at any step leaves the previous good save in place. A version that merges edits of the
// last minute is written under the next number too; the one it replaces goes after the index.
// With IndexedDB the writes of one save commit in one transaction, and a write's failure (a full
// disk, another tab's commit first) arrives after save() returned: the app hears of it through
// App::storage_write_failed. save() therefore drops old versions for room only where storage says
// "full" at once (localStorage); an IndexedDB quota is a share of the whole disk, and when it is
// reached the app reports the storage full rather than deleting versions on a guess.
// The two newest versions stay whole, so a damaged newest one still leaves a good one to open;
// a version becomes a delta only once two newer ones are stored, and only after its delta was
// checked to give it back. A version whose delta does not apply is read as damaged.
#include "app/plan_store.h"

#include <algorithm>
#include <cereal/archives/json.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>
#include <cstdlib>
#include <sstream>

#include "exchange/lineage.h"
#include "format/string_archive.h"
#include "format/text_delta.h"
#include "platform/browser.h"

namespace sto::ui {

// Version 2 added what a version changed, when it started and its size; version 3 the lineage
// revision it was written as (a number); version 4 that revision as an id, and every different
// edit the version holds.
template <class Archive>
void save(Archive& ar, const StoredVersion& v, const std::uint32_t) {
  std::vector<std::string> nl, en;
  for (const LocalizedText& c : v.changes) {
    nl.push_back(c.nl);
    en.push_back(c.en);
  }
  ar(cereal::make_nvp("number", v.number), cereal::make_nvp("saved_ms", v.saved_ms),
     cereal::make_nvp("started_ms", v.started_ms), cereal::make_nvp("change_nl", v.change.nl),
     cereal::make_nvp("change_en", v.change.en), cereal::make_nvp("edits", v.edits),
     cereal::make_nvp("bytes", v.bytes), cereal::make_nvp("revision", v.revision),
     cereal::make_nvp("changes_nl", nl), cereal::make_nvp("changes_en", en),
     cereal::make_nvp("changes_more", v.changes_more));
}
template <class Archive>
void load(Archive& ar, StoredVersion& v, const std::uint32_t version) {
  ar(cereal::make_nvp("number", v.number), cereal::make_nvp("saved_ms", v.saved_ms));
  if (version >= 2)
    ar(cereal::make_nvp("started_ms", v.started_ms), cereal::make_nvp("change_nl", v.change.nl),
       cereal::make_nvp("change_en", v.change.en), cereal::make_nvp("edits", v.edits),
       cereal::make_nvp("bytes", v.bytes));
  if (version == 3) {
    std::int64_t number = 0;
    ar(cereal::make_nvp("revision", number));
    if (number > 0) v.revision = "#" + std::to_string(number);
  }
  if (version >= 4) {
    std::vector<std::string> nl, en;
    ar(cereal::make_nvp("revision", v.revision), cereal::make_nvp("changes_nl", nl),
       cereal::make_nvp("changes_en", en), cereal::make_nvp("changes_more", v.changes_more));
    v.changes.clear();  // (a damaged entry with lists of different lengths: the common part)
    for (std::size_t i = 0; i < nl.size() && i < en.size(); ++i)
      v.changes.push_back({nl[i], en[i]});
  }
}

template <class Archive>
void serialize(Archive& ar, ReceivedCopy& r, const std::uint32_t) {
  ar(cereal::make_nvp("revision", r.revision), cereal::make_nvp("bytes", r.bytes));
}

// Version 2 added whether the user named the plan, and the received copies.
template <class Archive>
void serialize(Archive& ar, StoredPlan& p, const std::uint32_t version) {
  ar(cereal::make_nvp("id", p.id), cereal::make_nvp("name", p.name),
     cereal::make_nvp("updated_ms", p.updated_ms),
     cereal::make_nvp("downloaded_ms", p.downloaded_ms),
     cereal::make_nvp("generation", p.generation), cereal::make_nvp("versions", p.versions),
     cereal::make_nvp("deleted", p.deleted));
  if (version >= 2)
    ar(cereal::make_nvp("named_by_user", p.named_by_user),
       cereal::make_nvp("received", p.received));
}

}  // namespace sto::ui

CEREAL_CLASS_VERSION(sto::ui::StoredVersion, 4)
CEREAL_CLASS_VERSION(sto::ui::ReceivedCopy, 1)
CEREAL_CLASS_VERSION(sto::ui::StoredPlan, 2)

namespace sto::ui {

namespace {

const std::string kPrefix = "sto-planner/";
const std::string kIndexKey = kPrefix + "index";
const std::string kLastOpenKey = kPrefix + "last-open";
const std::string kDeltaMarker = "sto-planner-delta ";

std::string version_key(const std::string& id, int number) {
  return kPrefix + "plan/" + id + "/" + std::to_string(number);
}

std::string received_key(const std::string& id, const std::string& revision) {
  return kPrefix + "received/" + id + "/" + revision;
}

// The newer version a stored delta is made from, or nothing for a whole text (or a damaged
// marker: then -1).
int delta_base(const std::string& stored) {
  if (stored.rfind(kDeltaMarker, 0) != 0) return 0;
  const std::size_t newline = stored.find('\n');
  const std::string base_text = stored.substr(
      kDeltaMarker.size(), newline == std::string::npos ? 0 : newline - kDeltaMarker.size());
  if (newline == std::string::npos || base_text.empty() || base_text.size() > 9 ||
      base_text.find_first_not_of("0123456789") != std::string::npos)
    return -1;
  return std::stoi(base_text);
}

// The text of version `number`, given what `stored(n)` holds for version n: whole, or a delta
// applied to the newer version it names; nothing when the chain is broken or damaged.
template <class StoredFn>
std::optional<std::string> resolved_version(int number, StoredFn stored) {
  auto text = stored(number);
  if (!text) return std::nullopt;
  const int base = delta_base(*text);
  if (base == 0) return text;
  // Bases are newer versions: the chain ends at a whole text, never loops.
  if (base <= number) return std::nullopt;
  const auto base_version = resolved_version(base, stored);
  if (!base_version) return std::nullopt;
  return apply_delta(*base_version, std::string_view(*text).substr(text->find('\n') + 1));
}

std::optional<std::vector<StoredPlan>> parse_index(const std::string& text) {
  try {
    std::istringstream stream(text);
    cereal::JSONInputArchive archive(stream);
    std::vector<StoredPlan> plans;
    archive(cereal::make_nvp("plans", plans));
    return plans;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::string index_text(const std::vector<StoredPlan>& plans) {
  return compact_json(cereal::make_nvp("plans", plans));
}

SaveStatus status_of(platform::StorageStatus status) {
  switch (status) {
    case platform::StorageStatus::ok: return SaveStatus::saved;
    case platform::StorageStatus::quota_exceeded: return SaveStatus::quota;
    case platform::StorageStatus::unavailable: return SaveStatus::unavailable;
    case platform::StorageStatus::not_verified: return SaveStatus::not_verified;
  }
  return SaveStatus::unavailable;
}

// Writes one storage entry. The platform reads every write back (localStorage at once, IndexedDB
// after its commit): a copy of a whole plan text back into wasm here would cost a frame for a
// large plan.
SaveStatus write_entry(std::string_view key, std::string_view value) {
  return status_of(platform::storage_set(key, value));
}

// Adds `change` to the edits `version` names, unless it is already named (or says nothing);
// beyond kChangesNamed it is counted only.
void add_named_change(StoredVersion& version, const LocalizedText& change) {
  if (change.nl.empty() && change.en.empty()) return;
  for (const LocalizedText& c : version.changes)
    if (c.nl == change.nl && c.en == change.en) return;
  if (version.changes.size() < kChangesNamed) {
    version.changes.push_back(change);
  } else {
    ++version.changes_more;
  }
}

}  // namespace

void PlanStore::open() {
  read_index();
  // Plans deleted in an earlier session can no longer be undone: remove them for good.
  for (const StoredPlan& plan : plans_)
    if (plan.deleted) {
      for (const ReceivedCopy& r : plan.received)
        platform::storage_remove(received_key(plan.id, r.revision));
      for (const StoredVersion& v : plan.versions)
        platform::storage_remove(version_key(plan.id, v.number));
    }
  const auto before = plans_.size();
  plans_.erase(
      std::remove_if(plans_.begin(), plans_.end(), [](const StoredPlan& p) { return p.deleted; }),
      plans_.end());
  if (plans_.size() != before) write_index();
}

void PlanStore::read_index() {
  index_rebuilt_ = false;
  const auto text = platform::storage_get(kIndexKey);
  if (!text) {
    plans_.clear();
    if (!platform::storage_keys(kPrefix + "plan/").empty()) rebuild_index();
    return;
  }
  // Read before every save: parsing the same text again would cost each save a millisecond.
  if (*text == parsed_index_text_) {
    plans_ = parsed_index_;
  } else if (auto parsed = parse_index(*text)) {
    plans_ = std::move(*parsed);
    parsed_index_text_ = *text;
    parsed_index_ = plans_;
  } else {
    rebuild_index();
  }
}

// The index is damaged or gone but versions remain: list them again, named by their id.
void PlanStore::rebuild_index() {
  index_rebuilt_ = true;
  plans_ = plans_from_version_keys(platform::storage_keys(kPrefix + "plan/"));
  write_index();
}

std::vector<StoredPlan> PlanStore::plans_from_version_keys(const std::vector<std::string>& keys) {
  std::vector<StoredPlan> plans;
  const std::string plan_prefix = kPrefix + "plan/";
  for (const std::string& key : keys) {
    if (key.compare(0, plan_prefix.size(), plan_prefix) != 0) continue;
    const std::string rest = key.substr(plan_prefix.size());
    const auto slash = rest.find('/');
    if (slash == std::string::npos) continue;
    const std::string id = rest.substr(0, slash);
    const std::string number_text = rest.substr(slash + 1);
    if (number_text.empty() || number_text.find_first_not_of("0123456789") != std::string::npos ||
        number_text.size() > 9)
      continue;
    auto plan =
        std::find_if(plans.begin(), plans.end(), [&](const StoredPlan& p) { return p.id == id; });
    if (plan == plans.end()) {
      plans.push_back(StoredPlan{id, id, 0, 0, 1, {}, false});
      plan = plans.end() - 1;
    }
    StoredVersion version;
    version.number = std::stoi(number_text);
    plan->versions.push_back(version);
  }
  for (StoredPlan& plan : plans)
    std::sort(plan.versions.begin(), plan.versions.end(),
              [](const StoredVersion& a, const StoredVersion& b) { return a.number < b.number; });
  return plans;
}

Migration PlanStore::migrate_legacy() {
  Migration result;
  const std::vector<std::string> keys = platform::legacy_storage_keys(kPrefix);
  if (keys.empty()) return result;
  read_index();
  const auto old_index = platform::legacy_storage_get(kIndexKey);
  std::optional<std::vector<StoredPlan>> old_plans;
  if (old_index) old_plans = parse_index(*old_index);
  // A damaged or missing old index: its versions are listed by id, as a rebuild here would.
  if (!old_plans) old_plans = plans_from_version_keys(keys);
  std::vector<std::pair<std::string, std::string>> released;  // old key, the text it held
  std::vector<std::string> superseded;                        // our version keys the copies replace
  for (const StoredPlan& old : *old_plans) {
    StoredPlan* here = find_mutable(old.id);
    std::vector<std::pair<std::string, std::string>> entries;
    for (const StoredVersion& v : old.versions)
      if (auto text = platform::legacy_storage_get(version_key(old.id, v.number)))
        entries.emplace_back(version_key(old.id, v.number), std::move(*text));
    if (here != nullptr && here->generation >= old.generation) {
      ++result.plans_skipped;
      released.insert(released.end(), entries.begin(), entries.end());
      continue;
    }
    StoredPlan taken = old;
    taken.versions.clear();
    int number = here != nullptr && !here->versions.empty() ? here->versions.back().number : 0;
    for (const StoredVersion& v : old.versions) {
      const auto entry = std::find_if(entries.begin(), entries.end(), [&](const auto& e) {
        return e.first == version_key(old.id, v.number);
      });
      if (entry == entries.end()) continue;  // listed but gone: nothing to copy
      StoredVersion copy = v;
      copy.number = ++number;
      // Renumbered, so a delta (stored by a release that fell back to localStorage) goes over
      // whole: its base's number changes.
      const auto text = resolved_version(v.number, [&](int n) -> std::optional<std::string> {
        for (const auto& e : entries)
          if (e.first == version_key(old.id, n)) return e.second;
        return std::nullopt;
      });
      if (!text) continue;  // a damaged delta: nothing good to copy
      if (write_entry(version_key(old.id, copy.number), *text) != SaveStatus::saved) {
        read_index();
        return {};
      }
      taken.versions.push_back(copy);
    }
    if (taken.versions.empty()) {  // nothing left to copy: keep what is here
      ++result.plans_skipped;
      continue;
    }
    if (here != nullptr) {
      for (const StoredVersion& v : here->versions)
        superseded.push_back(version_key(here->id, v.number));
      *here = std::move(taken);
    } else {
      plans_.push_back(std::move(taken));
    }
    released.insert(released.end(), entries.begin(), entries.end());
    ++result.plans_taken;
  }
  if (write_index() != SaveStatus::saved) {
    read_index();
    return {};
  }
  for (const std::string& key : superseded) platform::storage_remove(key);
  if (old_index) released.emplace_back(kIndexKey, *old_index);
  if (const auto old_last_open = platform::legacy_storage_get(kLastOpenKey)) {
    if (!platform::storage_get(kLastOpenKey)) platform::storage_set(kLastOpenKey, *old_last_open);
    released.emplace_back(kLastOpenKey, *old_last_open);
  }
  for (const auto& [key, text] : released) platform::legacy_storage_release(key, text);
  return result;
}

SaveStatus PlanStore::write_index() {
  std::string text = index_text(plans_);
  const SaveStatus status = write_entry(kIndexKey, text);
  if (status == SaveStatus::saved) {
    parsed_index_text_ = std::move(text);
    parsed_index_ = plans_;
  }
  return status;
}

const StoredPlan* PlanStore::find(const std::string& id) const {
  for (const StoredPlan& plan : plans_)
    if (plan.id == id) return &plan;
  return nullptr;
}

StoredPlan* PlanStore::find_mutable(const std::string& id) {
  return const_cast<StoredPlan*>(static_cast<const PlanStore*>(this)->find(id));
}

std::string PlanStore::new_id() const {
  // Time-based so ids made in two tabs at once differ; a counter settles same-millisecond calls.
  const auto stamp = static_cast<std::uint64_t>(platform::now_ms());
  for (std::uint64_t n = 0;; ++n) {
    std::string id = "p" + std::to_string(stamp) + (n ? "-" + std::to_string(n) : "");
    if (find(id) == nullptr && platform::storage_keys(kPrefix + "plan/" + id + "/").empty())
      return id;
  }
}

StoredState PlanStore::stored_state(const std::string& id) const {
  const auto text = platform::storage_get(kIndexKey);
  if (!text) return {};
  const auto plans = parse_index(*text);
  if (!plans) return {};
  for (const StoredPlan& plan : *plans)
    if (plan.id == id) return {true, plan.deleted, plan.generation};
  return {};
}

bool PlanStore::drop_oldest_version_anywhere() {
  StoredPlan* oldest_owner = nullptr;
  for (StoredPlan& plan : plans_)
    if (plan.versions.size() > 1 &&
        (oldest_owner == nullptr ||
         plan.versions.front().saved_ms < oldest_owner->versions.front().saved_ms))
      oldest_owner = &plan;
  if (oldest_owner == nullptr) return false;
  platform::storage_remove(version_key(oldest_owner->id, oldest_owner->versions.front().number));
  oldest_owner->versions.erase(oldest_owner->versions.begin());
  return true;
}

SaveOutcome PlanStore::save(const std::string& id, const std::string& name, std::string_view text,
                            std::uint64_t expected_generation, double now_ms,
                            const VersionChange& change, TextStaged staged) {
  // Another tab may have saved since we last looked: take the index as it is in storage now.
  read_index();
  StoredPlan* plan = find_mutable(id);
  // Saving into a plan another tab deleted would bring it back unasked, or lose the work when the
  // bin is emptied: the user decides.
  if ((plan != nullptr && plan->deleted) || (plan == nullptr && expected_generation > 0))
    return {SaveStatus::deleted, expected_generation};
  if (plan != nullptr && plan->generation != expected_generation)
    return {SaveStatus::conflict, plan->generation};
  if (plan == nullptr) {
    plans_.push_back(StoredPlan{id, name, now_ms, 0, 0, {}, false});
    plan = &plans_.back();
  }
  StoredVersion version{plan->versions.empty() ? 1 : plan->versions.back().number + 1,
                        now_ms,
                        now_ms,
                        change.what,
                        change.edits,
                        text.size(),
                        change.revision};
  std::optional<int> replaced;  // the newest version, when this save merges into it
  if (!plan->versions.empty()) {
    const StoredVersion& newest = plan->versions.back();
    const double started = newest.started_ms > 0 ? newest.started_ms : newest.saved_ms;
    if (change.edits > 0 && newest.edits > 0 && now_ms - started < kVersionMergeMs) {
      replaced = newest.number;
      version.started_ms = started;
      version.edits += newest.edits;
      // It names the edits it joins too (a version of an older index: its latest edit).
      if (newest.changes.empty())
        add_named_change(version, newest.change);
      else
        for (const LocalizedText& c : newest.changes) add_named_change(version, c);
      version.changes_more += newest.changes_more;
    }
  }
  if (change.edits > 0) {
    if (change.named.empty()) add_named_change(version, change.what);
    for (const LocalizedText& c : change.named) add_named_change(version, c);
  }
  const std::string key = version_key(id, version.number);
  const SaveStatus first = staged == TextStaged::yes ? status_of(platform::storage_set_staged(key))
                                                     : write_entry(key, text);
  SaveOutcome outcome{first, expected_generation, 0};
  while (outcome.status == SaveStatus::quota && drop_oldest_version_anywhere()) {
    ++outcome.dropped_for_space;
    outcome.status = write_entry(key, text);
  }
  if (outcome.status != SaveStatus::saved) {
    platform::storage_remove(key);  // never leave a partial version behind
    read_index();
    return outcome;
  }
  plan = find_mutable(id);
  plan->updated_ms = now_ms;
  // Listed by what the plan is called now (its region or title may have been renamed since the
  // plan was first stored), unless the user gave it a name of their own.
  if (!plan->named_by_user && !name.empty()) plan->name = name;
  plan->generation = expected_generation + 1;
  if (replaced && plan->versions.back().number == *replaced) plan->versions.pop_back();
  plan->versions.push_back(version);
  std::vector<int> removed;
  if (replaced) removed.push_back(*replaced);
  while (plan->versions.size() > static_cast<std::size_t>(kVersionsKept)) {
    // The oldest without a revision, else the oldest; never the one just saved.
    auto drop = std::find_if(plan->versions.begin(), plan->versions.end() - 1,
                             [](const StoredVersion& v) { return v.revision.empty(); });
    if (drop == plan->versions.end() - 1) drop = plan->versions.begin();
    removed.push_back(drop->number);
    plan->versions.erase(drop);
  }
  const SaveStatus index_status = write_index();
  if (index_status != SaveStatus::saved) {
    platform::storage_remove(key);
    read_index();
    return {index_status, expected_generation, outcome.dropped_for_space};
  }
  // A version kept for its revision may be a delta made from one dropped now: it goes whole first.
  // Only those: any other delta's base is newer than it and so dropped after it (and reading every
  // version back on each save would copy whole texts out of storage on the hot path).
  const bool dropped = removed.size() > (replaced ? 1u : 0u);
  bool rewritten = false;
  for (StoredVersion& kept : plan->versions) {
    if (!dropped || kept.revision.empty()) continue;
    const std::string kept_key = version_key(id, kept.number);
    const auto stored = platform::storage_get(kept_key);
    if (!stored || std::find(removed.begin(), removed.end(), delta_base(*stored)) == removed.end())
      continue;
    const auto whole = read_version(id, kept.number);
    if (whole && write_entry(kept_key, *whole) == SaveStatus::saved) {
      kept.bytes = whole->size();  // what Mijn plannen counts for it
      rewritten = true;
    }
  }
  if (rewritten) write_index();
  for (int number : removed) platform::storage_remove(version_key(id, number));
  // A merged save leaves the versions before it as they were; a new one makes the version two
  // before it (whole until now) the next to become a delta.
  if (!replaced && plan->versions.size() >= 3)
    delta_due_.push_back({id, plan->versions[plan->versions.size() - 3].number,
                          plan->versions[plan->versions.size() - 2].number});
  return {SaveStatus::saved, plan->generation, outcome.dropped_for_space};
}

std::size_t stored_bytes(const StoredPlan& plan) {
  std::size_t total = 0;
  for (const StoredVersion& v : plan.versions) total += v.bytes;
  for (const ReceivedCopy& r : plan.received) total += r.bytes;
  return total;
}

bool download_reminder_due(const StoredPlan& plan, double now_ms) {
  if (plan.versions.empty() || plan.updated_ms <= plan.downloaded_ms) return false;
  const StoredVersion& oldest = plan.versions.front();
  const double since = plan.downloaded_ms > 0
                           ? plan.downloaded_ms
                           : (oldest.started_ms > 0 ? oldest.started_ms : oldest.saved_ms);
  return now_ms - since > kDownloadReminderMs;
}

namespace {

// Bytes hashed or compared between two looks at the clock: a fraction of a millisecond in wasm.
constexpr std::size_t kDeltaPartBytes = 64 * 1024;

}  // namespace

void PlanStore::continue_delta(double budget_ms) {
  if (!delta_work_) {
    if (delta_due_.empty()) return;
    DeltaWork work;
    work.due = delta_due_.front();
    delta_work_ = std::move(work);
    delta_due_.erase(delta_due_.begin());
  }
  DeltaWork& work = *delta_work_;
  const std::string key = version_key(work.due.id, work.due.number);
  // Each call reads a part of a text, makes or checks a part of the delta, or writes it: about
  // `budget_ms` for a 5 MB plan.
  bool go_on = true;
  const DeltaStep step = work.step;
  work.step = static_cast<DeltaStep>(static_cast<int>(step) + 1);
  // A whole version (not itself a delta) read a part per call; the step repeats until it is read.
  const auto read_whole = [&](const std::string& from, std::string& into) {
    switch (platform::storage_read_some(from, into, budget_ms)) {
      case platform::ReadProgress::more: work.step = step; return true;
      case platform::ReadProgress::done: return into.rfind(kDeltaMarker, 0) != 0;
      case platform::ReadProgress::missing: return false;
    }
    return false;
  };
  switch (step) {
    case DeltaStep::read_older: go_on = read_whole(key, work.older); break;
    case DeltaStep::read_base:
      go_on = read_whole(version_key(work.due.id, work.due.base), work.base);
      break;
    case DeltaStep::make:
      if (!work.making) work.making.emplace(work.base, work.older);
      if (!platform::run_for(budget_ms, [&] { return work.making->step(kDeltaPartBytes); })) {
        work.step = step;
        break;
      }
      work.delta = work.making->take();
      go_on = work.delta.size() < work.older.size();
      break;
    case DeltaStep::check:
      if (!work.checking) work.checking.emplace(work.base, work.delta, work.older);
      if (!platform::run_for(budget_ms, [&] { return work.checking->step(kDeltaPartBytes); }))
        work.step = step;
      else
        go_on = work.checking->ok();
      break;
    case DeltaStep::write:
      write_delta(work);
      go_on = false;
      break;
  }
  if (!go_on) delta_work_.reset();
}

void PlanStore::write_delta(const DeltaWork& work) {
  // The frames since the texts were read may have dropped either version (the write would bring
  // it back) or saved the plan again from another tab.
  read_index();
  StoredPlan* plan = find_mutable(work.due.id);
  const auto listed = [&](int number) {
    return plan != nullptr &&
           std::any_of(plan->versions.begin(), plan->versions.end(),
                       [&](const StoredVersion& v) { return v.number == number; });
  };
  if (!listed(work.due.number) || !listed(work.due.base)) return;
  const std::string key = version_key(work.due.id, work.due.number);
  const std::string value = kDeltaMarker + std::to_string(work.due.base) + "\n" + work.delta;
  // Best effort: a version that could not be rewritten stays whole.
  if (write_entry(key, value) != SaveStatus::saved) {
    platform::storage_set(key, work.older);
    return;
  }
  // Mijn plannen shows what the plan takes in storage: the delta's size now.
  for (StoredVersion& v : plan->versions)
    if (v.number == work.due.number) v.bytes = value.size();
  write_index();
}

std::optional<std::string> PlanStore::read_version(const std::string& id, int number) const {
  return resolved_version(number, [&](int n) { return platform::storage_get(version_key(id, n)); });
}

std::optional<int> PlanStore::version_of_revision(const std::string& id,
                                                  const std::string& revision,
                                                  const std::string& lineage_plan_id) const {
  const StoredPlan* plan = find(id);
  if (plan == nullptr || revision.empty()) return std::nullopt;
  const auto is_revision = [&](const std::string& stored) {
    if (stored.size() > 1 && stored[0] == '#')  // a damaged number matches nothing
      return legacy_revision_id(lineage_plan_id, std::strtoll(stored.c_str() + 1, nullptr, 10)) ==
             revision;
    return stored == revision;
  };
  for (auto v = plan->versions.rbegin(); v != plan->versions.rend(); ++v)
    if (is_revision(v->revision)) return v->number;
  return std::nullopt;
}

bool PlanStore::keep_received(const std::string& id, const std::string& revision,
                              std::string_view text) {
  read_index();
  StoredPlan* plan = find_mutable(id);
  if (plan == nullptr || revision.empty()) return false;
  auto& received = plan->received;
  const auto same = [&](const ReceivedCopy& r) { return r.revision == revision; };
  if (std::any_of(received.begin(), received.end(), same)) return true;  // kept already
  if (write_entry(received_key(id, revision), text) != SaveStatus::saved) {
    platform::storage_remove(received_key(id, revision));
    return false;
  }
  received.push_back({revision, text.size()});
  std::vector<std::string> removed;
  while (received.size() > kReceivedCopiesKept) {
    removed.push_back(received.front().revision);
    received.erase(received.begin());
  }
  if (write_index() != SaveStatus::saved) {
    platform::storage_remove(received_key(id, revision));
    read_index();
    return false;
  }
  for (const std::string& old : removed) platform::storage_remove(received_key(id, old));
  return true;
}

std::optional<std::string> PlanStore::read_received(const std::string& id,
                                                    const std::string& revision) const {
  const StoredPlan* plan = find(id);
  if (plan == nullptr) return std::nullopt;
  for (const ReceivedCopy& r : plan->received)
    if (r.revision == revision) return platform::storage_get(received_key(id, revision));
  return std::nullopt;
}

void PlanStore::rename(const std::string& id, const std::string& name) {
  read_index();
  if (StoredPlan* plan = find_mutable(id)) {
    plan->name = name;
    plan->named_by_user = true;
    write_index();
  }
}

void PlanStore::set_deleted(const std::string& id, bool deleted) {
  read_index();
  if (StoredPlan* plan = find_mutable(id)) {
    plan->deleted = deleted;
    write_index();
  }
}

void PlanStore::mark_downloaded(const std::string& id, double now_ms) {
  read_index();
  if (StoredPlan* plan = find_mutable(id)) {
    plan->downloaded_ms = now_ms;
    write_index();
  }
}

std::string PlanStore::last_open_id() const {
  return platform::storage_get(kLastOpenKey).value_or("");
}

void PlanStore::set_last_open_id(const std::string& id) {
  platform::storage_set(kLastOpenKey, id);
}

}  // namespace sto::ui
