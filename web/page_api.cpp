// window.stoplan: the C side of the page's JavaScript API (see web/shell/stoplan-api.js), over
// the app the frame loop (web/main.cpp) draws.
#include <emscripten/emscripten.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "access/access.h"
#include "app/app.h"
#include "exchange/summary_json.h"
#include "frame/item_registry.h"
#include "platform/browser.h"
#include "web_runtime.h"

namespace {

using sto::web::runtime;
using sto::web::wake;

// The bytes of a file as read from disk (they may hold NUL bytes or invalid UTF-8, which the
// core's loader refuses or repairs): `size` bytes at `data`.
std::string_view page_bytes(const char* data, int size) {
  return {data, static_cast<std::size_t>(std::max(size, 0))};
}

// {"x":..,"y":..,"width":..,"height":..,"visible":true|false}
std::string item_rect_json(const sto::ui::ItemRect& rect) {
  char text[200];
  std::snprintf(
      text, sizeof text, "{\"x\":%.1f,\"y\":%.1f,\"width\":%.1f,\"height\":%.1f,\"visible\":%s}",
      static_cast<double>(rect.x), static_cast<double>(rect.y), static_cast<double>(rect.width),
      static_cast<double>(rect.height), rect.visible ? "true" : "false");
  return text;
}

// Times collected per drawn frame as a JSON array; emptied for the next call.
std::string take_times_json(std::vector<double>& times) {
  std::string out = "[";
  for (std::size_t i = 0; i < times.size(); ++i) out += (i ? "," : "") + std::to_string(times[i]);
  times.clear();
  return out + "]";
}
}  // namespace

// [SECTION] window.stoplan: the C side of the page's JavaScript API (see web/shell/stoplan-api.js).
extern "C" {

const char* sto_api_plan_json() {
  runtime.api_buffer = runtime.app->plan_json();
  return runtime.api_buffer.c_str();
}

// Returns {"ok":true} or {"ok":false,"error":"..."}; the current plan is untouched on failure.
const char* sto_api_load_plan_json(const char* text) {
  runtime.api_buffer = runtime.app->load_plan_json_for_api(text);
  wake();
  return runtime.api_buffer.c_str();
}

const char* sto_api_summary_json() {
  runtime.api_buffer = runtime.app->summary_json();
  return runtime.api_buffer.c_str();
}

// {"x":..,"y":..,"width":..,"height":..,"visible":..} in CSS pixels, or "null" when no such item
// is drawn.
const char* sto_api_item_rect(const char* label) {
  const auto rect = sto::ui::find_item(label);
  runtime.api_buffer = rect ? item_rect_json(*rect) : "null";
  return runtime.api_buffer.c_str();
}

// [{"label":…, "x":…, "y":…, "width":…, "height":…, "visible":…}, …]: every labelled item of the
// last frame drawn, in drawing order.
const char* sto_api_items() {
  std::string out = "[";
  for (const sto::ui::RecordedItem& item : sto::ui::recorded_items()) {
    out += out.size() > 1 ? ",{\"label\":" : "{\"label\":";
    out += sto::json_quote(item.label) + "," + item_rect_json(item.rect).substr(1);
  }
  runtime.api_buffer = out + "]";
  return runtime.api_buffer.c_str();
}

// {"first_frame_ms": …, "frames": [ms, …], "rendered": n}: the drawn frames' CPU times since the
// last call; of the frames drawn since the start (sto_api_frame_count), how many reached the GPU
// (the others repeated the picture on screen).
const char* sto_api_frame_times() {
  runtime.api_buffer = "{\"first_frame_ms\":" + std::to_string(runtime.first_frame_ms) +
                       ",\"frames\":" + take_times_json(runtime.frame_times_ms) +
                       ",\"rendered\":" + std::to_string(runtime.frames_rendered) + "}";
  return runtime.api_buffer.c_str();
}

// [{"text":…, "split":…, "x":…, "y":…, "width":…, "height":…, "cell_x":…, "cell_width":…}, …]:
// the texts of the last frame drawn wider than the visible part of their cell, or wrapped inside
// a figure ("split": the two lines around the break; see item_registry.h).
const char* sto_api_cut_texts() {
  std::string out = "[";
  for (const sto::ui::CutText& cut : sto::ui::cut_texts()) {
    char numbers[200];
    std::snprintf(numbers, sizeof numbers,
                  ",\"x\":%.1f,\"y\":%.1f,\"width\":%.1f,\"height\":%.1f,\"cell_x\":%.1f,"
                  "\"cell_width\":%.1f}",
                  static_cast<double>(cut.drawn.x), static_cast<double>(cut.drawn.y),
                  static_cast<double>(cut.drawn.width), static_cast<double>(cut.drawn.height),
                  static_cast<double>(cut.cell_x), static_cast<double>(cut.cell_width));
    out += (out.size() > 1 ? ",{\"text\":" : "{\"text\":") + sto::json_quote(cut.text) +
           ",\"split\":" + sto::json_quote(cut.split) + numbers;
  }
  runtime.api_buffer = out + "]";
  return runtime.api_buffer.c_str();
}

// {"access": [ms, …], "storage": [ms, …]}: parts of each drawn frame since the last call: the
// accessibility bridge (collecting the items, the JSON and the page's DOM update) and the storage
// work (App::autosave_tick).
const char* sto_api_frame_parts() {
  runtime.api_buffer = "{\"access\":" + take_times_json(runtime.access_times_ms) +
                       ",\"storage\":" + take_times_json(runtime.storage_times_ms) + "}";
  return runtime.api_buffer.c_str();
}

// [SECTION] Requests from the accessible DOM mirror (web/shell/access.js), by ImGui item id.
void sto_api_access_focus(unsigned id) {
  sto::access::request_focus(id);
  wake();
}

void sto_api_access_activate(unsigned id) {
  sto::access::request_activate(id);
  wake();
}

void sto_api_access_text(unsigned id, const char* text) {
  sto::access::request_text(id, text);
  wake();
}

void sto_api_access_key(unsigned id, int enter) {
  sto::access::request_key(id, enter != 0);
  wake();
}

void sto_api_access_leave(unsigned id) {
  sto::access::request_leave(id);
  wake();
}

int sto_api_frame_count() {
  return runtime.frames_drawn;
}

// Asks for a few frames, e.g. after a script changed the state.
void sto_api_request_frames() {
  wake();
}

// A plan file chosen in the file picker or dropped on the page.
void sto_api_open_file(const char* name, const char* data, int size) {
  runtime.app->open_file(name, page_bytes(data, size));
  wake();
}

// A plan file to compare the plan with ("Vergelijken met bestand…").
void sto_api_compare_file(const char* name, const char* data, int size) {
  runtime.app->compare_with_file(name, page_bytes(data, size));
  wake();
}

// A plan file for "Plannen combineren" (picker with several files, or several dropped at once).
void sto_api_add_combine_file(const char* name, const char* data, int size) {
  runtime.app->add_combine_file(name, page_bytes(data, size));
  wake();
}

// A region table CSV for "Landelijk overzicht".
void sto_api_import_regions_csv(const char* name, const char* data, int size) {
  runtime.app->set_region_csv(name, page_bytes(data, size));
  wake();
}

// Text pasted from the system clipboard: typed into the active text field, if any.
void sto_api_paste(const char* text) {
  ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput) io.AddInputCharactersUTF8(text);
  wake();
}

