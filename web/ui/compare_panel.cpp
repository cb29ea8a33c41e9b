// Vergelijken: the differences between the plan and another plan file or version, grouped by
// section, each with its changed fields old → new and a box to take it over; a returned copy
// compared three-way shows conflicts side by side (base / this plan / the file) with a choice;
// the effect of the chosen changes on the key figures and findings; one button applies them as
// one undo step. Two stored versions are only shown, nothing taken over. A changed budget line
// shows its amount before and after beside the field that moved it (core/exchange/views.h).
// Figures and differences from core/exchange/diff.h; the session lives in App (app_compare.cpp).
#include <imgui.h>

#include <algorithm>
#include <optional>
#include <string>

#include "app/app.h"
#include "exchange/views.h"
#include "model/labels.h"
#include "text/strings.h"
#include "ui/panels.h"
#include "ui/widgets.h"

namespace sto::ui {

namespace {

std::string figure_change(Figure figure, std::int64_t delta, Language lang) {
  const std::string sign = delta > 0 ? "+" : "";
  if (figure_unit(figure) == FigureUnit::basis_points)
    return sign + format_fixed(delta, 2, lang) + tr(Str::cmp_points, lang);
  return sign + figure_text(figure, delta, lang);
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
         {figure_text(f, before.value(f), lang), figure_text(f, after.value(f), lang),
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
      text_item_right(figure_text(f, before.value(f), lang));
      ImGui::TableNextColumn();
      text_item_right(figure_text(f, after.value(f), lang));
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

// The note under "Vergelijken met": three-way and against which revision, two-way and why, or
// view only.
void draw_mode_note(const App& app, const CompareSession& s, Language lang) {
  std::string note;
  if (s.read_only()) {
    note = tr(Str::cmp_read_only, lang);
  } else if (s.base) {
    note = tr(Str::cmp_three_way, lang) + short_revision_id(s.base_revision) +
           tr(s.base_is_latest ? Str::cmp_three_way_tail : Str::cmp_three_way_older, lang);
  } else if (s.is_file) {
    const Lineage& theirs = s.other.lineage;
    const bool same_plan = !theirs.plan_id.empty() && theirs.plan_id == app.plan().lineage.plan_id;
    note = tr(same_plan ? Str::cmp_two_way : Str::cmp_two_way_other, lang);
  }
  if (note.empty()) return;
  ImGui::PushTextWrapPos(0.0f);
  text_disabled(note);
  record_last_item(note);  // findable: how it was compared matters to what is proposed
  ImGui::PopTextWrapPos();
}

// Conflicts side by side, base / this plan / the file, each with its choice.
void draw_conflicts(App& app, const CompareSession& s, Language lang) {
  if (s.conflicts.empty()) return;
  heading(tr(Str::cmp_conflicts, lang));
  const std::string base_header =
      tr(Str::cmp_col_base, lang) + short_revision_id(s.base_revision) + ")";
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                                ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchSame;
  for (std::size_t i = 0; i < s.conflicts.size(); ++i) {
    const MergeConflict& c = s.conflicts[i];
    ImGui::PushID(static_cast<int>(i));
    std::string what = c.record.in(lang);
    if (!c.field.empty()) what += " › " + c.field.in(lang);
    ImGui::PushTextWrapPos(0.0f);
    text_item(what);
    ImGui::PopTextWrapPos();
    if (ImGui::BeginTable("##conflict", 3, flags)) {
      ImGui::TableSetupColumn(base_header.c_str());
      ImGui::TableSetupColumn(tr(Str::cmp_col_ours, lang));
      ImGui::TableSetupColumn(tr(Str::cmp_col_theirs, lang));
      table_headers_row();
      ImGui::TableNextRow();
      for (const LocalizedText* value : {&c.base, &c.ours, &c.theirs}) {
        ImGui::TableNextColumn();
        ImGui::PushTextWrapPos(0.0f);
        text_item(value->in(lang));
        ImGui::PopTextWrapPos();
      }
      ImGui::EndTable();
    }
    // Named with the conflict, so a screen reader (and a test) tells the choices apart.
    if (ImGui::RadioButton(tr(Str::cmp_keep_ours, lang), !s.take_theirs[i]))
      app.compare_session()->set_take_theirs(i, false);
    record_last_item(std::string(tr(Str::cmp_keep_ours, lang)) + ": " + what);
    ImGui::SameLine();
    if (ImGui::RadioButton(tr(Str::cmp_take_theirs, lang), s.take_theirs[i]))
      app.compare_session()->set_take_theirs(i, true);
    record_last_item(std::string(tr(Str::cmp_take_theirs, lang)) + ": " + what);
    ImGui::Spacing();
    ImGui::PopID();
  }
}

// The fields of a budget line that its amount depends on (core/exchange/diff.cpp kLineFields).
bool moves_line_amount(const std::string& field) {
  return field == "price" || field == "quantity" || field == "investment" || field == "year";
}

// "regelbedrag € 39.000,00 → € 52.000,00"
std::string line_amount_text(const LineAmountChange& amount, Language lang) {
  return tr(Str::cmp_line_amount, lang) + format_money(amount.before, lang) + " → " +
         format_money(amount.after, lang);
}

// Per section the changes, each with its box (none when only viewing) and its fields.
void draw_changes(App& app, const CompareSession& s, Language lang) {
  for (std::size_t section = 0; section < kDiffSectionCount; ++section) {
    const auto which = static_cast<DiffSection>(section);
    bool any = false;
    for (const RecordChange& c : s.changes) any = any || c.section == which;
    if (!any) continue;
    ImGui::PushID(static_cast<int>(section));
    heading(diff_section_label(which, lang));
    if (!s.read_only()) {
      if (ImGui::SmallButton(tr(Str::cmp_accept_section, lang)))
        app.compare_session()->set_section_accepted(which, true);
      ImGui::SameLine();
      if (ImGui::SmallButton(tr(Str::cmp_reject_section, lang)))
        app.compare_session()->set_section_accepted(which, false);
    }
    for (std::size_t i = 0; i < s.changes.size(); ++i) {
      const RecordChange& c = s.changes[i];
      if (c.section != which) continue;
      ImGui::PushID(static_cast<int>(i));
      if (s.read_only()) {
        text_item(change_headline(c).in(lang));
      } else {
        bool accepted = s.accepted[i];
        // The box's label is the change itself, so a screen reader reads what is taken over.
        const std::string label = change_headline(c).in(lang) + "##accept";
        if (ImGui::Checkbox(label.c_str(), &accepted))
          app.compare_session()->set_accepted(i, accepted);
        record_last_item(change_headline(c).in(lang));
      }
      ImGui::Indent();
      ImGui::PushTextWrapPos(0.0f);
      // A budget line's amount before and after taking the change over, from the core, beside
      // the last field that moved it.
      const std::optional<LineAmountChange> amount =
          line_amount_change(c, s.ours(app.plan()), app.document().schemes());
      std::size_t amount_field = c.fields.size();
      if (amount)
        for (std::size_t k = 0; k < c.fields.size(); ++k)
          if (moves_line_amount(c.fields[k].field)) amount_field = k;
      for (std::size_t k = 0; k < c.fields.size(); ++k) {
        const FieldChange& f = c.fields[k];
        std::string text = f.label.in(lang) + ": " + f.before.in(lang) + " → " + f.after.in(lang);
        if (k == amount_field) text += "   (" + line_amount_text(*amount, lang) + ")";
        text_item(text);
      }
      if (amount && amount_field == c.fields.size()) text_item(line_amount_text(*amount, lang));
      ImGui::PopTextWrapPos();
      ImGui::Unindent();
      ImGui::PopID();
    }
    ImGui::PopID();
  }
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
  draw_mode_note(app, *s, lang);
  for (const LocalizedText& refused : s->refused)
    text_item_colored(kColorError, tr(Str::cmp_not_applied, lang) + refused.in(lang));
  if (s->changes.empty() && s->conflicts.empty()) {
    if (s->base)
      text_item_colored(kColorOk, tr(Str::cmp_nothing_new, lang) +
                                      short_revision_id(s->base_revision) +
                                      tr(Str::cmp_nothing_new_tail, lang));
    else
      text_item_colored(kColorOk, tr(Str::cmp_identical, lang) + s->source);
    ImGui::EndChild();
    return;
  }

  if (!s->read_only()) {
    std::size_t chosen = 0;
    for (const bool a : s->accepted) chosen += a ? 1 : 0;
    for (const bool t : s->take_theirs) chosen += t ? 1 : 0;
    text_item(std::to_string(chosen) + tr(Str::cmp_chosen, lang) +
              std::to_string(s->changes.size() + s->conflicts.size()) + tr(Str::cmp_changes, lang));
    if (ImGui::Button((std::string(tr(Str::cmp_accept_all, lang)) + "##cmp_all").c_str()))
      app.compare_session()->set_all_accepted(true);
    ImGui::SameLine();
    if (ImGui::Button((std::string(tr(Str::cmp_reject_all, lang)) + "##cmp_none").c_str()))
      app.compare_session()->set_all_accepted(false);
    ImGui::SameLine();
    ImGui::BeginDisabled(chosen == 0);
    if (ImGui::Button((std::string(tr(Str::cmp_apply, lang)) + "##cmp_apply").c_str()))
      app.apply_compare_choice();
    ImGui::EndDisabled();
  }

  draw_effect(s->effect, lang);
  draw_conflicts(app, *s, lang);
  draw_changes(app, *s, lang);
  ImGui::EndChild();
}

}  // namespace sto::ui
