// The application: the document being edited (plan + undo history + analysis), where it is
// stored, and the UI state around it. web/ui panels draw this every frame and change the plan
// only through execute(); the platform glue calls the file and storage entry points.
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "access/page_state.h"
#include "app/compare_session.h"
#include "app/plan_store.h"
#include "app/view_state.h"
#include "edit/csv_import.h"
#include "edit/document.h"
#include "exchange/diff.h"
#include "exchange/lineage.h"
#include "exchange/merge.h"
#include "format/file_format.h"
#include "format/plan_writer.h"
#include "model/money.h"
#include "text/strings.h"

namespace sto::ui {

enum class Section {
  overview,
  budget,
  checks,
  my_plans,
  partners,
  goals,
  activities,
  cofinancing,
  settings,
  scenarios,
  national,
  combine,
  compare,
  count
};

// A problem with browser storage the user must see: the work is not saved there.
enum class StorageProblem { none, quota, unavailable, not_verified, conflict, deleted };

// UI-only state shared by the panels (never part of the plan).
struct UiState {
  bool download_dialog_open = false;
  char download_name[256] = {};
  std::string renaming_id;       // plan being renamed in "Mijn plannen", "" when none
  int compare_from_version = 0;  // "Mijn plannen": the version to compare from; 0 = the plan
  char rename_buffer[256] = {};
  std::string removed_id;  // last plan deleted, while its undo is offered
  // The item a finding points at (e.g. "activities[3].lines[2].quantity"): the panel showing it
  // highlights the row whose path is a prefix of this and scrolls to it once.
  std::string highlight_path;
  bool scroll_to_highlight = false;
  bool presentation_mode = false;
  bool history_open = false;
  bool share_dialog_open = false;
  // When the share link was last copied (ms since 1970, 0: not since the dialog opened):
  // "Gekopieerd" shows beside the copy button for a while.
  double share_copied_ms = 0;
  bool wizard_open = false;
  bool shortcuts_open = false;  // Help → Sneltoetsen
  // "Naar de begroting" of an activity: the budget shows only that activity's lines from its next
  // frame (taken once by the budget panel; -1 = no request).
  int budget_activity_request = -1;
};

// What the browser says about its storage for this site (navigator.storage), for Mijn plannen.
struct StorageReport {
  bool known = false;      // false until the browser answered (or when it cannot tell)
  bool persisted = false;  // kept when space runs low; else the browser may clear it
  double used_bytes = 0;
  double quota_bytes = 0;  // what this site may use in all
  // Of used_bytes, the app's own files kept for use offline (the service worker's cache), which
  // are there before any plan is; 0 when the browser does not say (only Chromium does).
  double app_bytes = 0;
};

// A file that was opened but needs the user's decision before it replaces anything.
struct PendingOpen {
  std::string file_name;
  LoadResult result;  // repaired: show what was skipped and ask whether to keep the rest
  bool replaces_unsaved = false;  // the current plan has changes that are saved nowhere
  bool from_link = false;         // a share link: ask before opening it at all
};

// A budget CSV read and checked, waiting for the user to add its good rows.
struct PendingImport {
  std::string file_name;
  CsvImportResult result;
};

// A plan file added to "Plannen combineren", or a region CSV chosen in the page's picker: kept in
// memory for this session only, never stored.
struct PageFile {
  std::string name;
  std::string text;
};

// What a file picker the UI asks the page for is for (plan files to open use open_file_picker).
enum class FilePurpose { none, combine, region_csv, compare };

// A one-off message at the top of the page, kept as string ids so it follows the language.
struct Banner {
  Str text = Str::count;  // Str::count = no banner
  std::string detail;     // inserted after the text (a time, a file name, a reason)
  Str tail = Str::count;  // optional text after the detail
  bool is_error = false;
};

// An autosave writes the plan file, copies it to the page and makes an older version a delta for
// at most about this long per frame (a 10,000-line plan takes a few dozen frames), so that
// editing a large plan never stalls a frame. A slice ends after the part that passes it (an
// activity written, 64 kB copied or compared), so this leaves room for one within 2 ms.
inline constexpr double kSaveSliceMs = 1.0;

class App {
 public:
  // Opens the plan open last in this browser, or the embedded sample plan on a first visit.
  App();

