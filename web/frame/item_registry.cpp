// Implements ImGui's test-engine hooks to learn each item's label and rectangle.
#include "frame/item_registry.h"

#include "access/access.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <cstdio>
#include <cstdlib>
#include <unordered_map>
#include <utility>
#include <vector>

namespace sto::ui {

namespace {

struct Registry {
  // Rectangles of the frame being drawn, by id, and whether each is wholly shown.
  std::unordered_map<ImGuiID, std::pair<ImRect, bool>> pending;
  // Labels given before their item's rectangle (tab items report their label first).
  std::unordered_map<ImGuiID, std::string> early_labels;
  std::vector<RecordedItem> current;  // labelled items of the frame being drawn
  std::vector<RecordedItem> last;     // labelled items of the last complete frame
  std::vector<CutText> cut_current, cut_last;
};

Registry& registry() {
  static Registry instance;
  return instance;
}

// Whether `bb` is wholly shown in the window being drawn: the window and its parents are not
// hidden, and `bb` lies inside the current clip rectangle (window or table cell), within a pixel.
bool shown_whole(const ImRect& bb) {
  const ImGuiWindow* window = GImGui->CurrentWindow;
  if (window == nullptr) return true;
  for (const ImGuiWindow* w = window; w != nullptr; w = w->ParentWindow)
    if (w->Hidden || w->SkipItems) return false;
  ImRect clip = window->ClipRect;
  clip.Expand(1.0f);
  return clip.Contains(bb);
}

ItemRect item_rect(const ImRect& bb, bool visible) {
  return {bb.Min.x, bb.Min.y, bb.GetWidth(), bb.GetHeight(), visible};
}

std::string_view visible_part(std::string_view label) {
  const auto hidden = label.find("##");
  return hidden == std::string_view::npos ? label : label.substr(0, hidden);
}

}  // namespace

void begin_item_recording() {
  Registry& r = registry();
  r.last.swap(r.current);
  r.current.clear();
  r.cut_last.swap(r.cut_current);
  r.cut_current.clear();
  r.pending.clear();
  r.early_labels.clear();
  if (ImGuiContext* context = ImGui::GetCurrentContext()) context->TestEngineHookItems = true;
}

void record_last_item(std::string_view label) {
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  record_item(label, min.x, min.y, max.x - min.x, max.y - min.y);
}

void record_item(std::string_view label, float x, float y, float width, float height) {
  const ImRect bb(x, y, x + width, y + height);
  registry().current.push_back({std::string(label), item_rect(bb, shown_whole(bb))});
}

void record_cut_text(CutText cut) {
  registry().cut_current.push_back(std::move(cut));
}

const std::vector<CutText>& cut_texts() {
  return registry().cut_last;
}

std::optional<ItemRect> find_item(std::string_view label) {
  for (const RecordedItem& item : registry().last)
    if (item.label == label || visible_part(item.label) == label) return item.rect;
  return std::nullopt;
}

const std::vector<RecordedItem>& recorded_items() {
  // Called between frames (from the page or after ImGui::Render()): the frame being recorded is
  // the one drawn last, complete until the next begin_item_recording().
  return registry().current;
}

std::uint64_t drawn_fingerprint() {
  std::uint64_t hash = 14695981039346656037ull;  // FNV-1a
  const auto add = [&](const void* data, std::size_t size) {
    const auto* bytes = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < size; ++i) hash = (hash ^ bytes[i]) * 1099511628211ull;
  };
  for (const RecordedItem& item : registry().current) {
    add(item.label.data(), item.label.size() + 1);
    const float numbers[] = {item.rect.x, item.rect.y, item.rect.width, item.rect.height,
                             item.rect.visible ? 1.0f : 0.0f};
    add(numbers, sizeof numbers);
  }
  return hash;
}

}  // namespace sto::ui

// [SECTION] ImGui test-engine hooks (declared in imgui_internal.h).

void ImGuiTestEngineHook_ItemAdd(ImGuiContext*, const ImRect& bb, ImGuiID id) {
  sto::access::item_added(id, bb);
  auto& r = sto::ui::registry();
  const bool visible = sto::ui::shown_whole(bb);
  r.pending[id] = {bb, visible};
  const auto early = r.early_labels.find(id);
  if (early != r.early_labels.end()) {
    r.current.push_back({early->second, sto::ui::item_rect(bb, visible)});
    r.early_labels.erase(early);
  }
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext*, ImGuiID id, const char* label,
                                  ImGuiItemStatusFlags flags) {
  sto::access::item_info(id, label, flags);
  if (label == nullptr || label[0] == '\0') return;
  auto& r = sto::ui::registry();
  const auto found = r.pending.find(id);
  if (found == r.pending.end()) {
    r.early_labels[id] = label;
    return;
  }
  r.current.push_back({label, sto::ui::item_rect(found->second.first, found->second.second)});
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) {
  return nullptr;
}

void sto_imgui_assert_failed(const char* expression, const char* file, int line) {
  std::fprintf(stderr, "ImGui assertion failed: %s (%s:%d)\n", expression, file, line);
  std::abort();
}
