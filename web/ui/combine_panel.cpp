// Plannen combineren: several regional plan files side by side — one row per file (region, costs,
// subsidy, maximum, cofinancing, findings, or why it did not load) with the totals, and a button
// that opens a file as a plan. Figures from core/exchange/combine.h; the files stay in memory
// (App).
#include <imgui.h>

#include <algorithm>
#include <string>
#include <vector>

#include "app/app.h"
#include "exchange/combine.h"
#include "text/strings.h"
#include "ui/panels.h"
#include "ui/widgets.h"

namespace sto::ui {

namespace {

// combine_plans() once per change of the file list, not every frame.
struct CombinedMemo : Memo<CombineResult> {};
const CombineResult& combined(const App& app) {
  return app.view_state().get<CombinedMemo>().get(app.combine_revision(), app.language(), [&] {
    std::vector<CombineInput> inputs;
    for (const PageFile& f : app.combine_files()) inputs.push_back({f.name, f.text});
    return combine_plans(inputs, app.document().schemes());
  });
}

void money_cell(Money amount, Language lang) {
  ImGui::TableNextColumn();
  text_item_right(format_money(amount, lang));
}

void count_cell(int count, const ImVec4& color_when_nonzero) {
  ImGui::TableNextColumn();
  if (count != 0) ImGui::PushStyleColor(ImGuiCol_Text, color_when_nonzero);
  text_item_right(std::to_string(count));
  if (count != 0) ImGui::PopStyleColor();
}

}  // namespace

void draw_combine_panel(App& app) {
  const Language lang = app.language();
  // Scrolls sideways when the table needs more room than the window has (presentation mode).
  ImGui::BeginChild("##combine_scroll", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);
  ImGui::PushTextWrapPos(0.0f);
  text_disabled(tr(Str::cb_intro, lang));
  ImGui::PopTextWrapPos();
  ImGui::Spacing();
  if (ImGui::Button((std::string(tr(Str::cb_choose, lang)) + "##cb_choose").c_str()))
    app.request_file_picker(FilePurpose::combine);
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  text_disabled(tr(Str::cb_drop_hint, lang));
  if (!app.combine_files().empty()) {
    ImGui::SameLine();
    if (ImGui::Button((std::string(tr(Str::cb_clear, lang)) + "##cb_clear").c_str()))
      app.clear_combine_files();
  }
  ImGui::Spacing();

  const CombineResult& r = combined(app);
  if (r.rows.empty()) {
    text_item(tr(Str::cb_none, lang));
    ImGui::EndChild();
    return;
  }
  text_item(std::to_string(r.totals.loaded) + " " + tr(Str::cb_loaded, lang) + ", " +
            std::to_string(r.totals.failed) + " " + tr(Str::cb_failed, lang));

  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                                ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingFixedFit;
  // Row actions may change the file list: act after the table so the rows stay valid.
  int open_row = -1, remove_row = -1;
  // File and region share the one column that stretches; the figures get the width their widest
  // value needs. With a fixed width for every column the region column was squeezed to a few
  // pixels at 1280 pixels and a failed file's message was drawn one letter per line.
  const float pad = ImGui::GetStyle().CellPadding.x * 2.0f;
  const auto fit = [&](const std::string& text, float at_least = 0.0f) {
    return std::max(at_least, ImGui::CalcTextSize(text.c_str()).x + pad);
  };
  float money = fit(tr(Str::cb_col_costs, lang));
  for (const Money m : {r.totals.costs, r.totals.subsidy, r.totals.maximum})
    money = fit(format_money(m, lang), money);
  for (const CombineRow& row : r.rows)
    for (const Money m : {row.costs, row.subsidy, row.maximum})
      money = fit(format_money(m, lang), money);
  const float button = ImGui::GetStyle().FramePadding.x * 2.0f + pad;
  const float percent = fit(tr(Str::cb_col_cofinancing, lang), fit("100,00%"));
  const float open_width = fit(tr(Str::cb_open, lang), 0.0f) + button;
  const float remove_width = fit(tr(Str::cb_remove, lang), 0.0f) + button;
  // The fixed columns plus room for a region's name; narrower than that, the table scrolls.
  const float least_width = 3.0f * money + percent + fit(tr(Str::cb_col_errors, lang)) +
                            fit(tr(Str::cb_col_warnings, lang)) + open_width + remove_width +
                            ImGui::GetFontSize() * 14.0f;
  const float table_width = std::max(ImGui::GetContentRegionAvail().x, least_width);
  if (ImGui::BeginTable("##cb_table", 9, flags, ImVec2(table_width, 0.0f))) {
    ImGui::TableSetupColumn(
        (std::string(tr(Str::cb_col_file, lang)) + " / " + tr(Str::cb_col_region, lang)).c_str(),
        ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(tr(Str::cb_col_costs, lang), ImGuiTableColumnFlags_WidthFixed, money);
    ImGui::TableSetupColumn(tr(Str::cb_col_subsidy, lang), ImGuiTableColumnFlags_WidthFixed, money);
    ImGui::TableSetupColumn(tr(Str::cb_col_maximum, lang), ImGuiTableColumnFlags_WidthFixed, money);
    ImGui::TableSetupColumn(tr(Str::cb_col_cofinancing, lang), ImGuiTableColumnFlags_WidthFixed,
                            percent);
    ImGui::TableSetupColumn(tr(Str::cb_col_errors, lang), ImGuiTableColumnFlags_WidthFixed,
                            fit(tr(Str::cb_col_errors, lang)));
    ImGui::TableSetupColumn(tr(Str::cb_col_warnings, lang), ImGuiTableColumnFlags_WidthFixed,
                            fit(tr(Str::cb_col_warnings, lang)));
    ImGui::TableSetupColumn("##open", ImGuiTableColumnFlags_WidthFixed, open_width);
    ImGui::TableSetupColumn("##remove", ImGuiTableColumnFlags_WidthFixed, remove_width);
    ImGui::TableHeadersRow();
    for (std::size_t i = 0; i < r.rows.size(); ++i) {
      const CombineRow& row = r.rows[i];
      ImGui::PushID(static_cast<int>(i));
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::PushTextWrapPos(0.0f);  // long names and messages wrap inside the column
      text_item(row.file_name);
      if (!row.loaded) {
        text_item_colored(kColorError,
                          std::string(tr(Str::cb_failed, lang)) + ": " + row.load_error.in(lang));
        ImGui::PopTextWrapPos();
        for (int c = 0; c < 6; ++c) ImGui::TableNextColumn();
      } else {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        text_item(row.region.empty() ? row.title : row.region);
        ImGui::PopStyleColor();
        if (row.repaired)
          ImGui::TextColored(kColorWarning, "%s: %s", tr(Str::cb_repaired, lang),
                             row.load_error.in(lang).c_str());
        ImGui::PopTextWrapPos();
        money_cell(row.costs, lang);
        money_cell(row.subsidy, lang);
        ImGui::TableNextColumn();
        const bool above = row.maximum_known && row.subsidy > row.maximum;
        if (row.maximum_known) {
          if (above) ImGui::PushStyleColor(ImGuiCol_Text, kColorError);
          text_item_right(format_money(row.maximum, lang));
          if (above) ImGui::PopStyleColor();
        } else {
          text_item_right("—");
        }
        ImGui::TableNextColumn();
        ImGui::PushStyleColor(ImGuiCol_Text, row.cofinancing_met ? kColorOk : kColorError);
        text_item_right(format_percent_bp(row.cofinancing_percent_bp, lang));
        ImGui::PopStyleColor();
        if (ImGui::IsItemHovered())
          ImGui::SetTooltip("%s", format_money(row.cofinancing, lang).c_str());
        count_cell(row.errors, kColorError);
        count_cell(row.warnings, kColorWarning);
      }
      ImGui::TableNextColumn();
      if (ImGui::SmallButton((std::string(tr(Str::cb_open, lang)) + "##cb_open").c_str()))
        open_row = static_cast<int>(i);
      ImGui::TableNextColumn();
      if (ImGui::SmallButton((std::string(tr(Str::cb_remove, lang)) + "##cb_remove").c_str()))
        remove_row = static_cast<int>(i);
      ImGui::PopID();
    }
    // Totals over the files that loaded.
    ImGui::TableNextRow();
    ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, ImGui::GetColorU32(ImGuiCol_TableHeaderBg));
    ImGui::TableNextColumn();
    text_item(tr(Str::cb_totals, lang));
    ImGui::SameLine();
    text_item("(" + std::to_string(r.totals.loaded) + " " + tr(Str::cb_loaded, lang) + ")");
    money_cell(r.totals.costs, lang);
    money_cell(r.totals.subsidy, lang);
    money_cell(r.totals.maximum, lang);
    ImGui::TableNextColumn();
    count_cell(r.totals.errors, kColorError);
    count_cell(r.totals.warnings, kColorWarning);
    ImGui::EndTable();
  }
  if (r.totals.overflow) text_item_colored(kColorError, tr(Str::cb_overflow, lang));
  ImGui::PushTextWrapPos(0.0f);
  text_disabled(tr(Str::cb_percent_note, lang));
  ImGui::PopTextWrapPos();
  ImGui::EndChild();

  if (open_row >= 0) {
    const PageFile file = app.combine_files()[static_cast<std::size_t>(open_row)];
    app.open_file(file.name, file.text);
    if (!app.pending_open()) app.select_section(Section::overview);
  } else if (remove_row >= 0) {
    app.remove_combine_file(static_cast<std::size_t>(remove_row));
  }
}

}  // namespace sto::ui
