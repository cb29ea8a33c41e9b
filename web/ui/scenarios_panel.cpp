// Scenario's: "what if" variants of the plan. A list of scenarios; for the selected one, sliders
// for the main assumptions that recompute while dragging (compare_one) and record one
// SetScenarioOverride when released (one undo step); then the base and every scenario side by
// side. Every figure comes from core/rules/compare.h; this file only arranges and formats them.
#include <imgui.h>

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <string>
#include <vector>

#include "app/app.h"
#include "model/override_kinds.h"
#include "rules/compare.h"
#include "rules/scenario.h"
#include "text/strings.h"
#include "ui/charts.h"
#include "ui/panels.h"
#include "ui/widgets.h"

namespace sto::ui {

namespace {

// [SECTION] State
// A slider being dragged: its value is previewed, not yet recorded as a command.
struct Drag {
  bool active = false;
  std::size_t scenario = 0;
  OverrideKind kind = OverrideKind::subsidy_scale;
  std::int64_t value = 0;
};

// The live column for a drag, recomputed only when the dragged value or the plan moves.
struct LivePreview {
  bool valid = false;
  std::uint64_t revision = 0;
  std::size_t scenario = 0;
  OverrideKind kind = OverrideKind::subsidy_scale;
  std::int64_t value = 0;
  ComparisonColumn column;
};

struct ScenariosPanelState {
  std::string selected_id;  // the scenario shown in the editor
  bool steer_tabs = true;   // make the tab bar select selected_id (on opening, after adding)
  Drag drag;
  LivePreview live;
  int chart_metric = 0;  // 0 costs, 1 subsidy, 2 cofinancing
};

ScenariosPanelState& state(const App& app) {
  return app.view_state().get<ScenariosPanelState>();
}

// compare() once per document revision, not every frame.
struct ComparisonMemo : Memo<Comparison> {};
const Comparison& comparison(const App& app) {
  return app.view_state().get<ComparisonMemo>().get(app.document().revision(), app.language(), [&] {
    return compare(app.plan(), app.document().schemes());
  });
}

// [SECTION] Sliders
// The ranges and steps come from the override-kind table (core/model/override_kinds.h).
struct SliderSpec {
  OverrideKind kind;
  Str label;
};

constexpr SliderSpec kSliders[] = {
    {OverrideKind::hourly_rate, Str::sc_hourly_rate},
    {OverrideKind::price_index, Str::sc_price_index},
    {OverrideKind::subsidy_scale, Str::sc_subsidy_scale},
    {OverrideKind::cofinancing_minimum, Str::sc_cofinancing_minimum},
    {OverrideKind::student_scale, Str::sc_student_scale},
};

// What the base plan assumes where a scenario has no override of `kind`.
std::int64_t base_value(const App& app, OverrideKind kind) {
  switch (kind) {
    case OverrideKind::hourly_rate: return kDefaultHourlyRateCents;
    case OverrideKind::cofinancing_minimum: return app.analysis().evaluation.cofinancing.minimum_bp;
    case OverrideKind::cofinancing_base:
      return static_cast<int>(app.analysis().evaluation.cofinancing.base);
    case OverrideKind::subsidy_scale:
    case OverrideKind::student_scale: return 10000;
    default: return 0;
  }
}

std::string format_value(OverrideKind kind, std::int64_t value, Language lang) {
  if (kind == OverrideKind::hourly_rate) return format_money(Money{value}, lang);
  return format_percent_bp(value, lang);
}

// ImGui prints the slider's text through printf: a ready-made text needs its '%' doubled.
std::string printf_literal(const std::string& text) {
  std::string out;
  for (char c : text) {
    out += c;
    if (c == '%') out += '%';
  }
  return out;
}

// Records `value` for `kind` in scenario `index`: the base value removes the override.
void commit(App& app, std::size_t index, OverrideKind kind, std::int64_t value) {
  const Scenario& scenario = app.plan().scenarios[index];
  const ScenarioOverride* existing = find_override(scenario, kind);
  if (value == base_value(app, kind)) {
    if (existing != nullptr) app.post(ResetScenarioOverride{index, kind, ""});
    return;
  }
  if (existing != nullptr && existing->value == value) return;
  ScenarioOverride o;
  o.kind = kind;
  o.value = value;
  if (kind == OverrideKind::hourly_rate)
    o.replaces = existing != nullptr ? existing->replaces : kDefaultHourlyRateCents;
  app.post(SetScenarioOverride{index, o});
}

// One row of the assumptions table; highlighted when the scenario overrides it.
void slider_row(App& app, std::size_t index, const SliderSpec& spec) {
  const Language lang = app.language();
  const OverrideKindInfo& range = override_kind_info(spec.kind);
  ScenariosPanelState& st = state(app);
  const Scenario& scenario = app.plan().scenarios[index];
  const ScenarioOverride* o = find_override(scenario, spec.kind);
  const std::int64_t base = base_value(app, spec.kind);
  const std::int64_t current = o != nullptr ? o->value : base;
  const bool dragging = st.drag.active && st.drag.scenario == index && st.drag.kind == spec.kind;
  std::int64_t value = dragging ? st.drag.value : current;
  const std::string id = override_kind_id(spec.kind);

  ImGui::TableNextRow();
  if (o != nullptr || (dragging && value != base))
    ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, ImGui::GetColorU32(kColorHighlight));
  ImGui::TableNextColumn();
  ImGui::AlignTextToFramePadding();
  text_item(tr(spec.label, lang));