  // [SECTION] Frame
  // The storage work of a frame, apart from drawing (web/main.cpp runs it in the room a frame
  // leaves): the next slice of an autosave, the hand-over of its text, or a step of a delta.
  void autosave_tick();
  // The frame itself is drawn by ui/frame.h (draw_frame) over the state below.
  // True while something needs frames without input (a save waiting for its moment or being
  // written a slice per frame, an older version to store as a delta).
  bool wants_frames() const {
    return save_due_ms_ > 0 || save_writer_ != nullptr || store_.delta_due();
  }
  // True while an autosave is being written over several frames.
  bool save_in_progress() const { return save_writer_ != nullptr; }
  // Tests: the time an autosave may write per frame (0: one slice of lines per frame).
  void set_save_slice_ms_for_test(double ms) { save_slice_ms_ = ms; }
  // The screen's device pixels per CSS pixel; true when it changed (the frame then builds its
  // fonts for it: frame/style.h).
  bool set_pixel_ratio(float ratio) {
    if (ratio == pixel_ratio_) return false;
    pixel_ratio_ = ratio;
    return true;
  }

  // [SECTION] State for the panels
  Language language() const { return language_; }
  void toggle_language() { language_ = language_ == Language::nl ? Language::en : Language::nl; }
  const Plan& plan() const { return document_.plan(); }
  const Analysis& analysis() const { return document_.analysis(); }
  const Document& document() const { return document_; }
  PlanStore& store() { return store_; }
  const std::string& current_plan_id() const { return current_id_; }
  void select_section(Section section) { section_to_select_ = static_cast<int>(section); }
  // The section to draw this frame: the one selected since the last frame, else the last one.
  int take_section() {
    if (section_to_select_ >= 0) section_shown_ = section_to_select_;
    section_to_select_ = -1;
    return section_shown_;
  }
  // The section the user picked in the navigation.
  void show_section(int section) { section_shown_ = section; }
  int section_shown() const { return section_shown_; }
  float pixel_ratio() const { return pixel_ratio_; }
  // The fields' refused entries no longer apply (the plan was undone, merged, or another section
  // opened): the widgets drop them before they next draw (field_errors_generation counts).
  void forget_field_errors() { ++field_errors_generation_; }
  std::uint64_t field_errors_generation() const { return field_errors_generation_; }
  UiState& ui_state() { return ui_state_; }
  // What each view keeps between frames (app/view_state.h).
  ViewState& view_state() const { return view_state_; }
  // Opens the section that shows a finding (core/rules/finding_codes.h) and highlights its item.
  void go_to_finding(const Finding& finding);
  // What the last undo or redo did ("Ongedaan: Financiering gewijzigd: Busvervoer 2026");
  // "" after the next edit.
  std::string history_note_text() const { return history_note_.in(language_); }
  // Opens Begroting filtered to the lines of activity `index`.
  void open_budget_for_activity(std::size_t index);

  // [SECTION] Editing: every change to the plan is a core command (undoable). Panels post them
  // while drawing; they are applied after the frame, so no panel sees the plan change under the
  // rows it is still drawing. A refused command shows its message (command_error_text). Queues
  // `command`; `on_applied` runs after it was applied (e.g. to select the new row).
  void post(Command command, std::function<void()> on_applied = {});
  // Queues `commands` as one undo step named `label`: all of them are applied, or (one refused)
  // none.
  void execute_group(LocalizedText label, std::vector<Command> commands,
                     std::function<void()> on_applied = {});
  // Applies the queued commands in order; draw() calls it after the frame.
  void apply_posted();
  // The message of the last refused command in the UI language; "" when there is none.
  std::string command_error_text() const { return command_error_.in(language_); }
  void dismiss_command_error() { command_error_ = {}; }
  // Undo and redo also forget refused entries: their fields now show other values.
  bool undo();
  bool redo();
  // Undoes or redoes until `cursor` steps of the history are applied.
  void move_history_to(std::size_t cursor);

