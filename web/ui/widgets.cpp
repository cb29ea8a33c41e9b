// Shared drawing and editing helpers for the panels.
#include "ui/widgets.h"

#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cfloat>
#include <cstdio>
#include <cstring>
#include <functional>
#include <unordered_map>
#include <utility>
#include <vector>

#include "frame/item_registry.h"
#include "platform/browser.h"
#include "text/strings.h"

namespace sto::ui {

namespace {

// The text of the field being edited: ImGui reads its own copy while a field is active, and we
// must still have the typed text in the frame the field is left.
struct EditBuffer {
  ImGuiID id = 0;
  std::string text;
};

// What the fields keep between frames, in the ViewState of the App being drawn.
struct FieldState {
  EditBuffer buffer;
  std::unordered_map<ImGuiID, std::string> errors;
  // What was refused in each field of `errors`: the message's string id and the typed text, so
  // the message is written anew in the current language.
  std::unordered_map<ImGuiID, std::pair<Str, std::string>> refused;
  std::vector<std::string> errors_without_room;  // this frame's, shown below the panel
  std::uint64_t errors_generation = 0;           // App::field_errors_generation seen last
};

// The fields' state in the App being drawn (begin_widgets): like ImGui's current context.
FieldState* current_fields = nullptr;

FieldState& field_state() {
  IM_ASSERT(current_fields != nullptr && "begin_widgets() before drawing a field");
  return *current_fields;
}
EditBuffer& edit_buffer() {
  return field_state().buffer;
}
std::unordered_map<ImGuiID, std::string>& field_errors() {
  return field_state().errors;
}
std::unordered_map<ImGuiID, std::pair<Str, std::string>>& refused_entries() {
  return field_state().refused;
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
  return field_state().errors_without_room;
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

namespace {

constexpr float kKeyFigureScale = 1.45f;

// The value's scale in a card whose content is `room` wide: large, but never wider than the card
// (a long amount is drawn a little smaller).
float key_figure_scale(const std::string& value, float room) {
  return std::min(kKeyFigureScale, room / std::max(1.0f, ImGui::CalcTextSize(value.c_str()).x));
}

}  // namespace

float key_figure_height(const char* caption, const std::string& value, const std::string& note,
                        float width) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float line = ImGui::GetTextLineHeightWithSpacing();
  const float room = width - 2.0f * style.WindowPadding.x;
  // Padding, the caption's and the note's lines (wrapped a pixel narrower than the card, for
  // rounding), the value at its scale, and a little room below.
  float height =
      2.0f * style.WindowPadding.y +
      static_cast<float>(wrapped_line_count(caption, room - 1.0f)) * ImGui::GetFontSize() +
      style.ItemSpacing.y + ImGui::GetFontSize() * key_figure_scale(value, room) +
      style.ItemSpacing.y;
  if (!note.empty())
    height += static_cast<float>(wrapped_line_count(note, room - 1.0f)) * ImGui::GetFontSize() +
              style.ItemSpacing.y;
  return std::max(height, line * 5.2f);
}

void key_figure(const char* id, const char* caption, const std::string& value,
                const std::string& note, ImVec4 accent, float width, float height) {
  ImGui::PushStyleColor(ImGuiCol_Border, accent);
  ImGui::PushStyleVar(ImGuiStyleVar_ChildBorderSize, 2.0f);
  if (height <= 0.0f) height = key_figure_height(caption, value, note, width);
  ImGui::BeginChild(id, ImVec2(width, height), true, ImGuiWindowFlags_NoScrollbar);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::PushTextWrapPos(0.0f);  // a long caption in a narrow card takes two lines
  text_item(caption);
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
  ImGui::SetWindowFontScale(key_figure_scale(value, ImGui::GetContentRegionAvail().x));
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

bool symbol_button(const char* symbol, const std::string& action, const char* hint, float width) {
  const bool pressed =
      width == 0.0f ? ImGui::SmallButton(symbol) : ImGui::Button(symbol, ImVec2(width, 0.0f));
  access::name_last_item(action);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("%s%s%s", action.c_str(), *hint != '\0' ? " " : "", hint);
  return pressed;
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
  text_disabled(text);
  ImGui::PopTextWrapPos();
}

namespace {

// The cell the last item was drawn in: its table column (all of it, also a part scrolled out of
// view: scrolling shows it), widened by a clip rectangle pushed past it for a text that runs on
// over empty cells; else the visible part of its window.
ImRect cell_clip_rect() {
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  ImRect cell = window->ClipRect;
  const ImGuiTable* table = ImGui::GetCurrentTable();
  if (table != nullptr && table->InnerWindow == window && table->CurrentColumn >= 0) {
    const ImGuiTableColumn& column = table->Columns[table->CurrentColumn];
    cell.Min.x = std::min(column.MinX, window->ClipRect.Min.x);
    cell.Max.x = std::max(column.MaxX, window->ClipRect.Max.x);
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
  // A box without a scroll bar (a key figure's card) cuts what runs past its bottom for good.
  const ImGuiWindow* window = ImGui::GetCurrentWindow();
  const bool cut_at_bottom = (window->Flags & ImGuiWindowFlags_ChildWindow) != 0 &&
                             (window->Flags & ImGuiWindowFlags_NoScrollbar) != 0 &&
                             drawn.Max.y > window->InnerRect.Max.y + kSlack;
  if (visible &&
      (drawn.Min.x < cell.Min.x - kSlack || drawn.Max.x > cell.Max.x + kSlack || cut_at_bottom))
    record_cut_text({text,
                     {drawn.Min.x, drawn.Min.y, drawn.GetWidth(), drawn.GetHeight()},
                     cell.Min.x,
                     cell.GetWidth(),
                     {}});
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool is_blank(char c) {
  return c == ' ' || c == '\t';
}

constexpr std::string_view kEuroSign = "\xE2\x82\xAC";

// One line of a text as drawn: bytes [begin, end), whether it ends because the text wrapped there
// (not at a '\n' of its own or the end of the text), and whether that wrap took the place of a
// blank (not a break inside a word).
struct DrawnLine {
  std::size_t begin = 0, end = 0;
  bool wrapped = false;
  bool at_blank = false;
};

std::string_view last_word(std::string_view text) {
  const std::size_t blank = text.find_last_of(" \t");
  return blank == std::string_view::npos ? text : text.substr(blank + 1);
}

std::string_view first_word(std::string_view text) {
  return text.substr(0, text.find_first_of(" \t"));
}

// Where wrapping broke a figure in two: a line that ends in "€" before a number, or a line break
// with no blank at it between a digit (or a digit's '.' or ',') and a digit or '%'
// ("€ 422.000," / "00", "(10," / "00%"). "line end | next line start", or "" when none.
std::string figure_split(const std::string& text, const std::vector<DrawnLine>& lines) {
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    if (!lines[i].wrapped) continue;
    std::string_view before(text.data() + lines[i].begin, lines[i].end - lines[i].begin);
    const std::string_view after(text.data() + lines[i + 1].begin,
                                 lines[i + 1].end - lines[i + 1].begin);
    const bool blank_between = lines[i].at_blank;
    while (!before.empty() && is_blank(before.back())) before.remove_suffix(1);
    if (before.empty() || after.empty()) continue;
    const char first = after.front();
    bool split = false;
    if (before.size() >= kEuroSign.size() &&
        before.substr(before.size() - kEuroSign.size()) == kEuroSign)
      split = is_digit(first) || first == '-';
    else if (!blank_between && (is_digit(first) || first == '%'))
      split =
          is_digit(before.back()) || ((before.back() == '.' || before.back() == ',') &&
                                      before.size() >= 2 && is_digit(before[before.size() - 2]));
    if (split) {
      const std::string_view tail =
          before.size() >= kEuroSign.size() &&
                  before.substr(before.size() - kEuroSign.size()) == kEuroSign
              ? kEuroSign
              : last_word(before);
      return std::string(tail) + " | " + std::string(first_word(after));
    }
  }
  return {};
}

// The width ImGui wraps the next text at (0: no wrapping), read before the text is drawn.
float current_wrap_width() {
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  const float wrap_pos = window->DC.TextWrapPos;
  return wrap_pos >= 0.0f ? ImGui::CalcWrapWidthForPos(window->DC.CursorPos, wrap_pos) : 0.0f;
}

// Notes the last item, `text` drawn as `drawn_text` in `lines`, when a line break splits a figure.
void note_if_split(const std::string& text, const std::string& drawn_text,
                   const std::vector<DrawnLine>& lines) {
  std::string split = figure_split(drawn_text, lines);
  if (split.empty()) return;
  const ImRect drawn(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  const ImRect cell = cell_clip_rect();
  record_cut_text({text,
                   {drawn.Min.x, drawn.Min.y, drawn.GetWidth(), drawn.GetHeight()},
                   cell.Min.x,
                   cell.GetWidth(),
                   std::move(split)});
}

// True for a word that is a figure, perhaps in brackets or before a punctuation mark
// ("€ 422.000,00", "(10,00%", "2.344", "-5"): digits with their '.', ',' and '%', which must stay
// on one line.
bool is_figure_word(std::string_view word) {
  if (word.size() >= kEuroSign.size() && word.substr(0, kEuroSign.size()) == kEuroSign)
    word.remove_prefix(kEuroSign.size());
  while (!word.empty() && (word.front() == '(' || word.front() == ' ' || word.front() == '-'))
    word.remove_prefix(1);
  while (!word.empty() && std::strchr(").,;:", word.back()) != nullptr) word.remove_suffix(1);
  if (word.empty() || !is_digit(word.front())) return false;
  return word.find_first_not_of("0123456789.,%") == std::string_view::npos;
}

// Where to break `word`, too wide for `room`: after the last '-', '_', '/', '.' or ',' that fits
// (not inside a number), else after the last character that fits, moved back to the start of a
// run of digits ("klein-voorbeeld-" / "2020.json", never "202" / "0"). 0 when nothing fits.
std::size_t long_word_break(std::string_view word, float room) {
  const ImFont* font = ImGui::GetFont();
  const float size = ImGui::GetFontSize();
  const char* fits = word.data();
  font->CalcTextSizeA(size, std::max(0.0f, room), 0.0f, word.data(), word.data() + word.size(),
                      &fits);
  std::size_t end = static_cast<std::size_t>(fits - word.data());
  while (end > 0 && end < word.size() && (word[end] & 0xC0) == 0x80) --end;  // UTF-8
  for (std::size_t i = end; i > 0; --i) {
    const char c = word[i - 1];
    const bool in_number = i < word.size() && i >= 2 && is_digit(word[i - 2]) && is_digit(word[i]);
    if (std::strchr("-_/.,", c) != nullptr && !in_number) return i;
  }
  std::size_t at = end;
  while (at > 0 && at < word.size() && is_digit(word[at - 1]) && is_digit(word[at])) --at;
  return at > 0 ? at : end;
}

// `text` with line breaks where it must wrap to fit `wrap_width`: at a blank only, never inside a
// word, an amount or a percentage, and not at the blank after "€" (an amount stays with its sign).
// ImGui's own wrapping also breaks after any '.' or ',', so inside "422.000,00". A word wider
// than a whole line is broken (long_word_break), unless it is a figure: that stays whole.
// `lines` receives the lines drawn, for the check that no figure is split.
std::string wrap_whole_words(const std::string& text, float wrap_width,
                             std::vector<DrawnLine>& lines) {
  const ImFont* font = ImGui::GetFont();
  const float size = ImGui::GetFontSize();
  const auto width = [&](std::string_view part) {
    return font->CalcTextSizeA(size, FLT_MAX, 0.0f, part.data(), part.data() + part.size()).x;
  };
  std::string out;
  out.reserve(text.size() + 16);
  lines.clear();
  std::size_t line_begin = 0;
  const auto end_line = [&](bool wrapped, bool at_blank) {
    lines.push_back({line_begin, out.size(), wrapped, at_blank});
    out += '\n';
    line_begin = out.size();
  };
  std::size_t paragraph = 0;
  while (true) {
    std::size_t paragraph_end = text.find('\n', paragraph);
    if (paragraph_end == std::string::npos) paragraph_end = text.size();
    float line_width = 0.0f;
    bool line_empty = true;
    std::size_t at = paragraph;
    while (at < paragraph_end) {
      // The blanks before the next word, then the word: up to a blank, except the one after "€".
      std::size_t word = at;
      while (word < paragraph_end && text[word] == ' ') ++word;
      std::size_t word_end = word;
      while (word_end < paragraph_end) {
        if (text[word_end] == ' ' &&
            !(word_end >= kEuroSign.size() &&
              text.compare(word_end - kEuroSign.size(), kEuroSign.size(), kEuroSign) == 0))
          break;
        ++word_end;
      }
      const std::string_view gap(text.data() + at, word - at);
      std::string_view piece(text.data() + word, word_end - word);
      at = word_end;
      if (line_empty) {
        out += gap;
        line_width = width(gap);
      } else if (line_width + width(gap) + width(piece) <= wrap_width) {
        out += gap;
        line_width += width(gap);
      } else {
        end_line(true, true);
        line_width = 0.0f;
      }
      // A word wider than a line on its own (a long file name): broken, unless it is a figure.
      while (!piece.empty() && line_width + width(piece) > wrap_width && !is_figure_word(piece)) {
        std::size_t cut = long_word_break(piece, wrap_width - line_width);
        if (cut == 0 && line_width > 0.0f) {  // nothing fits after what the line holds
          end_line(true, true);
          line_width = 0.0f;
          continue;
        }
        if (cut == 0) {  // not even one character fits: one per line
          cut = 1;
          while (cut < piece.size() && (piece[cut] & 0xC0) == 0x80) ++cut;
        }
        out.append(piece.data(), cut);
        end_line(true, false);
        line_width = 0.0f;
        piece.remove_prefix(cut);
      }
      out += piece;
      line_width += width(piece);
      line_empty = false;
    }
    if (paragraph_end == text.size()) break;
    end_line(false, false);
    paragraph = paragraph_end + 1;
  }
  lines.push_back({line_begin, out.size(), false, false});
  return out;
}

}  // namespace

// Draws `text` as ImGui::TextUnformatted does, but wrapped (where wrapping is on) between words
// only, never inside a figure; the lines drawn are checked all the same, and a figure split over
// two lines noted for tests.
void draw_text(const std::string& text) {
  const float wrap_width = current_wrap_width();
  if (wrap_width <= 0.0f) {
    ImGui::TextUnformatted(text.c_str(), text.c_str() + text.size());
    return;
  }
  std::vector<DrawnLine> lines;
  const std::string wrapped = wrap_whole_words(text, wrap_width, lines);
  ImGui::PushTextWrapPos(-1.0f);  // wrapped already: ImGui must not wrap it again
  ImGui::TextUnformatted(wrapped.c_str(), wrapped.c_str() + wrapped.size());
  ImGui::PopTextWrapPos();
  note_if_split(text, wrapped, lines);
}

int wrapped_line_count(const std::string& text, float wrap_width) {
  if (wrap_width <= 0.0f) return 1 + static_cast<int>(std::count(text.begin(), text.end(), '\n'));
  std::vector<DrawnLine> lines;
  wrap_whole_words(text, wrap_width, lines);
  return static_cast<int>(lines.size());
}

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
  // Focused from the keyboard, the mouse may be anywhere: under the field, then.
  if (!ImGui::IsItemHovered())
    ImGui::SetNextWindowPos(ImVec2(ImGui::GetItemRectMin().x,
                                   ImGui::GetItemRectMax().y + ImGui::GetStyle().ItemSpacing.y));
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
  text_item(text);
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

void text_item(const std::string& text) {
  draw_text(text);
  record_last_item(text);
  access::describe_text(text);
  note_if_cut(text);
}

void text_item_fitted(const std::string& text, bool align_right) {
  text_item_fitted_to(text, ImGui::GetContentRegionAvail().x, align_right);
}

void text_item_fitted_to(const std::string& text, float room, bool align_right) {
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
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  draw_text(text);
  ImGui::PopStyleColor();
  access::describe_text(text);
}

void plain_text(const std::string& text) {
  draw_text(text);
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

std::size_t draw_field_errors() {
  for (const std::string& error : errors_without_room()) text_item_colored(kColorError, error);
  const std::size_t shown = errors_without_room().size();
  errors_without_room().clear();
  return shown;
}

void clear_field_errors() {
  field_errors().clear();
  refused_entries().clear();
  errors_without_room().clear();
}

void begin_widgets(const App& app) {
  current_fields = &app.view_state().get<FieldState>();
  FieldState& fields = *current_fields;
  if (fields.errors_generation == app.field_errors_generation()) return;
  fields.errors_generation = app.field_errors_generation();
  clear_field_errors();
}

const std::string& field_error(ImGuiID id) {
  static const std::string none;
  const auto found = field_errors().find(id);
  return found == field_errors().end() ? none : found->second;
}

}  // namespace sto::ui
