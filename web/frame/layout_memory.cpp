// Keeps ImGui's settings text in browser storage; see layout_memory.h.
#include "frame/layout_memory.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <cstddef>
#include <cstring>
#include <string_view>

#include "platform/browser.h"

namespace sto::ui {

namespace {
// Outside "sto-planner/": other tabs listen to that prefix for saved plans, not for layouts.
constexpr std::string_view kLayoutKey = "sto-planner-layout";

bool g_navigation_hidden = false;

// The app's own part of ImGui's settings text: "[StoPlanner][Layout]" with one line per choice.
void add_settings_handler() {
  ImGuiSettingsHandler handler;
  handler.TypeName = "StoPlanner";
  handler.TypeHash = ImHashStr(handler.TypeName);
  handler.ReadOpenFn = [](ImGuiContext*, ImGuiSettingsHandler*, const char* name) -> void* {
    return std::strcmp(name, "Layout") == 0 ? &g_navigation_hidden : nullptr;
  };
  handler.ReadLineFn = [](ImGuiContext*, ImGuiSettingsHandler*, void*, const char* line) {
    if (std::strcmp(line, "NavigationHidden=1") == 0) g_navigation_hidden = true;
  };
  handler.WriteAllFn = [](ImGuiContext*, ImGuiSettingsHandler* self, ImGuiTextBuffer* out) {
    out->appendf("[%s][Layout]\nNavigationHidden=%d\n\n", self->TypeName,
                 g_navigation_hidden ? 1 : 0);
  };
  GImGui->SettingsHandlers.push_back(handler);
}
}  // namespace

bool navigation_hidden() {
  return g_navigation_hidden;
}

void set_navigation_hidden(bool hidden) {
  g_navigation_hidden = hidden;
  ImGui::MarkIniSettingsDirty();
}

void restore_layout() {
  add_settings_handler();
  if (const auto saved = platform::storage_get(kLayoutKey))
    ImGui::LoadIniSettingsFromMemory(saved->data(), saved->size());
}

void remember_layout() {
  // ImGui would wait IniSavingRate seconds of drawn frames, and the app stops drawing when idle:
  // store at once instead. A change is rare (a drag of a column border ends in one).
  if (GImGui->SettingsDirtyTimer <= 0.0f) return;
  std::size_t size = 0;
  const char* text = ImGui::SaveIniSettingsToMemory(&size);  // also clears the timer
  // A full or unavailable storage only means the widths are not remembered.
  platform::storage_set(kLayoutKey, std::string_view(text, size));
}

}  // namespace sto::ui
