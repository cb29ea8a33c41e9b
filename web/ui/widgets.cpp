// Shared drawing and editing helpers for the panels.
#include "ui/widgets.h"

#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <functional>
#include <unordered_map>
#include <utility>
#include <vector>

#include "app/item_registry.h"
#include "platform/browser.h"
#include "ui/strings.h"

namespace sto::ui {

namespace {

// The text of the field being edited: ImGui reads its own copy while a field is active, and we
// must still have the typed text in the frame the field is left.
struct EditBuffer {
  ImGuiID id = 0;
  std::string text;
};
EditBuffer& edit_buffer() {
  static EditBuffer buffer;
  return buffer;
}

std::unordered_map<ImGuiID, std::string>& field_errors() {
  static std::unordered_map<ImGuiID, std::string> errors;
  return errors;
}

// What was refused in each field of field_errors(): the message's string id and the typed text,
// so the message is written anew in the current language.
std::unordered_map<ImGuiID, std::pair<Str, std::string>>& refused_entries() {
  static std::unordered_map<ImGuiID, std::pair<Str, std::string>> entries;
  return entries;
}

std::string refused_text(const std::pair<Str, std::string>& entry, Language language) {
  return std::string(tr(entry.first, language)) + ": \"" + entry.second + "\"";
}

// ImGui's multiline field cannot wrap lines: a long note ran off to the right. While nobody types
// in it, its own text is drawn invisibly and the same text wrapped on top; it stays the real field
// for clicks and Tab.
void draw_wrapped_over_last_item(const std::string& text) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  const ImVec4 clip(min.x, min.y, max.x, max.y);
  ImGui::GetWindowDrawList()->AddText(
      ImGui::GetFont(), ImGui::GetFontSize(),
      ImVec2(min.x + style.FramePadding.x, min.y + style.FramePadding.y),
      ImGui::GetColorU32(ImGuiCol_Text), text.c_str(), text.c_str() + text.size(),
      max.x - min.x - style.FramePadding.x * 2.0f - style.ScrollbarSize, &clip);
}

// A text field over `shown`; true with the typed text in `typed` when an edit was committed.
bool committed_text(const char* label, const std::string& shown, std::string& typed, bool multiline,
                    access::InputMode mode = access::InputMode::text) {
  EditBuffer& buffer = edit_buffer();
  const ImGuiID id = ImGui::GetID(label);
  std::string scratch = shown;
  std::string& text = buffer.id == id ? buffer.text : scratch;
  if (multiline) {
    const bool typing = ImGui::GetActiveID() == id;
    if (!typing) ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(0, 0, 0, 0));
    ImGui::InputTextMultiline(label, &text, ImVec2(-1, ImGui::GetTextLineHeight() * 6));
    if (!typing) {
      ImGui::PopStyleColor();
      draw_wrapped_over_last_item(text);
    }
  } else {
    ImGui::InputText(label, &text);
  }
  record_last_item(label);
  const auto error = field_errors().find(id);
  access::describe_field(text, error == field_errors().end() ? std::string() : error->second, mode,
                         multiline);
  if (ImGui::IsItemActive() && buffer.id != id) {
    buffer.id = id;
    buffer.text = text;
  }
  if (ImGui::IsItemDeactivatedAfterEdit() && buffer.id == id) {
    typed = buffer.text;
    buffer.id = 0;
    return true;
  }
  if (ImGui::IsItemDeactivated() && buffer.id == id) buffer.id = 0;
  return false;
}

std::vector<std::string>& errors_without_room() {
  static std::vector<std::string> errors;
  return errors;
}

// Shows the field's error, if any, beside it; in a narrow cell (the budget grid) the panel shows
// it below instead (draw_field_errors), and the field keeps a red frame.
void show_error(ImGuiID id, Language language) {
  const auto found = field_errors().find(id);
  if (found == field_errors().end()) return;
  if (const auto entry = refused_entries().find(id); entry != refused_entries().end())
    found->second = refused_text(entry->second, language);  // in the language of this frame
  const float needed = ImGui::CalcTextSize(found->second.c_str()).x;
  ImGui::SameLine();
  if (ImGui::GetContentRegionAvail().x >= needed) {
    text_item_colored(kColorError, found->second);
  } else {
    ImGui::NewLine();
    errors_without_room().push_back(found->second);
  }
}

