// Cofinanciering: what businesses contribute, in money and in kind (hours × rate), per
// organisation and year, against the scheme's minimum over the whole period. Totals come from the
// engine, the organisation × year split from core/exchange/views.h. A contribution is a budget line
// with funding "Cofinanciering geld/natura": entered here with a small form (one AddLine command,
// so one undo step), and an organisation's lines are listed with a way to each one in the
// Begroting.
#include <imgui.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/app.h"
#include "exchange/views.h"
#include "model/labels.h"
#include "text/strings.h"
#include "ui/charts.h"
#include "ui/editor_rows.h"
#include "ui/panels.h"
#include "ui/widgets.h"

namespace sto::ui {

namespace {

// The organisation × year split (core/exchange/views.h), rebuilt only when the plan changes.
struct SplitMemo : Memo<std::vector<CofinancingRow>> {};
const std::vector<CofinancingRow>& split_by_organisation(const App& app) {
  return app.view_state().get<SplitMemo>().get(app.document().revision(), app.language(), [&] {
    return cofinancing_by_organisation(app.plan(), app.analysis().evaluation);
  });
}

const char* base_words(CofinancingBase base, Language lang) {
  return tr(base == CofinancingBase::subsidy ? Str::base_subsidy : Str::base_total_costs, lang);
}

// [SECTION] Contribution form and selected organisation (UI state only)
// A single contribution above this is a typing error (a region's whole subsidy is a few million).
constexpr std::int64_t kMaxContributionCents = 100'000'000'00;  // € 100.000.000
// At most this many hours in one contribution line (as the budget's quantity field allows more).
constexpr std::int64_t kMaxHoursMilli = 10'000'000'000;  // 10 million hours

struct ContributionForm {
  bool open_requested = false;   // OpenPopup in the next frame
  bool close_requested = false;  // the line was added: close in the next frame
  int activity = -1;             // index into plan.activities, -1 = not chosen
  std::string organisation_id;   // "" = not chosen
  int year = 0;
  bool in_kind = false;          // Cofinanciering natura (hours × rate), else geld (an amount)
  int category = -1;             // -1 = the kind's default
  Money amount;                  // cash
  std::int64_t hours_milli = 0;  // in kind
  Money rate;                    // in kind, per hour
  std::string description;       // "waarvoor"; "" = "Bijdrage <organisation>"
  Str error = Str::count;        // the last refusal of "Toevoegen", Str::count = none
};

// Frames in which a list that just appeared is scrolled into view.
constexpr int kScrollFrames = 3;

struct CofinancingPanelState {
  ContributionForm form;
  std::string selected_organisation;  // the organisation whose lines are listed, "" = none
  int selected_year = 0;              // the year column clicked, 0 = none
  bool selected_in_kind = false;      // the in-kind row was clicked
  int scroll_to_selected = 0;         // frames left to bring the list into view
};

CofinancingPanelState& panel(const App& app) {
  return app.view_state().get<CofinancingPanelState>();
}

// A budget line's category for the kind, until the user picks one: cash pays for things,
// in-kind hours are people at work (as the sample plans enter them).
CostCategory default_category(bool in_kind) {
  return in_kind ? CostCategory::external_staff : CostCategory::materials;
}

// The categories a contribution may have: machines are budgeted as depreciation (the budget's
// investment window), not as a contribution amount.
std::vector<CostCategory> contribution_categories() {
  std::vector<CostCategory> list;
  for (int c = 0; c < kCategoryCount; ++c)
    if (static_cast<CostCategory>(c) != CostCategory::equipment)
      list.push_back(static_cast<CostCategory>(c));
  return list;
}

// The plan's organisations for the form: businesses (whose contributions count) first, then the
// others, each marked " — telt niet mee"; positions into plan.organisations.
std::vector<std::size_t> organisations_business_first(const Plan& plan) {
  std::vector<std::size_t> order;
  for (int pass = 0; pass < 2; ++pass)
    for (std::size_t o = 0; o < plan.organisations.size(); ++o)
      if (is_business_for_cofinancing(plan.organisations[o]) == (pass == 0)) order.push_back(o);
  return order;
}

// Opens the form, prefilled with an organisation, year and kind where given.
void open_form(const App& app, const std::string& organisation_id, int year, bool in_kind) {
  const Plan& plan = app.plan();
  const Evaluation& ev = app.analysis().evaluation;
  ContributionForm& f = panel(app).form;
  f = ContributionForm{};
  f.open_requested = true;
  f.organisation_id = organisation_id;
  f.in_kind = in_kind;
  f.activity = plan.activities.size() == 1 ? 0 : -1;  // no guess among several
  f.year = year != 0 ? year : ev.first_year;
  clear_field_errors();  // a refused entry of an earlier form is not this one's
}

// The line the form describes. `amount` is its cost (price × quantity); false with f.error set
// when something is missing or wrong, and the plan is then left alone.
bool line_of_form(const App& app, ContributionForm& f, bool unreadable, BudgetLine& line) {
  const Plan& plan = app.plan();
  const Language lang = app.language();
  const Organisation* org = nullptr;
  for (const Organisation& o : plan.organisations)
    if (o.id == f.organisation_id) org = &o;
  f.error = Str::count;
  if (f.activity < 0 || static_cast<std::size_t>(f.activity) >= plan.activities.size())
    f.error = Str::cf_need_activity;
  else if (org == nullptr)
    f.error = Str::cf_need_organisation;
  else if (unreadable)
    f.error = Str::cf_unreadable;
  else if (!f.in_kind && f.amount.cents <= 0)
    f.error = Str::cf_need_amount;
  else if (f.in_kind && (f.hours_milli <= 0 || f.rate.cents <= 0))
    f.error = Str::cf_need_hours;
  if (f.error != Str::count) return false;

  line.organisation_id = org->id;
  line.year = f.year;
  line.funding = f.in_kind ? FundingSource::cofinancing_in_kind : FundingSource::cofinancing_cash;
  line.category =
      f.category >= 0 ? static_cast<CostCategory>(f.category) : default_category(f.in_kind);
  if (f.in_kind) {
    line.price = f.rate;
    line.quantity_milli = f.hours_milli;
    line.unit = tr(Str::cf_unit_hour, lang);
  } else {
    line.price = f.amount;
    line.quantity_milli = 1000;
    line.unit = tr(Str::cf_unit_contribution, lang);
  }
  const std::optional<Money> cost = line_amount(line);
  if (!cost || cost->cents > kMaxContributionCents || f.hours_milli > kMaxHoursMilli) {
    f.error = Str::cf_too_large;
    return false;
  }
  line.description = f.description.empty()
                         ? std::string(tr(Str::cf_default_description, lang)) + " " + org->name
                         : f.description;
  std::vector<std::string> taken;
  for (const Activity& a : plan.activities)
    for (const BudgetLine& l : a.lines) taken.push_back(l.id);
  line.id = unused_id("cofin", taken);
  return true;
}

void draw_form(App& app) {
  CofinancingPanelState& state = panel(app);
  ContributionForm& f = state.form;
  const Language lang = app.language();
  const Plan& plan = app.plan();
  const Evaluation& ev = app.analysis().evaluation;
  const std::string title = std::string(tr(Str::cf_form_title, lang)) + "###cf_form";
  if (f.open_requested) {
    ImGui::OpenPopup(title.c_str());
    f.open_requested = false;
  }
  const float em = ImGui::GetFontSize();
  ImGui::SetNextWindowSize(ImVec2(em * 36.0f, 0.0f), ImGuiCond_Always);
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing,
                          ImVec2(0.5f, 0.5f));
  bool keep_open = true;
  if (!ImGui::BeginPopupModal(title.c_str(), &keep_open, ImGuiWindowFlags_NoSavedSettings)) return;
  if (f.close_requested || !keep_open) {
    f = ContributionForm{};
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  note_text(tr(Str::cf_form_note, lang));
  if (plan.activities.empty()) text_item_colored(kColorError, tr(Str::cf_no_activities, lang));
  if (plan.organisations.empty())
    text_item_colored(kColorError, tr(Str::cf_no_organisations, lang));

  bool unreadable = false;
  const Organisation* org = nullptr;
  if (ImGui::BeginTable("##cf_form_table", 2, ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn("##label", ImGuiTableColumnFlags_WidthFixed, em * 8.0f);
    ImGui::TableSetupColumn("##field", ImGuiTableColumnFlags_WidthStretch);
    int choice = 0;

    form_row(tr(Str::col_activity, lang));
    ImGui::SetNextItemWidth(-1);
    const auto activity_title = [&](int i) {
      const std::string& t = plan.activities[static_cast<std::size_t>(i)].title;
      return t.empty() ? tr(Str::ac_untitled, lang) : t.c_str();
    };
    if (edit_choice("##cf_activity", f.activity, static_cast<int>(plan.activities.size()),
                    activity_title, choice))
      f.activity = choice;

    form_row(tr(Str::ed_column_organisation, lang));
    ImGui::SetNextItemWidth(-1);
    const std::vector<std::size_t> order = organisations_business_first(plan);
    std::vector<std::string> names;
    int current = -1;
    for (std::size_t k = 0; k < order.size(); ++k) {
      const Organisation& o = plan.organisations[order[k]];
      names.push_back(o.name +
                      (is_business_for_cofinancing(o) ? "" : tr(Str::cf_not_counted, lang)));
      if (o.id == f.organisation_id) {
        current = static_cast<int>(k);
        org = &o;
      }
    }
    if (edit_choice(
            "##cf_organisation", current, static_cast<int>(names.size()),
            [&](int i) { return names[static_cast<std::size_t>(i)].c_str(); }, choice,
            ImGuiComboFlags_HeightLarge))
      f.organisation_id = plan.organisations[order[static_cast<std::size_t>(choice)]].id;

    form_row(tr(Str::col_year, lang));
    ImGui::SetNextItemWidth(em * 8.0f);
    std::vector<std::string> years;
    for (int y = 0; y < ev.year_count; ++y) years.push_back(std::to_string(ev.first_year + y));
    if (edit_choice(
            "##cf_year", f.year - ev.first_year, ev.year_count,
            [&](int i) { return years[static_cast<std::size_t>(i)].c_str(); }, choice))
      f.year = ev.first_year + choice;

    form_row(tr(Str::cf_kind, lang));
    ImGui::SetNextItemWidth(-1);
    const FundingSource kinds[2] = {FundingSource::cofinancing_cash,
                                    FundingSource::cofinancing_in_kind};
    std::string text[2];  // "Cofinanciering natura (uren × tarief)"
    const auto kind_label = [&](int i) {
      text[i] = funding_label(kinds[i], lang);
      if (i == 1) text[i] += std::string(" (") + tr(Str::cf_hours_times_rate, lang) + ")";
      return text[i].c_str();
    };
    if (edit_choice("##cf_kind", f.in_kind ? 1 : 0, 2, kind_label, choice)) f.in_kind = choice == 1;

    Money money;
    std::int64_t number = 0;
    if (!f.in_kind) {
      form_row(tr(Str::cf_amount, lang));
      ImGui::SetNextItemWidth(em * 10.0f);
      if (edit_money("##cf_amount", f.amount, money, lang)) f.amount = money;
      unreadable = !field_error(ImGui::GetID("##cf_amount")).empty();
    } else {
      form_row(tr(Str::cf_hours, lang));
      ImGui::SetNextItemWidth(em * 10.0f);
      if (edit_decimal("##cf_hours", f.hours_milli, 3, number, lang, 0, kMaxHoursMilli))
        f.hours_milli = number;
      unreadable = !field_error(ImGui::GetID("##cf_hours")).empty();
      form_row(tr(Str::cf_rate, lang));
      ImGui::SetNextItemWidth(em * 10.0f);
      if (edit_money("##cf_rate", f.rate, money, lang)) f.rate = money;
      unreadable = unreadable || !field_error(ImGui::GetID("##cf_rate")).empty();
      // What hours × rate comes to, as the line will add it.
      BudgetLine preview;
      preview.price = f.rate;
      preview.quantity_milli = f.hours_milli;
      if (const std::optional<Money> cost = line_amount(preview)) {
        form_row(tr(Str::cf_amount, lang));
        text_item(format_money(*cost, lang));
      }
    }

    form_row(tr(Str::col_category, lang));
    ImGui::SetNextItemWidth(-1);
    const std::vector<CostCategory> categories = contribution_categories();
    const CostCategory category =
        f.category >= 0 ? static_cast<CostCategory>(f.category) : default_category(f.in_kind);
    int category_index = 0;
    for (std::size_t c = 0; c < categories.size(); ++c)
      if (categories[c] == category) category_index = static_cast<int>(c);
    if (edit_choice(
            "##cf_category", category_index, static_cast<int>(categories.size()),
            [&](int i) { return category_label(categories[static_cast<std::size_t>(i)], lang); },
            choice))
      f.category = static_cast<int>(categories[static_cast<std::size_t>(choice)]);

    form_row(tr(Str::cf_what_for, lang));
    ImGui::SetNextItemWidth(-1);
    input_text("##cf_description", f.description, tr(Str::cf_what_for, lang), 0,
               tr(Str::cf_what_for_hint, lang));
    ImGui::EndTable();
  }
  draw_field_errors();

  // What the user should know before adding: it may not count, or fall outside the activity.
  ImGui::PushTextWrapPos(0.0f);
  if (org != nullptr && !is_business_for_cofinancing(*org))
    text_item_colored(kColorWarning, tr(Str::cf_not_business_note, lang));
  if (f.activity >= 0 && static_cast<std::size_t>(f.activity) < plan.activities.size()) {
    const std::vector<int>& years = plan.activities[static_cast<std::size_t>(f.activity)].years;
    if (!years.empty() && std::find(years.begin(), years.end(), f.year) == years.end())
      text_item_colored(kColorWarning, tr(Str::cf_year_not_in_activity, lang));
  }
  if (f.error != Str::count) text_item_colored(kColorError, tr(f.error, lang));
  ImGui::PopTextWrapPos();

  ImGui::Spacing();
  if (ImGui::Button(tr(Str::cf_add, lang))) {
    BudgetLine line;
    if (line_of_form(app, f, unreadable, line)) {
      const std::size_t activity = static_cast<std::size_t>(f.activity);
      const std::size_t index = plan.activities[activity].lines.size();
      const std::string org_id = line.organisation_id;
      const bool in_kind = f.in_kind;
      app.post(AddLine{{activity, index}, std::move(line)}, [&app, org_id, in_kind] {
        // Done: close the form and list the organisation's lines, the new one among them.
        CofinancingPanelState& s = panel(app);
        s.form.close_requested = true;
        s.selected_organisation = org_id;
        s.selected_in_kind = in_kind;
        s.scroll_to_selected = kScrollFrames;
      });
    }
  }
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::cancel, lang))) {
    f = ContributionForm{};
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

// Shows the line in the Begroting: the budget filtered to its activity, the line highlighted.
void go_to_line(App& app, std::size_t activity, std::size_t line) {
  app.open_budget_for_activity(activity);
  app.ui_state().highlight_path =
      "activities[" + std::to_string(activity) + "].lines[" + std::to_string(line) + "]";
  app.ui_state().scroll_to_highlight = true;
}

// The selected organisation's contribution lines, each with a way to it in the Begroting, and a
// button that opens the form for this organisation.
void draw_selected(App& app) {
  CofinancingPanelState& state = panel(app);
  if (state.selected_organisation.empty()) return;
  const Plan& plan = app.plan();
  const Language lang = app.language();
  const Evaluation& ev = app.analysis().evaluation;
  const Organisation* org = nullptr;
  for (const Organisation& o : plan.organisations)
    if (o.id == state.selected_organisation) org = &o;
  if (org == nullptr) {  // removed, or undone
    state.selected_organisation.clear();
    return;
  }
  ImGui::Spacing();
  heading((std::string(tr(Str::cf_contributions_of, lang)) + " " + org->name).c_str());
  struct Found {
    std::size_t activity, line;
  };
  std::vector<Found> found;
  for (std::size_t a = 0; a < plan.activities.size(); ++a)
    for (std::size_t l = 0; l < plan.activities[a].lines.size(); ++l) {
      const BudgetLine& line = plan.activities[a].lines[l];
      if (line.organisation_id == org->id && (line.funding == FundingSource::cofinancing_cash ||
                                              line.funding == FundingSource::cofinancing_in_kind))
        found.push_back({a, l});
    }
  if (found.empty()) {
    text_disabled(tr(Str::cf_no_lines_of, lang));
  } else if (ImGui::BeginTable("##cf_lines", 6,
                               ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                   ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn(tr(Str::col_activity, lang), 0, 1.4f);
    ImGui::TableSetupColumn(tr(Str::col_description, lang), 0, 2.0f);
    ImGui::TableSetupColumn(tr(Str::col_year, lang), ImGuiTableColumnFlags_WidthFixed,
                            ImGui::CalcTextSize("20255").x);
    ImGui::TableSetupColumn(tr(Str::cf_kind, lang), 0, 1.2f);
    ImGui::TableSetupColumn(tr(Str::col_amount, lang), 0, 1.0f);
    ImGui::TableSetupColumn("##go", ImGuiTableColumnFlags_WidthFixed,
                            ImGui::CalcTextSize(tr(Str::cf_go_to_line, lang)).x +
                                ImGui::GetStyle().FramePadding.x * 2.0f);
    table_headers_row();
    for (std::size_t i = 0; i < found.size(); ++i) {
      const Activity& activity = plan.activities[found[i].activity];
      const BudgetLine& line = activity.lines[found[i].line];
      ImGui::TableNextRow();
      access::describe_table_row(static_cast<int>(i), static_cast<int>(found.size()));
      ImGui::TableNextColumn();
      ImGui::AlignTextToFramePadding();
      text_item_fitted(activity.title);
      ImGui::TableNextColumn();
      ImGui::AlignTextToFramePadding();
      text_item_fitted(line.description);
      ImGui::TableNextColumn();
      ImGui::AlignTextToFramePadding();
      text_item(std::to_string(line.year));
      ImGui::TableNextColumn();
      ImGui::AlignTextToFramePadding();
      text_item_fitted(funding_label(line.funding, lang));
      ImGui::TableNextColumn();
      ImGui::AlignTextToFramePadding();
      if (found[i].activity < ev.line_offset.size())
        text_item_right(format_money(ev.cost_of(found[i].activity, found[i].line), lang));
      ImGui::TableNextColumn();
      ImGui::PushID(line.id.c_str());
      if (ImGui::SmallButton(tr(Str::cf_go_to_line, lang)))
        go_to_line(app, found[i].activity, found[i].line);
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Str::cf_go_to_line_hint, lang));
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  const std::string add =
      std::string(tr(Str::cf_add_for, lang)) + " " + org->name + "…##cf_add_for";
  if (ImGui::Button(add.c_str()))
    open_form(app, org->id, state.selected_year, state.selected_in_kind);
  ImGui::SameLine();
  if (ImGui::Button((std::string(tr(Str::close, lang)) + "##cf_selected_close").c_str()))
    state.selected_organisation.clear();
  // The list is below the table, often below the window's edge: scroll just enough to show it.
  // The page learns its new height a frame later, and clamps the scroll to the old one: try for a
  // few frames.
  if (state.scroll_to_selected > 0) {
    if (!ImGui::IsItemVisible()) scroll_page_here(1.0f);
    --state.scroll_to_selected;
  }
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
      std::string name = known ? plan.organisations[row.organisation].name
                               : std::string(tr(Str::ed_unknown_organisation, lang));
      // Only businesses' cofinancing counts toward the minimum: say so on every other row.
      if (!known || !is_business_for_cofinancing(plan.organisations[row.organisation]))
        name += tr(Str::cf_not_counted, lang);
      // The whole row is the click target: it lists the organisation's contribution lines below
      // the table (the year column clicked prefills the form opened from there).
      const bool selected =
          known && panel(app).selected_organisation == plan.organisations[row.organisation].id;
      bool clicked = false;
      const std::string id = "##cf_row" + std::to_string(index) + "_" + std::to_string(part);
      if (part == 0) {
        clicked =
            ImGui::Selectable((name + id).c_str(), selected, ImGuiSelectableFlags_SpanAllColumns);
        if (known && ImGui::IsItemHovered())  // the name may be cut off in a narrow window
          ImGui::SetTooltip(
              "%s — %s\n%s", name.c_str(),
              organisation_kind_label(plan.organisations[row.organisation].kind, lang),
              tr(Str::cf_row_hint, lang));
      } else {
        // Named for screen readers by what it shows, or by the organisation when it shows nothing.
        const std::string hours = row.in_kind_hours_milli > 0
                                      ? format_trimmed(row.in_kind_hours_milli, 3, lang) + " " +
                                            tr(Str::cf_hours_in_kind, lang)  // exact: 12,5 uur
                                      : std::string();
        if (hours.empty()) access::label_next_item(name + " — " + tr(Str::cf_in_kind_of, lang));
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        clicked =
            ImGui::Selectable((hours + id).c_str(), selected, ImGuiSelectableFlags_SpanAllColumns);
        ImGui::PopStyleColor();
        if (known && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Str::cf_row_hint, lang));
      }
      if (clicked && known) {
        CofinancingPanelState& state = panel(app);
        int column = -1;
        for (int c = 0; c < ImGui::TableGetColumnCount(); ++c)
          if (ImGui::TableGetColumnFlags(c) & ImGuiTableColumnFlags_IsHovered) column = c;
        state.selected_organisation = plan.organisations[row.organisation].id;
        state.selected_year = column >= 2 && column < 2 + years ? ev.first_year + column - 2 : 0;
        state.selected_in_kind = part == 1;
        state.scroll_to_selected = kScrollFrames;
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
  text_item(tr(Str::cf_entry_note, lang));
  ImGui::PopTextWrapPos();
  if (ImGui::Button(tr(Str::cf_add_contribution, lang))) open_form(app, "", 0, false);
  draw_form(app);
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
  draw_selected(app);
}

}  // namespace sto::ui