// A budget CSV chosen in the file picker: checked and previewed before anything is added.
void sto_api_import_budget_csv(const char* name, const char* data, int size) {
  runtime.app->import_budget_csv(name, page_bytes(data, size));
  wake();
}

// The page compressed the plan into a share link.
void sto_api_share_link_ready(const char* url) {
  runtime.app->share_link_ready(url);
  wake();
}

// A plan file's text in the compact share-link form, for the page to deflate: the byte count (0
// when the text is no usable plan); the bytes are at sto_api_link_data_bytes() until the next call.
int sto_api_link_data(const char* text) {
  runtime.api_buffer = runtime.app->link_data(text);
  return static_cast<int>(runtime.api_buffer.size());
}

const char* sto_api_link_data_bytes() {
  return runtime.api_buffer.data();
}

// The page was opened with a plan in its link: the inflated bytes, in the compact form (compact
// 1) or a plan file's text (an older link).
void sto_api_open_shared(const char* data, int size, int compact) {
  runtime.app->open_shared_plan(page_bytes(data, size), compact != 0);
  wake();
}

// The page stopped inflating a share link at the file size limit: refused as too large.
void sto_api_open_shared_too_large() {
  runtime.app->refuse_shared_plan_too_large();
  wake();
}

// The page is being hidden or closed: write pending changes now.
void sto_api_flush_save() {
  runtime.app->flush_save();
  sto::platform::storage_write_now();
}

// IndexedDB refused writes it had queued: 1 full, 2 unavailable, 3 another tab committed first,
// 4 read back differently.
void sto_api_storage_write_failed(int status) {
  if (!runtime.app) return;  // before the app exists nothing was written
  using sto::ui::SaveStatus;
  runtime.app->storage_write_failed(status == 1   ? SaveStatus::quota
                                    : status == 3 ? SaveStatus::conflict
                                    : status == 4 ? SaveStatus::not_verified
                                                  : SaveStatus::unavailable);
  wake();
}

// The browser's answer to platform::request_storage_report: bytes used and available, and of
// the used bytes those of the app's offline copy (0 when the browser does not say).
void sto_api_storage_report(int persisted, double used_bytes, double quota_bytes,
                            double app_bytes) {
  runtime.app->set_storage_report({true, persisted != 0, used_bytes, quota_bytes, app_bytes});
  wake();
}

// 1 when leaving the page now would lose work (the page then asks first).
int sto_api_work_at_risk() {
  return runtime.app->work_at_risk() ? 1 : 0;
}

// Another tab wrote to storage.
void sto_api_storage_changed() {
  runtime.app->storage_changed();
  wake();
}

const char* sto_api_ui_state() {
  runtime.api_buffer = runtime.app->ui_json();
  return runtime.api_buffer.c_str();
}

const char* sto_api_storage_status() {
  runtime.api_buffer = runtime.app->storage_status_json();
  return runtime.api_buffer.c_str();
}

}  // extern "C"
