// A drawn frame that repeats the picture on screen skips the GPU (web/frame/repeated_frame.h); any
// change in what ImGui drew or in the canvas it is drawn into is rendered.
#include <imgui.h>
#include <catch2/catch.hpp>

#include <string>

#include "frame/repeated_frame.h"

namespace sto::ui {
namespace {

// A bare ImGui context drawing one window with a line of text per frame.
class Frames {
 public:
  Frames() {
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;  // no imgui.ini left in the working folder
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
  }
  ~Frames() { ImGui::DestroyContext(); }
  Frames(const Frames&) = delete;
  Frames& operator=(const Frames&) = delete;

  const ImDrawData& draw(const std::string& text) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(1280, 800);
    io.DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    ImGui::Begin("Begroting");
    ImGui::TextUnformatted(text.c_str());
    ImGui::End();
    ImGui::Render();
    return *ImGui::GetDrawData();
  }
};

TEST_CASE("a frame that repeats the picture on screen is not rendered again") {
  Frames frames;
  RepeatedFrameFilter filter;
  const FrameTarget canvas{1280, 800, ImVec4(0.95f, 0.96f, 0.97f, 1)};
  CHECK_FALSE(filter.repeats(frames.draw("€ 1.234,56"), canvas));                 // the first frame
  for (int i = 0; i < 3; ++i) filter.repeats(frames.draw("€ 1.234,56"), canvas);  // auto-fitted
  CHECK(filter.repeats(frames.draw("€ 1.234,56"), canvas));
  CHECK(filter.repeats(frames.draw("€ 1.234,56"), canvas));

  // Another amount: other vertices.
  CHECK_FALSE(filter.repeats(frames.draw("€ 1.234,57"), canvas));
  CHECK(filter.repeats(frames.draw("€ 1.234,57"), canvas));
  // The canvas resized (its buffer is cleared) or another background: drawn again.
  const FrameTarget resized{1024, 730, canvas.clear_color};
  CHECK_FALSE(filter.repeats(frames.draw("€ 1.234,57"), resized));
  CHECK(filter.repeats(frames.draw("€ 1.234,57"), resized));
  const FrameTarget other_background{1024, 730, ImVec4(1, 1, 1, 1)};
  CHECK_FALSE(filter.repeats(frames.draw("€ 1.234,57"), other_background));
  // Another text colour: the same positions, other vertex colours.
  ImGui::GetStyle().Colors[ImGuiCol_Text] = ImVec4(0.8f, 0, 0, 1);
  CHECK_FALSE(filter.repeats(frames.draw("€ 1.234,57"), other_background));
  // Only the picture on screen counts: back to an earlier one is drawn.
  CHECK_FALSE(filter.repeats(frames.draw("€ 1.234,56"), other_background));
  // After a reset (a restored GL context) the next frame is drawn whatever it is.
  filter.reset();
  CHECK_FALSE(filter.repeats(frames.draw("€ 1.234,56"), other_background));
  CHECK(filter.repeats(frames.draw("€ 1.234,56"), other_background));
}

TEST_CASE("a frame with a draw callback is always rendered") {
  Frames frames;
  RepeatedFrameFilter filter;
  const FrameTarget canvas{1280, 800, ImVec4(1, 1, 1, 1)};
  const auto with_callback = [&] {
    ImGui::GetIO().DisplaySize = ImVec2(1280, 800);
    ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    ImGui::Begin("Grafiek");
    ImGui::GetWindowDrawList()->AddCallback([](const ImDrawList*, const ImDrawCmd*) {}, nullptr);
    ImGui::End();
    ImGui::Render();
    return filter.repeats(*ImGui::GetDrawData(), canvas);
  };
  for (int i = 0; i < 4; ++i) CHECK_FALSE(with_callback());
  // The callback's picture was on screen last: the earlier plain frame is drawn again.
  CHECK_FALSE(filter.repeats(frames.draw("x"), canvas));
}

}  // namespace
}  // namespace sto::ui
