// Autosave to browser storage, "Mijn plannen", and opening and downloading plan files.
// Nothing here may lose work: a failed save keeps the plan in memory and says so, a refused
// file leaves the current plan as it was, and another tab's newer save is never overwritten.
#include <algorithm>
#include <cereal/archives/json.hpp>
#include <cereal/types/string.hpp>
#include <cstdio>
#include <limits>
#include <sstream>

#include "app/app.h"
#include "model/assets.h"
#include "platform/browser.h"
#include "text/local_time.h"

namespace sto::ui {

namespace {

constexpr double kSaveDelayMs = 400;  // debounce: one save after a burst of edits
// An autosave writes whole activities of about this many budget lines at a time, reading the
// clock between them (kSaveSliceMs, app.h).
constexpr std::size_t kSaveSliceLines = 50;
constexpr const char* kSamplePlan = "samples/voorbeeldregio.json";

std::string clock_text(double ms) {
  const platform::LocalTime t = platform::local_time(ms);
  char text[16];
  std::snprintf(text, sizeof text, "%02d:%02d", t.hour, t.minute);
  return text;
}

// Characters that file systems refuse or that confuse e-mail clients become '-'.
std::string file_name_part(const std::string& text) {
  std::string out;
  for (char c : text) {
    const bool bad = c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' || c == '"' ||
                     c == '<' || c == '>' || c == '|' || c == ' ' || c == '(' || c == ')' ||
                     static_cast<unsigned char>(c) < 0x20;
    if (!bad) {
      out += c;
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "plan" : out;
}

// What a page left behind for its reload when its work was not stored (App::unsaved_work_note).
struct ReloadNote {
  std::string plan_id;
  std::string problem;  // "quota", "unavailable", "not_verified", "conflict", "deleted", "pending"
  template <class Archive>
  void serialize(Archive& ar) {
    ar(cereal::make_nvp("plan_id", plan_id), cereal::make_nvp("problem", problem));
  }
};

// A version's description in both languages: the text of `id`, then `detail` (a name, a number).
LocalizedText version_text(Str id, const std::string& detail) {
  const auto with = [&](Language lang) {
    return detail.empty() ? std::string(tr(id, lang)) : std::string(tr(id, lang)) + " " + detail;
  };
  return {with(Language::nl), with(Language::en)};
}

// A lineage plan id, the same in every copy of the plan wherever it travels: the time and 64
// random bits, so plans started in two browsers never share one.
std::string new_lineage_id() {
  char time[24];
  std::snprintf(time, sizeof time, "%llx-", static_cast<unsigned long long>(platform::now_ms()));
  return time + random_revision_id();
}

const char* problem_name(StorageProblem problem) {
  switch (problem) {
    case StorageProblem::none: return "pending";
    case StorageProblem::quota: return "quota";
    case StorageProblem::unavailable: return "unavailable";
    case StorageProblem::not_verified: return "not_verified";
    case StorageProblem::conflict: return "conflict";
    case StorageProblem::deleted: return "deleted";
  }
  return "pending";
}

StorageProblem problem_of(SaveStatus status) {
  switch (status) {
    case SaveStatus::saved: return StorageProblem::none;
    case SaveStatus::conflict: return StorageProblem::conflict;
    case SaveStatus::quota: return StorageProblem::quota;
    case SaveStatus::unavailable: return StorageProblem::unavailable;
    case SaveStatus::not_verified: return StorageProblem::not_verified;
    case SaveStatus::deleted: return StorageProblem::deleted;
  }
  return StorageProblem::unavailable;
}

// saved_revision_ when no revision of the document is known to be stored.
constexpr std::uint64_t kNotStored = std::numeric_limits<std::uint64_t>::max();

}  // namespace

void App::open_last_or_sample() {
  store_.migrate_legacy();
  store_.open();
  std::optional<IndexRepair> repair;
  if (store_.index_was_rebuilt())
    repair = store_.name_rebuilt_plans([](const std::string& text) {
      const LoadResult loaded = load_plan(text);
      if (!loaded.usable()) return std::string();
      return loaded.plan.region.name.empty() ? loaded.plan.title : loaded.plan.region.name;
    });
  open_stored_or_sample();
  if (repair)
    banner_ = {Str::index_rebuilt,
               std::to_string(repair->plans) + " / " + std::to_string(repair->versions),
               Str::index_rebuilt_tail, true};
  if (!platform::storage_usable()) storage_problem_ = StorageProblem::unavailable;
  show_reload_note();
  platform::request_storage_report();
}

void App::open_stored_or_sample() {
  std::string id = store_.last_open_id();
  if (store_.find(id) == nullptr && !store_.plans().empty()) {
    id = std::max_element(
             store_.plans().begin(), store_.plans().end(),
             [](const StoredPlan& a, const StoredPlan& b) { return a.updated_ms < b.updated_ms; })
             ->id;
  }
  if (const StoredPlan* stored = store_.find(id)) {
    LoadResult loaded;
    const auto recovered = store_.newest_good_version(id, [&](const std::string& text) {
      loaded = load_plan(text);
      return loaded.ok();
    });
    if (recovered) {
      replace_document(std::move(loaded.plan), id, stored->generation);
      last_saved_ms_ = recovered->saved_ms;
      if (recovered->damaged_versions_skipped > 0)
        banner_ = {Str::recovered_version, date_time_text(recovered->saved_ms),
                   Str::recovered_version_tail, true};
      return;
    }
    banner_ = {Str::nothing_recoverable, "", Str::count, true};
  }
  const LoadResult sample = load_plan(assets::embedded_file(kSamplePlan));
  replace_document(sample.ok() ? sample.plan : Plan{}, "", 0);
}

void App::replace_document(Plan plan, std::string id, std::uint64_t generation) {
  forget_field_errors();  // they were about the other plan's fields
  posted_.clear();        // edits of the other plan
  command_error_ = {};
  document_.replace(std::move(plan));
  current_id_ = std::move(id);
  known_generation_ = generation;
  saved_revision_ = attempted_revision_ = downloaded_revision_ = document_.revision();
  stored_cursor_ = 0;  // the history starts anew
  save_due_ms_ = 0;
  save_writer_.reset();
  storage_problem_ = StorageProblem::none;
  if (!current_id_.empty()) store_.set_last_open_id(current_id_);
}

std::string App::plan_display_name() const {
  if (!plan().region.name.empty()) return plan().region.name;
  if (!plan().title.empty()) return plan().title;
  return tr(Str::new_plan_title, language_);
}

void App::autosave_tick() {
  // An older version becomes a delta in frames of their own, never in the frame of a save.
  if (store_.delta_due()) {
    store_.continue_delta(save_slice_ms_);
    return;
  }
  const std::uint64_t revision = document_.revision();
  // The plan changed under a save in progress: its text is of an older plan. Start over.
  if (save_writer_ && save_writer_->revision != revision) save_writer_.reset();
  if (revision == saved_revision_ || revision == attempted_revision_ || saving_blocked()) {
    save_due_ms_ = 0;
    save_writer_.reset();
    return;
  }
  if (save_writer_) {
    continue_save();
    return;
  }
  const double now = platform::now_ms();
  if (save_due_ms_ == 0) {
    save_due_ms_ = now + kSaveDelayMs;
  } else if (now >= save_due_ms_) {
    save_due_ms_ = 0;
    save_writer_ = std::make_unique<AutosaveWrite>(plan(), revision, last_saved_bytes());
    continue_save();
  }
}

void App::continue_save() {
  PlanWriter& writer = save_writer_->writer;
  // The finished text crosses to the page in parts over the next frames, then goes to storage.
  if (writer.done()) {
    using Handover = AutosaveWrite::Handover;
    Handover& handover = save_writer_->handover;
    if (handover == Handover::not_started) {
      platform::storage_stage_begin(writer.text());
      handover = Handover::copying;
      return;  // the copy starts in the next frame: allocating its buffer is a part of its own
    }
    if (handover == Handover::copying) {
      // Storing it (the index, the version list, older versions queued as deltas) is a frame's
      // work of its own: with the copy's last part in one frame it took 2-5 ms in the bench.
      if (platform::storage_stage_more(save_slice_ms_)) handover = Handover::copied;
      return;
    }
    store_plan_text(writer.text(), std::nullopt, "", TextStaged::yes);
    save_writer_.reset();
    return;
  }
  platform::run_for(save_slice_ms_, [&] { return writer.write_some(kSaveSliceLines); });
}

std::size_t App::last_saved_bytes() const {
  const StoredPlan* stored = current_id_.empty() ? nullptr : store_.find(current_id_);
  return stored != nullptr && !stored->versions.empty() ? stored->versions.back().bytes : 0;
}

VersionChange App::edits_since_last_version() const {
  const History& history = document_.history();
  const std::size_t cursor = history.cursor();
  const auto& steps = history.steps();
  // Each edit since the last save is named, oldest first; a long run names its last ones (a
  // version names at most kChangesNamed, and a save follows a burst of edits within a second).
  constexpr std::size_t kNamedSteps = 2 * kChangesNamed;
  if (cursor > stored_cursor_) {
    VersionChange change{steps[cursor - 1].label, static_cast<int>(cursor - stored_cursor_)};
    for (std::size_t i = std::max(stored_cursor_, cursor - std::min(cursor, kNamedSteps));
         i < cursor; ++i)
      change.named.push_back(steps[i].label);
    return change;
  }
  if (cursor < stored_cursor_ && cursor < steps.size()) {
    const auto undone = [&](std::size_t i) {
      return LocalizedText{
          std::string(tr(Str::version_undone, Language::nl)) + " " + steps[i].label.nl,
          std::string(tr(Str::version_undone, Language::en)) + " " + steps[i].label.en};
    };
    VersionChange change{undone(cursor), static_cast<int>(stored_cursor_ - cursor)};
    // Undone last first: the newest step first.
    const std::size_t end = std::min(stored_cursor_, steps.size());
    for (std::size_t i = end; i > cursor && end - i < kNamedSteps; --i)
      change.named.push_back(undone(i - 1));
    return change;
  }
  return {{}, 1};  // undone and redone elsewhere: an edit we cannot name
}

void App::report_dropped_versions(const SaveOutcome& outcome) {
  if (outcome.dropped_for_space > 0)
    banner_ = {Str::versions_dropped_for_space, std::to_string(outcome.dropped_for_space),
               Str::versions_dropped_tail, true};
}

void App::save_now(std::optional<LocalizedText> event, const std::string& revision) {
  save_writer_.reset();  // this save writes the plan as it is now
  store_plan_text(save_plan(plan()), std::move(event), revision);
}

void App::store_plan_text(std::string_view text, std::optional<LocalizedText> event,
                          const std::string& revision, TextStaged staged) {
  save_due_ms_ = 0;
  if (current_id_.empty()) current_id_ = store_.new_id();
  const double now = platform::now_ms();
  attempted_revision_ = document_.revision();
  const std::size_t cursor = document_.history().cursor();
  const VersionChange change =
      event ? VersionChange{*event, 0, revision} : edits_since_last_version();
  const SaveOutcome outcome =
      store_.save(current_id_, plan_display_name(), text, known_generation_, now, change, staged);
  report_dropped_versions(outcome);
  switch (outcome.status) {
    case SaveStatus::saved:
      known_generation_ = outcome.generation;
      saved_revision_ = attempted_revision_;
      stored_cursor_ = cursor;
      // Asked at the first real save, not at start: a visitor who only looks stores nothing.
      if (!persistence_requested_) {
        persistence_requested_ = true;
        platform::request_persistent_storage();
      } else {
        platform::request_storage_report();
      }
      last_saved_ms_ = now;
      storage_problem_ = StorageProblem::none;
      store_.set_last_open_id(current_id_);
      break;
    default: storage_problem_ = problem_of(outcome.status); break;
  }
}

void App::storage_write_failed(SaveStatus status) {
  // Storage is back as it was before the failed writes: this tab's plan is based on the generation
  // stored then, and none of its changes since count as stored (the page asks before closing).
  store_.refresh();
  if (!current_id_.empty()) known_generation_ = store_.stored_state(current_id_).generation;
  saved_revision_ = kNotStored;
  attempted_revision_ = document_.revision();  // the next edit tries again
  save_due_ms_ = 0;
  storage_problem_ = problem_of(status);
}

void App::flush_save() {
  // After a failure (maybe reported later, by IndexedDB) a save as the page goes would look
  // stored before it is: the note for the reload names the failure instead.
  if (document_.revision() != saved_revision_ && storage_problem_ == StorageProblem::none)
    save_now();
  platform::set_reload_note(unsaved_work_note());
}

bool App::work_at_risk() const {
  return document_.revision() != saved_revision_ && document_.revision() != downloaded_revision_;
}

std::string App::unsaved_work_note() const {
  if (document_.revision() == saved_revision_) return "";
  std::ostringstream stream;
  {
    cereal::JSONOutputArchive archive(stream, cereal::JSONOutputArchive::Options::NoIndent());
    ReloadNote{current_id_, problem_name(storage_problem_)}.serialize(archive);
  }
  return stream.str();
}

void App::show_reload_note() {
  const auto text = platform::take_reload_note();
  if (!text) return;
  ReloadNote note;
  try {
    std::istringstream stream(*text);
    cereal::JSONInputArchive archive(stream);
    note.serialize(archive);
  } catch (const std::exception&) {
    return;  // a note from another version of the app: nothing reliable to say
  }
  // Storage that was full or failing still is until a save succeeds: the status must not say
  // "opgeslagen" meanwhile. A conflict or deletion is settled by the reload itself.
  if (note.problem == "quota") storage_problem_ = StorageProblem::quota;
  if (note.problem == "not_verified") storage_problem_ = StorageProblem::not_verified;
  if (note.problem == "unavailable") storage_problem_ = StorageProblem::unavailable;
  if (!note.plan_id.empty() && note.plan_id == current_id_ && last_saved_ms_ > 0) {
    banner_ = {Str::lost_on_leave, date_time_text(last_saved_ms_), Str::recovered_version_tail,
               true};
  } else {
    banner_ = {Str::lost_on_leave_unstored, "", Str::count, true};
  }
}

void App::storage_changed() {
  store_.refresh();  // "Mijn plannen" shows other tabs' new, renamed and deleted plans
  if (current_id_.empty()) return;
  const StoredState stored = store_.stored_state(current_id_);
  if (stored.deleted || (!stored.listed && known_generation_ > 0)) {
    storage_problem_ = StorageProblem::deleted;
    return;
  }
  if (storage_problem_ == StorageProblem::deleted) {
    // The delete was undone: save what this tab has again.
    storage_problem_ = StorageProblem::none;
    attempted_revision_ = saved_revision_;
  }
  if (stored.generation == known_generation_) return;
  // Another tab saved this plan. Follow it when we have nothing of our own; never overwrite it.
  if (document_.revision() == saved_revision_) {
    load_newer_version();
  } else {
    storage_problem_ = StorageProblem::conflict;
  }
}

void App::load_newer_version() {
  store_.open();
  const std::string id = current_id_;
  LoadResult loaded;
  const auto recovered = store_.newest_good_version(id, [&](const std::string& text) {
    loaded = load_plan(text);
    return loaded.ok();
  });
  if (!recovered) return;
  replace_document(std::move(loaded.plan), id, store_.find(id)->generation);
  last_saved_ms_ = recovered->saved_ms;
}

void App::keep_mine_as_copy() {
  save_as_new_plan(plan_display_name() + " " + tr(Str::copy_suffix, language_), true);
}

void App::keep_as_new_plan() {
  // Under the name it had, as long as this tab still knows it.
  const StoredPlan* stored = store_.find(current_id_);
  save_as_new_plan(stored != nullptr ? stored->name : plan_display_name(),
                   stored != nullptr && stored->named_by_user);
}

void App::save_as_new_plan(const std::string& name, bool named_by_user) {
  current_id_ = store_.new_id();
  known_generation_ = 0;
  storage_problem_ = StorageProblem::none;
  save_due_ms_ = 0;
  attempted_revision_ = document_.revision();
  const double now = platform::now_ms();
  const SaveOutcome outcome = store_.save(current_id_, name, save_plan(plan()), 0, now,
                                          {version_text(Str::version_kept_as_new, ""), 0});
  report_dropped_versions(outcome);
  if (outcome.status == SaveStatus::saved) {
    // A name that is not the plan's own (a copy's): kept by later saves.
    if (named_by_user) store_.rename(current_id_, name);
    known_generation_ = outcome.generation;
    saved_revision_ = attempted_revision_;
    stored_cursor_ = document_.history().cursor();
    last_saved_ms_ = now;
    store_.set_last_open_id(current_id_);
  } else {
    storage_problem_ =
        outcome.status == SaveStatus::quota ? StorageProblem::quota : StorageProblem::unavailable;
  }
}

void App::open_file(std::string_view file_name, std::string_view text) {
  LoadResult result = load_plan(text);
  if (!result.usable()) {
    banner_ = {Str::file_refused,
               std::string(file_name) + ": " + result.error.in(language_) + " " +
                   tr(Str::plan_unchanged, language_),
               Str::count, true};
    return;
  }
  flush_save();
  const bool unsaved = document_.revision() != saved_revision_;
  if (result.status == LoadStatus::repaired || unsaved) {
    pending_open_ = PendingOpen{std::string(file_name), std::move(result), unsaved};
    return;
  }
  open_as_new(std::move(result.plan), std::string(file_name), result.notes);
}

void App::accept_pending_open() {
  if (!pending_open_) return;
  PendingOpen pending = std::move(*pending_open_);
  pending_open_.reset();
  open_as_new(std::move(pending.result.plan), pending.file_name, pending.result.notes);
}

void App::open_as_new(Plan plan, const std::string& file_name,
                      const std::vector<LocalizedText>& notes) {
  // A received file keeps its lineage: its version here is that revision as it was sent.
  const std::string revision = plan.lineage.plan_id.empty() ? "" : plan.lineage.revision;
  replace_document(std::move(plan), "", 0);
  // An opened file is work the user has: keep it in "Mijn plannen" straight away.
  attempted_revision_ = 0;
  save_now(version_text(Str::version_opened_file, file_name), revision);
  if (banner_.text != Str::versions_dropped_for_space) {
    std::string detail = file_name;
    for (const LocalizedText& note : notes)
      detail += (detail.size() == file_name.size() ? ". " : " ") + note.in(language_);
    banner_ = {Str::file_opened, detail, Str::count, false};
  }
  select_section(Section::overview);
}

void App::open_stored_plan(const std::string& id) {
  flush_save();
  const StoredPlan* stored = store_.find(id);
  if (stored == nullptr) return;
  LoadResult loaded;
  const auto recovered = store_.newest_good_version(id, [&](const std::string& text) {
    loaded = load_plan(text);
    return loaded.ok();
  });
  if (!recovered) {
    banner_ = {Str::nothing_recoverable, "", Str::count, true};
    return;
  }
  replace_document(std::move(loaded.plan), id, stored->generation);
  last_saved_ms_ = recovered->saved_ms;
  if (recovered->damaged_versions_skipped > 0)
    banner_ = {Str::recovered_version, date_time_text(recovered->saved_ms),
               Str::recovered_version_tail, true};
}

void App::restore_version(int number) {
  const auto text = store_.read_version(current_id_, number);
  if (!text) return;
  LoadResult loaded = load_plan(*text);
  if (!loaded.ok()) {
    banner_ = {Str::file_refused, loaded.error.in(language_), Str::count, true};
    return;
  }
  // Restoring is a change like any other: it becomes the newest version, older ones stay.
  const std::string id = current_id_;
  const std::uint64_t generation = known_generation_;
  replace_document(std::move(loaded.plan), id, generation);
  attempted_revision_ = saved_revision_ = 0;
  save_now(version_text(Str::version_restored, "#" + std::to_string(number)));
}

void App::duplicate_stored_plan(const std::string& id) {
  const StoredPlan* stored = store_.find(id);
  if (stored == nullptr) return;
  const auto recovered =
      store_.newest_good_version(id, [](const std::string& text) { return load_plan(text).ok(); });
  if (!recovered) return;
  const std::string name = stored->name + " " + tr(Str::copy_suffix, language_);
  const std::string copy_id = store_.new_id();
  const SaveOutcome outcome = store_.save(copy_id, name, recovered->text, 0, platform::now_ms(),
                                          {version_text(Str::version_copy_of, stored->name), 0});
  report_dropped_versions(outcome);
  // "… kopie" is no name of the plan's own: later saves keep it.
  if (outcome.status == SaveStatus::saved) store_.rename(copy_id, name);
  if (outcome.status == SaveStatus::quota) storage_problem_ = StorageProblem::quota;
}

std::string App::default_download_name() const {
  const platform::LocalTime t = platform::local_time(platform::now_ms());
  char date[16];
  std::snprintf(date, sizeof date, "%04d-%02d-%02d", t.year, t.month, t.day);
  return file_name_part(plan_display_name()) + "-" + date + ".json";
}

std::optional<Plan> App::stored_revision(const std::string& revision) const {
  const std::optional<int> number =
      store_.version_of_revision(current_id_, revision, plan().lineage.plan_id);
  const auto text = number ? store_.read_version(current_id_, *number)
                           : store_.read_received(current_id_, revision);
  if (!text) return std::nullopt;
  LoadResult loaded = load_plan(*text);
  if (!loaded.ok()) return std::nullopt;
  return std::move(loaded.plan);
}

void App::download_current_plan(const std::string& file_name) {
  std::string name = file_name.empty() ? default_download_name() : file_name;
  if (name.size() < 5 || name.compare(name.size() - 5, 5, ".json") != 0) name += ".json";
  // The file carries the plan's lineage: a new revision when the plan changed since the revision
  // it carries was written, kept below as its own version so a copy returned from it finds it.
  const std::optional<Plan> written = stored_revision(plan().lineage.revision);
  const Lineage stamped = download_lineage(plan(), written ? &*written : nullptr,
                                           random_revision_id(), new_lineage_id());
  const bool new_revision =
      stamped.plan_id != plan().lineage.plan_id || stamped.revision != plan().lineage.revision;
  if (new_revision) document_.set_lineage(stamped);
  platform::download_file(name, "application/json", save_plan(plan()));
  downloaded_revision_ = document_.revision();
  if (new_revision && !saving_blocked()) {
    save_now(version_text(Str::version_downloaded, short_revision_id(stamped.revision)),
             stamped.revision);
  } else {
    flush_save();
  }
  if (!current_id_.empty()) store_.mark_downloaded(current_id_, platform::now_ms());
}

void App::record_merge(const Plan& theirs, const std::string& theirs_text) {
  // The copy is kept first: the merge's version is the plan's newest, so a failure in between
  // leaves the plan as it was merged, only without the copy as the next round's base.
  if (current_id_.empty()) save_now();
  store_.keep_received(current_id_, theirs.lineage.revision, theirs_text);
  const Lineage merged =
      merged_lineage(document_.plan().lineage, theirs.lineage, random_revision_id());
  document_.set_lineage(merged);
  if (!saving_blocked())
    save_now(version_text(Str::version_merged, short_revision_id(theirs.lineage.revision)),
             merged.revision);
}

void App::create_plan(Plan plan) {
  flush_save();
  plan.lineage = {new_lineage_id(), "", {}, {}};  // the id every copy of it will carry
  replace_document(std::move(plan), "", 0);
  attempted_revision_ = 0;
  save_now(version_text(Str::version_new_plan, ""));
  select_section(Section::overview);
}

void App::continue_as_own_plan() {
  if (!plan().is_example) return;
  Plan own = plan();  // all of it, with any edits not yet stored
  own.is_example = false;
  create_plan(std::move(own));  // the example's own edits are stored first, as they were
  // The sample's title and notes say it is fictional: the user's first step is to change them.
  select_section(Section::settings);
  if (banner_.text != Str::versions_dropped_for_space)
    banner_ = {Str::own_plan_made, "", Str::count, false};
}

void App::open_example_plan() {
  flush_save();
  const LoadResult sample = load_plan(assets::embedded_file(kSamplePlan));
  if (!sample.ok()) return;
  replace_document(sample.plan, "", 0);
  select_section(Section::overview);
}

bool App::only_in_browser() const {
  // With a storage problem the banner says more: the work is not in the browser either.
  if (storage_problem_ != StorageProblem::none) return false;
  if (current_id_.empty() || document_.revision() == downloaded_revision_) return false;
  const StoredPlan* stored = store_.find(current_id_);
  return stored != nullptr && stored->downloaded_ms < stored->updated_ms;
}

std::string App::save_status_text() const {
  if (storage_problem_ != StorageProblem::none) return "";
  std::string text;
  if (document_.revision() != saved_revision_) {
    text = tr(Str::saving, language_);
  } else if (last_saved_ms_ > 0) {
    text = std::string(tr(Str::saved_at, language_)) + " " + clock_text(last_saved_ms_);
  } else {
    text = tr(Str::not_saved_yet, language_);
  }
  // When the real backup, the downloaded file, was last made.
  if (const StoredPlan* stored = store_.find(current_id_); stored && stored->downloaded_ms > 0)
    text += std::string(" · ") + tr(Str::downloaded_at, language_) + " " +
            date_time_text(stored->downloaded_ms);
  return text;
}

std::string App::banner_text() const {
  if (banner_.text == Str::count) return "";
  std::string text = tr(banner_.text, language_);
  if (!banner_.detail.empty())
    text += (banner_.text == Str::file_opened ? ": " : " ") + banner_.detail;
  if (banner_.tail != Str::count) text += std::string(" ") + tr(banner_.tail, language_);
  return text;
}

}  // namespace sto::ui
