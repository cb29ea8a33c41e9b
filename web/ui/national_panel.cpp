// Landelijk overzicht: every region of a region table under one scheme and one national budget —
// each region's maximum and allocation, the totals, the oversubscription rule in words and a
// sorted distribution chart. Region tables: the shipped fictional one or a CSV (picked or pasted);
// every figure comes from core/exchange/national.h.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/app.h"
#include "exchange/national.h"
#include "frame/item_registry.h"
#include "model/labels.h"
#include "platform/browser.h"
#include "text/strings.h"
#include "ui/charts.h"
#include "ui/panels.h"
#include "ui/widgets.h"

namespace sto::ui {

namespace {

// [SECTION] State
struct ImportReport {
  bool shown = false;
  std::string source;  // file name, or "" for pasted text
  std::size_t imported = 0;
  bool fatal = false;
  std::vector<RegionIssue> issues;
};

struct NationalPanelState {
  bool imported = false;  // false: the built-in table
  std::vector<RegionRow> rows;
  std::string source;  // the imported file's name ("" for pasted text)
  std::uint64_t table_revision = 1;
  int scheme = -1;  // index in builtin_schemes(); -1 until first drawn
  int budget = 0;   // index in national_budget_presets(); then the custom amount (== size()),
                    // then the scheme's own ceilings (== size() + 1, when it names them)
  Money custom = Money{36864008000};
  std::string pasted;
  ImportReport report;
  // The allocation, recomputed only when one of its inputs changes.
  std::uint64_t cached_table = 0;
  int cached_scheme = -2, cached_budget = -2;
  Money cached_custom;
  NationalResult result;
};

NationalPanelState& state(const App& app) {
  return app.view_state().get<NationalPanelState>();
}

const std::vector<RegionRow>& table(const NationalPanelState& st) {
  return st.imported ? st.rows : builtin_region_table().rows;
}

int custom_choice() {
  return static_cast<int>(national_budget_presets().size());
}
int ceilings_choice() {
  return custom_choice() + 1;
}

const Scheme& selected_scheme(const NationalPanelState& st) {
  return builtin_schemes().schemes[static_cast<std::size_t>(st.scheme)];
}

// The first preset that belongs with scheme `id`, or -1.
int preset_for(const std::string& id) {
  const auto& presets = national_budget_presets();
  for (std::size_t i = 0; i < presets.size(); ++i)
    if (presets[i].scheme_id == id) return static_cast<int>(i);
  return -1;
}

void import_csv(NationalPanelState& st, const std::string& source, std::string_view csv) {
  RegionTableResult r = import_regions_csv(csv);
  st.report = {true, source, r.rows.size(), r.fatal || r.rows.empty(), std::move(r.issues)};
  if (st.report.fatal) return;  // keep the table shown so far
  st.rows = std::move(r.rows);
  st.imported = true;
  st.source = source;
  ++st.table_revision;
}

const NationalResult& result(NationalPanelState& st) {
  if (st.cached_table != st.table_revision || st.cached_scheme != st.scheme ||
      st.cached_budget != st.budget || st.cached_custom != st.custom) {
    const auto& presets = national_budget_presets();
    const std::optional<NationalBudget> ceilings = budget_from_ceilings(selected_scheme(st));
    const NationalBudget budget =
        st.budget >= 0 && st.budget < custom_choice() ? presets[static_cast<std::size_t>(st.budget)]
        : st.budget == ceilings_choice() && ceilings  ? *ceilings
                                                      : single_budget(st.custom);
    st.result = allocate_national(table(st), selected_scheme(st), budget);
    st.cached_table = st.table_revision;
    st.cached_scheme = st.scheme;
    st.cached_budget = st.budget;
    st.cached_custom = st.custom;
  }
  return st.result;
}

// [SECTION] Controls
void draw_controls(App& app, NationalPanelState& st) {
  const Language lang = app.language();
  const SchemeTable& schemes = builtin_schemes();
  const auto& presets = national_budget_presets();
  const float em = ImGui::GetFontSize();

  // Label | field rows; each choice as wide as its longest option, so its name is never cut
  // (measured before the table, whose columns take the width of what is in them).
  const float label_width =
      std::max(ImGui::CalcTextSize(tr(Str::na_scheme, lang)).x,
               std::max(ImGui::CalcTextSize(tr(Str::na_budget, lang)).x,
                        ImGui::CalcTextSize(tr(Str::na_custom_amount, lang)).x));
  const float field_room =
      ImGui::GetContentRegionAvail().x - label_width - ImGui::GetStyle().CellPadding.x * 4.0f;
  const auto scheme_name = [&](int i) {
    return schemes.schemes[static_cast<std::size_t>(i)].name.in(lang).c_str();
  };
  const int scheme_count = static_cast<int>(schemes.schemes.size());
  const float scheme_width = choice_width(scheme_count, scheme_name, field_room);
  const std::string custom_label = tr(Str::na_custom, lang);
  const std::optional<NationalBudget> ceilings = budget_from_ceilings(selected_scheme(st));
  const auto budget_name = [&](int i) {
    if (i < custom_choice()) return presets[static_cast<std::size_t>(i)].name.in(lang).c_str();
    return i == custom_choice() ? custom_label.c_str() : ceilings->name.in(lang).c_str();
  };
  const int budget_count = ceilings_choice() + (ceilings ? 1 : 0);
  const float budget_width = choice_width(budget_count, budget_name, field_room);
  if (ImGui::BeginTable("##na_controls", 2, ImGuiTableFlags_SizingFixedFit)) {
    form_row(tr(Str::na_scheme, lang));
    ImGui::SetNextItemWidth(scheme_width);
    int scheme = st.scheme;
    if (edit_choice("##na_scheme", st.scheme, scheme_count, scheme_name, scheme)) {
      st.scheme = scheme;
      const std::string& id = selected_scheme(st).id;
      const int preset = preset_for(id);
      const bool preset_of_other_scheme =
          st.budget < custom_choice() &&
          presets[static_cast<std::size_t>(st.budget)].scheme_id != id;
      // The ceilings follow the scheme; a scheme without them falls back like another's preset.
      const bool no_ceilings =
          st.budget == ceilings_choice() && !budget_from_ceilings(selected_scheme(st));
      if (preset_of_other_scheme || no_ceilings) st.budget = preset >= 0 ? preset : custom_choice();
    }
    form_row(tr(Str::na_budget, lang));
    ImGui::SetNextItemWidth(budget_width);
    int budget = st.budget;
    if (edit_choice("##na_budget", st.budget, budget_count, budget_name, budget))
      st.budget = budget;
    if (st.budget == custom_choice()) {
      form_row(tr(Str::na_custom_amount, lang));
      ImGui::SetNextItemWidth(em * 10.0f);
      Money amount;
      if (edit_money("##na_custom_amount", st.custom, amount, lang) && amount.cents >= 0)
        st.custom = amount;
    }
    ImGui::EndTable();
  }
  if (ImGui::Button((std::string(tr(Str::na_export, lang)) + "##na_export").c_str())) {
    const std::string csv = export_national_csv(table(st), result(st), lang);
    platform::download_file(tr(Str::na_export_file, lang), "text/csv;charset=utf-8", csv);
  }

  // Which table is shown.
  ImGui::AlignTextToFramePadding();
  const std::string source = st.imported
                                 ? std::string(tr(Str::na_imported, lang)) + ": " +
                                       (st.source.empty() ? tr(Str::na_pasted, lang) : st.source)
                                 : tr(Str::na_builtin, lang);
  text_item(std::string(tr(Str::na_table, lang)) + ": " + source + " (" +
            std::to_string(table(st).size()) + " " + tr(Str::na_regions, lang) + ")");
  if (st.imported) {
    ImGui::SameLine();
    if (ImGui::SmallButton((std::string(tr(Str::na_use_builtin, lang)) + "##na_builtin").c_str())) {
      st.imported = false;
      st.rows.clear();
      ++st.table_revision;
    }
  }
}

// [SECTION] Totals and the rule
void draw_totals(App& app, const NationalPanelState& st, const NationalResult& r) {
  const Language lang = app.language();
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float card =
      std::min(ImGui::GetFontSize() * 15.0f, (ImGui::GetContentRegionAvail().x - 3 * gap) / 4.0f);
  const bool over = std::any_of(r.pools.begin(), r.pools.end(),
                                [](const PoolResult& p) { return p.oversubscribed; });
  key_figure("##na_regions", tr(Str::na_table, lang), std::to_string(table(st).size()),
             tr(Str::na_regions, lang), kColorNeutral, card);
  ImGui::SameLine();
  key_figure("##na_maximum", tr(Str::na_total_maximum, lang), format_money(r.total_maximum, lang),
             "", kColorNeutral, card);
  ImGui::SameLine();
  key_figure("##na_budget_total", tr(Str::na_total_budget, lang),
             format_money(r.total_budget, lang), "", over ? kColorWarning : kColorOk, card);
  ImGui::SameLine();
  key_figure("##na_allocated", tr(Str::na_total_allocated, lang),
             format_money(r.total_allocated, lang), "", kColorNeutral, card);
  if (r.overflow) text_item_colored(kColorError, tr(Str::na_overflow, lang));

  // Per budget part: does it fit, and if not, by how much every maximum is scaled.
  ImGui::Spacing();
  text_item(tr(Str::na_rule, lang));
  ImGui::Indent();
  ImGui::PushTextWrapPos(0.0f);  // a pool named after yearly ceilings is a long line
  for (std::size_t i = 0; i < r.pools.size(); ++i) {
    const PoolResult& p = r.pools[i];
    // The name on a line of its own, then its figures (draw_text never breaks inside a figure).
    text_item(p.name.in(lang));
    std::string line = std::to_string(p.regions) + " " + tr(Str::na_regions, lang) + ": " +
                       format_money(p.total_maximum, lang) + " / " + format_money(p.budget, lang) +
                       " — ";
    if (p.oversubscribed) {
      line += std::string(tr(Str::na_oversubscribed, lang)) + " " +
              format_percent_bp(p.scale_bp, lang) + " " + tr(Str::na_of_maximum, lang);
    } else {
      line += tr(Str::na_fits, lang);
    }
    text_item_colored(p.oversubscribed ? kColorWarning : kColorOk, line);
  }
  const auto without_pool = std::count_if(r.regions.begin(), r.regions.end(),
                                          [](const RegionAllocation& a) { return a.pool < 0; });
  if (without_pool > 0)
    text_item_colored(kColorWarning,
                      std::to_string(without_pool) + " " + tr(Str::na_regions_without_pool, lang));
  text_disabled(r.rule.in(lang));
  ImGui::PopTextWrapPos();
  ImGui::Unindent();
}

// [SECTION] Region table and chart
void draw_table(App& app, const NationalPanelState& st, const NationalResult& r, float height) {
  const Language lang = app.language();
  const std::vector<RegionRow>& rows = table(st);
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                                ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_ScrollX | ImGuiTableFlags_SizingFixedFit;
  const float em = ImGui::GetFontSize();
  // Widths in em, so the large type of presentation mode gets wider columns; the region's name
  // stretches, but never below 12 em: a narrower window scrolls the table sideways.
  static constexpr float kFixedEm[] = {2.0f, 6.5f, 4.5f, 4.0f, 8.0f, 8.0f, 7.0f, 4.5f};
  float least_width = 12.0f * em;
  for (const float width : kFixedEm)
    least_width += width * em + ImGui::GetStyle().CellPadding.x * 2.0f;
  if (!ImGui::BeginTable("##na_table", 9, flags, ImVec2(0, height),
                         std::max(ImGui::GetContentRegionAvail().x, least_width)))
    return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(tr(Str::na_col_rank, lang), ImGuiTableColumnFlags_WidthFixed,
                          em * kFixedEm[0]);
  ImGui::TableSetupColumn(tr(Str::na_col_region, lang), ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn(tr(Str::na_col_type, lang), ImGuiTableColumnFlags_WidthFixed,
                          em * kFixedEm[1]);
  ImGui::TableSetupColumn(tr(Str::na_col_bbkb, lang), ImGuiTableColumnFlags_WidthFixed,
                          em * kFixedEm[2]);
  ImGui::TableSetupColumn(tr(Str::na_col_gl, lang), ImGuiTableColumnFlags_WidthFixed,
                          em * kFixedEm[3]);
  ImGui::TableSetupColumn(tr(Str::na_col_maximum, lang), ImGuiTableColumnFlags_WidthFixed,
                          em * kFixedEm[4]);
  ImGui::TableSetupColumn(tr(Str::na_col_allocated, lang), ImGuiTableColumnFlags_WidthFixed,
                          em * kFixedEm[5]);
  ImGui::TableSetupColumn(tr(Str::na_col_cut, lang), ImGuiTableColumnFlags_WidthFixed,
                          em * kFixedEm[6]);
  ImGui::TableSetupColumn(tr(Str::na_col_share, lang), ImGuiTableColumnFlags_WidthFixed,
                          em * kFixedEm[7]);
  ImGui::TableHeadersRow();
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(r.ranking.size()));
  while (clipper.Step()) {
    for (int k = clipper.DisplayStart; k < clipper.DisplayEnd; ++k) {
      const RegionAllocation& a = r.regions[r.ranking[static_cast<std::size_t>(k)]];
      const RegionRow& row = rows[a.row];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextDisabled("%d", k + 1);
      ImGui::TableNextColumn();
      text_item_fitted(row.name);
      ImGui::TableNextColumn();
      plain_text(region_type_label(row.type, lang));
      ImGui::TableNextColumn();
      text_item_right(format_fixed(row.students_bbkb, 0, lang));
      ImGui::TableNextColumn();
      text_item_right(format_fixed(row.students_gl, 0, lang));
      ImGui::TableNextColumn();
      if (a.known) {
        text_item_right(format_money(a.maximum, lang));
      } else {
        ImGui::TextColored(kColorWarning, "%s", tr(Str::na_unknown, lang));
      }
      if (ImGui::IsItemHovered() && !a.rule.empty())
        ImGui::SetTooltip("%s", a.rule.in(lang).c_str());
      ImGui::TableNextColumn();
      if (a.pool < 0) {
        ImGui::TextColored(kColorWarning, "%s", tr(Str::na_no_pool, lang));
      } else {
        text_item_right(format_money(a.allocated, lang));
      }
      ImGui::TableNextColumn();
      if (a.cut.cents != 0) {
        ImGui::PushStyleColor(ImGuiCol_Text, kColorWarning);
        text_item_right(format_money(a.cut, lang));
        ImGui::PopStyleColor();
      }
      ImGui::TableNextColumn();
      text_item_right(format_percent_bp(a.share_bp, lang));
    }
  }
  // Totals under the rows.
  ImGui::TableNextRow();
  ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, ImGui::GetColorU32(ImGuiCol_TableHeaderBg));
  ImGui::TableNextColumn();
  ImGui::TableNextColumn();
  text_item(tr(Str::na_total_row, lang));
  ImGui::TableNextColumn();
  ImGui::TableNextColumn();
  ImGui::TableNextColumn();
  ImGui::TableNextColumn();
  text_item_right(format_money(r.total_maximum, lang));
  ImGui::TableNextColumn();
  text_item_right(format_money(r.total_allocated, lang));
  ImGui::TableNextColumn();
  if (r.total_cut.cents != 0) text_item_right(format_money(r.total_cut, lang));
  ImGui::EndTable();
}

void draw_chart(App& app, const NationalPanelState& st, const NationalResult& r, float height) {
  const Language lang = app.language();
  const std::vector<RegionRow>& rows = table(st);
  text_item(tr(Str::na_distribution, lang));
  std::vector<std::string> names;
  charts::Series allocated{tr(Str::na_col_allocated, lang), charts::palette(0), {}};
  charts::Series cut{
      tr(Str::na_col_cut, lang), ImGui::GetColorU32(ImVec4(0.85f, 0.6f, 0.2f, 0.6f)), {}};
  for (std::size_t i : r.ranking) {
    names.push_back(rows[r.regions[i].row].name);
    allocated.values.push_back(r.regions[i].allocated.cents);
    cut.values.push_back(r.regions[i].cut.cents);
  }
  charts::Options options;
  options.format.unit = charts::Unit::money;
  options.format.language = lang;
  ImGui::BeginChild("##na_chart", ImVec2(0, height - ImGui::GetTextLineHeightWithSpacing()), true);
  charts::horizontal_bars("##na_distribution", names, {allocated, cut}, options);
  ImGui::EndChild();
}

// [SECTION] Import
void draw_import(App& app, NationalPanelState& st) {
  const Language lang = app.language();
  if (!ImGui::CollapsingHeader((std::string(tr(Str::na_import, lang)) + "##na_import").c_str(),
                               ImGuiTreeNodeFlags_DefaultOpen))
    return;
  ImGui::PushTextWrapPos(0.0f);
  text_disabled(tr(Str::na_import_help, lang));
  ImGui::PopTextWrapPos();
  if (ImGui::Button((std::string(tr(Str::na_choose_csv, lang)) + "##na_choose").c_str()))
    app.request_file_picker(FilePurpose::region_csv);
  ImGui::InputTextMultiline("##na_paste", &st.pasted,
                            ImVec2(-1, ImGui::GetTextLineHeight() * 6.0f));
  record_last_item("##na_paste");  // a multiline field is not reported to the test hooks
  access::describe_field(st.pasted, "", access::InputMode::text, true);
  ImGui::BeginDisabled(st.pasted.empty());
  if (ImGui::Button((std::string(tr(Str::na_import_pasted, lang)) + "##na_import_pasted").c_str()))
    import_csv(st, "", st.pasted);
  ImGui::EndDisabled();

  const ImportReport& rep = st.report;
  if (!rep.shown) return;
  const std::string source = rep.source.empty() ? tr(Str::na_pasted, lang) : rep.source;
  if (rep.fatal) {
    text_item_colored(kColorError, tr(Str::na_import_failed, lang));
  } else {
    text_item_colored(kColorOk, std::to_string(rep.imported) + " " + tr(Str::na_import_done, lang));
  }
  ImGui::SameLine();
  ImGui::TextDisabled("(%s)", source.c_str());
  if (!rep.issues.empty()) {
    ImGui::SameLine();
    text_item_colored(kColorWarning, std::to_string(rep.issues.size()) + " " +
                                         tr(Str::na_import_skipped, lang) + ":");
  }
  ImGui::PushTextWrapPos(0.0f);
  for (const RegionIssue& issue : rep.issues) {
    ImGui::Bullet();
    // The message names the line itself ("Regel 3: …").
    text_item(issue.message.in(lang));
  }
  ImGui::PopTextWrapPos();
}

}  // namespace

