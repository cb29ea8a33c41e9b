// Small drawing helpers shared by the panels.
#pragma once
#include <imgui.h>

#include <string>

namespace sto::ui {

// A key figure: a caption above a large value, with an optional note below, in a framed card.
void key_figure(const char* id, const char* caption, const std::string& value,
                const std::string& note, ImVec4 accent, float width);

// Text that tests and scripts can find by its content (window.stoplan.itemRect).
void text_item(const std::string& text);
void text_item_colored(const ImVec4& color, const std::string& text);
// Right-aligned text in the current table cell or line, findable like text_item.
void text_item_right(const std::string& text);

// Colours used for meaning, not decoration.
inline const ImVec4 kColorOk{0.13f, 0.55f, 0.27f, 1.0f};
inline const ImVec4 kColorError{0.75f, 0.12f, 0.12f, 1.0f};
inline const ImVec4 kColorWarning{0.80f, 0.50f, 0.05f, 1.0f};
inline const ImVec4 kColorNeutral{0.12f, 0.23f, 0.37f, 1.0f};

}  // namespace sto::ui
