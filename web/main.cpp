// The browser entry point: WebGL2 through Emscripten's GLFW, Dear ImGui, and one frame()
// function driven by requestAnimationFrame. The C functions behind window.stoplan: page_api.cpp.
#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten/emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "access/access.h"
#include "app/app.h"
#include "frame/frame_settle.h"
#include "frame/item_registry.h"
#include "frame/repeated_frame.h"
#include "frame/style.h"
#include "platform/browser.h"
#include "ui/frame.h"
#include "web_runtime.h"

namespace sto::web {

Runtime runtime;

// Something happened that ImGui must see (input, a file, a script's change): draw the frames an
// event takes, then as long as the UI keeps changing.
void wake() {
  runtime.settle_frames = std::max(runtime.settle_frames, sto::ui::kFramesAfterEvent);
  runtime.unsettled_frames = 0;
}

}  // namespace sto::web

namespace {

using sto::web::runtime;
using sto::web::wake;

// ImGui 1.86 samples key state once per frame, so a key pressed and released between two frames
// (a quick tap, a test's key press, Ctrl+Z on a busy machine) would be lost. Once a key has been
// pressed since the last frame, later releases are held back, and every key event after a held
// one too, in order; after the frame they are replayed up to the next press, whose releases wait
// for the frame after. So a frame sees each press with the modifiers that were down with it.
// (Holding back only the pressed key's own release lost Ctrl+Z when a frame fell between Ctrl's
// press and Z's: Ctrl's release came through before the frame that saw Z.)
struct KeyEvent {
  int key, scancode, action, mods;
};
bool key_pressed_this_frame = false;
std::vector<KeyEvent> held_key_events;

void apply_or_hold(const KeyEvent& e) {
  if (!held_key_events.empty() || (e.action == GLFW_RELEASE && key_pressed_this_frame)) {
    held_key_events.push_back(e);
    return;
  }
  if (e.action == GLFW_PRESS) key_pressed_this_frame = true;
  ImGui_ImplGlfw_KeyCallback(runtime.window, e.key, e.scancode, e.action, e.mods);
}

void key_callback(GLFWwindow*, int key, int scancode, int action, int mods) {
  apply_or_hold({key, scancode, action, mods});
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

void replay_held_key_events() {
  key_pressed_this_frame = false;
  if (held_key_events.empty()) return;
  const std::vector<KeyEvent> events = std::move(held_key_events);
  held_key_events.clear();
  for (const KeyEvent& e : events) apply_or_hold(e);
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
  if (runtime.app->set_pixel_ratio(viewport.pixel_ratio)) sto::ui::load_fonts(viewport.pixel_ratio);
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
  replay_held_key_events();
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
  // The main window has no background of its own (ui/frame.cpp): the clear paints it.
  const ImVec4 background = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  // A frame that draws the picture already shown leaves the canvas alone (repeated_frame.h).
  if (!runtime.repeated_frames.repeats(*ImGui::GetDrawData(),
                                       {buffer_width, buffer_height, background})) {
    glViewport(0, 0, buffer_width, buffer_height);
    glClearColor(background.x, background.y, background.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    ++runtime.frames_rendered;
  }
  do_storage_work(emscripten_get_now() - frame_start);
  ++runtime.frames_drawn;

  // The item rectangles of a frame are complete once the next one starts; wait two frames.
  if (!runtime.ready_signalled && runtime.frames_drawn >= 2) {
    runtime.ready_signalled = true;
    runtime.settle_frames = std::max(runtime.settle_frames, 1);
    sto::platform::signal_ready();
  }
}

constexpr const char* kGlslVersion = "#version 300 es";  // WebGL2

// The browser takes a WebGL context away when it needs the GPU back (a tab in the background on an
// iPad, a driver reset) and gives it back later, empty: no textures, buffers or shaders. Asking
// to have it back (true: the event's default is prevented), then making ImGui's GPU objects again
// and drawing the whole picture (the repeated-frame filter remembers a picture that is gone)
// keeps the app on screen instead of a blank canvas until a reload.
EM_BOOL on_context_lost(int, const void*, void*) {
  return EM_TRUE;
}
EM_BOOL on_context_restored(int, const void*, void*) {
  // The backend anew (its buffer sizes too, which outlive DestroyDeviceObjects); its next
  // NewFrame makes the shaders, buffers and font texture.
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplOpenGL3_Init(kGlslVersion);
  runtime.repeated_frames.reset();
  wake();
  return EM_TRUE;
}

}  // namespace

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
  sto::ui::setup_imgui();
  runtime.app = std::make_unique<sto::ui::App>();
  if (runtime.app->set_pixel_ratio(runtime.viewport.pixel_ratio))
    sto::ui::load_fonts(runtime.viewport.pixel_ratio);
  ImGui_ImplGlfw_InitForOpenGL(runtime.window, true);
  // ImGui's own key and wheel callbacks, behind the two fixes above.
  glfwSetKeyCallback(runtime.window, key_callback);
  glfwSetScrollCallback(runtime.window, scroll_callback);
  ImGui_ImplOpenGL3_Init(kGlslVersion);
  emscripten_set_webglcontextlost_callback("#canvas", nullptr, false, on_context_lost);
  emscripten_set_webglcontextrestored_callback("#canvas", nullptr, false, on_context_restored);
  // Copy goes to the system clipboard; paste comes from the page's paste event (sto_api_paste),
  // so ImGui's own Ctrl+V finds nothing to insert and the text is not pasted twice.
  ImGuiIO& io = ImGui::GetIO();
  io.SetClipboardTextFn = [](void*, const char* text) { sto::platform::set_clipboard_text(text); };
  io.GetClipboardTextFn = [](void*) -> const char* { return ""; };

  emscripten_set_main_loop(frame, 0, false);
  return 0;
}
