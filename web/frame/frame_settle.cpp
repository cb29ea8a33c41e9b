// Reads Dear ImGui 1.86's internal state (imgui_internal.h) after a frame to tell whether the UI
// has settled. Field names are those of 1.86 (Debian's imgui source package).
#include "frame/frame_settle.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <cfloat>
#include <cstring>

namespace sto::ui {

namespace {

// FNV-1a over the bytes of plain values.
struct Hash {
  std::uint64_t value = 14695981039346656037ull;
  template <typename T>
  void add(const T& v) {
    unsigned char bytes[sizeof(T)];
    std::memcpy(bytes, &v, sizeof(T));
    for (unsigned char b : bytes) value = (value ^ b) * 1099511628211ull;
  }
  void add(const ImVec2& v) {
    add(v.x);
    add(v.y);
  }
};

// A window begun this frame that will look different next frame without any input: appearing,
// laid out unseen to be measured, or with a scroll or a position still to apply. Two counters are
// left out, as they stay set while nothing changes: AutoFitFramesX/Y (a window sized with
// ImGuiCond_Always and a zero height, the investment window, asks for a fit every frame; a fit
// shows as a change of size anyway) and HiddenFramesCanSkipItems (set every frame on a child
// window scrolled out of view, the chart below the national table).
bool window_measuring(const ImGuiWindow& w) {
  return w.Appearing || w.HiddenFramesCannotSkipItems > 0 || w.HiddenFramesForRenderOnly > 0 ||
         w.ScrollTarget.x != FLT_MAX || w.ScrollTarget.y != FLT_MAX ||
         w.SetWindowPosVal.x != FLT_MAX;
}

// A table drawn this frame that is still fitting its columns to their contents.
bool table_measuring(ImGuiTable& table) {
  if (table.IsInitializing || table.IsSettingsRequestLoad) return true;
  for (int c = 0; c < table.ColumnsCount; ++c) {
    const ImGuiTableColumn& column = table.Columns[c];
    if (column.AutoFitQueue != 0 || column.CannotSkipItemsQueue != 0) return true;
  }
  return false;
}

struct Settle {
  std::uint64_t last_state = 0;
};

Settle& settle() {
  static Settle instance;
  return instance;
}

}  // namespace

bool frame_unsettled(std::uint64_t drawn_fingerprint) {
  ImGuiContext& g = *GImGui;
  bool measuring = false;
  Hash state;
  state.add(drawn_fingerprint);

  // Windows drawn this frame, their place, size, content size (what the next auto-fit is measured
  // from) and scroll.
  for (const ImGuiWindow* w : g.Windows) {
    if (!w->Active) continue;
    measuring = measuring || window_measuring(*w);
    state.add(w->ID);
    state.add(w->Pos);
    state.add(w->Size);
    state.add(w->ContentSize);
    state.add(w->ContentSizeIdeal);
    state.add(w->Scroll);
    state.add(w->Hidden);
  }
  // Popups: one opened but not begun yet is drawn next frame.
  state.add(g.OpenPopupStack.Size);
  for (const ImGuiPopupData& popup : g.OpenPopupStack) {
    measuring = measuring || popup.Window == nullptr;
    state.add(popup.PopupId);
  }
  // Tables drawn this frame.
  for (int n = 0; n < g.Tables.GetMapSize(); ++n)
    if (ImGuiTable* table = g.Tables.TryGetMapData(n))
      if (table->LastFrameActive == g.FrameCount) measuring = measuring || table_measuring(*table);
  // What the mouse, the keyboard and navigation point at.
  state.add(g.HoveredId);
  state.add(g.ActiveId);
  state.add(g.NavId);
  state.add(g.HoveredWindow ? g.HoveredWindow->ID : 0u);
  state.add(g.NavWindow ? g.NavWindow->ID : 0u);
  // Requests ImGui acts on in the next frame.
  measuring = measuring || g.NavInitRequest || g.NavMoveSubmitted || g.NavMoveForwardToNextFrame ||
              g.NavNextActivateId != 0;

  Settle& s = settle();
  const bool changed = state.value != s.last_state;
  s.last_state = state.value;
  return measuring || changed;
}

}  // namespace sto::ui
