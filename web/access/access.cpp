// The accessibility and input bridge (see access.h): items collected from ImGui's hooks and the
// widgets' descriptions, published as JSON to web/shell/access.js; requests from the page applied
// between frames as the clicks and typing they stand for.
#include "access/access.h"

#include <imgui_internal.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstring>
#include <deque>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "exchange/summary_json.h"
#include "platform/browser.h"

namespace sto::access {

namespace {

// [SECTION] What one frame holds.

enum State : std::uint16_t {
  kChecked = 1 << 0,
  kCheckable = 1 << 1,
  kExpanded = 1 << 2,
  kExpandable = 1 << 3,
  kSelected = 1 << 4,
  kDisabled = 1 << 5,
  kActive = 1 << 6,  // a text field being typed in
  kMultiline = 1 << 7,
};

// Where an item sits on the page: the DOM mirror groups items into landmarks, menus and dialogs.
enum class RegionKind : std::uint8_t { main, menubar, nav, menu, listbox, dialog };

struct Node {
  ImGuiID key = 0;  // the ImGui id; for text, a hash of its window and content
  Role role = Role::button;
  std::uint16_t state = 0;
  InputMode mode = InputMode::text;
  std::uint8_t level = 0;  // heading level
  std::string name, value, error;
  ImRect rect;
  bool has_rect = false;
  ImGuiWindow* window = nullptr;
  ImGuiID region = 0;
  RegionKind region_kind = RegionKind::main;
  ImGuiID root = 0;   // the root window (for modal dialogs)
  ImGuiID table = 0;  // a data table's id, 0 outside one
  int row_key = -1;   // ImGui's row counter within the table
  int row = -1;       // the row's index among all rows (aria-rowindex), -1 unknown
  int column = -1;
  std::int64_t min = 0, max = 0, now = 0;  // a slider's range
  int caret = -1;                          // a field being typed in: where ImGui's caret is
};

struct Region {
  ImGuiID id = 0;
  RegionKind kind = RegionKind::main;
  std::string name;
};

struct Table {
  ImGuiID id = 0;
  std::vector<std::string> columns;
  int rows = -1;  // all rows, when the panel said
  int annotated_row_key = -1, annotated_row = -1;
};

struct Frame {
  std::vector<Node> nodes;
  std::unordered_map<ImGuiID, std::size_t> node_of_id;
  std::unordered_map<ImGuiID, ImRect> rects;  // item rectangles by id, from ItemAdd
  std::vector<Region> regions;
  std::vector<Table> tables;
  std::unordered_set<ImGuiID> text_keys;
  std::string next_label;  // a form row's label, for the next unlabelled item in that row
  ImGuiID next_label_table = 0;
  int next_label_row = -1;
  // The last text drawn: it labels an unlabelled item on the same line after it ("Naam [    ]").
  std::string line_text;
  const ImGuiWindow* line_window = nullptr;
  ImRect line_rect;
};

// A request from the page, applied over one or more frames.
struct Request {
  enum class Kind { focus, activate, text, key, leave } kind;
  ImGuiID id = 0;
  std::string text;
  int step = 0;
  ImGuiKey key = ImGuiKey_COUNT;  // Kind::key: Enter or Escape
};

struct Bridge {
  Frame frame;                   // the frame being drawn
  std::vector<Node> last_nodes;  // the last complete frame's items (requests look them up)
  // What the page holds: the items last handed to it (those with a rectangle that are not behind
  // a modal dialog), the JSON of its regions and tables, and its language, title and font size.
  std::vector<Node> published_nodes;
  std::string published_structure, published_header;
  bool page_needs_all = true;  // the page has no base to apply changes to (first frame, a refusal)
  std::string published_text;  // last_published(), made when asked for
  bool published_text_stale = false;
  std::string last_say;
  std::deque<Request> requests;
  int release_key = -1;  // a key pressed for one frame (io.KeysDown index), released in the next
  bool mouse_override = false;
  ImVec2 mouse_at;
  bool mouse_down = false;
  PageState last_page;
  std::unordered_map<ImGuiID, std::string> last_errors;
  bool first_publish = true;
  bool published_changed = false;  // the last frame's description differed from the one before
};

Bridge& bridge() {
  static Bridge instance;
  return instance;
}

std::string_view visible_part(const char* label) {
  const char* hidden = std::strstr(label, "##");
  return hidden == nullptr ? std::string_view(label)
                           : std::string_view(label, static_cast<std::size_t>(hidden - label));
}

bool starts_with(const char* text, const char* prefix) {
  return std::strncmp(text, prefix, std::strlen(prefix)) == 0;
}

RegionKind region_kind_of(const ImGuiWindow* window) {
  if ((window->Flags & ImGuiWindowFlags_MenuBar) &&
      window->DC.NavLayerCurrent == ImGuiNavLayer_Menu)
    return RegionKind::menubar;
  if (window->Flags & ImGuiWindowFlags_ChildMenu || starts_with(window->Name, "##Menu_"))
    return RegionKind::menu;
  if (starts_with(window->Name, "##Combo_")) return RegionKind::listbox;
  if (window->RootWindow->Flags & ImGuiWindowFlags_Modal) return RegionKind::dialog;
  // Other popups (a context menu, "+ Nieuwe regel"'s list of activities) are menus.
  if ((window->RootWindow->Flags & ImGuiWindowFlags_Popup) &&
      !(window->RootWindow->Flags & ImGuiWindowFlags_Tooltip))
    return RegionKind::menu;
  if (std::strstr(window->Name, "##navigation") != nullptr) return RegionKind::nav;
  return RegionKind::main;
}

// The region an item in `window` belongs to, added to the frame the first time it is seen.
ImGuiID region_of(Frame& frame, ImGuiWindow* window, RegionKind& kind) {
  kind = region_kind_of(window);
  ImGuiID id = window->RootWindow->ID;
  if (kind == RegionKind::menubar) id = window->ID + 1;
  if (kind == RegionKind::menu || kind == RegionKind::listbox) id = window->RootWindow->ID;
  if (kind == RegionKind::nav) id = window->ID;
  for (const Region& r : frame.regions)
    if (r.id == id) return id;
  Region region{id, kind, {}};
  if (kind == RegionKind::dialog) region.name = std::string(visible_part(window->RootWindow->Name));
  frame.regions.push_back(std::move(region));
  return id;
}

// The data table the current item sits in directly (tables that only lay out a form, without
// column names, are not tables to a reader).
Table* current_table(Frame& frame, const ImGuiWindow* window) {
  ImGuiTable* table = GImGui->CurrentTable;
  if (table == nullptr || table->InnerWindow != window) return nullptr;
  for (Table& t : frame.tables)
    if (t.id == table->ID) return t.columns.empty() ? nullptr : &t;
  Table t{table->ID, {}, -1, -1, -1};
  bool named = false;
  for (int c = 0; c < table->ColumnsCount; ++c) {
    const char* name = ImGui::TableGetColumnName(table, c);
    t.columns.emplace_back(name ? visible_part(name) : std::string_view());
    named = named || !t.columns.back().empty();
  }
  if (!named) t.columns.clear();
  frame.tables.push_back(std::move(t));
  return frame.tables.back().columns.empty() ? nullptr : &frame.tables.back();
}

// A new item at the current place in the UI, with its region and table cell filled in.
Node& add_node(ImGuiID key, Role role) {
  Frame& frame = bridge().frame;
  ImGuiWindow* window = GImGui->CurrentWindow;
  Node node;
  node.key = key;
  node.role = role;
  node.window = window;
  node.root = window->RootWindow->ID;
  node.region = region_of(frame, window, node.region_kind);
  if (Table* table = current_table(frame, window)) {
    const ImGuiTable* t = GImGui->CurrentTable;
    node.table = table->id;
    node.row_key = t->CurrentRow;
    node.column = t->CurrentColumn;
    if (table->annotated_row_key == t->CurrentRow) node.row = table->annotated_row;
  }
  frame.node_of_id[key] = frame.nodes.size();
  frame.nodes.push_back(std::move(node));
  return frame.nodes.back();
}

// The name an item without a visible label of its own gets: the form row's label, else its
// column's name, else the text just before it on the same line.
std::string fallback_name(Frame& frame, const Node& node) {
  const ImGuiTable* t = GImGui->CurrentTable;
  const int row = t ? t->CurrentRow : -1;
  const ImGuiID table = t ? t->ID : 0;
  if (!frame.next_label.empty() && frame.next_label_table == table && frame.next_label_row == row) {
    std::string label = std::move(frame.next_label);
    frame.next_label.clear();
    return label;
  }
  if (node.table != 0 && node.column >= 0)
    for (const Table& tab : frame.tables)
      if (tab.id == node.table && node.column < static_cast<int>(tab.columns.size()))
        return tab.columns[static_cast<std::size_t>(node.column)];
  const float middle = node.rect.GetCenter().y;
  if (node.has_rect && frame.line_window == node.window && middle >= frame.line_rect.Min.y - 4.0f &&
      middle <= frame.line_rect.Max.y + 4.0f && frame.line_rect.Max.x <= node.rect.Min.x + 1.0f)
    return frame.line_text;
  return {};
}

Node* last_item_node() {
  Frame& frame = bridge().frame;
  const auto found = frame.node_of_id.find(ImGui::GetItemID());
  return found == frame.node_of_id.end() ? nullptr : &frame.nodes[found->second];
}

const Node* published_node(ImGuiID id) {
  for (const Node& n : bridge().last_nodes)
    if (n.key == id) return &n;
  return nullptr;
}

// [SECTION] JSON for the page.

void append_number(std::string& out, const char* key, long long value) {
  out += ",\"";
  out += key;
  out += "\":";
  out += std::to_string(value);
}

void append_text(std::string& out, const char* key, const std::string& value) {
  if (value.empty()) return;
  out += ",\"";
  out += key;
  out += "\":";
  out += json_quote(value);
}

const char* role_name(Role role) {
  static const char* const names[] = {"button",   "checkbox", "radio",  "tab",    "menu",
                                      "menuitem", "combobox", "option", "slider", "textbox",
                                      "nav",      "heading",  "text",   "figure"};
  return names[static_cast<int>(role)];
}

const char* region_name(RegionKind kind) {
  static const char* const names[] = {"main", "menubar", "nav", "menu", "listbox", "dialog"};
  return names[static_cast<int>(kind)];
}

void append_node(std::string& out, const Node& n) {
  out += "{\"id\":" + std::to_string(n.key) + ",\"role\":\"" + role_name(n.role) + "\"";
  append_number(out, "x", static_cast<long long>(n.rect.Min.x));
  append_number(out, "y", static_cast<long long>(n.rect.Min.y));
  append_number(out, "w", static_cast<long long>(n.rect.GetWidth() + 0.5f));
  append_number(out, "h", static_cast<long long>(n.rect.GetHeight() + 0.5f));
  append_number(out, "region", n.region);
  if (n.state != 0) append_number(out, "state", n.state);
  append_text(out, "name", n.name);
  append_text(out, "value", n.value);
  append_text(out, "error", n.error);
  if (n.level) append_number(out, "level", n.level);
  if (n.caret >= 0) append_number(out, "caret", n.caret);
  if (n.role == Role::textbox && n.mode != InputMode::text)
    out += n.mode == InputMode::decimal ? ",\"mode\":\"decimal\"" : ",\"mode\":\"numeric\"";
  if (n.table != 0) {
    append_number(out, "table", n.table);
    append_number(out, "row_key", n.row_key);
    append_number(out, "column", n.column);
    if (n.row >= 0) append_number(out, "row", n.row);
  }
  if (n.role == Role::slider) {
    append_number(out, "min", n.min);
    append_number(out, "max", n.max);
    append_number(out, "now", n.now);
  }
  out += "}";
}

// The items the page mirrors: those on screen, and behind a modal dialog nothing (they cannot be
// reached, as aria-modal says) but the menus and lists over it.
std::vector<Node> shown_nodes(std::vector<Node>& nodes, const ImGuiWindow* modal) {
  std::vector<Node> shown;
  shown.reserve(nodes.size());
  for (Node& n : nodes) {
    if (!n.has_rect) continue;
    if (modal != nullptr && n.root != modal->ID && n.region_kind != RegionKind::menu &&
        n.region_kind != RegionKind::listbox)
      continue;
    shown.push_back(n);
  }
  return shown;
}

// "regions":[…],"tables":[…]: the landmarks, menus and dialogs that hold an item, and the tables.
std::string structure_json(const Frame& frame, const std::vector<Node>& shown) {
  std::string out = "\"regions\":[";
  for (const Region& r : frame.regions) {
    const bool used =
        std::any_of(shown.begin(), shown.end(), [&](const Node& n) { return n.region == r.id; });
    if (!used) continue;
    out += out.back() == '[' ? "{" : ",{";
    out += "\"id\":" + std::to_string(r.id) + ",\"kind\":\"" + region_name(r.kind) + "\"";
    append_text(out, "name", r.name);
    out += "}";
  }
  out += "],\"tables\":[";
  for (const Table& t : frame.tables) {
    if (t.columns.empty()) continue;
    out += out.back() == '[' ? "{" : ",{";
    out +=
        "\"id\":" + std::to_string(t.id) + ",\"rows\":" + std::to_string(t.rows) + ",\"columns\":[";
    for (std::size_t c = 0; c < t.columns.size(); ++c)
      out += (c ? "," : "") + json_quote(t.columns[c]);
    out += "]}";
  }
  out += "]";
  return out;
}

// The page keeps a table row's element by the row's index among all rows where the panel said it
// (so a scrolled grid keeps its rows' elements), else by ImGui's row counter.
bool same_row(const Node& a, const Node& b) {
  return a.row == b.row && (a.row >= 0 || a.row_key == b.row_key);
}

// A text's key is its content: a changed text (a total, the save status) is another key in the
// same place, which the page takes over as a change of that element.
bool is_text(const Node& n) {
  return n.role == Role::text || n.role == Role::heading;
}

// Where the page puts an item's element: two lists with the same places need no DOM moved.
bool same_place(const Node& a, const Node& b) {
  return (a.key == b.key || (is_text(a) && is_text(b))) && a.role == b.role &&
         a.region == b.region && a.table == b.table && same_row(a, b) && a.column == b.column &&
         a.level == b.level && (a.state & kMultiline) == (b.state & kMultiline);
}

// What the page shows of an item, as published (the rectangle in whole pixels).
bool same_look(const Node& a, const Node& b) {
  const auto pixels = [](const ImRect& r) {
    return std::array<long long, 4>{
        static_cast<long long>(r.Min.x), static_cast<long long>(r.Min.y),
        static_cast<long long>(r.GetWidth() + 0.5f), static_cast<long long>(r.GetHeight() + 0.5f)};
  };
  return a.key == b.key && a.state == b.state && a.mode == b.mode && a.caret == b.caret &&
         a.min == b.min && a.max == b.max && a.now == b.now && a.name == b.name &&
         a.value == b.value && a.error == b.error && pixels(a.rect) == pixels(b.rect);
}

// The page renames a changed text's element in place: that holds when no new key is one the page
// already has (two texts that swapped contents, say, get the whole description).
bool texts_renamed_apart(const std::vector<Node>& now, const std::vector<Node>& before) {
  std::unordered_set<ImGuiID> before_keys;
  for (std::size_t i = 0; i < now.size(); ++i) {
    if (now[i].key == before[i].key) continue;
    if (before_keys.empty())
      for (const Node& n : before) before_keys.insert(n.key);
    if (before_keys.count(now[i].key) != 0) return false;
  }
  return true;
}

// What changed that a screen reader should hear, in order of importance; "" when nothing.
std::string announcement(Bridge& b, const PageState& page) {
  std::string say;
  // A refused entry: the field's new message.
  std::unordered_map<ImGuiID, std::string> errors;
  for (const Node& n : b.frame.nodes) {
    if (n.error.empty()) continue;
    errors[n.key] = n.error;
    const auto before = b.last_errors.find(n.key);
    if (before == b.last_errors.end() || before->second != n.error) say = n.error;
  }
  b.last_errors = std::move(errors);
  if (!b.first_publish) {
    if (!page.banner.empty() && page.banner != b.last_page.banner) say = page.banner;
    if (say.empty() && page.findings != b.last_page.findings) say = page.findings;
    if (!page.save_status.empty() && page.save_status != b.last_page.save_status)
      say = say.empty() ? page.save_status : say + ". " + page.save_status;
    if (!page.notice.empty() && page.notice_serial != b.last_page.notice_serial)
      say = say.empty() ? page.notice : page.notice + ". " + say;
  }
  b.last_page = page;
  return say;
}

}  // namespace

// [SECTION] Frame

void begin_frame() {
  Bridge& b = bridge();
  ImGuiContext& g = *GImGui;
  ImGuiIO& io = g.IO;
  if (b.release_key >= 0) {
    io.KeysDown[b.release_key] = false;
    b.release_key = -1;
  }
  const auto press_for_one_frame = [&](ImGuiKey key) {
    b.release_key = io.KeyMap[key];
    io.KeysDown[b.release_key] = true;
  };
  b.mouse_override = false;
  while (!b.requests.empty()) {
    Request& r = b.requests.front();
    const Node* node = published_node(r.id);
    if (node == nullptr) {  // no longer on screen: nothing to act on
      b.requests.pop_front();
      continue;
    }
    const bool field_active = g.ActiveId == r.id && g.InputTextState.ID == r.id;
    const bool enters_field = r.kind == Request::Kind::focus || r.kind == Request::Kind::text;
    const bool wants_click =
        r.kind == Request::Kind::activate ||
        (enters_field && node->role == Role::textbox && !field_active && r.step < 2);
    if (wants_click) {
      // A click in two frames: press (fields and menus react), then release (buttons react).
      b.mouse_override = true;
      b.mouse_at = node->rect.GetCenter();
      if (node->role == Role::textbox && (node->state & kMultiline))
        b.mouse_at = ImVec2(node->rect.Min.x + 4.0f, node->rect.Min.y + 4.0f);
      b.mouse_down = r.step == 0;
      if (++r.step == 2 && r.kind == Request::Kind::activate) b.requests.pop_front();
      break;
    }
    if (r.kind == Request::Kind::text && field_active) {
      // ImGui drops typed characters while Ctrl or Cmd is held (as just after Ctrl+V): the text
      // waits for the release, and so does an Enter sent after it.
      const bool characters_ignored =
          (io.KeyCtrl && !io.KeyAlt) || (io.ConfigMacOSXBehaviors && io.KeySuper);
      if (!r.text.empty() && characters_ignored) break;
      ImGuiInputTextState& state = g.InputTextState;
      state.SelectAll();
      if (r.text.empty()) {
        if (state.CurLenW > 0) press_for_one_frame(ImGuiKey_Delete);
      } else {
        io.AddInputCharactersUTF8(r.text.c_str());
      }
      b.requests.pop_front();
      break;
    }
    if (r.kind == Request::Kind::key) {
      // Enter or Escape in the field's input, in turn after the text typed before it.
      if (field_active && b.release_key < 0) {
        press_for_one_frame(r.key);
        b.requests.pop_front();
        break;
      }
      if (!field_active) {
        b.requests.pop_front();
        continue;
      }
      break;  // the key of the last request is still down: press again next frame
    }
    if (r.kind == Request::Kind::text) {  // a field that could not be entered
      b.requests.pop_front();
      continue;
    }
    break;  // focus and leave act after NewFrame
  }
  if (b.mouse_override) {
    io.MousePos = b.mouse_at;
    io.MouseDown[0] = b.mouse_down;
  }
}

void after_new_frame() {
  Bridge& b = bridge();
  if (b.requests.empty() || b.mouse_override) return;
  Request r = b.requests.front();
  if (r.kind != Request::Kind::focus && r.kind != Request::Kind::leave) return;
  b.requests.pop_front();
  const Node* node = published_node(r.id);
  if (node == nullptr) return;
  if (r.kind == Request::Kind::leave) {
    if (ImGui::GetActiveID() == r.id) ImGui::ClearActiveID();
    return;
  }
  // Focus: bring an item that is scrolled out of its window into view.
  ImGuiWindow* window = node->window;
  if (window != nullptr && !window->InnerClipRect.Contains(node->rect))
    ImGui::ScrollToBringRectIntoView(window, node->rect);
}

double end_frame(const PageState& page) {
  const auto start = std::chrono::steady_clock::now();
  Bridge& b = bridge();
  // A window that appears is laid out once while hidden (ImGui measures it first): its items are
  // not where they will be, and nobody can reach them yet.
  auto& nodes = b.frame.nodes;
  nodes.erase(std::remove_if(
                  nodes.begin(), nodes.end(),
                  [](const Node& n) { return n.window->RootWindow->Hidden || n.window->Hidden; }),
              nodes.end());
  const std::string say = announcement(b, page);
  std::vector<Node> shown = shown_nodes(nodes, ImGui::GetTopMostPopupModal());
  std::string structure = structure_json(b.frame, shown);
  std::string header = "\"lang\":\"";
  header += page.language;
  header += "\"";
  append_text(header, "title", page.title);
  header += ",\"font\":" + std::to_string(static_cast<int>(ImGui::GetFontSize() + 0.5f));

  // The whole description when an element would move (items came, went or changed place);
  // otherwise only the items that look different, so an edit or a blinking caret costs the page
  // one element, not the 237 of the budget grid.
  const bool whole =
      b.page_needs_all || structure != b.published_structure ||
      shown.size() != b.published_nodes.size() ||
      !std::equal(shown.begin(), shown.end(), b.published_nodes.begin(), same_place) ||
      !texts_renamed_apart(shown, b.published_nodes);
  std::string json = "{" + header;
  append_text(json, "say", say);
  bool changed = whole || header != b.published_header || !say.empty();
  if (whole) {
    json += ",\"whole\":true," + structure + ",\"nodes\":[";
    for (std::size_t i = 0; i < shown.size(); ++i) {
      if (i) json += ",";
      append_node(json, shown[i]);
    }
  } else {
    json += ",\"changed\":[";
    bool first = true;
    for (std::size_t i = 0; i < shown.size(); ++i) {
      const Node& before = b.published_nodes[i];
      if (same_look(shown[i], before)) continue;
      if (!first) json += ",";
      first = false;
      append_node(json, shown[i]);
      if (shown[i].key != before.key) {  // a text with new content: the element it replaces
        json.pop_back();
        append_number(json, "was", before.key);
        json += "}";
      }
      changed = true;
    }
  }
  json += "]}";
  b.published_changed = changed;
  if (changed) {
    // A page that could not apply the changes (its mirror not there yet) gets all of it next time.
    b.page_needs_all = !platform::publish_accessibility(json);
    b.published_nodes = std::move(shown);
    b.published_structure = std::move(structure);
    b.published_header = std::move(header);
    b.last_say = say;
    b.published_text_stale = true;
  }
  b.first_publish = false;
  b.last_nodes = std::move(b.frame.nodes);
  b.frame = Frame{};
  const std::chrono::duration<double, std::milli> spent = std::chrono::steady_clock::now() - start;
  return spent.count();
}

bool last_frame_changed() {
  return bridge().published_changed;
}

bool wants_frames() {
  const Bridge& b = bridge();
  return !b.requests.empty() || b.release_key >= 0 || b.mouse_override;
}

// [SECTION] Descriptions from the widgets

void describe_field(std::string_view value, std::string_view error, InputMode mode,
                    bool multiline) {
  Node* node = last_item_node();
  if (node == nullptr) return;
  node->role = Role::textbox;
  node->value = std::string(value);
  node->error = std::string(error);
  node->mode = mode;
  if (multiline) node->state |= kMultiline;
  if (ImGui::GetActiveID() == node->key) {
    node->state |= kActive;
    // The page's input starts with its caret where the click put ImGui's.
    const ImGuiInputTextState& typing = GImGui->InputTextState;
    if (typing.ID == node->key) node->caret = typing.Stb.cursor;
  }
}

void describe_combo(ImGuiID id, std::string_view name, std::string_view value, ImVec2 min,
                    ImVec2 max, bool open) {
  Frame& frame = bridge().frame;
  if (frame.node_of_id.count(id)) return;
  Node& node = add_node(id, Role::combobox);
  node.rect = ImRect(min, max);
  node.has_rect = true;
  node.name = name.empty() ? fallback_name(frame, node) : std::string(name);
  node.value = std::string(value);
  node.state = kExpandable | (open ? kExpanded : 0);
  if (GImGui->CurrentItemFlags & ImGuiItemFlags_Disabled) node.state |= kDisabled;
}

void describe_disclosure(std::string_view name, bool expanded) {
  Node* node = last_item_node();
  if (node == nullptr) return;
  node->name = std::string(name);
  node->state |= kExpandable | (expanded ? kExpanded : 0);
}

void name_last_item(std::string_view name) {
  if (Node* node = last_item_node()) node->name = std::string(name);
}

void describe_slider(std::int64_t min, std::int64_t max, std::int64_t now,
                     std::string_view value_text) {
  Node* node = last_item_node();
  if (node == nullptr) return;
  node->role = Role::slider;
  node->min = min;
  node->max = max;
  node->now = now;
  node->value = std::string(value_text);
}

void describe_nav_link(bool selected) {
  Node* node = last_item_node();
  if (node == nullptr) return;
  node->role = Role::nav_link;
  if (selected) node->state |= kSelected;
}

void describe_text(std::string_view text, int heading_level) {
  if (text.empty()) return;
  Frame& frame = bridge().frame;
  // Text has no ImGui id: its key is its window and content, made unique within the frame.
  ImGuiID key = ImHashData(text.data(), text.size(), GImGui->CurrentWindow->ID);
  while (key == 0 || frame.text_keys.count(key) || frame.node_of_id.count(key)) ++key;
  frame.text_keys.insert(key);
  Node& node = add_node(key, heading_level > 0 ? Role::heading : Role::text);
  node.name = std::string(text);
  node.level = static_cast<std::uint8_t>(heading_level);
  node.rect = ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  node.has_rect = true;
  frame.line_text = node.name;
  frame.line_window = node.window;
  frame.line_rect = node.rect;
}

void describe_chart(std::string_view name, std::string_view summary) {
  Frame& frame = bridge().frame;
  ImGuiID key = ImHashData(name.data(), name.size(), GImGui->CurrentWindow->ID + 7);
  while (frame.node_of_id.count(key)) ++key;
  Node& node = add_node(key, Role::figure);
  node.name = name.empty() ? frame.line_text : std::string(name);  // a chart's title comes first
  node.value = std::string(summary);
  node.rect = ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  node.has_rect = true;
}

void label_next_item(std::string_view label) {
  Frame& frame = bridge().frame;
  const ImGuiTable* t = GImGui->CurrentTable;
  frame.next_label = std::string(label);
  frame.next_label_table = t ? t->ID : 0;
  frame.next_label_row = t ? t->CurrentRow : -1;
}

void describe_table_row(int row, int rows) {
  Frame& frame = bridge().frame;
  if (Table* table = current_table(frame, GImGui->CurrentWindow)) {
    table->rows = rows;
    table->annotated_row_key = GImGui->CurrentTable->CurrentRow;
    table->annotated_row = row;
  }
}

// [SECTION] Hooks

void item_added(ImGuiID id, const ImRect& rect) {
  Frame& frame = bridge().frame;
  frame.rects[id] = rect;
  const auto found = frame.node_of_id.find(id);  // tab items say who they are first
  if (found != frame.node_of_id.end() && !frame.nodes[found->second].has_rect) {
    frame.nodes[found->second].rect = rect;
    frame.nodes[found->second].has_rect = true;
  }
}

void item_info(ImGuiID id, const char* label, int status_flags) {
  if (label == nullptr || id == 0) return;
  Frame& frame = bridge().frame;
  ImGuiContext& g = *GImGui;
  const ImGuiWindow* window = g.CurrentWindow;
  const ImGuiItemFlags item_flags = g.LastItemData.ID == id ? g.LastItemData.InFlags : 0;
  const RegionKind kind = region_kind_of(window);
  const bool in_menu = kind == RegionKind::menu || kind == RegionKind::menubar;

  Role role = Role::button;
  std::uint16_t state = 0;
  if (g.CurrentTabBar != nullptr && ImGui::TabBarFindTabByID(g.CurrentTabBar, id) != nullptr) {
    role = Role::tab;
    if (g.CurrentTabBar->SelectedTabId == id) state |= kSelected;
  } else if (status_flags & ImGuiItemStatusFlags_Checkable) {
    role = in_menu ? Role::menuitem : Role::checkbox;
    state |= kCheckable | ((status_flags & ImGuiItemStatusFlags_Checked) ? kChecked : 0);
  } else if (status_flags & ImGuiItemStatusFlags_Openable) {
    role = in_menu ? Role::menu : Role::button;
    state |= kExpandable | ((status_flags & ImGuiItemStatusFlags_Opened) ? kExpanded : 0);
  } else if (item_flags & ImGuiItemFlags_Inputable) {
    role = Role::textbox;
  } else if (kind == RegionKind::listbox) {
    role = Role::option;
  } else if (in_menu) {
    role = Role::menuitem;
  }
  if (item_flags & ImGuiItemFlags_Disabled) state |= kDisabled;

  const auto existing = frame.node_of_id.find(id);
  Node& node =
      existing != frame.node_of_id.end() ? frame.nodes[existing->second] : add_node(id, role);
  node.role = role;
  node.state = state;
  const auto rect = frame.rects.find(id);
  if (rect != frame.rects.end()) {
    node.rect = rect->second;
    node.has_rect = true;
  }
  node.name = std::string(visible_part(label));
  if (node.name.empty()) node.name = fallback_name(frame, node);
}

// [SECTION] Requests

void request_focus(ImGuiID id) {
  bridge().requests.push_back({Request::Kind::focus, id, {}, 0});
}

void request_activate(ImGuiID id) {
  bridge().requests.push_back({Request::Kind::activate, id, {}, 0});
}

void request_text(ImGuiID id, std::string_view text) {
  auto& requests = bridge().requests;
  // Keystrokes faster than frames: only the newest text matters.
  if (!requests.empty() && requests.back().kind == Request::Kind::text &&
      requests.back().id == id && requests.back().step == 0) {
    requests.back().text = std::string(text);
    return;
  }
  requests.push_back({Request::Kind::text, id, std::string(text), 0});
}

void request_key(ImGuiID id, bool enter) {
  bridge().requests.push_back(
      {Request::Kind::key, id, {}, 0, enter ? ImGuiKey_Enter : ImGuiKey_Escape});
}

void request_leave(ImGuiID id) {
  bridge().requests.push_back({Request::Kind::leave, id, {}, 0});
}

const std::string& last_published() {
  Bridge& b = bridge();
  if (b.published_text_stale) {
    b.published_text = "{" + b.published_header;
    append_text(b.published_text, "say", b.last_say);
    b.published_text += "," + b.published_structure + ",\"nodes\":[";
    for (std::size_t i = 0; i < b.published_nodes.size(); ++i) {
      if (i) b.published_text += ",";
      append_node(b.published_text, b.published_nodes[i]);
    }
    b.published_text += "]}";
    b.published_text_stale = false;
  }
  return b.published_text;
}

}  // namespace sto::access
