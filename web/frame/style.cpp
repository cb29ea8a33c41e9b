// The app's ImGui style, settings and fonts; see style.h.
#include "frame/style.h"

#include <imgui.h>

#include <string_view>

#include "frame/fonts.h"
#include "frame/layout_memory.h"

namespace sto::ui {

namespace {

constexpr float kFontSize = 16.0f;  // CSS pixels

void apply_style() {
  ImGuiStyle& style = ImGui::GetStyle();
  ImGui::StyleColorsLight(&style);
  style.WindowRounding = 0.0f;
  style.ChildRounding = 6.0f;
  style.FrameRounding = 4.0f;
  style.PopupRounding = 4.0f;
  style.DisabledAlpha = 0.35f;  // a disabled button must look disabled
  style.WindowPadding = ImVec2(16, 12);
  style.FramePadding = ImVec2(8, 5);
  style.ItemSpacing = ImVec2(10, 8);
  // Fields and checkboxes are white like the table rows they sit in: a thin frame shows them.
  style.FrameBorderSize = 1.0f;
  style.Colors[ImGuiCol_Border] = ImVec4(0.45f, 0.52f, 0.62f, 0.35f);
  style.Colors[ImGuiCol_WindowBg] = ImVec4(0.957f, 0.965f, 0.976f, 1.0f);
  style.Colors[ImGuiCol_ChildBg] = ImVec4(1, 1, 1, 1);
  style.Colors[ImGuiCol_MenuBarBg] = ImVec4(0.90f, 0.92f, 0.95f, 1.0f);
}

}  // namespace

void setup_imgui() {
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // no imgui.ini on a virtual file system: browser storage instead
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  apply_style();
  restore_layout();
}

void load_fonts(float pixel_ratio) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  // Rasterized at device pixels and scaled back.
  ImFontConfig config;
  config.FontDataOwnedByAtlas = false;  // the bytes are compiled into the program
  const std::string_view font = fonts::embedded_file("DejaVuSans.ttf");
  io.Fonts->AddFontFromMemoryTTF(const_cast<char*>(font.data()), static_cast<int>(font.size()),
                                 kFontSize * pixel_ratio, &config, fonts::kGlyphRanges);
  io.FontGlobalScale = 1.0f / pixel_ratio;
}

}  // namespace sto::ui