void draw_national_panel(App& app) {
  const Language lang = app.language();
  NationalPanelState& st = state(app);
  const SchemeTable& schemes = builtin_schemes();
  if (schemes.schemes.empty()) {
    text_item_colored(kColorError, builtin_schemes_error().in(lang));
    return;
  }
  if (st.scheme < 0 || st.scheme >= static_cast<int>(schemes.schemes.size())) {
    // The current scheme by default: the 2025–2028 one and its published budget.
    st.scheme = 0;
    for (std::size_t i = 0; i < schemes.schemes.size(); ++i)
      if (schemes.schemes[i].id == "sto-2025-2028") st.scheme = static_cast<int>(i);
    const int preset = preset_for(schemes.schemes[static_cast<std::size_t>(st.scheme)].id);
    st.budget = preset >= 0 ? preset : custom_choice();
  }
  if (std::optional<PageFile> file = app.take_region_csv()) import_csv(st, file->name, file->text);

  ImGui::BeginChild("##national_scroll", ImVec2(0, 0), false);
  ImGui::PushTextWrapPos(0.0f);
  text_disabled(tr(Str::na_intro, lang));
  ImGui::PopTextWrapPos();
  ImGui::Spacing();
  draw_controls(app, st);
  const NationalResult& r = result(st);
  ImGui::Spacing();
  draw_totals(app, st, r);
  ImGui::Spacing();

  const float height = ImGui::GetFontSize() * 28.0f;
  const float avail = ImGui::GetContentRegionAvail().x;
  const bool side_by_side = avail > ImGui::GetFontSize() * 70.0f;
  if (ImGui::BeginTable("##na_layout", side_by_side ? 2 : 1, ImGuiTableFlags_None)) {
    if (side_by_side) {
      ImGui::TableSetupColumn("##table", ImGuiTableColumnFlags_WidthStretch);
      ImGui::TableSetupColumn("##chart", ImGuiTableColumnFlags_WidthFixed,
                              std::min(ImGui::GetFontSize() * 30.0f, avail * 0.4f));
    }
    ImGui::TableNextColumn();
    draw_table(app, st, r, height);
    ImGui::TableNextColumn();
    draw_chart(app, st, r, height);
    ImGui::EndTable();
  }
  ImGui::Spacing();
  draw_import(app, st);
  ImGui::EndChild();
}

}  // namespace sto::ui
