// Overzicht: the plan's key figures and its budget per year, all computed by the core engine.
#include <string>

#include "app/app.h"
#include "ui/panels.h"
#include "ui/strings.h"
#include "ui/widgets.h"

namespace sto::ui {

namespace {

const char* base_name(CofinancingBase base, Language language) {
  return tr(base == CofinancingBase::subsidy ? Str::base_subsidy : Str::base_total_costs, language);
}

}  // namespace

void draw_overview_panel(App& app) {
  const Language lang = app.language();
  const Evaluation& ev = app.analysis().evaluation;
  const auto& findings = app.analysis().findings;
  if (!ev.scheme_found) {
    ImGui::TextColored(kColorError, "%s: %s", tr(Str::no_scheme, lang),
                       app.plan().scheme_id.c_str());
    return;
  }

  int errors = 0, warnings = 0;
  for (const Finding& f : findings) {
    if (f.severity == Severity::error) ++errors;
    if (f.severity == Severity::warning) ++warnings;
  }

  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float card = (ImGui::GetContentRegionAvail().x - 3 * spacing) / 4.0f;
  key_figure("##costs", tr(Str::total_costs, lang), format_money(ev.total.costs, lang), "",
             kColorNeutral, card);
  ImGui::SameLine();
  const bool above_max = ev.max_known && ev.total.subsidy > ev.max_subsidy;
  key_figure("##subsidy", tr(Str::subsidy_requested, lang), format_money(ev.total.subsidy, lang),
             ev.max_known ? std::string(tr(Str::subsidy_maximum, lang)) + ": " +
                                format_money(ev.max_subsidy, lang)
                          : "",
             above_max ? kColorError : kColorOk, card);
  ImGui::SameLine();
  const CofinancingCheck& cofin = ev.cofinancing;
  key_figure(
      "##cofinancing", tr(Str::cofinancing, lang),
      format_money(cofin.actual, lang) + "  (" + format_percent_bp(cofin.percent_bp, lang) + ")",
      std::string(tr(Str::cofinancing_minimum, lang)) + ": " + format_money(cofin.required, lang) +
          " = " + format_percent_bp(cofin.minimum_bp, lang) + " " + base_name(cofin.base, lang),
      cofin.met ? kColorOk : kColorError, card);
  ImGui::SameLine();
  key_figure("##findings", tr(Str::findings, lang),
             std::to_string(errors) + " " + tr(Str::errors, lang),
             std::to_string(warnings) + " " + tr(Str::warnings, lang),
             errors > 0 ? kColorError : kColorOk, card);

  ImGui::Spacing();
  ImGui::TextUnformatted(tr(Str::per_year, lang));
  const ImGuiTableFlags flags =
      ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchSame;
  if (ImGui::BeginTable("##per_year", 4, flags)) {
    ImGui::TableSetupColumn(tr(Str::year, lang));
    ImGui::TableSetupColumn(tr(Str::costs, lang));
    ImGui::TableSetupColumn(tr(Str::subsidy, lang));
    ImGui::TableSetupColumn(tr(Str::cofinancing, lang));
    ImGui::TableHeadersRow();
    for (int i = 0; i < ev.year_count; ++i) {
      const Totals& t = ev.by_year[static_cast<std::size_t>(i)];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::Text("%d", ev.first_year + i);
      for (Money m : {t.costs, t.subsidy, t.cofinancing}) {
        ImGui::TableNextColumn();
        text_item_right(format_money(m, lang));  // amounts align right, as in a spreadsheet
      }
    }
    ImGui::EndTable();
  }
}

}  // namespace sto::ui
