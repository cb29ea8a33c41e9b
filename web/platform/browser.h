// Every browser facility the app uses, behind one small interface: a web implementation
// (browser_web.cpp + glue.js) and a native one for the headless smoke test (browser_native.cpp).
// UI code includes this, never emscripten.h.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sto::platform {

// The canvas in CSS pixels and the device pixel ratio (2 on a HiDPI screen, more when zoomed in).
struct Viewport {
  int css_width = 1280;
  int css_height = 800;
  float pixel_ratio = 1.0f;
};

// Re-reads the canvas size and pixel ratio and resizes its drawing buffer to match.
Viewport sync_viewport();

// not_verified: the write was made but did not read back identically (localStorage: checked at
// once; IndexedDB checks after the commit and reports through App::storage_write_failed).
enum class StorageStatus { ok, quota_exceeded, unavailable, not_verified };

// Browser storage: IndexedDB through an in-memory copy read before main() runs, or localStorage
// where IndexedDB cannot be used. Never throws. A write to localStorage says at once when it
// fails; a write to IndexedDB is queued (the writes of one tick commit together, or none of them)
// and its failure arrives later through App::storage_write_failed, with the copy put back as it
// was. Reads see this tab's queued writes.
std::optional<std::string> storage_get(std::string_view key);
StorageStatus storage_set(std::string_view key, std::string_view value);
void storage_remove(std::string_view key);
// Every storage key that starts with `prefix`.
std::vector<std::string> storage_keys(std::string_view prefix);
// False when storage cannot be used at all (a private window, storage switched off by policy).
bool storage_usable();
// Sends queued writes now (the page is going away), not at the end of the tick.
void storage_write_now();

// A plan text of megabytes crosses between wasm and the page's copy of storage in parts, a
// frame's share at a time: copying 5 MB into memory not touched before costs the page about
// 15 ms of page faults, a whole frame. Each call copies parts for at most `budget_ms` (at least
// one part) and says whether the copy is complete.
//
// Starts copying `text` to the page for storage_set_staged; the text stays unchanged at its
// place until then. Starting another copy drops one not yet stored.
void storage_stage_begin(std::string_view text);
bool storage_stage_more(double budget_ms);
// storage_set with the copy staged and complete (storage_stage_more said true) as the value.
StorageStatus storage_set_staged(std::string_view key);
// Reads the value of `key` into `into` part by part. A call with `into` empty starts a read of
// the value as it is then (a later write to the key does not mix in); the calls after it pass the
// same key and string until the read is done or missing.
enum class ReadProgress { more, done, missing };
ReadProgress storage_read_some(std::string_view key, std::string& into, double budget_ms);

// The localStorage an earlier release kept its plans in, while plans live in IndexedDB (empty
// otherwise): read once at start to move its plans over.
std::vector<std::string> legacy_storage_keys(std::string_view prefix);
std::optional<std::string> legacy_storage_get(std::string_view key);
// Removes `key` from that old store once every write queued so far is committed and read back,
// and only if it still holds `value` then (a tab running the old release may have written since).
void legacy_storage_release(std::string_view key, std::string_view value);

// Asks the browser to keep this site's storage when space runs low (navigator.storage.persist()).
// The browser may refuse; its answer comes with the next storage report.
void request_persistent_storage();
// Asks for the storage used and available and whether it is persistent; the page answers later
// through App::set_storage_report (the browser answers asynchronously).
void request_storage_report();

// A short note kept across a reload of this tab only (sessionStorage, whose quota is separate from
// the plans'): what was not stored when the page was left. "" removes it.
void set_reload_note(std::string_view note);
// The note left before this page was loaded, once; later calls return nothing.
std::optional<std::string> take_reload_note();

// Wall-clock milliseconds since 1970 (Date.now()).
double now_ms();
// Milliseconds on a monotonic clock finer than now_ms (performance.now()), for time budgets
// within a frame.
double monotonic_ms();
// Calls `part` until it says done or `budget_ms` has passed (at least once); whether it is done.
// Work spread over frames (an autosave, a delta) runs a budget's worth of parts a frame this way.
template <class Part>
bool run_for(double budget_ms, Part part) {
  const double deadline = monotonic_ms() + budget_ms;
  while (!part())
    if (monotonic_ms() >= deadline) return false;
  return true;
}
// A moment in the user's own time zone.
struct LocalTime {
  int year = 1970, month = 1, day = 1, hour = 0, minute = 0;
};
LocalTime local_time(double ms);

// Opens the browser's file picker for plan files; the chosen file's text arrives through
// App::open_file (called from JavaScript), as does a file dropped on the page.
void open_file_picker();
// Opens a file picker for another purpose ("combine": several plan files, "regions": a CSV);
// the page hands the chosen files back through the matching sto_api_* entry point.
void pick_files(std::string_view purpose);

// Offers `bytes` as a file download with the given name.
void download_file(std::string_view filename, std::string_view mime_type, std::string_view bytes);

// True when the user gave input (or the window changed) since the last call: the app draws
// frames only then, so it uses no CPU while idle.
bool take_wake_request();
// Makes take_wake_request true once `ms` milliseconds from now (something shown for a while, such
// as "Gekopieerd", goes away then without input).
void wake_after(double ms);

// Puts text on the system clipboard (copy in a text field). Pasting arrives from the page's
// paste event through App::paste_text, since browsers hand clipboard text only to that event.
void set_clipboard_text(std::string_view text);

// Opens a complete HTML page (the printable report) in a new browser tab.
void open_html(std::string_view html);

// Compresses `plan_text` into a link with the plan in its fragment (never sent to a server); the
// page hands the link back through App::share_link_ready.
void make_share_link(std::string_view plan_text);

// Hands the page the items of the frame (access/access.h's JSON) for its accessible DOM mirror;
// false when the page could not apply it (its mirror not installed, or changes without a base).
bool publish_accessibility(std::string_view json);

// Tells the page the app has drawn its first frame (resolves window.stoplan.ready).
void signal_ready();

// Tells the page the app could not start (rejects window.stoplan.ready, shows `reason`).
void signal_start_failed(const char* reason);

}  // namespace sto::platform