  // [SECTION] Plans and files
  // Opens a plan file's text (file picker, drop, or script) as a new plan in "Mijn plannen".
  // A damaged file changes nothing and says why; a repaired one waits for the user (pending_open).
  void open_file(std::string_view file_name, std::string_view text);
  const std::optional<PendingOpen>& pending_open() const { return pending_open_; }
  void accept_pending_open();
  void reject_pending_open() { pending_open_.reset(); }
  // Opens a plan stored in this browser (its newest version that loads).
  void open_stored_plan(const std::string& id);
  // Restores an earlier version of the current plan as its newest version.
  void restore_version(int number);
  void duplicate_stored_plan(const std::string& id);
  void download_current_plan(const std::string& file_name);
  std::string default_download_name() const;
  // A plan made in the new-plan wizard: opened and kept in "Mijn plannen" straight away.
  void create_plan(Plan plan);
  // "Als eigen plan verder": the example plan as it is now becomes a plan of the user's own (a
  // new plan with a lineage id of its own, no longer marked as an example, kept in "Mijn
  // plannen"), opened at its title and notes; the example itself stays as it was.
  void continue_as_own_plan();
  // Opens the shipped example plan (nothing stored until it is edited).
  void open_example_plan();

  // [SECTION] Files for "Plannen combineren" and the region table (app_combine.cpp)
  // Adds a plan file to the combined overview (a file with the same name is replaced).
  void add_combine_file(std::string_view file_name, std::string_view text);
  void remove_combine_file(std::size_t index);
  void clear_combine_files();
  const std::vector<PageFile>& combine_files() const { return combine_files_; }
  // Increments whenever the list of files to combine changes.
  std::uint64_t combine_revision() const { return combine_revision_; }
  // A region CSV from the page's picker, waiting for the national panel to take it once.
  void set_region_csv(std::string_view file_name, std::string_view text);
  std::optional<PageFile> take_region_csv();
  // The UI asks the page for a file picker; main.cpp opens it after the frame (the click's user
  // activation is still valid then).
  void request_file_picker(FilePurpose purpose) { picker_request_ = purpose; }
  FilePurpose take_file_picker_request();

  // [SECTION] Compare with another version (app_compare.cpp)
  // Compares the plan with a plan file's text and opens "Vergelijken"; a file that does not load
  // changes nothing and says why in a banner.
  void compare_with_file(std::string_view file_name, std::string_view text);
  // The same with a stored version of the current plan ("Mijn plannen").
  void compare_with_version(int number);
  // Two stored versions of the current plan, `from` → `to`, read-only.
  void compare_versions(int from, int to);
  // The session, brought up to date with the plan when it changed (an edit, undo, redo); the
  // panel sets the user's choices on it.
  CompareSession* compare_session();
  // Takes over the chosen changes (and conflicts decided for the other side) as one undo step,
  // posted through the edit path like any other edit.
  void apply_compare_choice();
  // The kept version (or received copy) of the current plan written as lineage `revision`,
  // loaded; nullopt when it is not kept (or no longer loads).
  std::optional<Plan> stored_revision(const std::string& revision) const;
  void close_compare() { compare_.reset(); }

  // [SECTION] Exchange (app_exchange.cpp)
  void export_budget_csv();
  // A budget CSV (file picker): checked at once, added only when the user accepts the preview.
  void import_budget_csv(std::string_view file_name, std::string_view text);
  const std::optional<PendingImport>& pending_import() const { return pending_import_; }
  void accept_pending_import();
  void reject_pending_import() { pending_import_.reset(); }
  // Opens the printable report of the plan in a new browser tab.
  void open_report();
  // Offers the same report as an .html file download ("<plan>-<date>-rapport.html").
  void download_report();
  // Asks the page to compress the plan into a link; share_link_ready() brings it back.
  void make_share_link();
  void share_link_ready(std::string_view url);
  // A plan file's text in the compact share-link form (core/exchange/link_format.h), for the page
  // to deflate; empty when the text is no usable plan.
  std::string link_data(std::string_view plan_text) const;
  const std::string& share_link() const { return share_link_; }
  bool share_link_too_long() const;
  // A plan that arrived in a share link: asks before opening it as a new plan. `data` is the
  // inflated link: the compact form (core/exchange/link_format.h), or a plan file's text in links
  // made before it (compact false).
  void open_shared_plan(std::string_view data, bool compact);
  // A share link whose plan inflates past kMaxFileBytes: the page stopped reading it there.
  void refuse_shared_plan_too_large();