bool parsed_commit(const char* label, const std::string& shown, Language language,
                   const std::function<bool(const std::string&)>& accept, Str message,
                   access::InputMode mode) {
  const ImGuiID id = ImGui::GetID(label);
  std::string typed;
  bool committed = false;
  const bool has_error = field_errors().count(id) > 0;
  if (has_error) {
    ImGui::PushStyleColor(ImGuiCol_Border, kColorError);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 2.0f);
  }
  const bool edited = committed_text(label, shown, typed, false, mode);
  if (has_error) {
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
  }
  if (edited) {
    if (accept(typed)) {
      field_errors().erase(id);
      refused_entries().erase(id);
      committed = true;
    } else {
      refused_entries()[id] = {message, typed};
      field_errors()[id] = refused_text(refused_entries()[id], language);
    }
  }
  show_error(id, language);
  return committed;
}

}  // namespace

void key_figure(const char* id, const char* caption, const std::string& value,
                const std::string& note, ImVec4 accent, float width) {
  ImGui::PushStyleColor(ImGuiCol_Border, accent);
  ImGui::PushStyleVar(ImGuiStyleVar_ChildBorderSize, 2.0f);
  const float line = ImGui::GetTextLineHeightWithSpacing();
  ImGui::BeginChild(id, ImVec2(width, line * 5.2f), true, ImGuiWindowFlags_NoScrollbar);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  text_item(caption);
  ImGui::PopStyleColor();
  // Large, but never wider than the card: a long amount is drawn a little smaller.
  const float fits =
      ImGui::GetContentRegionAvail().x / std::max(1.0f, ImGui::CalcTextSize(value.c_str()).x);
  ImGui::SetWindowFontScale(std::min(1.45f, fits));
  text_item_colored(accent, value);
  ImGui::SetWindowFontScale(1.0f);
  if (!note.empty()) {
    ImGui::PushTextWrapPos(0.0f);
    text_item(note);
    ImGui::PopTextWrapPos();
  }
  ImGui::EndChild();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
}

void heading(const char* text) {
  ImGui::Spacing();
  ImGui::PushStyleColor(ImGuiCol_Text, kColorNeutral);
  ImGui::SetWindowFontScale(1.15f);
  ImGui::TextUnformatted(text);
  record_last_item(text);
  access::describe_text(text, 2);
  ImGui::SetWindowFontScale(1.0f);
  ImGui::PopStyleColor();
  ImGui::Separator();
}

void form_row(const char* label) {
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::AlignTextToFramePadding();
  text_item(label);
  ImGui::TableNextColumn();
  access::label_next_item(label);
}

void note_text(const std::string& text) {
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextDisabled("%s", text.c_str());
  ImGui::PopTextWrapPos();
  access::describe_text(text);
}

Date local_today() {
  const platform::LocalTime t = platform::local_time(platform::now_ms());
  return Date{t.year, t.month, t.day};
}

std::string date_time_text(double ms) {
  if (ms <= 0) return "—";
  const platform::LocalTime t = platform::local_time(ms);
  char text[32];
  std::snprintf(text, sizeof text, "%02d-%02d-%04d %02d:%02d", t.day, t.month, t.year, t.hour,
                t.minute);
  return text;
}

