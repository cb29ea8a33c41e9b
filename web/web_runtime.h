// What the frame loop (web/main.cpp) and the page's API (web/page_api.cpp) share: the app, its
// window, and the frame timings the page reads.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "app/app.h"
#include "frame/repeated_frame.h"
#include "platform/browser.h"

struct GLFWwindow;

namespace sto::web {

struct Runtime {
  GLFWwindow* window = nullptr;
  std::unique_ptr<ui::App> app;
  platform::Viewport viewport;
  int frames_drawn = 0;
  int frames_rendered = 0;  // of those, the ones whose picture differed and reached the GPU
  ui::RepeatedFrameFilter repeated_frames;
  double first_frame_ms = 0;             // performance.now() when the first frame was drawn
  std::vector<double> frame_times_ms;    // CPU time of each drawn frame since last read
  std::vector<double> access_times_ms;   // of that, the accessibility bridge's publishing
  std::vector<double> storage_times_ms;  // and the storage work (App::autosave_tick)
  int storage_deferrals = 0;             // frames in a row too heavy to take the storage work
  double last_storage_ms = 0;            // how long the last storage work took
  // Frames still to draw: ImGui answers an event over several frames (web/frame/frame_settle.h).
  int settle_frames = 0;
  int unsettled_frames = 0;  // drawn since the last event because the UI had not settled
  bool ready_signalled = false;
  std::string api_buffer;  // holds the last string returned to JavaScript
};

extern Runtime runtime;

// Something happened that ImGui must see (input, a file, a script's change): draw the frames an
// event takes, then as long as the UI keeps changing.
void wake();

}  // namespace sto::web
