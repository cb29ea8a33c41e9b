// The application: the plan being edited, its analysis, and the UI state around it.
// web/ui panels draw this every frame; only the commands here change the plan.
#pragma once
#include <imgui.h>

#include <functional>
#include <string>
#include <string_view>

#include "money.h"
#include "document.h"

namespace sto::ui {

class App {
public:
  // Opens the embedded sample plan.
  App();

  // Draws one frame of the whole UI.
  void draw();
  // True while something animates and needs frames without input.
  bool wants_frames() const { return false; }
  // Rebuilds the font atlas for a new device pixel ratio so text stays crisp.
  void set_pixel_ratio(float ratio);
  ImVec4 background_color() const { return {0.957f, 0.965f, 0.976f, 1.0f}; }

  Language language() const { return language_; }
  void toggle_language() { language_ = language_ == Language::nl ? Language::en : Language::nl; }
  const Plan& plan() const { return document_.plan(); }
  const Analysis& analysis() const { return document_.analysis(); }

  // The current plan as plan-file text.
  std::string plan_json() const;
  // Replaces the plan with a plan file's text; returns {"ok":true} or {"ok":false,"error":...}
  // in the UI language. On failure the current plan is untouched.
  std::string load_plan_json_for_api(std::string_view text);
  // The engine's summary of the current plan as JSON.
  std::string summary_json() const;

  // Selects each section in turn and calls draw_frames, so the smoke test draws every panel.
  void draw_every_section_for_test(const std::function<void()>& draw_frames);

private:
  enum class Section { overview, count };

  void draw_top_bar();

  Document document_;
  Language language_ = Language::nl;
  float pixel_ratio_ = 0.0f;
  int section_to_select_ = -1;  // a section to switch to in the next frame, or -1
};

}  // namespace sto::ui