namespace {

// The cell the last item was drawn in: its table column (all of it, also a part scrolled out of
// view: scrolling shows it), else the visible part of its window.
ImRect cell_clip_rect() {
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  ImRect cell = window->ClipRect;
  const ImGuiTable* table = ImGui::GetCurrentTable();
  if (table != nullptr && table->InnerWindow == window && table->CurrentColumn >= 0) {
    const ImGuiTableColumn& column = table->Columns[table->CurrentColumn];
    cell.Min.x = column.MinX;
    cell.Max.x = column.MaxX;
  }
  return cell;
}

// Notes the last item when it shows only part of `text`: drawn past an edge of its cell.
void note_if_cut(const std::string& text) {
  const ImRect drawn(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  const ImRect cell = cell_clip_rect();
  constexpr float kSlack = 0.5f;  // rounding of sub-pixel positions
  const bool visible = drawn.Max.x > cell.Min.x && drawn.Min.x < cell.Max.x &&
                       drawn.Max.y > cell.Min.y && drawn.Min.y < cell.Max.y;
  if (visible && (drawn.Min.x < cell.Min.x - kSlack || drawn.Max.x > cell.Max.x + kSlack))
    record_cut_text({text,
                     {drawn.Min.x, drawn.Min.y, drawn.GetWidth(), drawn.GetHeight()},
                     cell.Min.x,
                     cell.GetWidth()});
}

}  // namespace

bool begin_wide_table(const char* id, int columns, ImGuiTableFlags flags, float least_width,
                      int rows, bool header) {
  if (ImGui::GetContentRegionAvail().x >= least_width) return ImGui::BeginTable(id, columns, flags);
  const ImGuiStyle& style = ImGui::GetStyle();
  const float row = ImGui::GetFrameHeight() + style.CellPadding.y * 2.0f;
  const float header_row = header ? ImGui::GetTextLineHeight() + style.CellPadding.y * 2.0f : 0.0f;
  // Borders and rounding: a few pixels more than the rows, so no row is clipped.
  const float height = static_cast<float>(rows) * row + header_row + style.ScrollbarSize + 4.0f;
  return ImGui::BeginTable(id, columns, flags | ImGuiTableFlags_ScrollX, ImVec2(0.0f, height),
                           least_width);
}

float table_cell_padding(int columns) {
  return static_cast<float>(columns) * (ImGui::GetStyle().CellPadding.x * 2.0f + 1.0f);
}

void scroll_page_here(float center_y_ratio) {
  ImGuiWindow* current = ImGui::GetCurrentWindow();
  const float spacing = std::max(current->WindowPadding.y, ImGui::GetStyle().ItemSpacing.y);
  const float target_y = ImLerp(
      current->DC.CursorPosPrevLine.y - spacing,
      current->DC.CursorPosPrevLine.y + current->DC.PrevLineSize.y + spacing, center_y_ratio);
  ImGuiWindow* window = current;
  while ((window->Flags & ImGuiWindowFlags_ChildWindow) != 0 && window->ScrollMax.y <= 0.0f &&
         window->ParentWindow != nullptr)
    window = window->ParentWindow;
  ImGui::SetScrollFromPosY(window, target_y - window->Pos.y, center_y_ratio);
}

void table_headers_row() {
  // As ImGui::TableHeadersRow, plus recording each header.
  ImGui::TableNextRow(ImGuiTableRowFlags_Headers, ImGui::TableGetHeaderRowHeight());
  ImGuiTable* table = ImGui::GetCurrentTable();
  if (table->HostSkipItems) return;
  for (int c = 0; c < table->ColumnsCount; ++c) {
    if (!ImGui::TableSetColumnIndex(c)) continue;
    const char* name = ImGui::TableGetColumnName(c);
    ImGui::PushID(table->InstanceCurrent * table->ColumnsCount + c);
    ImGui::TableHeader(name);
    record_last_item(name);
    ImGui::PopID();
  }
}

void whole_text_tooltip(const std::string& text) {
  const float room = ImGui::GetItemRectSize().x - 2.0f * ImGui::GetStyle().FramePadding.x;
  if (!(ImGui::IsItemHovered() || ImGui::IsItemFocused()) ||
      ImGui::CalcTextSize(text.c_str()).x <= room)
    return;
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
  text_item(text);
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

void text_item(const std::string& text) {
  ImGui::TextUnformatted(text.c_str());
  record_last_item(text);
  access::describe_text(text);
  note_if_cut(text);
}

void text_item_fitted(const std::string& text, bool align_right) {
  const float room = ImGui::GetContentRegionAvail().x;
  const float width = ImGui::CalcTextSize(text.c_str()).x;
  if (width <= room) {
    if (align_right) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + room - width);
    text_item(text);
    return;
  }
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  const float scale = window->FontWindowScale;
  if (room >= width * kMinFitScale) {  // a little smaller still reads well
    ImGui::SetWindowFontScale(scale * room / width);
    text_item(text);
    ImGui::SetWindowFontScale(scale);
    return;
  }
  // Too long: its beginning and "…"; the whole text on hover and for screen readers.
  static const char* const kEllipsis = "\xE2\x80\xA6";
  const float ellipsis_width = ImGui::CalcTextSize(kEllipsis).x;
  const char* fits_until = text.c_str();
  ImGui::GetFont()->CalcTextSizeA(ImGui::GetFontSize(), std::max(0.0f, room - ellipsis_width), 0.0f,
                                  text.c_str(), text.c_str() + text.size(), &fits_until);
  const std::string shown = std::string(text.c_str(), fits_until) + kEllipsis;
  ImGui::TextUnformatted(shown.c_str());
  record_last_item(text);  // findable by the value it stands for
  access::describe_text(text);
  note_if_cut(shown);
  if (ImGui::IsItemHovered()) {
    ImGui::BeginTooltip();
    text_item(text);
    ImGui::EndTooltip();
  }
}

void text_item_colored(const ImVec4& color, const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  text_item(text);
  ImGui::PopStyleColor();
}

void text_disabled(const std::string& text) {
  ImGui::TextDisabled("%s", text.c_str());
  access::describe_text(text);
}

void plain_text(const std::string& text) {
  ImGui::TextUnformatted(text.c_str());
  access::describe_text(text);
}

void text_item_right(const std::string& text) {
  text_item_fitted(text, true);
}

bool input_text(const char* label, std::string& text, const char* name, ImGuiInputTextFlags flags,
                const char* hint) {
  if (name != nullptr) access::label_next_item(name);
  const bool changed = hint != nullptr ? ImGui::InputTextWithHint(label, hint, &text, flags)
                                       : ImGui::InputText(label, &text, flags);
  record_last_item(label);
  access::describe_field(text, "", access::InputMode::text, false);
  return changed;
}

bool input_text(const char* label, char* buffer, std::size_t size, const char* name,
                ImGuiInputTextFlags flags, const char* hint) {
  if (name != nullptr) access::label_next_item(name);
  const bool changed = hint != nullptr ? ImGui::InputTextWithHint(label, hint, buffer, size, flags)
                                       : ImGui::InputText(label, buffer, size, flags);
  record_last_item(label);
  access::describe_field(buffer, "", access::InputMode::text, false);
  return changed;
}

bool begin_combo(const char* label, const char* preview, ImGuiComboFlags flags, const char* name) {
  const ImGuiID id = ImGui::GetID(label);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float width = ImGui::CalcItemWidth();
  if (name != nullptr) access::label_next_item(name);
  // Described before BeginCombo: an open combo makes its list the current window.
  const bool was_open = ImGui::IsPopupOpen(ImHashStr("##ComboPopup", 0, id), ImGuiPopupFlags_None);
  const char* hidden = std::strstr(label, "##");
  const std::string visible = hidden ? std::string(label, hidden) : std::string(label);
  access::describe_combo(id, visible, preview ? preview : "", at,
                         ImVec2(at.x + width, at.y + ImGui::GetFrameHeight()), was_open);
  return ImGui::BeginCombo(label, preview, flags);
}

bool edit_text(const char* label, const std::string& value, std::string& out, bool multiline) {
  std::string typed;
  if (!committed_text(label, value, typed, multiline) || typed == value) return false;
  out = typed;
  return true;
}

bool edit_money(const char* label, Money value, Money& out, Language language) {
  Money parsed;
  const bool committed = parsed_commit(
      label, format_fixed(value.cents, 2, language), language,
      [&](const std::string& typed) {
        const auto money = parse_money(typed, language);
        if (!money || money->cents < 0) return false;
        parsed = *money;
        return true;
      },
      Str::invalid_amount, access::InputMode::decimal);
  if (!committed || parsed == value) return false;
  out = parsed;
  return true;
}

bool edit_decimal(const char* label, std::int64_t scaled, int decimals, std::int64_t& out,
                  Language language, std::int64_t min_value, std::int64_t max_value) {
  std::int64_t parsed = 0;
  // Show no more decimals than the value has: 12 hours, not 12,000.
  std::string shown = format_fixed(scaled, decimals, language);
  const char point = language == Language::nl ? ',' : '.';
  if (shown.find(point) != std::string::npos) {
    while (shown.back() == '0') shown.pop_back();
    if (shown.back() == point) shown.pop_back();
  }
  const bool committed = parsed_commit(
      label, shown, language,
      [&](const std::string& typed) {
        const auto value = parse_fixed(typed, decimals, language);
        if (!value || *value < min_value || *value > max_value) return false;
        parsed = *value;
        return true;
      },
      Str::invalid_number, decimals > 0 ? access::InputMode::decimal : access::InputMode::numeric);
  if (!committed || parsed == scaled) return false;
  out = parsed;
  return true;
}

bool edit_int(const char* label, std::int64_t value, std::int64_t& out, Language language,
              std::int64_t min_value, std::int64_t max_value) {
  return edit_decimal(label, value, 0, out, language, min_value, max_value);
}

bool edit_year(const char* label, int value, int& out, Language language) {
  std::int64_t parsed = 0;
  // Years are written without a thousands separator: 2025, not 2.025.
  const bool committed = parsed_commit(
      label, value == 0 ? "" : std::to_string(value), language,
      [&](const std::string& typed) {
        const auto number = parse_fixed(typed, 0, language);
        if (!number || *number < 2000 || *number > 2100 ||
            typed.find_first_of(".,") != std::string::npos)
          return false;
        parsed = *number;
        return true;
      },
      Str::invalid_year, access::InputMode::numeric);
  if (!committed || parsed == value) return false;
  out = static_cast<int>(parsed);
  return true;
}

void draw_field_errors() {
  for (const std::string& error : errors_without_room()) text_item_colored(kColorError, error);
  errors_without_room().clear();
}

void clear_field_errors() {
  field_errors().clear();
  refused_entries().clear();
  errors_without_room().clear();
}

const std::string& field_error(ImGuiID id) {
  static const std::string none;
  const auto found = field_errors().find(id);
  return found == field_errors().end() ? none : found->second;
}

}  // namespace sto::ui