  ImGui::TableNextColumn();
  const float button = ImGui::GetFrameHeight();
  const float spacing = ImGui::GetStyle().ItemInnerSpacing.x;
  ImGui::PushButtonRepeat(false);
  // The buttons beside the slider are named by what they move: every row's "-" and "+" look the
  // same.
  const std::string label = tr(spec.label, lang);
  ImGui::PushID(id.c_str());
  if (symbol_button("-", label + ": " + tr(Str::sc_step_down, lang), "", button))
    commit(app, index, spec.kind, std::max(range.slider_min, current - range.slider_step));
  ImGui::SameLine(0, spacing);
  ImGui::SetNextItemWidth(
      std::max(ImGui::GetFontSize() * 6.0f, ImGui::GetContentRegionAvail().x - button - spacing));
  const std::string text = printf_literal(format_value(spec.kind, value, lang));
  ImGui::SliderScalar(("##sc_" + id).c_str(), ImGuiDataType_S64, &value, &range.slider_min,
                      &range.slider_max, text.c_str(),
                      ImGuiSliderFlags_AlwaysClamp | ImGuiSliderFlags_NoInput);
  access::describe_slider(range.slider_min, range.slider_max, value,
                          format_value(spec.kind, value, lang));
  // Whole steps only: a demo wants "€ 55,00", not "€ 54,87".
  value = range.slider_min +
          divide_round_half_away(value - range.slider_min, range.slider_step) * range.slider_step;
  if (ImGui::IsItemActive()) {
    st.drag = {true, index, spec.kind, value};
  }
  if (ImGui::IsItemDeactivatedAfterEdit()) {
    st.drag.active = false;
    commit(app, index, spec.kind, value);
  } else if (ImGui::IsItemDeactivated()) {
    st.drag.active = false;
  }
  ImGui::SameLine(0, spacing);
  if (symbol_button("+", label + ": " + tr(Str::sc_step_up, lang), "", button))
    commit(app, index, spec.kind, std::min(range.slider_max, current + range.slider_step));
  ImGui::PopID();
  ImGui::PopButtonRepeat();

