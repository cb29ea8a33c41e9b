// What the headless UI tests share: their pass/fail count, an ImGui context set up as the app's
// (keyboard navigation mapped, the font atlas built) and frames drawn as the browser's main loop
// draws them, without a window.
#pragma once
#include <imgui.h>

#include <cstdio>
#include <string>

#include "access/access.h"
#include "app/app.h"
#include "frame/item_registry.h"
#include "frame/style.h"
#include "ui/frame.h"

namespace sto::ui_test {

inline int failures = 0;
inline int checks = 0;

// Counts a check; prints `what` when it fails.
inline void expect(bool condition, const std::string& what) {
  ++checks;
  if (!condition) {
    std::fprintf(stderr, "FAILED: %s\n", what.c_str());
    ++failures;
  }
}

// An ImGui context for one test program, destroyed with the object (after the App using it).
class Context {
 public:
  Context() {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    for (int key = 0; key < ImGuiKey_COUNT; ++key) io.KeyMap[key] = key;  // keyboard navigation
    ui::setup_imgui();
  }
  ~Context() { ImGui::DestroyContext(); }
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;
};

// Builds the font atlas load_fonts set up; true when it has pixels.
inline bool build_fonts() {
  unsigned char* pixels = nullptr;
  int width = 0, height = 0;
  ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
  return pixels != nullptr && width > 0;
}

// Draws `frames` frames of `app` on a display of `width` × `height` pixels.
inline void draw_frames(ui::App& app, int frames, float width = 1280, float height = 800) {
  ImGuiIO& io = ImGui::GetIO();
  for (int i = 0; i < frames; ++i) {
    io.DisplaySize = ImVec2(width, height);
    io.DeltaTime = 1.0f / 60.0f;
    app.autosave_tick();
    ui::begin_item_recording();
    access::begin_frame();
    ImGui::NewFrame();
    access::after_new_frame();
    ui::draw_frame(app);
    ImGui::Render();
    access::end_frame(app.access_page_state());
  }
}

// Prints the counts; the exit status of the test program.
inline int finish() {
  std::printf("%d passed, %d failed\n", checks - failures, failures);
  return failures == 0 ? 0 : 1;
}

}  // namespace sto::ui_test
