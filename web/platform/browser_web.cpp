// The browser implementation of platform/browser.h over glue.js.
#include <algorithm>
#include <cstdlib>

#include "platform/browser.h"

extern "C" {
void sto_sync_viewport(void* out);
int sto_take_wake_request();
void sto_wake_after(double ms);
char* sto_storage_get(const char* key, std::size_t* size);
int sto_storage_set(const char* key, const char* data, std::size_t size);
void sto_storage_remove(const char* key);
char* sto_storage_keys(const char* prefix, int legacy);
int sto_storage_usable();
void sto_storage_flush();
void sto_storage_stage_begin(std::size_t size);
void sto_storage_stage_part(const char* data, std::size_t offset, std::size_t size);
int sto_storage_set_staged(const char* key);
double sto_storage_read_begin(const char* key);
void sto_storage_read_part(char* into, std::size_t offset, std::size_t size);
double sto_monotonic_ms();
char* sto_legacy_storage_get(const char* key, std::size_t* size);
void sto_legacy_storage_release(const char* key, const char* value);
void sto_request_persistent_storage();
void sto_request_storage_report();
void sto_set_reload_note(const char* note);
char* sto_take_reload_note();
double sto_now_ms();
void sto_local_time(double ms, int* out);
void sto_open_file_picker();
void sto_pick_files(const char* purpose);
void sto_open_html(const char* html);
void sto_make_share_link(const char* text);
void sto_download_file(const char* name, const char* mime, const void* data, std::size_t size);
void sto_signal_ready();
void sto_signal_start_failed(const char* reason);
void sto_set_clipboard_text(const char* text);
int sto_publish_accessibility(const char* json, std::size_t size);
}