  ImGui::TableNextColumn();
  ImGui::AlignTextToFramePadding();
  ImGui::TextDisabled("%s %s", tr(Str::sc_base_value, lang),
                      format_value(spec.kind, base, lang).c_str());
  ImGui::TableNextColumn();
  if (o != nullptr) {
    if (ImGui::Button((std::string(tr(Str::sc_reset, lang)) + "##reset_" + id).c_str()))
      app.post(ResetScenarioOverride{index, spec.kind, ""});
  }
}

// The cofinancing base: a choice of two, not a slider. A scenario holds at most one base override
// (its value is a CofinancingBase), so a choice is one command and one undo step.
void base_row(App& app, std::size_t index) {
  const Language lang = app.language();
  const Scenario& scenario = app.plan().scenarios[index];
  const CofinancingBase base = app.analysis().evaluation.cofinancing.base;
  const ScenarioOverride* o = find_override(scenario, OverrideKind::cofinancing_base);
  const int current = static_cast<int>(o != nullptr ? o->value : static_cast<int>(base));
  const auto label = [lang](int i) {
    return tr(i == 1 ? Str::sc_base_subsidy : Str::sc_base_total_costs, lang);
  };

  ImGui::TableNextRow();
  if (o != nullptr)
    ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, ImGui::GetColorU32(kColorHighlight));
  ImGui::TableNextColumn();
  ImGui::AlignTextToFramePadding();
  text_item(tr(Str::sc_cofinancing_base, lang));
  ImGui::TableNextColumn();
  ImGui::SetNextItemWidth(-1);
  int chosen = current;
  if (edit_choice("##sc_cofinancing_base", current, 2, label, chosen))
    commit(app, index, OverrideKind::cofinancing_base, chosen);
  ImGui::TableNextColumn();
  ImGui::AlignTextToFramePadding();
  ImGui::TextDisabled("%s %s", tr(Str::sc_base_value, lang),
                      label(base == CofinancingBase::subsidy ? 1 : 0));
  ImGui::TableNextColumn();
  if (o != nullptr &&
      ImGui::Button((std::string(tr(Str::sc_reset, lang)) + "##reset_cofinancing_base").c_str()))
    app.post(ResetScenarioOverride{index, OverrideKind::cofinancing_base, ""});
}

// [SECTION] Formatting of figures and differences
std::string base_words(const ComparisonColumn& column, Language lang) {
  return tr(column.evaluation.cofinancing.base == CofinancingBase::subsidy ? Str::base_subsidy
                                                                           : Str::base_total_costs,
            lang);
}

std::string figure_text(const ComparisonColumn& column, Figure f, Language lang) {
  const std::int64_t v = column.value(f);
  switch (figure_unit(f)) {
    case FigureUnit::cents:
      if (f == Figure::maximum && !column.maximum_known) return "—";
      return format_money(Money{v}, lang);
    case FigureUnit::basis_points: return format_percent_bp(v, lang);
    case FigureUnit::count: return std::to_string(v);
  }
  return {};
}

std::string signed_text(std::int64_t v, const std::string& magnitude) {
  return (v > 0 ? "+" : v < 0 ? "-" : "") + magnitude;
}

// "+€ 1.234,00 (+5,00% van de basis)", "−1,25 procentpunt", "+1" or "gelijk".
// `of_base`: say "of the base" after a percentage (not needed under a "difference" heading).
std::string delta_text(const ComparisonColumn& column, Figure f, Language lang, bool of_base) {
  const FigureDelta& d = column.delta(f);
  if (d.absolute == 0) return tr(Str::sc_no_difference, lang);
  const std::int64_t magnitude = d.absolute < 0 ? -d.absolute : d.absolute;
  switch (figure_unit(f)) {
    case FigureUnit::cents: {
      std::string text = signed_text(d.absolute, format_money(Money{magnitude}, lang));
      if (d.percent_bp) {
        const std::int64_t p = *d.percent_bp < 0 ? -*d.percent_bp : *d.percent_bp;
        text += " (" + signed_text(*d.percent_bp, format_percent_bp(p, lang)) +
                (of_base ? std::string(" ") + tr(Str::sc_of_base, lang) : std::string()) + ")";
      }
      return text;
    }
    case FigureUnit::basis_points:
      return signed_text(d.absolute, format_fixed(magnitude, 2, lang)) + " " +
             tr(Str::sc_points, lang);
    case FigureUnit::count: return signed_text(d.absolute, std::to_string(magnitude));
  }
  return {};
}

