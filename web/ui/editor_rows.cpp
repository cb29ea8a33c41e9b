// Shared helpers of the editing sections (see editor_rows.h).
#include "ui/editor_rows.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <unordered_map>

#include "app/app.h"
#include "ui/widgets.h"

namespace sto::ui {

namespace {

// Every finding filed under each "...]" prefix of its path and under the path itself:
// "activities[2].lines[1].price" is filed under "activities[2]", "activities[2].lines[1]" and
// itself, so a plan-level field ("earlier_grant_activities") has its marker too.
struct FindingIndex {
  std::unordered_map<std::string, std::vector<const Finding*>> by_prefix;
};
struct FindingIndexMemo : Memo<FindingIndex> {};

const FindingIndex& finding_index(const App& app) {
  return app.view_state().get<FindingIndexMemo>().get(
      app.document().revision(), app.language(), [&] {
        FindingIndex index;
        for (const Finding& f : app.analysis().findings) {
          for (std::size_t end = f.path.find(']'); end != std::string::npos;
               end = f.path.find(']', end + 1)) {
            index.by_prefix[f.path.substr(0, end + 1)].push_back(&f);
          }
          if (!f.path.empty() && f.path.back() != ']') index.by_prefix[f.path].push_back(&f);
        }
        return index;
      });
}

}  // namespace

bool path_is_under(std::string_view path, std::string_view prefix) {
  if (prefix.empty() || path.size() < prefix.size()) return false;
  if (path.compare(0, prefix.size(), prefix) != 0) return false;
  return path.size() == prefix.size() || path[prefix.size()] == '.' || path[prefix.size()] == '[';
}

const std::vector<const Finding*>& findings_under(const App& app, const std::string& prefix) {
  static const std::vector<const Finding*> none;
  const FindingIndex& index = finding_index(app);
  const auto found = index.by_prefix.find(prefix);
  return found == index.by_prefix.end() ? none : found->second;
}

void finding_marker(const App& app, const std::string& prefix) {
  const float size = ImGui::GetTextLineHeight();
  const std::vector<const Finding*>& findings = findings_under(app, prefix);
  ImGui::Dummy(ImVec2(size, size));
  if (findings.empty()) return;
  Severity worst = Severity::info;
  for (const Finding* f : findings) worst = std::min(worst, f->severity);  // error < warning
  const ImVec4 color = worst == Severity::error     ? kColorError
                       : worst == Severity::warning ? kColorWarning
                                                    : kColorNeutral;
  const ImVec2 min = ImGui::GetItemRectMin();
  const ImVec2 centre(min.x + size * 0.5f, min.y + size * 0.5f);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddCircleFilled(centre, size * 0.42f, ImGui::GetColorU32(color));
  const char* mark = worst == Severity::info ? "i" : "!";
  const ImVec2 text = ImGui::CalcTextSize(mark);
  draw->AddText(ImVec2(centre.x - text.x * 0.5f, centre.y - text.y * 0.5f), IM_COL32_WHITE, mark);
  if (ImGui::IsItemHovered()) {
    const Language lang = app.language();
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
    for (const Finding* f : findings) {
      const ImVec4 c = f->severity == Severity::error     ? kColorError
                       : f->severity == Severity::warning ? kColorWarning
                                                          : kColorNeutral;
      ImGui::TextColored(c, "%s", severity_label(f->severity, lang));
      ImGui::SameLine();
      plain_text(f->message.in(lang));
    }
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
}

bool highlight_row(App& app, const std::string& prefix) {
  const UiState& ui = app.ui_state();
  if (!path_is_under(ui.highlight_path, prefix)) return false;
  ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, ImGui::GetColorU32(kColorHighlight));
  return ui.scroll_to_highlight;
}

void scroll_to_row(App& app) {
  scroll_page_here(0.3f);
  app.ui_state().scroll_to_highlight = false;
}

bool edit_theme(const char* id, const std::string& value, std::string& out, float width) {
  // The monitoring themes of the programme; the same words in both languages (they are data).
  static const char* const themes[] = {"instroom",          "doorstroom",   "docenten",
                                       "kwaliteit",         "duurzaamheid", "gelijke kansen",
                                       "primair onderwijs", "bedrijfsleven"};
  ImGui::PushID(id);
  const float spacing = ImGui::GetStyle().ItemInnerSpacing.x;
  ImGui::SetNextItemWidth(std::max(60.0f, width - ImGui::GetFrameHeight() - spacing));
  bool changed = edit_text("##theme", value, out);
  ImGui::SameLine(0.0f, spacing);
  if (begin_combo("##themes", nullptr,
                  ImGuiComboFlags_NoPreview | ImGuiComboFlags_PopupAlignLeft)) {
    for (const char* theme : themes) {
      if (ImGui::Selectable(theme, value == theme) && value != theme) {
        out = theme;
        changed = true;
      }
    }
    ImGui::EndCombo();
  }
  ImGui::PopID();
  return changed;
}

Activity new_activity(const App& app) {
  std::vector<std::string> ids;
  for (const Activity& a : app.plan().activities) ids.push_back(a.id);
  Activity activity;
  activity.id = unused_id("act", ids);
  activity.title = tr(Str::ac_new, app.language());
  if (const Scheme* scheme = app.document().scheme())
    for (int y = scheme->first_year(); y <= scheme->last_year(); ++y) activity.years.push_back(y);
  for (const Organisation& o : app.plan().organisations)
    if (o.penvoerder && activity.lead_organisation_id.empty()) activity.lead_organisation_id = o.id;
  return activity;
}

std::string unused_id(std::string_view stem, const std::vector<std::string>& taken) {
  for (int n = 1;; ++n) {
    std::string id = std::string(stem) + "-" + std::to_string(n);
    bool used = false;
    for (const std::string& t : taken) used = used || t == id;
    if (!used) return id;
  }
}

std::string format_date(Date date, Language language) {
  if (!date.is_set()) return "";
  char text[16];
  if (language == Language::nl) {
    std::snprintf(text, sizeof text, "%02d-%02d-%04d", date.day, date.month, date.year);
  } else {
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", date.year, date.month, date.day);
  }
  return text;
}

}  // namespace sto::ui
