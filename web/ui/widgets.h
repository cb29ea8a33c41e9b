// Small drawing and editing helpers shared by the panels. Editors return true once, when the
// user finishes an edit (Enter, Tab or clicking elsewhere), so one edit is one undo step.
#pragma once
#include <imgui.h>
#include <algorithm>

#include <cstdint>
#include <string>

#include "access/access.h"
#include "app/app.h"
#include "frame/item_registry.h"
#include "model/money.h"
#include "model/plan.h"

namespace sto::ui {

// A key figure: a caption above a large value, with an optional note below, in a framed card
// `height` high (0: as high as its content, at least 5.2 lines; cards side by side pass the
// largest key_figure_height of the row, so they line up).
void key_figure(const char* id, const char* caption, const std::string& value,
                const std::string& note, ImVec4 accent, float width, float height = 0.0f);
// The height a key figure card `width` wide needs for its caption, value and note.
float key_figure_height(const char* caption, const std::string& value, const std::string& note,
                        float width);

// ImGui::TextUnformatted, but where text wraps (ImGui::PushTextWrapPos) only between words: an
// amount or percentage ("€ 422.000,00", "10,00%") is never broken over two lines, as ImGui's own
// wrapping does after any '.' or ','. Noted for tests (window.stoplan.cutTexts) if one is split
// all the same. The text helpers below draw through it.
void draw_text(const std::string& text);
// How many lines draw_text takes for `text` at this wrap width (0: no wrapping), in the current
// font.
int wrapped_line_count(const std::string& text, float wrap_width);
// Text that tests and scripts can find by its content (window.stoplan.itemRect).
void text_item(const std::string& text);
void text_item_colored(const ImVec4& color, const std::string& text);
// Text in the quiet colour, and plain text, that screen readers read (not findable by tests).
void text_disabled(const std::string& text);
void plain_text(const std::string& text);
// Text that never shows its tail alone (an amount cut on its left reads as another number): drawn
// whole in the room left in the cell or line, a little smaller when that is enough, else its
// beginning with "…" and the whole text as a tooltip and for screen readers. Findable like
// text_item by the whole text.
void text_item_fitted(const std::string& text, bool align_right = false);
// The same in `room` pixels from the cursor, for a text that runs on over empty cells.
void text_item_fitted_to(const std::string& text, float room, bool align_right = false);
// The smallest scale text_item_fitted draws a text at before it shortens it with "…".
inline constexpr float kMinFitScale = 0.8f;
// Right-aligned text_item_fitted: amounts in table cells.
void text_item_right(const std::string& text);

// A button showing only `symbol` (×, +), as wide as `width` (0: a small button; see ImGui::Button).
// `action` says what it does to what ("Regel verwijderen: Lasapparatuur (2026)"): it is the name
// screen readers hear, as every row's "×" is otherwise the same, and the tooltip, with `hint`
// after it.
bool symbol_button(const char* symbol, const std::string& action, const char* hint = "",
                   float width = 0.0f);

// A section heading inside a panel: larger, coloured, with a rule below.
void heading(const char* text);
// A label in the left column of a two-column form table, then moves to the field column.
void form_row(const char* label);
// Explanatory text in a quieter colour, wrapped to the available width.
void note_text(const std::string& text);

// After a field or choice whose frame shows `text`: when the text is cut, the whole of it as a
// tooltip while the mouse is over the item or it has the keyboard focus (screen readers get the
// whole value from the field itself).
void whole_text_tooltip(const std::string& text);

// ImGui::TableHeadersRow, each header findable by its label (a column's width in tests).
void table_headers_row();

// ImGui::BeginTable for a table whose columns need `least_width` together: in a narrower window (a
// tablet, or presentation mode's large type) it scrolls sideways instead of squeezing a column to
// nothing. It is then as tall as its `rows` rows of fields (plus a header row when `header`), so
// the page, not the table, scrolls up and down.
bool begin_wide_table(const char* id, int columns, ImGuiTableFlags flags, float least_width,
                      int rows, bool header);
// The padding and inner borders of `columns` table cells side by side, for a least width.
float table_cell_padding(int columns);

// As ImGui::SetScrollHereY, but scrolls the nearest window that scrolls up and down (the page, when
// the current window is a table that only scrolls sideways).
void scroll_page_here(float center_y_ratio);

// [SECTION] Editors. `label` is an ImGui label ("##id" to hide it). Each one describes itself to
// the accessibility bridge (access/access.h): role, name, value and error.
// A plain ImGui text field over `text` (a search, a file name), named `name` for screen readers
// when its label is hidden; returns what ImGui::InputText returns.
bool input_text(const char* label, std::string& text, const char* name = nullptr,
                ImGuiInputTextFlags flags = 0, const char* hint = nullptr);
bool input_text(const char* label, char* buffer, std::size_t size, const char* name = nullptr,
                ImGuiInputTextFlags flags = 0, const char* hint = nullptr);
// ImGui::BeginCombo, described to the bridge with `name` (or the form row's label) and the
// value it shows.
bool begin_combo(const char* label, const char* preview, ImGuiComboFlags flags = 0,
                 const char* name = nullptr);
// Text: true when an edit was committed; `out` then holds the new text.
bool edit_text(const char* label, const std::string& value, std::string& out,
               bool multiline = false);
// Money typed as people type it ("1.234,56", "1234.56", "€ 1 234"). Nonsense keeps the old value
// and shows a message beside the field until the next good entry.
bool edit_money(const char* label, Money value, Money& out, Language language);
// A decimal with `decimals` digits stored as scaled integer (quantity_milli: decimals = 3).
bool edit_decimal(const char* label, std::int64_t scaled, int decimals, std::int64_t& out,
                  Language language, std::int64_t min_value, std::int64_t max_value);
// A whole number within [min, max].
bool edit_int(const char* label, std::int64_t value, std::int64_t& out, Language language,
              std::int64_t min_value, std::int64_t max_value);
// A calendar year (2000–2100), written without grouping.
bool edit_year(const char* label, int value, int& out, Language language);
// Shows, and forgets, the errors of fields that had no room beside them this frame; how many.
std::size_t draw_field_errors();
// Forgets every refused entry (messages and red frames): after undo/redo or a change of section.
void clear_field_errors();
// Before a frame's first field: the fields keep their typed text and refused entries in `app`'s
// ViewState, and forget the entries when the App asked (App::forget_field_errors).
void begin_widgets(const App& app);
// Picks one of `count` options labelled by label_of(i); true when the choice changed.
// `flags`: ImGuiComboFlags_NoArrowButton in narrow grid cells leaves the room to the text.
template <class LabelOf>
bool edit_choice(const char* label, int current, int count, LabelOf label_of, int& out,
                 ImGuiComboFlags flags = 0) {
  bool changed = false;
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float width = ImGui::CalcItemWidth();
  const char* preview = current >= 0 && current < count ? label_of(current) : "—";
  const bool open = begin_combo(label, preview, flags);
  record_item(label, at.x, at.y, width, ImGui::GetFrameHeight());
  if (!open) whole_text_tooltip(preview);  // a narrow grid cell may cut the choice
  if (open) {
    for (int i = 0; i < count; ++i) {
      if (ImGui::Selectable(label_of(i), i == current) && i != current) {
        out = i;
        changed = true;
      }
    }
    ImGui::EndCombo();
  }
  return changed;
}

// The width a combo needs to show the longest of its options, at most `max_width`.
template <class LabelOf>
float choice_width(int count, LabelOf label_of, float max_width) {
  float widest = 0.0f;
  for (int i = 0; i < count; ++i) widest = std::max(widest, ImGui::CalcTextSize(label_of(i)).x);
  const float frame = widest + ImGui::GetStyle().FramePadding.x * 2.0f + ImGui::GetFrameHeight();
  return std::min(frame, max_width);
}

// The message of the last refused entry in the field with this ImGui id, or "".
const std::string& field_error(ImGuiID id);

// Colours used for meaning, not decoration.
inline const ImVec4 kColorOk{0.13f, 0.55f, 0.27f, 1.0f};
inline const ImVec4 kColorError{0.75f, 0.12f, 0.12f, 1.0f};
inline const ImVec4 kColorWarning{0.80f, 0.50f, 0.05f, 1.0f};
inline const ImVec4 kColorNeutral{0.12f, 0.23f, 0.37f, 1.0f};
inline const ImVec4 kColorHighlight{1.0f, 0.93f, 0.55f, 1.0f};

}  // namespace sto::ui