ImVec4 delta_color(Figure f, std::int64_t delta) {
  // More errors or warnings, or less cofinancing or allowed subsidy, is worse; the rest neutral.
  const bool worse = ((f == Figure::errors || f == Figure::warnings) && delta > 0) ||
                     ((f == Figure::allowed || f == Figure::cofinancing_percent) && delta < 0);
  if (worse) return kColorError;
  return ImGui::GetStyle().Colors[ImGuiCol_TextDisabled];
}

// A value and, below it (or in the next column with `delta_column`), its difference from the base.
void figure_cell(const ComparisonColumn& base, const ComparisonColumn& column, Figure f,
                 bool is_base, bool delta_column, Language lang) {
  const bool bad = (f == Figure::cofinancing_percent && !column.cofinancing_met) ||
                   (f == Figure::errors && column.value(f) > 0);
  if (bad) ImGui::PushStyleColor(ImGuiCol_Text, kColorError);
  text_item_right(figure_text(column, f, lang));
  if (bad) ImGui::PopStyleColor();
  if (is_base) return;
  if (delta_column) ImGui::TableNextColumn();
  ImGui::PushStyleColor(ImGuiCol_Text, delta_color(f, column.delta(f).absolute));
  text_item_right(delta_text(column, f, lang, !delta_column));
  ImGui::PopStyleColor();
  if (figure_unit(f) == FigureUnit::basis_points &&
      column.evaluation.cofinancing.base != base.evaluation.cofinancing.base)
    text_item_right(base_words(column, lang));
}

// [SECTION] Figures table (base and the given columns). With one column its differences get a
// column of their own, one line per figure: the table under the sliders must fit on the screen
// they are dragged on, also in presentation mode.
void figures_table(const char* id, const ComparisonColumn& base,
                   const std::vector<const ComparisonColumn*>& columns, Language lang) {
  const bool delta_column = columns.size() == 1;
  const int count = static_cast<int>(columns.size()) + 2 + (delta_column ? 1 : 0);
  // No scrolling child: the page scrolls, and the mouse wheel over the table scrolls the page.
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                ImGuiTableFlags_BordersOuter | ImGuiTableFlags_SizingFixedFit;
  // The figures' names wrap in a narrow window (1024 pixels, presentation mode), so the amounts
  // keep room to be read whole.
  const float label_width =
      std::min(ImGui::GetFontSize() * 15.0f, ImGui::GetContentRegionAvail().x * 0.3f);
  if (!ImGui::BeginTable(id, count, flags)) return;
  ImGui::TableSetupColumn(tr(Str::sc_figure, lang), ImGuiTableColumnFlags_WidthFixed, label_width);
  ImGui::TableSetupColumn(tr(Str::sc_base_column, lang), ImGuiTableColumnFlags_WidthStretch, 0.8f);
  for (std::size_t c = 0; c < columns.size(); ++c)
    ImGui::TableSetupColumn((columns[c]->name + "##col" + std::to_string(c)).c_str(),
                            ImGuiTableColumnFlags_WidthStretch, delta_column ? 0.8f : 1.0f);
  if (delta_column)
    ImGui::TableSetupColumn(tr(Str::sc_difference_column, lang), ImGuiTableColumnFlags_WidthStretch,
                            1.2f);
  ImGui::TableHeadersRow();
  for (std::size_t i = 0; i < kFigureCount; ++i) {
    const Figure f = static_cast<Figure>(i);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::PushTextWrapPos(0.0f);
    text_item(figure_label(f, lang));
    if (figure_unit(f) == FigureUnit::basis_points)
      text_disabled(base_words(base, lang));  // what the percentage is of
    ImGui::PopTextWrapPos();
    ImGui::TableNextColumn();
    figure_cell(base, base, f, true, false, lang);
    for (const ComparisonColumn* column : columns) {
      ImGui::TableNextColumn();
      figure_cell(base, *column, f, false, delta_column, lang);
    }
  }
  ImGui::EndTable();
}

