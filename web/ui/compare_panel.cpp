// Vergelijken: the differences between the plan and another plan file or version, grouped by
// section, each with its changed fields old → new and a box to take it over; the effect of the
// chosen changes on the key figures and findings; one button applies them as one undo step.
// Figures and differences from core/diff.h; the session lives in App (app_compare.cpp).
#include <imgui.h>

#include <algorithm>
#include <string>

#include "app/app.h"
#include "labels.h"
#include "ui/panels.h"
#include "ui/strings.h"
#include "ui/widgets.h"

namespace sto::ui {

namespace {

std::string figure_value(Figure figure, std::int64_t value, Language lang) {
  switch (figure_unit(figure)) {
    case FigureUnit::cents: return format_money(Money{value}, lang);
    case FigureUnit::basis_points: return format_percent_bp(value, lang);
    case FigureUnit::count: break;
  }
  return std::to_string(value);
}

std::string figure_change(Figure figure, std::int64_t delta, Language lang) {
  const std::string sign = delta > 0 ? "+" : "";
  if (figure_unit(figure) == FigureUnit::basis_points)
    return sign + format_fixed(delta, 2, lang) + tr(Str::cmp_points, lang);
  return sign + figure_value(figure, delta, lang);
}

const Figure kShownFigures[] = {Figure::costs,
                                Figure::subsidy,
                                Figure::maximum,
                                Figure::cofinancing_actual,
                                Figure::cofinancing_percent,
                                Figure::cofinancing_required,
                                Figure::errors,
                                Figure::warnings};

void draw_effect(const PlanDiff& effect, Language lang) {
  heading(tr(Str::cmp_effect, lang));
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                                ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingFixedFit;
  const ComparisonColumn& before = effect.effect.before;
  const ComparisonColumn& after = effect.effect.after;
  // Every figure column as wide as its widest value: a fixed-fit column takes its header's width.
  const float pad = ImGui::GetStyle().CellPadding.x * 2.0f;
  float width = ImGui::CalcTextSize(tr(Str::cmp_col_after, lang)).x + pad;
  for (const Figure f : kShownFigures)
    for (const std::string& text :
         {figure_value(f, before.value(f), lang), figure_value(f, after.value(f), lang),
          figure_change(f, after.delta(f).absolute, lang)})
      width = std::max(width, ImGui::CalcTextSize(text.c_str()).x + pad);
  if (ImGui::BeginTable("##cmp_figures", 4, flags)) {
    ImGui::TableSetupColumn(tr(Str::cmp_col_figure, lang), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(tr(Str::cmp_col_now, lang), ImGuiTableColumnFlags_WidthFixed, width);
    ImGui::TableSetupColumn(tr(Str::cmp_col_after, lang), ImGuiTableColumnFlags_WidthFixed, width);
    ImGui::TableSetupColumn(tr(Str::cmp_col_change, lang), ImGuiTableColumnFlags_WidthFixed, width);
    ImGui::TableHeadersRow();
    for (const Figure f : kShownFigures) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      std::string name = figure_label(f, lang);
      if (f == Figure::cofinancing_percent)  // a percentage says what it is of
        name += std::string(tr(Str::cmp_percent_of, lang)) +
                base_label(after.evaluation.cofinancing.base, lang) + ")";
      text_item(name);
      ImGui::TableNextColumn();
      text_item_right(figure_value(f, before.value(f), lang));
      ImGui::TableNextColumn();
      text_item_right(figure_value(f, after.value(f), lang));
      ImGui::TableNextColumn();
      const std::int64_t delta = after.delta(f).absolute;
      text_item_right(delta == 0 ? std::string("—") : figure_change(f, delta, lang));
    }
    ImGui::EndTable();
  }
  ImGui::PushTextWrapPos(0.0f);
  for (const ComparedFinding& f : effect.effect.after.findings)
    if (f.is_new)
      text_item_colored(kColorError,
                        std::string(tr(Str::cmp_new_finding, lang)) + f.finding.message.in(lang));
  for (const Finding& f : effect.effect.after.resolved_findings)
    text_item_colored(kColorOk,
                      std::string(tr(Str::cmp_resolved_finding, lang)) + f.message.in(lang));
  ImGui::PopTextWrapPos();
}

}  // namespace

void draw_compare_panel(App& app) {
  const Language lang = app.language();
  ImGui::BeginChild("##compare_scroll", ImVec2(0, 0), false);
  ImGui::PushTextWrapPos(0.0f);
  text_disabled(tr(Str::cmp_intro, lang));
  ImGui::PopTextWrapPos();
  ImGui::Spacing();
  if (ImGui::Button((std::string(tr(Str::cmp_choose, lang)) + "##cmp_choose").c_str()))
    app.request_file_picker(FilePurpose::compare);
  CompareSession* s = app.compare_session();
  if (!s) {
    text_item(tr(Str::cmp_none, lang));
    ImGui::EndChild();
    return;
  }
  ImGui::SameLine();
  if (ImGui::Button((std::string(tr(Str::cmp_close, lang)) + "##cmp_close").c_str())) {
    app.close_compare();
    ImGui::EndChild();
    return;
  }
  text_item(tr(Str::cmp_with, lang) + s->source);
  if (s->other.lineage.plan_id.empty() || s->other.lineage.derived_from == 0 ||
      s->other.lineage.plan_id != app.plan().lineage.plan_id) {
    ImGui::PushTextWrapPos(0.0f);
    text_disabled(tr(Str::cmp_two_way, lang));
    ImGui::PopTextWrapPos();
  }
  for (const LocalizedText& refused : s->refused)
    text_item_colored(kColorError, tr(Str::cmp_not_applied, lang) + refused.in(lang));
  if (s->changes.empty()) {
    text_item_colored(kColorOk, tr(Str::cmp_identical, lang) + s->source);
    ImGui::EndChild();
    return;
  }

  std::size_t chosen = 0;
  for (const bool a : s->accepted) chosen += a ? 1 : 0;
  text_item(std::to_string(chosen) + tr(Str::cmp_chosen, lang) + std::to_string(s->changes.size()) +
            tr(Str::cmp_changes, lang));
  if (ImGui::Button((std::string(tr(Str::cmp_accept_all, lang)) + "##cmp_all").c_str()))
    app.set_compare_all_accepted(true);
  ImGui::SameLine();
  if (ImGui::Button((std::string(tr(Str::cmp_reject_all, lang)) + "##cmp_none").c_str()))
    app.set_compare_all_accepted(false);
  ImGui::SameLine();
  ImGui::BeginDisabled(chosen == 0);
  if (ImGui::Button((std::string(tr(Str::cmp_apply, lang)) + "##cmp_apply").c_str()))
    app.apply_compare_choice();
  ImGui::EndDisabled();
  // Applying recomputes the session: draw the rest from the new state next frame.
  s = app.compare_session();
  if (!s || s->changes.empty()) {
    ImGui::EndChild();
    return;
  }

  draw_effect(s->effect, lang);

  for (std::size_t section = 0; section < kDiffSectionCount; ++section) {
    const auto which = static_cast<DiffSection>(section);
    bool any = false;
    for (const RecordChange& c : s->changes) any = any || c.section == which;
    if (!any) continue;
    ImGui::PushID(static_cast<int>(section));
    heading(diff_section_label(which, lang));
    if (ImGui::SmallButton(tr(Str::cmp_accept_section, lang)))
      app.set_compare_section_accepted(which, true);
    ImGui::SameLine();
    if (ImGui::SmallButton(tr(Str::cmp_reject_section, lang)))
      app.set_compare_section_accepted(which, false);
    for (std::size_t i = 0; i < s->changes.size(); ++i) {
      const RecordChange& c = s->changes[i];
      if (c.section != which) continue;
      ImGui::PushID(static_cast<int>(i));
      bool accepted = s->accepted[i];
      // The box's label is the change itself, so a screen reader reads what is taken over.
      const std::string label = change_headline(c).in(lang) + "##accept";
      if (ImGui::Checkbox(label.c_str(), &accepted)) app.set_compare_accepted(i, accepted);
      record_last_item(change_headline(c).in(lang));
      ImGui::Indent();
      ImGui::PushTextWrapPos(0.0f);
      for (const FieldChange& f : c.fields)
        plain_text(f.label.in(lang) + ": " + f.before.in(lang) + " → " + f.after.in(lang));
      ImGui::PopTextWrapPos();
      ImGui::Unindent();
      ImGui::PopID();
    }
    ImGui::PopID();
  }
  ImGui::EndChild();
}

}  // namespace sto::ui
