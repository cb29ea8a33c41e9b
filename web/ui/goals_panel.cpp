// Doelen & indicatoren: the plan's goals, each with measurable indicators (baseline and a target
// per year, values in thousandths) and a small line chart from the baseline through the targets.
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <string>
#include <vector>

#include "app/app.h"
#include "text/strings.h"
#include "ui/charts.h"
#include "ui/editor_rows.h"
#include "ui/panels.h"
#include "ui/widgets.h"

namespace sto::ui {

namespace {

constexpr std::int64_t kMaxValueMilli = 1'000'000'000'000;  // a billion, in thousandths

// The years shown for targets: the scheme's period plus any year that already has a target.
std::vector<int> target_years(const App& app, const Indicator& indicator) {
  std::vector<int> years;
  if (const Scheme* scheme = app.document().scheme())
    for (int y = scheme->first_year(); y <= scheme->last_year(); ++y) years.push_back(y);
  for (const YearValue& t : indicator.targets)
    if (std::find(years.begin(), years.end(), t.year) == years.end()) years.push_back(t.year);
  std::sort(years.begin(), years.end());
  return years;
}

charts::Format value_format(const Indicator& indicator, Language lang) {
  charts::Format format;
  format.unit = charts::Unit::thousandths;
  format.language = lang;
  if (indicator.unit == "%") {
    format.suffix = "%";
  } else if (!indicator.unit.empty()) {
    format.suffix = " " + indicator.unit;
  }
  return format;
}

void draw_indicator_chart(const Indicator& indicator, Language lang, float height) {
  std::vector<YearValue> points = indicator.targets;
  std::sort(points.begin(), points.end(),
            [](const YearValue& a, const YearValue& b) { return a.year < b.year; });
  std::vector<std::string> categories;
  charts::Series series;
  series.color = charts::palette(0);
  if (indicator.baseline_year != 0) {
    categories.push_back(std::to_string(indicator.baseline_year));
    series.values.push_back(indicator.baseline_milli);
  }
  for (const YearValue& p : points) {
    categories.push_back(std::to_string(p.year));
    series.values.push_back(p.value_milli);
  }
  if (categories.size() < 2) {
    text_disabled(tr(Str::gl_chart_needs_targets, lang));
    return;
  }
  charts::Options options;
  options.format = value_format(indicator, lang);
  options.height = height;
  options.zero_based = false;  // a change from 19,5% to 21% must be visible
  charts::line_chart("##chart", categories, {series}, options);
}

// [SECTION] Indicator
void draw_indicator(App& app, std::size_t g, std::size_t k) {
  const Language lang = app.language();
  const Indicator& ind = app.plan().goals[g].indicators[k];
  const std::string path = "goals[" + std::to_string(g) + "].indicators[" + std::to_string(k) + "]";
  ImGui::PushID(static_cast<int>(k));
  ImGui::TableNextRow();
  const bool scroll = highlight_row(app, path);
  ImGui::TableNextColumn();
  if (scroll) scroll_to_row(app);
  const float em = ImGui::GetFontSize();

  // Name, unit, remove.
  finding_marker(app, path);
  ImGui::SameLine();
  std::string text;
  const float unit_width = em * 6.0f;
  ImGui::SetNextItemWidth(
      std::max(80.0f, ImGui::GetContentRegionAvail().x - unit_width - em * 5.0f));
  access::label_next_item(tr(Str::gl_indicator_name, lang));
  if (edit_text("##name", ind.name, text)) {
    Indicator changed = ind;
    changed.name = text;
    app.post(SetIndicator{g, k, changed});
  }
  if (ImGui::IsItemHovered() && ind.name.empty())
    ImGui::SetTooltip("%s", tr(Str::gl_indicator_name, lang));
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  text_disabled(tr(Str::gl_unit, lang));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(unit_width - ImGui::CalcTextSize(tr(Str::gl_unit, lang)).x);
  if (edit_text("##unit", ind.unit, text)) {
    Indicator changed = ind;
    changed.unit = text;
    app.post(SetIndicator{g, k, changed});
  }
  ImGui::SameLine();
  const std::string remove = tr(Str::gl_remove_indicator, lang);
  if (symbol_button("×", ind.name.empty() ? remove : remove + ": " + ind.name,
                    tr(Str::undo_hint, lang))) {
    app.post(RemoveIndicator{g, k});
    ImGui::PopID();
    return;
  }

  // The baseline year, then a table: the baseline value and one target per year.
  std::int64_t number = 0;
  ImGui::AlignTextToFramePadding();
  text_disabled(tr(Str::gl_baseline_year, lang));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(em * 4.5f);
  int year = 0;
  if (edit_year("##baseline_year", ind.baseline_year, year, lang)) {
    Indicator changed = ind;
    changed.baseline_year = year;
    app.post(SetIndicator{g, k, changed});
  }
  const std::vector<int> years = target_years(app, ind);
  const int columns = 1 + static_cast<int>(years.size());
  if (ImGui::BeginTable("##values", columns,
                        ImGuiTableFlags_SizingFixedSame | ImGuiTableFlags_NoHostExtendX)) {
    for (int c = 0; c < columns; ++c)
      ImGui::TableSetupColumn(nullptr, ImGuiTableColumnFlags_WidthFixed, em * 5.0f);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    text_disabled(tr(Str::gl_baseline, lang));
    for (int y : years) {
      ImGui::TableNextColumn();
      ImGui::TextDisabled("%d", y);
    }
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::SetNextItemWidth(-FLT_MIN);
    access::label_next_item(tr(Str::gl_baseline_value, lang));
    if (edit_decimal("##baseline", ind.baseline_milli, 3, number, lang, -kMaxValueMilli,
                     kMaxValueMilli)) {
      Indicator changed = ind;
      changed.baseline_milli = number;
      app.post(SetIndicator{g, k, changed});
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Str::gl_baseline_value, lang));
    for (int y : years) {
      ImGui::TableNextColumn();
      ImGui::PushID(y);
      const auto target = std::find_if(ind.targets.begin(), ind.targets.end(),
                                       [y](const YearValue& t) { return t.year == y; });
      if (target == ind.targets.end()) {
        if (symbol_button("+", tr(Str::gl_add_target, lang) + std::string(" ") + std::to_string(y),
                          "", -FLT_MIN)) {
          // Start from the nearest earlier value, so the line stays flat until typed over.
          Indicator changed = ind;
          std::int64_t start = ind.baseline_milli;
          int best = ind.baseline_year;
          for (const YearValue& t : ind.targets)
            if (t.year < y && t.year >= best) {
              best = t.year;
              start = t.value_milli;
            }
          changed.targets.push_back({y, start});
          std::sort(changed.targets.begin(), changed.targets.end(),
                    [](const YearValue& a, const YearValue& b) { return a.year < b.year; });
          app.post(SetIndicator{g, k, changed});
        }
      } else {
        ImGui::SetNextItemWidth(-FLT_MIN);
        access::label_next_item(std::string(tr(Str::gl_target, lang)) + " " + std::to_string(y));
        if (edit_decimal("##target", target->value_milli, 3, number, lang, -kMaxValueMilli,
                         kMaxValueMilli)) {
          Indicator changed = ind;
          changed.targets[static_cast<std::size_t>(target - ind.targets.begin())].value_milli =
              number;
          app.post(SetIndicator{g, k, changed});
        }
        if (ImGui::BeginPopupContextItem("##target_menu")) {
          if (ImGui::Selectable(tr(Str::gl_remove_target, lang))) {
            Indicator changed = ind;
            changed.targets.erase(changed.targets.begin() + (target - ind.targets.begin()));
            app.post(SetIndicator{g, k, changed});
          }
          ImGui::EndPopup();
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Str::gl_target_hint, lang));
      }
      ImGui::PopID();
    }
    ImGui::EndTable();
  }