// [SECTION] Scenario tabs: one row, so that the sliders and the figures they move fit on one
// screen together (a list box above them pushed the figures below the fold at 1280×800).
void draw_tabs(App& app) {
  const Language lang = app.language();
  ScenariosPanelState& st = state(app);
  const Plan& plan = app.plan();
  if (!ImGui::BeginTabBar("##sc_tabs", ImGuiTabBarFlags_FittingPolicyScroll)) return;
  for (const Scenario& scenario : plan.scenarios) {
    // ImGui keeps its own selected tab: steer it when the selection changed elsewhere.
    const bool steer = st.steer_tabs && scenario.id == st.selected_id;
    const std::string label = scenario.name + "###sc_item_" + scenario.id;  // id survives a rename
    const bool open =
        ImGui::BeginTabItem(label.c_str(), nullptr, steer ? ImGuiTabItemFlags_SetSelected : 0);
    if (ImGui::IsItemHovered()) {
      ImGui::BeginTooltip();
      plain_text(scenario.name);
      for (const ScenarioOverride& o : scenario.overrides)
        text_disabled(describe_override(o).in(lang));
      ImGui::EndTooltip();
    }
    if (open) {
      if (!st.steer_tabs) st.selected_id = scenario.id;
      ImGui::EndTabItem();
    }
  }
  st.steer_tabs = false;
  const std::string add_label = std::string("+ ") + tr(Str::sc_add, lang) + "##sc_add";
  if (ImGui::TabItemButton(add_label.c_str(), ImGuiTabItemFlags_Trailing)) {
    // A fresh id and a name the list does not have yet ("Scenario 2").
    std::size_t n = plan.scenarios.size() + 1;
    const auto taken = [&](const std::string& id, bool by_name) {
      return std::any_of(plan.scenarios.begin(), plan.scenarios.end(),
                         [&](const Scenario& s) { return by_name ? s.name == id : s.id == id; });
    };
    while (taken("sc-" + std::to_string(n), false) ||
           taken(std::string(tr(Str::sc_default_name, lang)) + " " + std::to_string(n), true))
      ++n;
    Scenario scenario;
    scenario.id = "sc-" + std::to_string(n);
    scenario.name = std::string(tr(Str::sc_default_name, lang)) + " " + std::to_string(n);
    app.post(AddScenario{plan.scenarios.size(), scenario}, [&st, id = scenario.id] {
      st.selected_id = id;
      st.steer_tabs = true;
    });
  }
  ImGui::EndTabBar();
  if (plan.scenarios.empty()) {
    ImGui::PushTextWrapPos(0.0f);
    text_disabled(tr(Str::sc_none, lang));
    ImGui::PopTextWrapPos();
  }
}

