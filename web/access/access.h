// The accessibility and input bridge: a description of every item ImGui drew in a frame (role,
// name, value, state, rectangle), published to the page, which mirrors it as DOM elements for
// screen readers, keyboards and touch screens (web/shell/access.js); and the requests coming back
// from those elements (focus, activate, typed text) applied to ImGui between frames.
// Items are learned from ImGui's test-engine hooks; the panels' shared widgets add what the hooks
// cannot know (a field's value and error, a form row's label, headings, a chart's figures).
#pragma once
#include <imgui.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "access/page_state.h"

struct ImRect;  // imgui_internal.h

namespace sto::access {

enum class Role : std::uint8_t {
  button,
  checkbox,
  radio,
  tab,
  menu,      // a menu-bar entry that opens a menu
  menuitem,  // an entry of an open menu (checked: a toggle that is on)
  combobox,
  option,  // an entry of an open combo's list
  slider,
  textbox,
  nav_link,  // a sidebar section (selected: the one shown)
  heading,
  text,
  figure,  // a chart: its name is the text alternative (the figures it shows)
};

// How a touch keyboard should look for a field (the input's inputmode).
enum class InputMode : std::uint8_t { text, decimal, numeric };

// [SECTION] Frame, called by web/main.cpp in this order.
// Before ImGui::NewFrame(): applies pending requests that act as input (a click on an item,
// typed text), overriding the mouse state the backend just read.
void begin_frame();
// After ImGui::NewFrame(): requests that act on ImGui's state (keyboard focus, leaving a field).
void after_new_frame();
// After the frame is drawn: publishes the items to the page when they differ from the last
// published frame, and announces changes. Returns the CPU milliseconds it took.
double end_frame(const PageState& page);
// True while requests wait for frames (a click takes two frames).
bool wants_frames();
// True when the last end_frame published a description that differed from the one before.
bool last_frame_changed();

// [SECTION] What the hooks cannot know, given right after the item is drawn.
// The last item is a text field showing `value`; `error` is the message of its refused entry.
void describe_field(std::string_view value, std::string_view error, InputMode mode, bool multiline);
// The last item is a combo showing `value`, with this id, name and rectangle (BeginCombo does not
// report to the hooks).
void describe_combo(ImGuiID id, std::string_view name, std::string_view value, ImVec2 min,
                    ImVec2 max, bool open);
// The last item is a slider from `min` to `max` at `now`, read as `value_text`.
void describe_slider(std::int64_t min, std::int64_t max, std::int64_t now,
                     std::string_view value_text);
// The last item is a sidebar section; `selected` when it is the one shown.
void describe_nav_link(bool selected);
// The last item is a button named `name` that shows (`expanded`) or hides a part of the page.
void describe_disclosure(std::string_view name, bool expanded);
// The last item shows a symbol (×, +) that says nothing of what it acts on: screen readers hear
// `name` instead.
void name_last_item(std::string_view name);
// The last item is static text: a paragraph, or a heading of `level` (2 = a section's heading).
void describe_text(std::string_view text, int heading_level = 0);
// The last item is a chart; `summary` says what it shows, figures included. Without a `name`
// it takes the text drawn last before it (its title).
void describe_chart(std::string_view name, std::string_view summary);
// The next item without a visible label of its own is named `label` (a form row's label).
void label_next_item(std::string_view label);
// The current table holds `rows` rows in all (the grid draws only those on screen) and the row
// being drawn is row `row` (0-based, headers excluded).
void describe_table_row(int row, int rows);

// [SECTION] ImGui's test-engine hooks, forwarded by app/item_registry.cpp.
void item_added(ImGuiID id, const ImRect& rect);
void item_info(ImGuiID id, const char* label, int status_flags);

// [SECTION] Requests from the page's DOM mirror (window.stoplan / access.js).
// DOM focus moved to the item: ImGui's keyboard focus follows, a text field is entered.
void request_focus(ImGuiID id);
// The user activated the item (Enter, Space, a screen reader's click): click it.
void request_activate(ImGuiID id);
// The text in the field's DOM input is now `text`: the ImGui field takes it as if typed.
void request_text(ImGuiID id, std::string_view text);
// Enter (`enter`) or Escape was pressed in the field's DOM input: the ImGui field gets the key
// after the text typed before it.
void request_key(ImGuiID id, bool enter);
// The DOM input was left (Tab, a tap elsewhere): the ImGui field commits, as on a click elsewhere.
void request_leave(ImGuiID id);

// The JSON last published (for the native smoke test).
const std::string& last_published();

}  // namespace sto::access