namespace sto::platform {

namespace {
// Laid out as glue.js writes it: two int32 then one float32.
struct ViewportBytes {
  int width;
  int height;
  float ratio;
};
}  // namespace

Viewport sync_viewport() {
  ViewportBytes bytes{};
  sto_sync_viewport(&bytes);
  return {bytes.width, bytes.height, bytes.ratio};
}

namespace {
// Takes over a string the glue allocated with _malloc.
std::optional<std::string> take_js_string(char* value) {
  if (value == nullptr) return std::nullopt;
  std::string text(value);
  std::free(value);
  return text;
}

// The glue's newline-separated key list (keys never contain a newline).
std::vector<std::string> split_keys(char* joined) {
  std::vector<std::string> keys;
  std::string_view rest(joined);
  while (!rest.empty()) {
    const auto end = rest.find('\n');
    keys.emplace_back(rest.substr(0, end));
    if (end == std::string_view::npos) break;
    rest.remove_prefix(end + 1);
  }
  std::free(joined);
  return keys;
}

// Stored values cross as bytes with their size: a plan text is megabytes, and a copy is all it
// costs. `read` is sto_storage_get or sto_legacy_storage_get.
std::optional<std::string> take_stored(char* (*read)(const char*, std::size_t*),
                                       std::string_view key) {
  std::size_t size = 0;
  char* data = read(std::string(key).c_str(), &size);
  if (data == nullptr) return std::nullopt;
  std::string value(data, size);
  std::free(data);
  return value;
}
}  // namespace

std::optional<std::string> storage_get(std::string_view key) {
  return take_stored(sto_storage_get, key);
}

namespace {
// A part small enough that the clock is read often within a budget of a millisecond or two.
constexpr std::size_t kCopyPart = 64 * 1024;

// The text being copied to the page by storage_stage_more: where it is, how much is copied.
struct Staged {
  const char* data = nullptr;
  std::size_t size = 0;
  std::size_t copied = 0;
} staged;

// Copies parts of [done, size) with `copy_part(offset, size)` until the budget is spent; returns
// how far it got.
template <class CopyPart>
std::size_t copy_parts(std::size_t done, std::size_t size, double budget_ms, CopyPart copy_part) {
  const double deadline = sto_monotonic_ms() + budget_ms;
  do {
    const std::size_t part = std::min(kCopyPart, size - done);
    copy_part(done, part);
    done += part;
  } while (done < size && sto_monotonic_ms() < deadline);
  return done;
}

StorageStatus storage_status(int code) {
  switch (code) {
    case 0: return StorageStatus::ok;
    case 1: return StorageStatus::quota_exceeded;
    case 3: return StorageStatus::not_verified;
    default: return StorageStatus::unavailable;
  }
}
}  // namespace

StorageStatus storage_set(std::string_view key, std::string_view value) {
  return storage_status(sto_storage_set(std::string(key).c_str(), value.data(), value.size()));
}

void storage_stage_begin(std::string_view text) {
  staged = {text.data(), text.size(), 0};
  sto_storage_stage_begin(text.size());
}

bool storage_stage_more(double budget_ms) {
  if (staged.copied < staged.size)
    staged.copied = copy_parts(
        staged.copied, staged.size, budget_ms,
        [](std::size_t at, std::size_t n) { sto_storage_stage_part(staged.data, at, n); });
  return staged.copied == staged.size;
}

StorageStatus storage_set_staged(std::string_view key) {
  staged = {};
  return storage_status(sto_storage_set_staged(std::string(key).c_str()));
}

void storage_remove(std::string_view key) {
  sto_storage_remove(std::string(key).c_str());
}

std::vector<std::string> storage_keys(std::string_view prefix) {
  return split_keys(sto_storage_keys(std::string(prefix).c_str(), 0));
}

void storage_write_now() {
  sto_storage_flush();
}

ReadProgress storage_read_some(std::string_view key, std::string& into, double budget_ms) {
  static std::size_t size = 0;  // of the value being read
  if (into.empty()) {
    const double found = sto_storage_read_begin(std::string(key).c_str());
    if (found < 0) return ReadProgress::missing;
    size = static_cast<std::size_t>(found);
    into.reserve(size);  // not written yet: its pages are touched part by part below
  }
  const std::size_t done =
      copy_parts(into.size(), size, budget_ms, [&](std::size_t at, std::size_t n) {
        into.resize(at + n);
        sto_storage_read_part(into.data(), at, n);
      });
  return done == size ? ReadProgress::done : ReadProgress::more;
}

std::vector<std::string> legacy_storage_keys(std::string_view prefix) {
  return split_keys(sto_storage_keys(std::string(prefix).c_str(), 1));
}

std::optional<std::string> legacy_storage_get(std::string_view key) {
  return take_stored(sto_legacy_storage_get, key);
}

void legacy_storage_release(std::string_view key, std::string_view value) {
  sto_legacy_storage_release(std::string(key).c_str(), std::string(value).c_str());
}

bool storage_usable() {
  return sto_storage_usable() != 0;
}

void request_persistent_storage() {
  sto_request_persistent_storage();
}

void request_storage_report() {
  sto_request_storage_report();
}

void set_reload_note(std::string_view note) {
  sto_set_reload_note(std::string(note).c_str());
}

std::optional<std::string> take_reload_note() {
  return take_js_string(sto_take_reload_note());
}

double now_ms() {
  return sto_now_ms();
}

double monotonic_ms() {
  return sto_monotonic_ms();
}

LocalTime local_time(double ms) {
  int parts[5] = {};
  sto_local_time(ms, parts);
  return {parts[0], parts[1], parts[2], parts[3], parts[4]};
}

void open_file_picker() {
  sto_open_file_picker();
}

void open_html(std::string_view html) {
  sto_open_html(std::string(html).c_str());
}

void make_share_link(std::string_view plan_text) {
  sto_make_share_link(std::string(plan_text).c_str());
}

void pick_files(std::string_view purpose) {
  sto_pick_files(std::string(purpose).c_str());
}

void download_file(std::string_view filename, std::string_view mime_type, std::string_view bytes) {
  sto_download_file(std::string(filename).c_str(), std::string(mime_type).c_str(), bytes.data(),
                    bytes.size());
}

bool take_wake_request() {
  return sto_take_wake_request() != 0;
}

void wake_after(double ms) {
  sto_wake_after(ms);
}

void signal_ready() {
  sto_signal_ready();
}

void signal_start_failed(const char* reason) {
  sto_signal_start_failed(reason);
}

bool publish_accessibility(std::string_view json) {
  return sto_publish_accessibility(json.data(), json.size()) != 0;
}

void set_clipboard_text(std::string_view text) {
  sto_set_clipboard_text(std::string(text).c_str());
}

}  // namespace sto::platform