// [SECTION] Editor of the selected scenario
void draw_editor(App& app, std::size_t index, const ComparisonColumn& base,
                 const ComparisonColumn& column, bool live) {
  const Language lang = app.language();
  const Scenario& scenario = app.plan().scenarios[index];

  ImGui::AlignTextToFramePadding();
  text_item(tr(Str::sc_name, lang));
  ImGui::SameLine();
  // Room for the remove button beside it, also on a tablet.
  const float remove_width =
      ImGui::CalcTextSize(tr(Str::sc_remove, lang)).x + ImGui::GetStyle().FramePadding.x * 2.0f;
  ImGui::SetNextItemWidth(std::max(
      ImGui::GetFontSize() * 8.0f,
      std::min(ImGui::GetFontSize() * 20.0f,
               ImGui::GetContentRegionAvail().x - remove_width - ImGui::GetStyle().ItemSpacing.x)));
  std::string name;
  if (edit_text("##sc_name", scenario.name, name) && !name.empty())
    app.post(RenameScenario{index, name});
  ImGui::SameLine();
  if (ImGui::Button((std::string(tr(Str::sc_remove, lang)) + "##sc_remove").c_str())) {
    app.post(RemoveScenario{index});
    state(app).drag.active = false;
    return;
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Str::sc_remove_note, lang));

  ImGui::Spacing();
  ImGui::PushTextWrapPos(0.0f);
  text_disabled(tr(Str::sc_overridden_note, lang));
  ImGui::PopTextWrapPos();
  // Label, base and reset columns as wide as their longest text; the slider takes the rest.
  const float pad = ImGui::GetStyle().CellPadding.x * 2.0f;
  float label_width = ImGui::CalcTextSize(tr(Str::sc_cofinancing_base, lang)).x;
  float base_width = ImGui::CalcTextSize((std::string(tr(Str::sc_base_value, lang)) + " " +
                                          tr(Str::sc_base_total_costs, lang))
                                             .c_str())
                         .x;
  for (const SliderSpec& spec : kSliders) {
    label_width = std::max(label_width, ImGui::CalcTextSize(tr(spec.label, lang)).x);
    base_width = std::max(
        base_width, ImGui::CalcTextSize((std::string(tr(Str::sc_base_value, lang)) + " " +
                                         format_value(spec.kind, base_value(app, spec.kind), lang))
                                            .c_str())
                        .x);
  }
  const float reset_width =
      ImGui::CalcTextSize(tr(Str::sc_reset, lang)).x + ImGui::GetStyle().FramePadding.x * 2.0f;
  const float slider_width = ImGui::GetFontSize() * 14.0f;  // the slider and its − and + buttons
  const int rows = static_cast<int>(std::size(kSliders)) + 1;  // and the cofinancing base
  if (begin_wide_table("##sc_sliders", 4, ImGuiTableFlags_BordersInnerH,
                       label_width + base_width + reset_width + slider_width + pad * 4.0f, rows,
                       false)) {
    ImGui::TableSetupColumn("##label", ImGuiTableColumnFlags_WidthFixed, label_width + pad);
    ImGui::TableSetupColumn("##slider", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("##base", ImGuiTableColumnFlags_WidthFixed, base_width + pad);
    ImGui::TableSetupColumn("##reset", ImGuiTableColumnFlags_WidthFixed, reset_width + pad);
    for (const SliderSpec& spec : kSliders) {
      slider_row(app, index, spec);
      if (spec.kind == OverrideKind::cofinancing_minimum) base_row(app, index);
    }
    ImGui::EndTable();
  }

  // Single lines and student counts: listed with their effect, each can go back to the base.
  std::vector<std::size_t> others;
  for (std::size_t i = 0; i < scenario.overrides.size(); ++i) {
    const OverrideKind k = scenario.overrides[i].kind;
    if (k == OverrideKind::line_price || k == OverrideKind::line_quantity ||
        k == OverrideKind::student_count)
      others.push_back(i);
  }
  ImGui::Spacing();
  text_item(tr(Str::sc_other_overrides, lang));
  if (others.empty()) text_disabled(tr(Str::sc_no_other_overrides, lang));
  for (std::size_t i : others) {
    const ScenarioOverride o = scenario.overrides[i];  // a copy: the reset below changes the list
    ImGui::PushID(static_cast<int>(i));
    ImGui::AlignTextToFramePadding();
    ImGui::Bullet();
    text_item(describe_override(o).in(lang));
    ImGui::SameLine();
    if (ImGui::SmallButton((std::string(tr(Str::sc_reset, lang)) + "##reset_other").c_str()))
      app.post(ResetScenarioOverride{index, o.kind, o.target});
    ImGui::PopID();
  }
  for (const ScenarioIssue& issue : column.issues)
    text_item_colored(kColorWarning,
                      std::string(tr(Str::sc_issue, lang)) + ": " + issue.message.in(lang));

  ImGui::Spacing();
  text_item(tr(Str::sc_effect, lang));
  if (live) {
    ImGui::SameLine();
    text_item_colored(kColorWarning, std::string("(") + tr(Str::sc_live, lang) + ")");
  }
  figures_table("##sc_effect", base, {&column}, lang);
}

