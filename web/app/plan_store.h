// "Mijn plannen": several plans kept side by side in browser storage, each with its last
// versions, written so that a failed or partial write never replaces the last good save and an
// older tab never overwrites newer work. Pure logic over platform/browser.h storage, so the
// native smoke test exercises it with in-memory storage.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "format/text_delta.h"
#include "model/text.h"

namespace sto::ui {

inline constexpr int kVersionsKept = 20;
// Edits saved within this time of a version's first save join that version, so the versions kept
// reach back over hours of editing instead of the last few minutes.
inline constexpr double kVersionMergeMs = 60'000;

// A version names at most this many different edits (the rest it counts in changes_more), so a
// minute of many edits keeps the index small.
inline constexpr std::size_t kChangesNamed = 8;

struct StoredVersion {
  int number = 0;
  double saved_ms = 0;
  double started_ms = 0;  // the first save merged into this version (0: saved_ms, older index)
  LocalizedText change;   // what changed: the latest edit, or what made it (a file opened …)
  int edits = 0;          // edits this version holds; 0: a version of its own, never merged into
  std::size_t bytes = 0;  // size of the stored text (0: unknown, older index)
  // The lineage revision this text was written to a file as (a download, a file opened, a
  // merge), so a returned copy finds the version it was made from; "": none. An index of the
  // release before holds numbers: "#5" (see version_of_revision).
  std::string revision{};
  // Every different edit the version holds, oldest first (at most kChangesNamed; empty in an
  // older index, and for a version of its own: `change` says it), and how many more there were.
  std::vector<LocalizedText> changes{};
  int changes_more = 0;
};

// A copy of the plan received from a partner and merged in, kept by its lineage revision: the
// next copy that partner returns was made from it, so it is the base to compare against.
struct ReceivedCopy {
  std::string revision;
  std::size_t bytes = 0;
};
inline constexpr std::size_t kReceivedCopiesKept = 16;  // per plan; the oldest goes first

// What a save holds, for the version list: the latest edit and how many edits since the last
// save, or (edits 0) an event that gets a version of its own (a file opened, a version restored).
struct VersionChange {
  LocalizedText what;
  int edits = 0;
  std::string revision{};  // StoredVersion::revision
  // The different edits since the last save, oldest first; empty: `what` alone (edits only).
  std::vector<LocalizedText> named{};
};

// Whether a text to store was copied to the page already (platform::storage_stage_begin).
enum class TextStaged { no, yes };

struct StoredPlan {
  std::string id;
  std::string name;  // the plan's display name at its last save, unless named_by_user
  double updated_ms = 0;
  double downloaded_ms = 0;             // 0 = never downloaded
  std::uint64_t generation = 0;         // bumped by every save, from any tab
  std::vector<StoredVersion> versions;  // oldest first, at most kVersionsKept
  bool deleted = false;                 // in the bin until the next start, so delete can be undone
  // Named in Mijn plannen (or as a copy): saves keep `name` instead of giving it the plan's.
  bool named_by_user = false;
  std::vector<ReceivedCopy> received{};  // oldest first, at most kReceivedCopiesKept
};

enum class SaveStatus {
  saved,
  conflict,      // another tab saved this plan after we last loaded or saved it
  quota,         // storage is full, even after dropping old versions
  unavailable,   // storage is switched off or not allowed (private mode, policy)
  not_verified,  // the write did not read back identically
  deleted        // another tab deleted this plan (in the bin, or removed for good)
};

struct SaveOutcome {
  SaveStatus status = SaveStatus::saved;
  std::uint64_t generation = 0;  // the plan's generation after the save
  int dropped_for_space = 0;     // older versions (of any plan) removed to make room
};

// The bytes a plan takes in storage: all its versions (versions of unknown size count nothing).
std::size_t stored_bytes(const StoredPlan& plan);

// How long a plan may have changes that are in no downloaded file before Mijn plannen reminds
// the user to download it (the file is the real backup; browsers may clear their storage).
inline constexpr double kDownloadReminderMs = 3 * 24 * 3600'000.0;
// True when the plan changed since its last download (or was never downloaded) and that download
// (or, never downloaded, its oldest version) is more than kDownloadReminderMs before `now_ms`.
bool download_reminder_due(const StoredPlan& plan, double now_ms);

// What moving an earlier release's plans over found.
struct Migration {
  int plans_taken = 0;    // copied over (new here, or newer there)
  int plans_skipped = 0;  // already here at the same or a newer generation
};

// What rebuilding a damaged index found: every plan with stored versions is listed again.
struct IndexRepair {
  int plans = 0;
  int versions = 0;
  int unnamed = 0;  // plans whose newest version gave no name (listed by their id)
};

// A plan as it is in storage now, re-read so that other tabs' saves and deletions show.
struct StoredState {
  bool listed = false;   // in the index (also while in the bin)
  bool deleted = false;  // in the bin
  std::uint64_t generation = 0;
};

// The newest version of a plan that still loads, with what was passed over to find it.
struct Recovered {
  std::string text;
  int version = 0;
  double saved_ms = 0;
  int damaged_versions_skipped = 0;  // newer versions that were damaged
};

class PlanStore {
 public:
  // Reads the index from storage; rebuilds it from the stored versions when it is damaged, and
  // empties the bin of plans deleted in an earlier session.
  void open();
  // Moves the plans an earlier release kept in localStorage (platform legacy_storage_*) over,
  // before open(). A plan stored on both sides is taken from the side with the higher generation: a
  // tab still running the old release may have saved after an earlier move. Copied versions are
  // written under new numbers after the plan's own, the index last; the old entries are released
  // (removed once the copies are committed and read back), so a failure loses nothing.
  Migration migrate_legacy();
  // Reads the index again (another tab changed it) without emptying the bin.
  void refresh() { read_index(); }

