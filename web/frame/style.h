// The ImGui context as the app wants it: its style, keyboard navigation, the remembered layout
// and the font atlas for the screen's pixel ratio. The app's state (app/app.h) knows none of it.
#pragma once

namespace sto::ui {

// Once, after ImGui::CreateContext() and before the first frame.
void setup_imgui();
// Builds the font atlas for `pixel_ratio` device pixels per CSS pixel, so text is sharp on HiDPI
// screens and when zoomed.
void load_fonts(float pixel_ratio);

}  // namespace sto::ui
