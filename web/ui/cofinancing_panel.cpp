// Cofinanciering: what businesses contribute, in money and in kind (hours × rate), per
// organisation and year, against the scheme's minimum over the whole period. Totals come from the
// engine, the organisation × year split from core/views.h.
#include <imgui.h>

#include <algorithm>
#include <string>
#include <vector>

#include "app/app.h"
#include "labels.h"
#include "ui/charts.h"
#include "ui/editor_rows.h"
#include "ui/panels.h"
#include "ui/strings.h"
#include "ui/widgets.h"
#include "views.h"

namespace sto::ui {

namespace {

// The organisation × year split (core/views.h), rebuilt only when the plan changes.
const std::vector<CofinancingRow>& split_by_organisation(const App& app) {
  static std::uint64_t revision = 0;
  static std::vector<CofinancingRow> rows;
  if (revision != app.document().revision()) {
    rows = cofinancing_by_organisation(app.plan(), app.analysis().evaluation);
    revision = app.document().revision();
  }
  return rows;
}

const char* base_words(CofinancingBase base, Language lang) {
  return tr(base == CofinancingBase::subsidy ? Str::base_subsidy : Str::base_total_costs, lang);
}

// [SECTION] Check against the minimum
void draw_check(App& app) {
  const Language lang = app.language();
  const Evaluation& ev = app.analysis().evaluation;
  const CofinancingCheck& c = ev.cofinancing;
  const Scheme* scheme = app.document().scheme();
  const ImVec4 status = c.met ? kColorOk : kColorError;

  ImGui::PushTextWrapPos(0.0f);  // the column beside the chart is narrow at 1280 pixels
  ImGui::SetWindowFontScale(1.3f);
  text_item_colored(status, format_money(c.actual, lang) + "  =  " +
                                cofinancing_percent_text(c, lang) + " " + base_words(c.base, lang));
  ImGui::SetWindowFontScale(1.0f);
  text_item(std::string(tr(Str::cf_business, lang)) + ": " + format_money(c.business, lang));
  text_item(std::string(tr(Str::cf_other, lang)) + ": " + format_money(c.other, lang));
  text_item(std::string(tr(Str::cf_base_amount, lang)) + " (" + base_words(c.base, lang) +
            "): " + format_money(c.base_amount, lang));
  text_item(std::string(tr(Str::cofinancing_minimum, lang)) + ": " +
            format_percent_bp(c.minimum_bp, lang) + " " + base_words(c.base, lang) + " = " +
            format_money(c.required, lang));
  ImGui::PopTextWrapPos();
  if (scheme != nullptr)
    if (const CofinancingOption* option = scheme->cofinancing_option(c.option_id))
      ImGui::TextDisabled("%s: %s", tr(Str::cf_rule, lang), option->name.in(lang).c_str());

  charts::Options options;
  options.format.unit = charts::Unit::money;
  options.format.language = lang;
  options.width = std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 36.0f);
  charts::target_bar("##cofinancing_bar", c.actual.cents, c.required.cents,
                     ImGui::GetColorU32(status), options);
  if (c.met) {
    text_item_colored(kColorOk, tr(Str::cf_met, lang));
  } else {
    text_item_colored(kColorError, std::string(tr(Str::cf_shortfall, lang)) + ": " +
                                       format_money(c.shortfall, lang));
    ImGui::PushTextWrapPos(0.0f);
    text_disabled(tr(Str::cf_shortfall_note, lang));
    ImGui::PopTextWrapPos();
  }
}

// [SECTION] Per year
void draw_year_chart(App& app) {
  const Language lang = app.language();
  const Evaluation& ev = app.analysis().evaluation;
  std::vector<std::string> years;
  charts::Series cash{tr(Str::cf_cash, lang), charts::palette(0), {}};
  charts::Series in_kind{tr(Str::cf_in_kind, lang), charts::palette(1), {}};
  for (int y = 0; y < ev.year_count; ++y) {
    years.push_back(std::to_string(ev.first_year + y));
    cash.values.push_back(ev.by_year[static_cast<std::size_t>(y)].cofinancing_cash.cents);
    in_kind.values.push_back(ev.by_year[static_cast<std::size_t>(y)].cofinancing_in_kind.cents);
  }
  charts::Options options;
  options.format.unit = charts::Unit::money;
  options.format.language = lang;
  options.height = ImGui::GetFontSize() * 11.0f;
  charts::stacked_bars("##cofinancing_years", years, {cash, in_kind}, options);
}

// [SECTION] Organisation × year
void draw_table(App& app) {
  const Language lang = app.language();
  const Plan& plan = app.plan();
  const Evaluation& ev = app.analysis().evaluation;
  const std::vector<CofinancingRow>& rows = split_by_organisation(app);
  const int years = std::max(0, ev.year_count);
  const float em = ImGui::GetFontSize();
  const ImGuiStyle& style = ImGui::GetStyle();
  // Amount columns as wide as the largest amount (the period total; no cell exceeds it). In a
  // narrow window the table scrolls sideways with the organisation column frozen.
  const float amount_width =
      ImGui::CalcTextSize(format_money(ev.total.cofinancing, lang).c_str()).x + em * 0.6f;
  const float kind_width = em * 5.0f;
  const float avail = ImGui::GetContentRegionAvail().x;
  const float fixed = kind_width + amount_width * static_cast<float>(years + 1) +
                      style.CellPadding.x * 2.0f * static_cast<float>(years + 3);
  const float name_width = std::max(em * 12.0f, avail - fixed - em);
  const float row_height = ImGui::GetTextLineHeight() + style.CellPadding.y * 2.0f;
  const float height = row_height * static_cast<float>(rows.size() * 2 + 3) +
                       (name_width + fixed > avail ? style.ScrollbarSize : 0.0f) + 4.0f;
  const ImGuiTableFlags flags =
      ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_ScrollX;
  if (!ImGui::BeginTable("##cofinancing_table", 3 + years, flags, ImVec2(0.0f, height))) return;
  ImGui::TableSetupScrollFreeze(1, 1);
  ImGui::TableSetupColumn(tr(Str::ed_column_organisation, lang), ImGuiTableColumnFlags_WidthFixed,
                          name_width);
  ImGui::TableSetupColumn("##kind", ImGuiTableColumnFlags_WidthFixed, kind_width);
  for (int y = 0; y < years; ++y)
    ImGui::TableSetupColumn(std::to_string(ev.first_year + y).c_str(),
                            ImGuiTableColumnFlags_WidthFixed, amount_width);
  ImGui::TableSetupColumn(tr(Str::cf_total, lang), ImGuiTableColumnFlags_WidthFixed, amount_width);
  ImGui::TableHeadersRow();

  const auto amount_cell = [&](Money m, bool strong) {
    ImGui::TableNextColumn();
    if (m.cents == 0 && !strong) {
      ImGui::TextDisabled("—");
      return;
    }
    text_item_right(format_money(m, lang));
  };
  // Two table rows per organisation (money, in kind), shaded per organisation so they read as one.
  const auto draw_row = [&](std::size_t index, int part) {
    const CofinancingRow& row = rows[index];
    const bool known = row.organisation < plan.organisations.size();
    const Totals& total = ev.by_organisation[row.organisation];
    {
      ImGui::TableNextRow();
      if (index % 2 == 1)
        ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, IM_COL32(238, 242, 248, 255));
      ImGui::TableNextColumn();
      if (part == 0) {
        std::string name = known ? plan.organisations[row.organisation].name
                                 : std::string(tr(Str::ed_unknown_organisation, lang));
        // Only businesses' cofinancing counts toward the minimum: say so on every other row.
        if (!known || !is_business_for_cofinancing(plan.organisations[row.organisation]))
          name += tr(Str::cf_not_counted, lang);
        text_item(name);
        if (known && ImGui::IsItemHovered())  // the name may be cut off in a narrow window
          ImGui::SetTooltip(
              "%s — %s", name.c_str(),
              organisation_kind_label(plan.organisations[row.organisation].kind, lang));
      } else if (row.in_kind_hours_milli > 0) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        text_item(format_trimmed(row.in_kind_hours_milli, 3, lang) + " " +
                  tr(Str::cf_hours_in_kind, lang));  // exact: 12,5 uur, never cut to 12
        ImGui::PopStyleColor();
      }
      ImGui::TableNextColumn();
      text_disabled(tr(part == 0 ? Str::cf_cash : Str::cf_in_kind, lang));
      const std::vector<Money>& values = part == 0 ? row.cash : row.in_kind;
      for (int y = 0; y < years; ++y) amount_cell(values[static_cast<std::size_t>(y)], false);
      amount_cell(part == 0 ? total.cofinancing_cash : total.cofinancing_in_kind, true);
    }
  };
  // The clipper counts table rows: ImGui tables need one clipper item per row.
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(rows.size() * 2));
  while (clipper.Step())
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i)
      draw_row(static_cast<std::size_t>(i / 2), i % 2);

  // Totals per year and for the period, from the engine.
  for (int part = 0; part < 2; ++part) {
    ImGui::TableNextRow();
    ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, IM_COL32(230, 236, 245, 255));
    ImGui::TableNextColumn();
    if (part == 0) text_item(tr(Str::cf_total, lang));
    ImGui::TableNextColumn();
    text_disabled(tr(part == 0 ? Str::cf_cash : Str::cf_in_kind, lang));
    for (int y = 0; y < years; ++y) {
      const Totals& t = ev.by_year[static_cast<std::size_t>(y)];
      amount_cell(part == 0 ? t.cofinancing_cash : t.cofinancing_in_kind, true);
    }
    amount_cell(part == 0 ? ev.total.cofinancing_cash : ev.total.cofinancing_in_kind, true);
  }
  ImGui::EndTable();
  if (rows.empty()) text_disabled(tr(Str::cf_no_contributions, lang));
}

}  // namespace

void draw_cofinancing_panel(App& app) {
  const Language lang = app.language();
  const Evaluation& ev = app.analysis().evaluation;
  if (!ev.scheme_found) {
    text_item_colored(kColorError,
                      std::string(tr(Str::no_scheme, lang)) + ": " + app.plan().scheme_id);
    return;
  }
  ImGui::PushTextWrapPos(0.0f);
  text_disabled(tr(Str::cf_intro, lang));
  ImGui::PopTextWrapPos();
  ImGui::Spacing();

  const float avail = ImGui::GetContentRegionAvail().x;
  const bool side_by_side = avail > ImGui::GetFontSize() * 55.0f;
  if (ImGui::BeginTable("##cofinancing_top", side_by_side ? 2 : 1, ImGuiTableFlags_None)) {
    ImGui::TableNextColumn();
    draw_check(app);
    if (!side_by_side) ImGui::Spacing();
    ImGui::TableNextColumn();
    text_item(tr(Str::cf_per_year, lang));
    draw_year_chart(app);
    ImGui::EndTable();
  }
  ImGui::Spacing();
  text_item(tr(Str::cf_by_organisation, lang));
  draw_table(app);
}

}  // namespace sto::ui