  const std::vector<StoredPlan>& plans() const { return plans_; }
  const StoredPlan* find(const std::string& id) const;
  bool index_was_rebuilt() const { return index_rebuilt_; }
  // After a rebuild: what was found. Names come from `name_of` applied to each plan's newest
  // version text ("" when it cannot tell); the dates of versions are lost with the index.
  template <class NameFn>
  IndexRepair name_rebuilt_plans(NameFn name_of);

  // A new, unused plan id.
  std::string new_id() const;

  // Stores `text` as the newest version of plan `id`, listed as `name` (the plan's display name:
  // a plan renamed in its region or title follows it; not one the user named), unless
  // another tab saved it since `expected_generation` (then nothing is written: conflict) or deleted
  // it (a plan in the bin, or gone although it was stored before: deleted, nothing written). Old
  // versions beyond kVersionsKept are dropped, those without a revision first (a revision may be
  // the base of a copy still to come back); when storage is full, older versions of all plans
  // are dropped (never the newest of any) before giving up. Every write is read back and compared.
  // Edits (change.edits > 0) within kVersionMergeMs of the newest version's start replace it
  // instead of adding one; the replaced version is removed only after the new one is stored.
  // `staged`: `text` was copied to the page already (platform::storage_stage_begin): that copy
  // is stored.
  SaveOutcome save(const std::string& id, const std::string& name, std::string_view text,
                   std::uint64_t expected_generation, double now_ms,
                   const VersionChange& change = {}, TextStaged staged = TextStaged::no);

  // A version older than the newest two is stored again as a delta against the next newer one
  // (so 20 versions take about two copies), apart from save() and one step a call, so that the
  // app does each step in a frame of its own: read the version and its base, make the delta, check
  // that it gives the version back (each a part per call, for about `budget_ms`), write it. Best
  // effort: a version that cannot be rewritten, or was changed or removed meanwhile, stays as it
  // is.
  bool delta_due() const { return delta_work_.has_value() || !delta_due_.empty(); }
  void continue_delta(double budget_ms = 0);

