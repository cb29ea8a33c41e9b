// Implements ImGui's test-engine hooks to learn each item's label and rectangle.
#include "app/item_registry.h"

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

struct Recorded {
  std::string label;
  ItemRect rect;
};

struct Registry {
  std::unordered_map<ImGuiID, ImRect> pending;  // rectangles of the frame being drawn, by id
  // Labels given before their item's rectangle (tab items report their label first).
  std::unordered_map<ImGuiID, std::string> early_labels;
  std::vector<Recorded> current;  // labelled items of the frame being drawn
  std::vector<Recorded> last;     // labelled items of the last complete frame
  std::vector<CutText> cut_current, cut_last;
};

Registry& registry() {
  static Registry instance;
  return instance;
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
  registry().current.push_back({std::string(label), {x, y, width, height}});
}

void record_cut_text(CutText cut) {
  registry().cut_current.push_back(std::move(cut));
}

const std::vector<CutText>& cut_texts() {
  return registry().cut_last;
}

std::optional<ItemRect> find_item(std::string_view label) {
  for (const Recorded& item : registry().last)
    if (item.label == label || visible_part(item.label) == label) return item.rect;
  return std::nullopt;
}

}  // namespace sto::ui

// [SECTION] ImGui test-engine hooks (declared in imgui_internal.h).

void ImGuiTestEngineHook_ItemAdd(ImGuiContext*, const ImRect& bb, ImGuiID id) {
  sto::access::item_added(id, bb);
  auto& r = sto::ui::registry();
  r.pending[id] = bb;
  const auto early = r.early_labels.find(id);
  if (early != r.early_labels.end()) {
    r.current.push_back({early->second, {bb.Min.x, bb.Min.y, bb.GetWidth(), bb.GetHeight()}});
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
  const ImRect& bb = found->second;
  r.current.push_back({label, {bb.Min.x, bb.Min.y, bb.GetWidth(), bb.GetHeight()}});
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) {
  return nullptr;
}

void sto_imgui_assert_failed(const char* expression, const char* file, int line) {
  std::fprintf(stderr, "ImGui assertion failed: %s (%s:%d)\n", expression, file, line);
  std::abort();
}