  ImGui::TableNextColumn();
  // The plan may have changed above (a removed target): read the indicator again.
  const Goal& goal = app.plan().goals[g];
  if (k < goal.indicators.size())
    draw_indicator_chart(goal.indicators[k], lang, ImGui::GetTextLineHeightWithSpacing() * 5.5f);
  ImGui::PopID();
}

// [SECTION] Goal
void draw_goal(App& app, std::size_t g) {
  const Language lang = app.language();
  const Goal& goal = app.plan().goals[g];
  const std::string path = "goals[" + std::to_string(g) + "]";
  UiState& ui = app.ui_state();
  ImGui::PushID(static_cast<int>(g));
  const bool highlighted = path_is_under(ui.highlight_path, path);
  if (highlighted && ui.scroll_to_highlight) ImGui::SetNextItemOpen(true);
  finding_marker(app, path);
  ImGui::SameLine();
  if (highlighted) ImGui::PushStyleColor(ImGuiCol_Header, kColorHighlight);
  const std::string title = std::to_string(g + 1) + ". " +
                            (goal.title.empty() ? tr(Str::gl_untitled, lang) : goal.title) +
                            (goal.theme.empty() ? "" : "  (" + goal.theme + ")") + "###goal";
  const bool open = ImGui::CollapsingHeader(title.c_str(), ImGuiTreeNodeFlags_DefaultOpen);
  if (highlighted) ImGui::PopStyleColor();
  // Only a highlight on the goal itself scrolls here; an indicator's row scrolls to itself.
  if (highlighted && ui.scroll_to_highlight &&
      ui.highlight_path.find(".indicators[", path.size()) == std::string::npos)
    scroll_to_row(app);
  if (!open) {
    ImGui::PopID();
    return;
  }
  ImGui::Indent(ImGui::GetFontSize() * 1.3f);
  const float em = ImGui::GetFontSize();
  if (ImGui::BeginTable("##goal_form", 2, ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn("##label", ImGuiTableColumnFlags_WidthFixed, em * 6.0f);
    ImGui::TableSetupColumn("##field", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    text_item(tr(Str::gl_title, lang));
    ImGui::TableNextColumn();
    ImGui::SetNextItemWidth(-FLT_MIN);
    std::string text;
    if (edit_text("##title", goal.title, text)) app.post(SetField<&Goal::title>{g, text});
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    text_item(tr(Str::gl_theme, lang));
    ImGui::TableNextColumn();
    if (edit_theme("theme", goal.theme, text,
                   std::min(ImGui::GetContentRegionAvail().x, em * 16.0f)))
      app.post(SetField<&Goal::theme>{g, text});
    ImGui::EndTable();
  }

  if (!goal.indicators.empty() &&
      ImGui::BeginTable("##indicators", 2,
                        ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerH |
                            ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn("##form", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("##chart", ImGuiTableColumnFlags_WidthFixed, em * 17.0f);
    for (std::size_t k = 0; k < app.plan().goals[g].indicators.size(); ++k)
      draw_indicator(app, g, k);
    ImGui::EndTable();
  } else if (goal.indicators.empty()) {
    ImGui::TextColored(kColorWarning, "%s", tr(Str::gl_no_indicators, lang));
  }
  if (ImGui::Button(tr(Str::gl_add_indicator, lang))) {
    std::vector<std::string> ids;
    for (const Goal& other : app.plan().goals)
      for (const Indicator& i : other.indicators) ids.push_back(i.id);
    Indicator indicator;
    indicator.id = unused_id("ind", ids);
    indicator.name = tr(Str::gl_new_indicator, lang);
    if (const Scheme* scheme = app.document().scheme())
      indicator.baseline_year = scheme->first_year() - 1;
    app.post(AddIndicator{g, app.plan().goals[g].indicators.size(), indicator});
  }
  ImGui::SameLine();
  ImGui::PushStyleColor(ImGuiCol_Text, kColorError);
  const bool remove = ImGui::Button(tr(Str::gl_remove_goal, lang));
  ImGui::PopStyleColor();
  if (remove) app.post(RemoveGoal{g});
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Str::gl_remove_goal_hint, lang));
  ImGui::Unindent(ImGui::GetFontSize() * 1.3f);
  ImGui::Spacing();
  ImGui::PopID();
}

}  // namespace

void draw_goals_panel(App& app) {
  const Language lang = app.language();
  note_text(tr(Str::gl_intro, lang));
  ImGui::Spacing();
  for (std::size_t g = 0; g < app.plan().goals.size(); ++g) draw_goal(app, g);
  if (app.plan().goals.empty()) text_item(tr(Str::gl_no_goals, lang));
  ImGui::Spacing();
  if (ImGui::Button(tr(Str::gl_add_goal, lang))) {
    std::vector<std::string> ids;
    for (const Goal& goal : app.plan().goals) ids.push_back(goal.id);
    Goal goal;
    goal.id = unused_id("doel", ids);
    goal.title = tr(Str::gl_new_goal, lang);
    app.post(AddGoal{app.plan().goals.size(), goal});
  }
}

}  // namespace sto::ui