  // The text of one stored version, if it is still there and not damaged (an older version is
  // stored as a delta against the next newer one: both must be intact).
  std::optional<std::string> read_version(const std::string& id, int number) const;
  // The newest version of plan `id` written as lineage revision `revision`, if one is kept. A
  // version of the release before names its revision by number: it is `revision` when
  // legacy_revision_id(lineage_plan_id, number) is, as its file migrates.
  std::optional<int> version_of_revision(const std::string& id, const std::string& revision,
                                         const std::string& lineage_plan_id) const;

  // Keeps `text`, a copy received and merged into plan `id`, as lineage revision `revision`
  // (beyond kReceivedCopiesKept the oldest is removed). Best effort: false when it could not be
  // written; the plan itself is untouched either way.
  bool keep_received(const std::string& id, const std::string& revision, std::string_view text);
  // The text of a received copy kept for plan `id`, if it is there.
  std::optional<std::string> read_received(const std::string& id,
                                           const std::string& revision) const;
  // The newest version that `loads` accepts, trying older ones when the newest are damaged.
  template <class LoadsFn>
  std::optional<Recovered> newest_good_version(const std::string& id, LoadsFn loads) const;

  // The plan as it is in storage now (re-read, so another tab's save or delete shows).
  StoredState stored_state(const std::string& id) const;

  // The user's own name for a plan: saves keep it from now on.
  void rename(const std::string& id, const std::string& name);
  void set_deleted(const std::string& id, bool deleted);
  void mark_downloaded(const std::string& id, double now_ms);

  std::string last_open_id() const;
  void set_last_open_id(const std::string& id);

 private:
  SaveStatus write_index();
  void read_index();
  void rebuild_index();
  // Plans listed from the version keys `keys` (".../plan/<id>/<n>"), each named by its id.
  static std::vector<StoredPlan> plans_from_version_keys(const std::vector<std::string>& keys);
  StoredPlan* find_mutable(const std::string& id);
  bool drop_oldest_version_anywhere();

  std::vector<StoredPlan> plans_;
  std::string parsed_index_text_;  // the index text read last, and what it parsed to
  std::vector<StoredPlan> parsed_index_;
  bool index_rebuilt_ = false;
  struct DeltaDue {
    std::string id;
    int number = 0;  // the version to store as a delta
    int base = 0;    // against this newer one
  };
  std::vector<DeltaDue> delta_due_;
  enum class DeltaStep { read_older, read_base, make, check, write };
  struct DeltaWork {
    DeltaDue due;
    DeltaStep step = DeltaStep::read_older;
    std::string older, base, delta;
    // Over the texts above, made once both are read (so never moved while they look at them).
    std::optional<DeltaMaking> making;
    std::optional<DeltaChecking> checking;
  };
  void write_delta(const DeltaWork& work);
  std::optional<DeltaWork> delta_work_;
};

template <class NameFn>
IndexRepair PlanStore::name_rebuilt_plans(NameFn name_of) {
  IndexRepair repair;
  for (StoredPlan& plan : plans_) {
    ++repair.plans;
    repair.versions += static_cast<int>(plan.versions.size());
    std::string name;
    for (auto v = plan.versions.rbegin(); v != plan.versions.rend() && name.empty(); ++v)
      if (auto text = read_version(plan.id, v->number)) name = name_of(*text);
    if (name.empty()) {
      ++repair.unnamed;
    } else {
      plan.name = std::move(name);
    }
  }
  write_index();
  return repair;
}

template <class LoadsFn>
std::optional<Recovered> PlanStore::newest_good_version(const std::string& id,
                                                        LoadsFn loads) const {
  const StoredPlan* plan = find(id);
  if (plan == nullptr) return std::nullopt;
  int damaged = 0;
  for (auto v = plan->versions.rbegin(); v != plan->versions.rend(); ++v) {
    auto text = read_version(id, v->number);
    if (text && loads(*text)) return Recovered{std::move(*text), v->number, v->saved_ms, damaged};
    ++damaged;
  }
  return std::nullopt;
}

}  // namespace sto::ui
