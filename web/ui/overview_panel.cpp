// Overzicht: the plan's key figures and charts — costs per year by category, the funding mix,
// cofinancing against the minimum, subsidy per organisation — and the budget per year. Every
// number comes from the core engine; in presentation mode the charts come first, larger.
#include <algorithm>
#include <string>
#include <vector>

#include "app/app.h"
#include "model/labels.h"
#include "text/strings.h"
#include "ui/charts.h"
#include "ui/panels.h"
#include "ui/widgets.h"

namespace sto::ui {

namespace {

const char* base_name(CofinancingBase base, Language language) {
  return tr(base == CofinancingBase::subsidy ? Str::base_subsidy : Str::base_total_costs, language);
}

// Chart data, rebuilt only when the plan or the language changes.
struct ChartData {
  std::vector<std::string> years;
  std::vector<charts::Series> by_category;
  std::vector<std::string> funding_names;
  std::vector<charts::Series> funding;
  std::vector<std::string> organisation_names;
  std::vector<charts::Series> subsidy_by_organisation;
};

ChartData build_chart_data(const App& app) {
  ChartData data;
  const Evaluation& ev = app.analysis().evaluation;
  const Language lang = app.language();
  for (int i = 0; i < ev.year_count; ++i) data.years.push_back(std::to_string(ev.first_year + i));
  for (int c = 0; c < kCategoryCount; ++c) {
    charts::Series series{
        category_label(static_cast<CostCategory>(c), lang), charts::palette(c), {}};
    bool any = false;
    for (int i = 0; i < ev.year_count; ++i) {
      const Money m = ev.year_category_costs(ev.first_year + i, static_cast<CostCategory>(c));
      series.values.push_back(m.cents);
      any = any || m.cents != 0;
    }
    if (any) data.by_category.push_back(std::move(series));
  }
  const Money funding_amounts[] = {ev.total.subsidy, ev.total.cofinancing_cash,
                                   ev.total.cofinancing_in_kind, ev.total.own};
  for (int f = 0; f < kFundingCount; ++f) {
    data.funding_names.push_back(funding_label(static_cast<FundingSource>(f), lang));
  }
  charts::Series amounts{tr(Str::costs, lang), charts::palette(0), {}};
  for (Money m : funding_amounts) amounts.values.push_back(m.cents);
  data.funding.push_back(std::move(amounts));
  charts::Series subsidy{tr(Str::subsidy, lang), charts::palette(2), {}};
  const Plan& plan = app.plan();
  for (std::size_t o = 0; o < plan.organisations.size() && o < ev.by_organisation.size(); ++o) {
    if (ev.by_organisation[o].subsidy.cents == 0) continue;
    data.organisation_names.push_back(plan.organisations[o].name);
    subsidy.values.push_back(ev.by_organisation[o].subsidy.cents);
  }
  data.subsidy_by_organisation.push_back(std::move(subsidy));
  return data;
}

struct ChartDataMemo : Memo<ChartData> {};
const ChartData& chart_data(const App& app) {
  return app.view_state().get<ChartDataMemo>().get(app.document().revision(), app.language(),
                                                   [&] { return build_chart_data(app); });
}

void draw_key_figures(App& app) {
  const Language lang = app.language();
  const Evaluation& ev = app.analysis().evaluation;
  int errors = 0, warnings = 0;
  for (const Finding& f : app.analysis().findings) {
    if (f.severity == Severity::error) ++errors;
    if (f.severity == Severity::warning) ++warnings;
  }
  // Four cards in a row; two rows of two in presentation mode, where the type is larger.
  const bool two_rows = app.ui_state().presentation_mode;
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float per_row = two_rows ? 2.0f : 4.0f;
  const float card = (ImGui::GetContentRegionAvail().x - (per_row - 1) * spacing) / per_row;
  struct Card {
    const char* id;
    const char* caption;
    std::string value, note;
    ImVec4 accent;
  };
  const bool above_max = ev.max_known && ev.total.subsidy > ev.max_subsidy;
  const CofinancingCheck& cofin = ev.cofinancing;
  const Card cards[] = {
      {"##costs", tr(Str::total_costs, lang), format_money(ev.total.costs, lang), "",
       kColorNeutral},
      {"##subsidy", tr(Str::subsidy_requested, lang), format_money(ev.total.subsidy, lang),
       ev.max_known ? std::string(tr(Str::subsidy_maximum, lang)) + ":\n" +
                          format_money(ev.max_subsidy, lang)
                    : "",
       above_max ? kColorError : kColorOk},
      {"##cofinancing", tr(Str::cofinancing_business, lang),
       format_money(cofin.actual, lang) + "  (" + cofinancing_percent_text(cofin, lang) + ")",
       std::string(tr(Str::cofinancing_minimum, lang)) + " " + format_money(cofin.required, lang) +
           "\n= " + format_percent_bp(cofin.minimum_bp, lang) + " " + base_name(cofin.base, lang),
       cofin.met ? kColorOk : kColorError},
      {"##findings", tr(Str::findings, lang),
       std::to_string(errors) + " " + tr(errors == 1 ? Str::error_one : Str::errors, lang),
       std::to_string(warnings) + " " + tr(warnings == 1 ? Str::warning_one : Str::warnings, lang),
       errors > 0 ? kColorError : kColorOk},
  };
  // The cards of a row as high as the one with the most to say: every line of every card shows.
  const int in_row = two_rows ? 2 : 4;
  for (int row_start = 0; row_start < 4; row_start += in_row) {
    float height = 0.0f;
    for (int i = row_start; i < row_start + in_row; ++i)
      height = std::max(height,
                        key_figure_height(cards[i].caption, cards[i].value, cards[i].note, card));
    for (int i = row_start; i < row_start + in_row; ++i) {
      if (i > row_start) ImGui::SameLine();
      key_figure(cards[i].id, cards[i].caption, cards[i].value, cards[i].note, cards[i].accent,
                 card, height);
    }
  }
}

void draw_charts(App& app, float chart_height) {
  const Language lang = app.language();
  const Evaluation& ev = app.analysis().evaluation;
  const ChartData& data = chart_data(app);
  charts::Options money;
  money.format = {charts::Unit::money, lang, ""};
  money.height = chart_height;
  // Two columns: each chart gets exactly half the width, whatever its legend needs.
  if (ImGui::BeginTable("##charts", 2, ImGuiTableFlags_SizingStretchSame)) {
    ImGui::TableNextColumn();
    text_item(tr(Str::chart_costs_per_year, lang));
    charts::stacked_bars("##costs_per_year", data.years, data.by_category, money);
    ImGui::TableNextColumn();
    text_item(tr(Str::chart_funding_mix, lang));
    charts::horizontal_bars("##funding_mix", data.funding_names, data.funding,
                            {money.format, 0.0f, 0.0f, true, false, true});
    ImGui::Spacing();
    const CofinancingCheck& cofin = ev.cofinancing;
    ImGui::PushTextWrapPos(0.0f);  // the half-width column cuts it off otherwise
    text_item(std::string(tr(Str::chart_cofinancing, lang)) + " (" +
              format_percent_bp(cofin.minimum_bp, lang) + " " + base_name(cofin.base, lang) + ")");
    ImGui::PopTextWrapPos();
    charts::target_bar("##cofinancing_bar", cofin.actual.cents, cofin.required.cents,
                       ImGui::GetColorU32(cofin.met ? kColorOk : kColorError),
                       {money.format, 0.0f, ImGui::GetFrameHeight() * 1.6f, true, false, false});
    ImGui::EndTable();
  }
  if (!data.organisation_names.empty()) {
    text_item(tr(Str::chart_subsidy_per_organisation, lang));
    charts::horizontal_bars("##subsidy_per_organisation", data.organisation_names,
                            data.subsidy_by_organisation,
                            {money.format, 0.0f, 0.0f, true, false, true});
  }
}

void draw_year_table(App& app) {
  const Language lang = app.language();
  const Evaluation& ev = app.analysis().evaluation;
  text_item(tr(Str::per_year, lang));
  const ImGuiTableFlags flags =
      ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchSame;
  if (!ImGui::BeginTable("##per_year", 4, flags)) return;
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
  ImGui::TableNextRow();
  ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, IM_COL32(226, 232, 242, 255));
  ImGui::TableNextColumn();
  text_item(tr(Str::total, lang));
  for (Money m : {ev.total.costs, ev.total.subsidy, ev.total.cofinancing}) {
    ImGui::TableNextColumn();
    text_item_right(format_money(m, lang));
  }
  ImGui::EndTable();
}

}  // namespace

void draw_overview_panel(App& app) {
  const Language lang = app.language();
  const Evaluation& ev = app.analysis().evaluation;
  if (!ev.scheme_found) {
    ImGui::TextColored(kColorError, "%s: %s", tr(Str::no_scheme, lang),
                       app.plan().scheme_id.c_str());
    return;
  }
  ImGui::BeginChild("##overview_scroll");
  if (app.ui_state().presentation_mode) {
    draw_key_figures(app);
    draw_charts(app, 300.0f);
  } else {
    draw_key_figures(app);
    ImGui::Spacing();
    draw_charts(app, 200.0f);
    ImGui::Spacing();
    draw_year_table(app);
  }
  ImGui::EndChild();
}

}  // namespace sto::ui