// [SECTION] Comparison of every scenario
void draw_comparison(App& app, const ComparisonColumn& base,
                     const std::vector<const ComparisonColumn*>& columns) {
  const Language lang = app.language();
  ScenariosPanelState& st = state(app);
  ImGui::SetWindowFontScale(1.15f);
  text_item(tr(Str::sc_comparison, lang));
  ImGui::SetWindowFontScale(1.0f);
  text_disabled(tr(Str::sc_percent_note, lang));
  figures_table("##sc_comparison", base, columns, lang);

  // Per year, grouped: one bar per column.
  ImGui::Spacing();
  text_item(tr(Str::sc_per_year, lang));
  ImGui::SameLine();
  const Str metrics[] = {Str::sc_metric_costs, Str::sc_metric_subsidy, Str::sc_metric_cofinancing};
  for (int m = 0; m < 3; ++m) {
    ImGui::SameLine();
    ImGui::RadioButton((std::string(tr(metrics[m], lang)) + "##metric" + std::to_string(m)).c_str(),
                       &st.chart_metric, m);
  }
  std::vector<std::string> years;
  for (const YearFigures& y : base.years) years.push_back(std::to_string(y.year));
  const auto metric = [&](const YearFigures& y) {
    return st.chart_metric == 0 ? y.costs : st.chart_metric == 1 ? y.subsidy : y.cofinancing;
  };
  std::vector<charts::Series> series;
  const auto add_series = [&](const ComparisonColumn& column, int color) {
    // The core names the base column in Dutch; the UI names it in the user's language.
    charts::Series s{
        &column == &base ? tr(Str::sc_base_column, lang) : column.name, charts::palette(color), {}};
    for (const YearFigures& y : column.years) s.values.push_back(metric(y).cents);
    series.push_back(std::move(s));
  };
  add_series(base, 0);
  for (std::size_t c = 0; c < columns.size(); ++c) add_series(*columns[c], static_cast<int>(c) + 1);
  charts::Options options;
  options.format.unit = charts::Unit::money;
  options.format.language = lang;
  options.height = ImGui::GetFontSize() * 13.0f;
  charts::grouped_bars("##sc_years_chart", years, series, options);

  // Findings per scenario: the new ones first, marked.
  ImGui::Spacing();
  ImGui::SetWindowFontScale(1.15f);
  text_item(tr(Str::sc_findings, lang));
  ImGui::SetWindowFontScale(1.0f);
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const ComparisonColumn& column = *columns[c];
    std::size_t fresh = 0;
    for (const ComparedFinding& f : column.findings) fresh += f.is_new ? 1 : 0;
    const std::size_t same = column.findings.size() - fresh;
    const std::string header = column.name + ": " + std::to_string(fresh) + " " +
                               tr(Str::sc_new_count, lang) + ", " +
                               std::to_string(column.resolved_findings.size()) + " " +
                               tr(Str::sc_resolved_count, lang) + ", " + std::to_string(same) +
                               " " + tr(Str::sc_same_count, lang) + "##findings_" + column.id;
    if (!ImGui::CollapsingHeader(header.c_str(), ImGuiTreeNodeFlags_DefaultOpen)) continue;
    ImGui::Indent();
    ImGui::PushTextWrapPos(0.0f);
    if (fresh == 0 && column.resolved_findings.empty()) text_disabled(tr(Str::sc_no_changes, lang));
    for (const ComparedFinding& f : column.findings) {
      if (!f.is_new) continue;
      text_item_colored(kColorError, tr(Str::sc_new, lang));
      ImGui::SameLine();
      text_item(f.headline.in(lang).empty() ? f.finding.message.in(lang) : f.headline.in(lang));
    }
    for (const Finding& f : column.resolved_findings) {
      text_item_colored(kColorOk, tr(Str::sc_resolved, lang));
      ImGui::SameLine();
      text_item(f.message.in(lang));
    }
    ImGui::PopTextWrapPos();
    ImGui::Unindent();
  }
}

}  // namespace

