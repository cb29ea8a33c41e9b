// Where each labelled ImGui item was drawn in the last frame, for tests and scripting.
// Fed by ImGui's test-engine hooks (IMGUI_ENABLE_TEST_ENGINE in sto_imconfig.h).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sto::ui {

struct ItemRect {
  float x = 0, y = 0, width = 0, height = 0;  // CSS pixels from the canvas's top-left corner
  // Wholly shown: inside the visible part of its window (and table cell), in a window that is
  // not hidden (ImGui lays out an appearing window once unseen). False for an item cut off by a
  // window still too small for it, or scrolled out of view.
  bool visible = true;
};

// A labelled item of the last complete frame.
struct RecordedItem {
  std::string label;  // as given to ImGui, "##" part included
  ItemRect rect;
};

// Starts recording for the next frame; call once per frame before ImGui::NewFrame().
void begin_item_recording();
// Records the last drawn item (e.g. plain text, which ImGui does not report) under `label`.
void record_last_item(std::string_view label);
// Records an item by its rectangle in screen pixels (a combo, which ImGui does not report either
// and whose popup replaces the last item while it is open).
void record_item(std::string_view label, float x, float y, float width, float height);
// The rectangle of the item whose label (full, or the visible part before "##") matches
// `label`, as drawn in the last complete frame; the first match wins.
std::optional<ItemRect> find_item(std::string_view label);
// Every labelled item of the frame drawn last, in the order drawn; call between frames.
const std::vector<RecordedItem>& recorded_items();
// A hash of the labelled items of the frame just drawn (labels, rectangles, visibility), to tell
// whether a frame drew the same as the one before; call after ImGui::Render().
std::uint64_t drawn_fingerprint();

// A text drawn wider than the cell (table column, else window) that clips it, so that part of it
// is not seen. The text helpers of ui/widgets note them for tests (window.stoplan.cutTexts()).
// Also a text wrapped over lines with a line break inside an amount or percentage ("€ 422.000," /
// "00"): it is not cut off, but read as two numbers; `split` then holds the two lines around it.
struct CutText {
  std::string text;
  ItemRect drawn;    // the whole text's rectangle
  float cell_x = 0;  // the visible part of the cell, horizontally
  float cell_width = 0;
  std::string split;  // "422.000, | 00" for a figure broken over two lines, else ""
};
void record_cut_text(CutText cut);
// The cut texts of the last complete frame.
const std::vector<CutText>& cut_texts();

}  // namespace sto::ui
