// Keeps ImGui's settings text in browser storage; see layout_memory.h.
#include "frame/layout_memory.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <cstddef>
#include <string_view>

#include "platform/browser.h"

namespace sto::ui {

namespace {
// Outside "sto-planner/": other tabs listen to that prefix for saved plans, not for layouts.
constexpr std::string_view kLayoutKey = "sto-planner-layout";
}  // namespace

void restore_layout() {
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