  // [SECTION] Autosave
  // Saves now if there are changes (called before unload, on pagehide / visibilitychange), and
  // leaves a note for the reload when something could not be stored.
  void flush_save();
  // Another tab changed storage: pick up its newer version, or report a conflict.
  void storage_changed();
  // Writes that storage accepted earlier failed after all (IndexedDB commits after save()
  // returned): quota, unavailable, conflict (another tab committed first) or not_verified. Storage
  // is back as it was before them; the work counts as not stored and the banner says why.
  void storage_write_failed(SaveStatus status);
  StorageProblem storage_problem() const { return storage_problem_; }
  const StorageReport& storage_report() const { return storage_report_; }
  void set_storage_report(const StorageReport& report) { storage_report_ = report; }
  // Resolves a two-tab conflict: load the other tab's newer version, or keep ours as a copy.
  void load_newer_version();
  void keep_mine_as_copy();
  // The open plan was deleted in another tab: keep what this tab shows as a new stored plan.
  void keep_as_new_plan();
  // True when closing the page now would lose work: changes stored neither in the browser nor in
  // a downloaded file (the page then asks before it unloads).
  bool work_at_risk() const;
  // "opgeslagen om 14:03" and friends, in the UI language.
  std::string save_status_text() const;
  bool only_in_browser() const;
  // The banner in the UI language, "" when there is none.
  std::string banner_text() const;
  bool banner_is_error() const { return banner_.is_error; }
  void dismiss_banner() { banner_ = {}; }

  // The plan's name as lists and the page title show it.
  std::string plan_display_name() const;
  // "2 fouten, 1 waarschuwing": the findings counted, in the UI language.
  std::string findings_count_text() const;
  // What the page says beside the items (language, title, announcements), for access/.
  access::PageState access_page_state() const;
  // A short confirmation for screen readers ("Gekopieerd"), announced once, again when repeated.
  void announce(std::string text) {
    notice_ = std::move(text);
    ++notice_serial_;
  }

  // [SECTION] window.stoplan
  std::string plan_json() const;
  // Replaces the plan with a plan file's text; {"ok":true} or {"ok":false,"error":...} in the
  // UI language. On failure the current plan is untouched.
  std::string load_plan_json_for_api(std::string_view text);
  std::string summary_json() const;
  std::string storage_status_json() const;
  // {"section":…, "highlight_path":…, "language":…, "presentation":…} for tests.
  std::string ui_json() const;

  // Selects each section in turn and calls draw_frames, so the smoke test draws every panel.
  void draw_every_section_for_test(const std::function<void()>& draw_frames);

 private:
  // Opens the last plan (or the sample), then says what storage problem carries over and what a
  // damaged index lost.
  void open_last_or_sample();
  void open_stored_or_sample();
  void replace_document(Plan plan, std::string id, std::uint64_t generation);
  // Saves the plan as its newest version: described by `event` (a file opened, a version
  // restored: a version of its own), or else by the edits since the last version.
  // A version written to a file as a lineage revision says so (`revision`), so a returned copy
  // finds it as its base.
  void save_now(std::optional<LocalizedText> event = std::nullopt,
                const std::string& revision = "");
  // After changes from a returned copy were taken over: this plan is now a merge of both (core
  // lineage.h), and the copy is kept as a version the partner's next copy will be made from.
  void record_merge(const Plan& theirs, const std::string& theirs_text);
  // Writes more of the autosave in progress, or copies more of its finished text to the page,
  // for about kSaveSliceMs; stores it once copied.
  void continue_save();
  // The length of the plan's newest stored version (0: none, or unknown).
  std::size_t last_saved_bytes() const;
  // Stores `text`, the plan file of the document as it is now, as save_now describes.
  void store_plan_text(std::string_view text, std::optional<LocalizedText> event,
                       const std::string& revision = "", TextStaged staged = TextStaged::no);
  VersionChange edits_since_last_version() const;
  // After a save: says when older versions had to go to make room.
  void report_dropped_versions(const SaveOutcome& outcome);
  // `named_by_user`: `name` is not the plan's own (a copy's), later saves keep it.
  void save_as_new_plan(const std::string& name, bool named_by_user);
  // Conflict and deletion wait for the user's decision: nothing is saved until then.
  bool saving_blocked() const {
    return storage_problem_ == StorageProblem::conflict ||
           storage_problem_ == StorageProblem::deleted;
  }
  // For the reload: "" when everything is stored in the browser, else which problem kept it out,
  // of which plan (JSON).
  std::string unsaved_work_note() const;
  // Tells what the note left by the page before this reload says was not stored.
  void show_reload_note();
  // `notes`: what loading changed in an older file's figures (LoadResult::notes), told in the
  // banner.
  void open_as_new(Plan plan, const std::string& file_name,
                   const std::vector<LocalizedText>& notes = {});