void draw_scenarios_panel(App& app) {
  const Language lang = app.language();
  ScenariosPanelState& st = state(app);
  const Plan& plan = app.plan();
  const Comparison& cmp = comparison(app);

  // The selected scenario by id (stable across renames and removals of others).
  std::size_t selected = plan.scenarios.size();
  for (std::size_t i = 0; i < plan.scenarios.size(); ++i)
    if (plan.scenarios[i].id == st.selected_id) selected = i;
  if (selected == plan.scenarios.size() && !plan.scenarios.empty()) {
    selected = 0;
    st.selected_id = plan.scenarios[0].id;
    st.steer_tabs = true;
  }
  if (st.drag.active && st.drag.scenario >= plan.scenarios.size()) st.drag.active = false;

  // While a slider is dragged its scenario is shown with the dragged value (not yet a command).
  bool live = false;
  if (st.drag.active && cmp.scenarios.size() == plan.scenarios.size()) {
    LivePreview& p = st.live;
    if (!p.valid || p.revision != app.document().revision() || p.scenario != st.drag.scenario ||
        p.kind != st.drag.kind || p.value != st.drag.value) {
      Scenario preview = plan.scenarios[st.drag.scenario];
      ScenarioOverride o;
      o.kind = st.drag.kind;
      o.value = st.drag.value;
      if (o.kind == OverrideKind::hourly_rate) o.replaces = kDefaultHourlyRateCents;
      bool replaced = false;
      for (ScenarioOverride& existing : preview.overrides) {
        if (existing.kind == o.kind) {
          o.replaces = existing.replaces;
          existing = o;
          replaced = true;
        }
      }
      if (!replaced) preview.overrides.push_back(o);
      p.column = compare_one(plan, preview, cmp.base, app.document().schemes());
      p.valid = true;
      p.revision = app.document().revision();
      p.scenario = st.drag.scenario;
      p.kind = st.drag.kind;
      p.value = st.drag.value;
    }
    live = true;
  }
  std::vector<const ComparisonColumn*> columns;
  for (std::size_t i = 0; i < cmp.scenarios.size(); ++i)
    columns.push_back(live && i == st.drag.scenario ? &st.live.column : &cmp.scenarios[i]);

  ImGui::BeginChild("##scenarios_scroll", ImVec2(0, 0), false);
  ImGui::PushTextWrapPos(0.0f);
  text_disabled(tr(Str::sc_intro, lang));
  ImGui::PopTextWrapPos();
  ImGui::Spacing();
  draw_tabs(app);
  if (selected < plan.scenarios.size() && selected < columns.size()) {
    ImGui::SetWindowFontScale(1.15f);
    text_item(std::string(tr(Str::sc_assumptions, lang)) + ": " + plan.scenarios[selected].name);
    ImGui::SetWindowFontScale(1.0f);
    draw_editor(app, selected, cmp.base, *columns[selected], live && st.drag.scenario == selected);
  }
  // The editor may have removed a scenario: the columns are stale until the next frame.
  if (app.plan().scenarios.size() == columns.size() && !columns.empty()) {
    ImGui::Spacing();
    ImGui::Separator();
    draw_comparison(app, cmp.base, columns);
  }
  ImGui::EndChild();
}

}  // namespace sto::ui
