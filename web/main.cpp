// The browser entry point: WebGL2 through Emscripten's GLFW, Dear ImGui, and one frame()
// function driven by requestAnimationFrame. Also the C functions behind window.stoplan.
#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten/emscripten.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "access/access.h"
#include "app/app.h"
#include "app/frame_settle.h"
#include "app/item_registry.h"
#include "exchange/summary_json.h"
#include "platform/browser.h"
#include "ui/frame.h"

namespace {

struct Runtime {
  GLFWwindow* window = nullptr;
  std::unique_ptr<sto::ui::App> app;
  sto::platform::Viewport viewport;
  int frames_drawn = 0;
  double first_frame_ms = 0;             // performance.now() when the first frame was drawn
  std::vector<double> frame_times_ms;    // CPU time of each drawn frame since last read
  std::vector<double> access_times_ms;   // of that, the accessibility bridge's publishing
  std::vector<double> storage_times_ms;  // and the storage work (App::autosave_tick)
  int storage_deferrals = 0;             // frames in a row too heavy to take the storage work
  double last_storage_ms = 0;            // how long the last storage work took
  // Frames still to draw: ImGui answers an event over several frames (web/app/frame_settle.h).
  int settle_frames = 0;
  int unsettled_frames = 0;  // drawn since the last event because the UI had not settled
  bool ready_signalled = false;
  std::string api_buffer;  // holds the last string returned to JavaScript
};

Runtime runtime;

// Something happened that ImGui must see (input, a file, a script's change): draw the frames an
// event takes, then as long as the UI keeps changing.
void wake() {
  runtime.settle_frames = std::max(runtime.settle_frames, sto::ui::kFramesAfterEvent);
  runtime.unsettled_frames = 0;
}

// ImGui 1.86 samples key state once per frame, so a key pressed and released between two frames
// (a quick tap, a test's key press, Ctrl+Z on a busy machine) would be lost. Releases of keys
// pressed since the last frame are held back and replayed after the frame has seen the press.
struct KeyEvent {
  int key, scancode, action, mods;
};
std::vector<int> keys_pressed_this_frame;
std::vector<KeyEvent> deferred_key_releases;

void key_callback(GLFWwindow* window, int key, int scancode, int action, int mods) {
  if (action == GLFW_PRESS) keys_pressed_this_frame.push_back(key);
  const bool pressed_now = std::find(keys_pressed_this_frame.begin(), keys_pressed_this_frame.end(),
                                     key) != keys_pressed_this_frame.end();
  if (action == GLFW_RELEASE && pressed_now) {
    deferred_key_releases.push_back({key, scancode, action, mods});
    return;
  }
  ImGui_ImplGlfw_KeyCallback(window, key, scancode, action, mods);
}

// Emscripten 3.1.6's GLFW hands on the browser's raw wheel deltas (pixels, with the browser's
// sign: positive = down), where GLFW and ImGui expect notches with positive = up; unconverted, a
// wheel turn down scrolled the page up by hundreds of notches. Pixel deltas are about 100 a notch,
// line deltas (Firefox) about 3.
double wheel_notches(double delta) {
  const double per_notch = std::abs(delta) >= 20.0 ? 100.0 : 3.0;
  return -delta / per_notch;
}

void scroll_callback(GLFWwindow* window, double dx, double dy) {
  ImGui_ImplGlfw_ScrollCallback(window, wheel_notches(dx), wheel_notches(dy));
}

void replay_deferred_key_releases() {
  keys_pressed_this_frame.clear();
  if (deferred_key_releases.empty()) return;
  const std::vector<KeyEvent> releases = std::move(deferred_key_releases);
  deferred_key_releases.clear();
  for (const KeyEvent& e : releases)
    ImGui_ImplGlfw_KeyCallback(runtime.window, e.key, e.scancode, e.action, e.mods);
  runtime.settle_frames = std::max(runtime.settle_frames, 2);
}

void draw_frame();

// Times every drawn frame for window.stoplan.frameTimes() (benchmarks): the CPU time of the
// whole frame() call, input to GL submission.
void frame() {
  const int before = runtime.frames_drawn;
  const double start = emscripten_get_now();
  draw_frame();
  if (runtime.frames_drawn == before) return;
  const double end = emscripten_get_now();
  if (runtime.first_frame_ms == 0) runtime.first_frame_ms = end;
  if (runtime.frame_times_ms.size() < 10000) runtime.frame_times_ms.push_back(end - start);
}

// The storage work (an autosave slice, the hand-over of its text, a step of a delta: each up to a
// few milliseconds for a 5 MB plan) goes in the room a drawn frame leaves. While that work is
// heavy (the last step took a millisecond or more), a frame that took kStorageRoomMs on its own
// passes it to the next one, but never more than kMaxStorageDeferrals in a row: a slow machine
// still saves. A small plan's steps take microseconds and are never put off.
constexpr double kStorageRoomMs = 5;
constexpr double kHeavyStorageMs = 1;
constexpr int kMaxStorageDeferrals = 10;

void do_storage_work(double frame_so_far_ms) {
  double storage_ms = 0;
  if (frame_so_far_ms < kStorageRoomMs || runtime.last_storage_ms < kHeavyStorageMs ||
      runtime.storage_deferrals >= kMaxStorageDeferrals) {
    runtime.storage_deferrals = 0;
    const double start = emscripten_get_now();
    runtime.app->autosave_tick();
    storage_ms = runtime.last_storage_ms = emscripten_get_now() - start;
  } else {
    ++runtime.storage_deferrals;
    runtime.settle_frames = std::max(runtime.settle_frames, 1);  // the work waits for a frame
  }
  if (runtime.storage_times_ms.size() < 10000) runtime.storage_times_ms.push_back(storage_ms);
}

void draw_frame() {
  const bool woken = sto::platform::take_wake_request() || runtime.app->wants_frames() ||
                     sto::access::wants_frames();
  if (woken) wake();
  if (runtime.settle_frames == 0) return;  // idle: draw nothing
  --runtime.settle_frames;
  const double frame_start = emscripten_get_now();

  const sto::platform::Viewport viewport = sto::platform::sync_viewport();
  if (viewport.pixel_ratio != runtime.viewport.pixel_ratio)
    runtime.app->set_pixel_ratio(viewport.pixel_ratio);
  runtime.viewport = viewport;

  glfwPollEvents();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  // Browsers coarsen their clock (to 0.1 ms, to 100 ms with fingerprinting protection, not at all
  // under virtual time), so two frames can read the same time; ImGui asserts on a zero step.
  ImGui::GetIO().DeltaTime = std::max(ImGui::GetIO().DeltaTime, 1.0f / 1000.0f);
  // Emscripten's GLFW has no HiDPI support: lay out in CSS pixels, render at device pixels.
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize =
      ImVec2(static_cast<float>(viewport.css_width), static_cast<float>(viewport.css_height));
  io.DisplayFramebufferScale = ImVec2(viewport.pixel_ratio, viewport.pixel_ratio);
  if (io.MousePos.x != -FLT_MAX)  // GLFW reports the mouse in drawing-buffer pixels
    io.MousePos =
        ImVec2(io.MousePos.x / viewport.pixel_ratio, io.MousePos.y / viewport.pixel_ratio);

  sto::ui::begin_item_recording();
  sto::access::begin_frame();
  ImGui::NewFrame();
  sto::access::after_new_frame();
  sto::ui::draw_frame(*runtime.app);
  ImGui::Render();
  const double access_ms = sto::access::end_frame(runtime.app->access_page_state());
  if (runtime.access_times_ms.size() < 10000) runtime.access_times_ms.push_back(access_ms);
  // A frame that changed the UI, or left it still measuring itself, is followed by another (a
  // click that opens a dialog is answered in full without moving the mouse, issue 27); a frame
  // that changed nothing ends the drawing until the next event, so an idle page draws nothing.
  const bool unsettled =
      sto::ui::frame_unsettled(sto::ui::drawn_fingerprint()) || sto::access::last_frame_changed();
  if (unsettled && runtime.settle_frames == 0 &&
      runtime.unsettled_frames < sto::ui::kMaxSettleFrames) {
    runtime.settle_frames = 1;
    ++runtime.unsettled_frames;
  }
  replay_deferred_key_releases();
  // A file picker asked for by the UI (combine several plans, a region CSV): the page opens it
  // and hands the files back through sto_api_add_combine_file / sto_api_import_regions_csv.
  const sto::ui::FilePurpose picker = runtime.app->take_file_picker_request();
  if (picker != sto::ui::FilePurpose::none)
    sto::platform::pick_files(picker == sto::ui::FilePurpose::combine   ? "combine"
                              : picker == sto::ui::FilePurpose::compare ? "compare"
                                                                        : "regions");

  const int buffer_width =
      static_cast<int>(static_cast<float>(viewport.css_width) * viewport.pixel_ratio + 0.5f);
  const int buffer_height =
      static_cast<int>(static_cast<float>(viewport.css_height) * viewport.pixel_ratio + 0.5f);
  glViewport(0, 0, buffer_width, buffer_height);
  const ImVec4 background = runtime.app->background_color();
  glClearColor(background.x, background.y, background.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  do_storage_work(emscripten_get_now() - frame_start);
  ++runtime.frames_drawn;

  // The item rectangles of a frame are complete once the next one starts; wait two frames.
  if (!runtime.ready_signalled && runtime.frames_drawn >= 2) {
    runtime.ready_signalled = true;
    runtime.settle_frames = std::max(runtime.settle_frames, 1);
    sto::platform::signal_ready();
  }
}

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

// {"first_frame_ms": …, "frames": [ms, …]} — the drawn frames' CPU times since the last call.
const char* sto_api_frame_times() {
  runtime.api_buffer = "{\"first_frame_ms\":" + std::to_string(runtime.first_frame_ms) +
                       ",\"frames\":" + take_times_json(runtime.frame_times_ms) + "}";
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

// The browser's answer to platform::request_storage_report: bytes used and available.
void sto_api_storage_report(int persisted, double used_bytes, double quota_bytes) {
  runtime.app->set_storage_report({true, persisted != 0, used_bytes, quota_bytes});
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

int main() {
  if (!glfwInit()) {
    sto::platform::signal_start_failed("GLFW could not start");
    return 1;
  }
  glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  runtime.viewport = sto::platform::sync_viewport();
  runtime.window = glfwCreateWindow(runtime.viewport.css_width, runtime.viewport.css_height,
                                    "STO Planner", nullptr, nullptr);
  if (runtime.window == nullptr) {
    sto::platform::signal_start_failed("WebGL2 is not available in this browser");
    return 1;
  }
  glfwMakeContextCurrent(runtime.window);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  runtime.app = std::make_unique<sto::ui::App>();
  runtime.app->set_pixel_ratio(runtime.viewport.pixel_ratio);
  ImGui_ImplGlfw_InitForOpenGL(runtime.window, true);
  // ImGui's own key and wheel callbacks, behind the two fixes above.
  glfwSetKeyCallback(runtime.window, key_callback);
  glfwSetScrollCallback(runtime.window, scroll_callback);
  ImGui_ImplOpenGL3_Init("#version 300 es");
  // Copy goes to the system clipboard; paste comes from the page's paste event (sto_api_paste),
  // so ImGui's own Ctrl+V finds nothing to insert and the text is not pasted twice.
  ImGuiIO& io = ImGui::GetIO();
  io.SetClipboardTextFn = [](void*, const char* text) { sto::platform::set_clipboard_text(text); };
  io.GetClipboardTextFn = [](void*) -> const char* { return ""; };

  emscripten_set_main_loop(frame, 0, false);
  return 0;
}