  Document document_;
  PlanStore store_;
  std::string current_id_;              // "" until the plan is first stored
  std::uint64_t known_generation_ = 0;  // the stored generation this tab last loaded or saved
  std::uint64_t saved_revision_ = 0;    // document revision last written to storage
  std::size_t stored_cursor_ = 0;       // the history cursor when the plan was last stored
  double save_due_ms_ = 0;              // when the debounced save runs; 0 = none pending
  // The autosave in progress: its text written a slice per frame, then copied to the page a part
  // per frame (platform::storage_stage_begin), then stored. Dropped when the plan changes before
  // it is stored (the next autosave starts over).
  struct AutosaveWrite {
    AutosaveWrite(const Plan& plan, std::uint64_t of_revision, std::size_t expected_size)
        : writer(plan, expected_size), revision(of_revision) {}
    PlanWriter writer;
    std::uint64_t revision;  // the document revision it writes
    // Its finished text's way to the page: copied in parts, then stored in a frame of its own.
    enum class Handover { not_started, copying, copied } handover = Handover::not_started;
  };
  std::unique_ptr<AutosaveWrite> save_writer_;
  double save_slice_ms_ = kSaveSliceMs;
  double last_saved_ms_ = 0;
  StorageProblem storage_problem_ = StorageProblem::none;
  StorageReport storage_report_;
  bool persistence_requested_ = false;    // asked at the first real save of this session
  Banner banner_;                         // a one-off message (recovered version, refused file …)
  std::uint64_t attempted_revision_ = 0;  // document revision last tried (saved or not)
  std::uint64_t downloaded_revision_ = 0;  // document revision last downloaded in this tab
  std::optional<PendingOpen> pending_open_;
  std::optional<PendingImport> pending_import_;
  std::string share_link_;
  UiState ui_state_;

  Language language_ = Language::nl;
  float pixel_ratio_ = 0.0f;
  int section_to_select_ = -1;                 // a section to switch to in the next frame, or -1
  int section_shown_ = 0;                      // the section drawn in the last frame
  std::uint64_t field_errors_generation_ = 0;  // forget_field_errors() counts up
  mutable ViewState view_state_;  // the views' caches change while they draw a const App
  std::vector<PageFile> combine_files_;
  std::uint64_t combine_revision_ = 0;
  std::optional<PageFile> region_csv_;
  std::optional<CompareSession> compare_;
  void open_compare(CompareSession session);
  FilePurpose picker_request_ = FilePurpose::none;
  // Commands posted during the frame: one undo step each (a group: several commands).
  struct PostedStep {
    std::vector<Command> commands;
    std::optional<LocalizedText> group_label;  // set: one undo step for all commands
    std::function<void()> on_applied;
  };
  std::vector<PostedStep> posted_;
  // Shows an undone or redone step where it changed the plan, says what it was and announces it.
  void show_history_step(const HistoryStep& step, bool undone);
  LocalizedText history_note_;
  std::string notice_;  // the last confirmation announced (announce), and how many so far
  int notice_serial_ = 0;
  LocalizedText command_error_;  // the last refused command's message, until dismissed
};

}  // namespace sto::ui
