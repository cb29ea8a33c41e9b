// The native stand-in for platform/browser.h, used by the headless UI smoke test:
// storage in memory, downloads discarded, a fixed 1280×800 viewport.
#include <chrono>
#include <ctime>
#include <map>
#include <utility>

#include "platform/browser.h"
#include "platform/browser_native_testing.h"

namespace sto::platform {

namespace {
std::map<std::string, std::string, std::less<>>& memory_storage() {
  static std::map<std::string, std::string, std::less<>> storage;
  return storage;
}
// An earlier release's store (localStorage beside IndexedDB), for the migration tests.
std::map<std::string, std::string, std::less<>>& legacy_storage() {
  static std::map<std::string, std::string, std::less<>> storage;
  return storage;
}
std::size_t storage_limit = static_cast<std::size_t>(-1);
bool storage_available = true;
bool storage_garbling = false;
std::optional<std::string> reload_note;

std::size_t stored_bytes() {
  std::size_t total = 0;
  for (const auto& [key, value] : memory_storage()) total += key.size() + value.size();
  return total;
}
}  // namespace

namespace testing {
void clear_storage() {
  memory_storage().clear();
  legacy_storage().clear();
  reload_note.reset();
  storage_limit = static_cast<std::size_t>(-1);
  storage_available = true;
  storage_garbling = false;
}
void set_storage_limit(std::size_t bytes) {
  storage_limit = bytes;
}
void set_storage_available(bool available) {
  storage_available = available;
}
void set_storage_garbling(bool garbling) {
  storage_garbling = garbling;
}
void set_legacy_entry(const std::string& key, const std::string& value) {
  legacy_storage()[key] = value;
}
std::size_t legacy_entry_count() {
  return legacy_storage().size();
}
}  // namespace testing

Viewport sync_viewport() {
  return {};
}

std::optional<std::string> storage_get(std::string_view key) {
  if (!storage_available) return std::nullopt;
  const auto found = memory_storage().find(key);
  if (found == memory_storage().end()) return std::nullopt;
  return found->second;
}

StorageStatus storage_set(std::string_view key, std::string_view value) {
  if (!storage_available) return StorageStatus::unavailable;
  const auto found = memory_storage().find(key);
  const std::size_t replaced =
      found == memory_storage().end() ? 0 : key.size() + found->second.size();
  if (stored_bytes() - replaced + key.size() + value.size() > storage_limit)
    return StorageStatus::quota_exceeded;
  std::string& stored = memory_storage()[std::string(key)];
  stored = std::string(value);
  if (!storage_garbling) return StorageStatus::ok;
  stored += '\x01';  // read back with a stray byte, as a damaged write would
  return StorageStatus::not_verified;
}

void storage_remove(std::string_view key) {
  const auto found = memory_storage().find(key);
  if (found != memory_storage().end()) memory_storage().erase(found);
}

std::vector<std::string> storage_keys(std::string_view prefix) {
  std::vector<std::string> keys;
  for (const auto& [key, value] : memory_storage())
    if (key.compare(0, prefix.size(), prefix) == 0) keys.push_back(key);
  return keys;
}

bool storage_usable() {
  return storage_available;
}

void storage_write_now() {}  // writes here are synchronous

namespace {
std::string staged_text;  // copied at once here
}  // namespace

void storage_stage_begin(std::string_view text) {
  staged_text = text;
}

bool storage_stage_more(double) {
  return true;
}

StorageStatus storage_set_staged(std::string_view key) {
  return storage_set(key, std::exchange(staged_text, {}));
}

ReadProgress storage_read_some(std::string_view key, std::string& into, double) {
  auto value = storage_get(key);
  if (!value) return ReadProgress::missing;
  into = std::move(*value);
  return ReadProgress::done;
}

std::vector<std::string> legacy_storage_keys(std::string_view prefix) {
  std::vector<std::string> keys;
  for (const auto& [key, value] : legacy_storage())
    if (key.compare(0, prefix.size(), prefix) == 0) keys.push_back(key);
  return keys;
}

std::optional<std::string> legacy_storage_get(std::string_view key) {
  const auto found = legacy_storage().find(key);
  if (found == legacy_storage().end()) return std::nullopt;
  return found->second;
}

void legacy_storage_release(std::string_view key, std::string_view value) {
  const auto found = legacy_storage().find(key);
  if (found != legacy_storage().end() && found->second == value) legacy_storage().erase(found);
}

void request_persistent_storage() {}

void request_storage_report() {}

void set_reload_note(std::string_view note) {
  if (note.empty()) {
    reload_note.reset();
  } else {
    reload_note = std::string(note);
  }
}

std::optional<std::string> take_reload_note() {
  auto note = std::move(reload_note);
  reload_note.reset();
  return note;
}

double now_ms() {
  using namespace std::chrono;
  return static_cast<double>(
      duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count());
}

double monotonic_ms() {
  using namespace std::chrono;
  return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

LocalTime local_time(double ms) {
  const std::time_t seconds = static_cast<std::time_t>(ms / 1000.0);
  std::tm parts{};
  gmtime_r(&seconds, &parts);  // the smoke test has no user time zone
  return {parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday, parts.tm_hour, parts.tm_min};
}

void open_file_picker() {}

void pick_files(std::string_view) {}

void open_html(std::string_view) {}

void make_share_link(std::string_view) {}

void download_file(std::string_view, std::string_view, std::string_view) {}

bool take_wake_request() {
  return true;
}

void signal_ready() {}

void signal_start_failed(const char*) {}

bool publish_accessibility(std::string_view) {
  return true;
}

void set_clipboard_text(std::string_view) {}

void wake_after(double) {}

}  // namespace sto::platform
