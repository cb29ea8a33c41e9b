// Begroting: every budget line of the plan in one grid — price × quantity per year with unit,
// category, organisation and funding — edited in place, sorted, filtered, with subtotals per
// activity and a total. Smooth with 10,000 lines: only visible rows are drawn (ImGuiListClipper)
// and the row order is rebuilt only when the plan, the sort or the filter changes.
#include <imgui.h>
#include <imgui_internal.h>  // the grid's column weights as ImGui keeps them

#include <algorithm>
#include <cstring>
#include <iterator>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "app/app.h"
#include "exchange/views.h"
#include "model/labels.h"
#include "model/schema.h"
#include "model/text.h"
#include "rules/finding_place.h"
#include "text/strings.h"
#include "ui/editor_rows.h"
#include "ui/panels.h"
#include "ui/widgets.h"

namespace sto::ui {

namespace {

enum Column {
  col_activity,
  col_description,
  col_year,
  col_category,
  col_organisation,
  col_funding,
  col_unit,
  col_price,
  col_quantity,
  col_amount,
  col_actions,
  column_count
};

using Row = BudgetRow;  // a line or an activity's subtotal, from core/exchange/views.h

struct Filter {
  char text[128] = {};
  int year = 0;       // 0 = all
  int activity = -1;  // -1 = all
  int category = -1;  // -1 = all
  int funding = -1;   // -1 = all
  bool operator==(const Filter& o) const {
    return std::strcmp(text, o.text) == 0 && year == o.year && activity == o.activity &&
           category == o.category && funding == o.funding;
  }
};

// What the grid shows, rebuilt only when its inputs change.
struct GridCache {
  std::uint64_t revision = 0;
  Language language = Language::nl;  // the sort by category or funding follows its labels
  Filter filter;
  int sort_column = -1;  // -1 = plan order with subtotals
  bool sort_descending = false;
  std::vector<Row> rows;
  Money shown_total;
  std::size_t shown_lines = 0;
  std::size_t all_lines = 0;
  std::vector<std::pair<std::size_t, std::size_t>> lines_with_errors;  // sorted
};

struct GridState {
  Filter filter;
  GridCache cache;
  bool valid = false;
  std::string investment_line_id;  // the line whose investment window is open, "" when none
  int drawn_frame = -1;            // ImGui frame the panel was last drawn in
  // The plan revision at which the purchase date typed was refused: the message shows until the
  // plan changes (a valid entry, undo, redo) or the window closes; 0 = none.
  std::uint64_t investment_bad_date = 0;
  // How the open investment window asks for the economic life: in years (the default, as
  // teachers think) or in months (the default only for a life that is no whole number of years).
  enum class LifeUnit { unset, years, months } life_unit = LifeUnit::unset;
  // The columns' stretch weights, fitted to the plan's content when the grid is first laid out
  // (in pixels, so the weights are the widths the columns start at). ImGui applies them only to
  // columns without a width remembered from an earlier drag, and to a column whose border is
  // double-clicked: they stay the same after that.
  float column_weights[column_count] = {};
  bool weights_fitted = false;
  // Refused entries shown under the grid in the last frame: the footer keeps their lines (one
  // frame late when one appears, so that no line is kept free while there is none).
  std::size_t error_lines = 0;
  // The line whose field was last active or focused: its texts are shown whole under the grid.
  std::string current_line_id;
  LineRef current_line;  // where it was then (checked against the id: edits move lines)
  // The hidden activity column's stretch weight, lent to the description column (0: none).
  float lent_weight = 0.0f;
};

GridState& grid(const App& app) {
  return app.view_state().get<GridState>();
}

const std::string& organisation_name(const Plan& plan, const std::string& id, Language language) {
  for (const Organisation& o : plan.organisations)
    if (o.id == id) return o.name;
  static const std::string unknown[2] = {tr(Str::unknown, Language::nl),
                                         tr(Str::unknown, Language::en)};
  return unknown[language == Language::nl ? 0 : 1];
}

void rebuild(const App& app, GridCache& cache, const Filter& filter, int sort_column,
             bool descending) {
  const Plan& plan = app.plan();
  const Language lang = app.language();
  cache.revision = app.document().revision();
  cache.language = lang;
  cache.filter = filter;
  cache.sort_column = sort_column;
  cache.sort_descending = descending;

  // Which lines are shown and what they add up to come from core; here only their order.
  BudgetFilter shown;
  shown.text = filter.text;
  shown.year = filter.year;
  shown.activity = filter.activity;
  shown.category = filter.category;
  shown.funding = filter.funding;
  const bool grouped = sort_column < 0 || sort_column == col_activity;
  BudgetView view = budget_view(plan, app.analysis().evaluation, shown, grouped && descending);
  cache.all_lines = view.all_lines;
  cache.shown_lines = view.shown_lines;
  cache.shown_total = view.total;

  if (grouped) {
    // Plan order, grouped by activity with a subtotal after each group. An activity without any
    // line still gets its subtotal row: that row's button adds its first line.
    cache.rows = std::move(view.grouped);
  } else {
    const auto& line_at = [&](const Row& r) -> const BudgetLine& {
      return plan.activities[r.activity].lines[r.line];
    };
    const auto less = [&](const Row& x, const Row& y) {
      const BudgetLine& a = line_at(x);
      const BudgetLine& b = line_at(y);
      switch (sort_column) {
        case col_description: return a.description < b.description;
        case col_year: return x.year < y.year;
        case col_category:
          return std::strcmp(category_label(a.category, lang), category_label(b.category, lang)) <
                 0;
        case col_organisation:
          return organisation_name(plan, a.organisation_id, lang) <
                 organisation_name(plan, b.organisation_id, lang);
        case col_funding: return static_cast<int>(a.funding) < static_cast<int>(b.funding);
        case col_unit: return a.unit < b.unit;
        case col_price: return a.price < b.price;
        case col_quantity: return a.quantity_milli < b.quantity_milli;
        case col_amount: return x.amount < y.amount;
        default: return false;
      }
    };
    std::stable_sort(view.lines.begin(), view.lines.end(), [&](const Row& x, const Row& y) {
      return descending ? less(y, x) : less(x, y);
    });
    cache.rows = std::move(view.lines);
  }

  cache.lines_with_errors.clear();
  for (const Finding& finding : app.analysis().findings) {
    if (finding.severity != Severity::error) continue;
    if (const std::optional<LinePlace> place = line_place(finding.path))
      cache.lines_with_errors.emplace_back(place->activity, place->line);
  }
  std::sort(cache.lines_with_errors.begin(), cache.lines_with_errors.end());
}

// Places the next item of a row of filters beside the last one when `width` still fits there,
// else at the start of the next line: at a tablet's width or in presentation mode's larger type
// the filters take two rows instead of cutting their labels to a few letters.
void flow_next(float width) {
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  const float after = ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x;
  if (after + width <= right) ImGui::SameLine();
}

// A filter's choice: all (-1) or one of `count` options named `label(i)`; as wide as its widest
// option (at most 12 em: a long activity title ends in "…" there, and is whole in the list).
template <class Label>
void filter_choice(const char* id, Str name, Str all, int count, Label label, int& value,
                   Language lang) {
  const auto option = [&](int i) { return i == 0 ? tr(all, lang) : label(i - 1); };
  const float width = choice_width(count + 1, option, 12.0f * ImGui::GetFontSize());
  flow_next(width);
  ImGui::SetNextItemWidth(width);
  if (!begin_combo(id, option(value >= 0 && value < count ? value + 1 : 0), 0, tr(name, lang)))
    return;
  for (int i = -1; i < count; ++i) {
    ImGui::PushID(i);
    if (ImGui::Selectable(option(i + 1), value == i)) value = i;
    ImGui::PopID();
  }
  ImGui::EndCombo();
}

void draw_filters(App& app, Filter& filter) {
  const Language lang = app.language();
  const Plan& plan = app.plan();
  const Evaluation& ev = app.analysis().evaluation;
  const float search_width = 9.0f * ImGui::GetFontSize();
  flow_next(search_width);
  ImGui::SetNextItemWidth(search_width);
  input_text("##budget_filter", filter.text, sizeof filter.text, tr(Str::filter, lang), 0,
             tr(Str::filter, lang));
  std::vector<std::string> years;
  for (int i = 0; i < ev.year_count; ++i) years.push_back(std::to_string(ev.first_year + i));
  int year = filter.year == 0 ? -1 : filter.year - ev.first_year;
  if (year >= ev.year_count) year = -1;  // the plan's years changed: all of them again
  filter_choice(
      "##budget_year", Str::col_year, Str::all_years, ev.year_count,
      [&](int i) { return years[static_cast<std::size_t>(i)].c_str(); }, year, lang);
  filter.year = year < 0 ? 0 : ev.first_year + year;
  filter_choice(
      "##budget_activity", Str::col_activity, Str::all_activities,
      static_cast<int>(plan.activities.size()),
      [&](int i) { return plan.activities[static_cast<std::size_t>(i)].title.c_str(); },
      filter.activity, lang);
  filter_choice(
      "##budget_category", Str::col_category, Str::all_categories, kCategoryCount,
      [&](int i) { return category_label(static_cast<CostCategory>(i), lang); }, filter.category,
      lang);
  filter_choice(
      "##budget_funding", Str::col_funding, Str::all_funding, kFundingCount,
      [&](int i) { return funding_label(static_cast<FundingSource>(i), lang); }, filter.funding,
      lang);
}

// A new line for activity `activity` (its lead, its first year), with an id no line has yet.
BudgetLine new_line(const App& app, std::size_t activity) {
  const Plan& plan = app.plan();
  const Evaluation& ev = app.analysis().evaluation;
  BudgetLine line;
  // A fresh id that no line has yet.
  std::size_t n = 1;
  for (const Activity& a : plan.activities) n += a.lines.size();
  for (;; ++n) {
    const std::string id = "l" + std::to_string(n);
    bool used = false;
    for (const Activity& a : plan.activities)
      for (const BudgetLine& l : a.lines) used = used || l.id == id;
    if (!used) {
      line.id = id;
      break;
    }
  }
  const Scheme* scheme = app.document().scheme();
  const int first_year = scheme != nullptr ? scheme->first_year() : ev.first_year;
  if (activity < plan.activities.size()) {
    const Activity& target = plan.activities[activity];
    line.organisation_id = target.lead_organisation_id;
    line.year = !target.years.empty() ? target.years.front() : first_year;
  } else {
    line.year = first_year;
  }
  if (line.organisation_id.empty())
    for (const Organisation& o : plan.organisations)
      if (o.penvoerder && line.organisation_id.empty()) line.organisation_id = o.id;
  line.description = tr(Str::new_line_description, app.language());
  line.unit = app.language() == Language::nl ? "stuk" : "piece";
  line.quantity_milli = 1000;
  return line;
}

// Makes sure the line at `path` is shown (filters that would hide it are lifted) and highlighted.
void show_new_line(App& app, const std::string& path, int activity) {
  Filter& filter = grid(app).filter;
  const int keep_activity = filter.activity == activity ? activity : -1;
  filter = Filter{};
  filter.activity = keep_activity;
  app.ui_state().highlight_path = path;
  app.ui_state().scroll_to_highlight = true;
}

// Adds a line to activity `activity` (one undoable command) and shows it.
void add_line_to(App& app, std::size_t activity) {
  const std::size_t index = app.plan().activities[activity].lines.size();
  app.post(AddLine{{activity, index}, new_line(app, activity)}, [&app, activity, index] {
    show_new_line(
        app, "activities[" + std::to_string(activity) + "].lines[" + std::to_string(index) + "]",
        static_cast<int>(activity));
  });
}

// The empty budget: a line needs an activity, so the first line comes with a new activity, in one
// undoable command (the activity is added with its line).
void add_first_activity_with_line(App& app) {
  Activity activity = new_activity(app);
  activity.lines.push_back(new_line(app, app.plan().activities.size()));
  if (activity.lines.back().year == 0 && !activity.years.empty())
    activity.lines.back().year = activity.years.front();
  const std::size_t index = app.plan().activities.size();
  app.post(AddActivity{index, activity}, [&app, index] {
    show_new_line(app, "activities[" + std::to_string(index) + "].lines[0]", -1);
  });
}

// "+ Nieuwe regel" above the grid: straight into the activity the grid is filtered to, otherwise
// a menu of the activities.
void draw_add_line_button(App& app) {
  const Plan& plan = app.plan();
  const Language lang = app.language();
  const int filtered = grid(app).filter.activity;
  if (ImGui::Button(tr(Str::add_line_new, lang))) {
    if (filtered >= 0 && static_cast<std::size_t>(filtered) < plan.activities.size())
      add_line_to(app, static_cast<std::size_t>(filtered));
    else
      ImGui::OpenPopup("##add_line_menu");
  }
  if (ImGui::BeginPopup("##add_line_menu")) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    text_item(tr(Str::add_line_in, lang));
    ImGui::PopStyleColor();
    for (std::size_t a = 0; a < plan.activities.size(); ++a) {
      ImGui::PushID(static_cast<int>(a));
      const std::string& title = plan.activities[a].title;
      if (ImGui::Selectable(title.empty() ? tr(Str::ac_untitled, lang) : title.c_str())) {
        add_line_to(app, a);
        ImGui::PopID();
        break;
      }
      ImGui::PopID();
    }
    ImGui::EndPopup();
  }
}

void open_investment(const App& app, const std::string& line_id) {
  GridState& state = grid(app);
  state.investment_line_id = line_id;
  state.investment_bad_date = 0;
  state.life_unit = GridState::LifeUnit::unset;
}

// A number of months in the unit chosen: whole months, or years with two decimals (2,5 jaar is 30
// months; a number entered in years is stored as the nearest whole month). `id` names the fields.
bool edit_months(const std::string& id, int& months, GridState::LifeUnit& unit, Language lang) {
  using Unit = GridState::LifeUnit;
  if (unit == Unit::unset) unit = months % 12 == 0 ? Unit::years : Unit::months;
  const float em = ImGui::GetFontSize();
  ImGui::SetNextItemWidth(em * 6.0f);
  std::int64_t number = 0;
  bool changed = false;
  if (unit == Unit::years) {
    const std::int64_t years_centi = (months * 100 + 6) / 12;
    if (edit_decimal(("##" + id + "_years").c_str(), years_centi, 2, number, lang, 1,
                     kMaxEconomicLifeMonths * 100 / 12)) {
      months = static_cast<int>(std::max<std::int64_t>(1, (number * 12 + 50) / 100));
      changed = true;
    }
  } else if (edit_int(("##" + id).c_str(), months, number, lang, 1, kMaxEconomicLifeMonths)) {
    months = static_cast<int>(number);
    changed = true;
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(em * 6.0f);
  int choice = 0;
  const char* units[] = {tr(Str::inv_years_unit, lang), tr(Str::inv_months_unit, lang)};
  if (edit_choice(("##" + id + "_unit").c_str(), unit == Unit::years ? 0 : 1, 2,
                  [&](int i) { return units[i]; }, choice))
    unit = choice == 0 ? Unit::years : Unit::months;
  return changed;
}

// A field's label in the investment form: its schema label, with the unit a percentage has.
template <class Field>
std::string investment_label(const Field& f, Language lang) {
  std::string label = capitalised(lang == Language::nl ? f.nl : f.en);
  if (f.kind == schema::Kind::basis_points) label += " (%)";
  return label;
}

// The investment's depreciation in every year of the period, from the engine, and the total.
void draw_depreciation_schedule(const App& app, LineRef at, const BudgetLine& line) {
  const Language lang = app.language();
  const Evaluation& ev = app.analysis().evaluation;
  const Scheme* scheme = app.document().scheme();
  const Money* schedule = ev.schedule_of(at.activity, at.line);
  if (schedule == nullptr || scheme == nullptr || !line.investment) return;
  text_item(tr(Str::inv_schedule, lang));
  if (!ImGui::BeginTable("##depreciation_schedule", 3,
                         ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchSame))
    return;
  ImGui::TableSetupColumn(tr(Str::col_year, lang));
  ImGui::TableSetupColumn(tr(Str::inv_months_unit, lang));
  ImGui::TableSetupColumn(tr(Str::col_amount, lang));
  table_headers_row();
  int months_total = 0;
  for (int y = 0; y < ev.year_count; ++y) {
    const int year = ev.first_year + y;
    const int months = depreciation_months(*line.investment, year, *scheme);
    months_total += months;
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    text_item(std::to_string(year));
    ImGui::TableSetColumnIndex(1);
    text_item_right(std::to_string(months));
    ImGui::TableSetColumnIndex(2);
    text_item_right(format_money(schedule[y], lang));
  }
  ImGui::TableNextRow();
  ImGui::TableSetColumnIndex(0);
  text_item(tr(Str::inv_schedule_total, lang));
  ImGui::TableSetColumnIndex(1);
  text_item_right(std::to_string(months_total));
  ImGui::TableSetColumnIndex(2);
  text_item_right(format_money(ev.cost_of(at.activity, at.line), lang));
  ImGui::EndTable();
}

// Where the line with this id is now (undo and removals move lines); false when it is gone.
bool find_line(const Plan& plan, const std::string& id, LineRef& at) {
  for (std::size_t a = 0; a < plan.activities.size(); ++a)
    for (std::size_t l = 0; l < plan.activities[a].lines.size(); ++l)
      if (plan.activities[a].lines[l].id == id) {
        at = {a, l};
        return true;
      }
  return false;
}

// The investment of a machine or inventory line: purchase price and date, economic life and the
// project's share of its use. Every field is one SetField<&BudgetLine::investment> command; the
// first one makes the line an investment. The depreciation shown comes from the engine.
void draw_investment_window(App& app) {
  GridState& state = grid(app);
  if (state.investment_line_id.empty()) return;
  const Plan& plan = app.plan();
  LineRef at;
  if (!find_line(plan, state.investment_line_id, at)) {
    state.investment_line_id.clear();
    return;
  }
  const Language lang = app.language();
  const BudgetLine& line = plan.activities[at.activity].lines[at.line];
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  const float em = ImGui::GetFontSize();
  ImGui::SetNextWindowSize(ImVec2(em * 34.0f, 0), ImGuiCond_Always);
  bool open = true;
  const std::string title =
      std::string(tr(Str::inv_title, lang)) + ": " + line.description + "###investment_window";
  if (!ImGui::Begin(title.c_str(), &open,
                    ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                        ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::End();
    if (!open) state.investment_line_id.clear();
    return;
  }
  ImGui::PushID(state.investment_line_id.c_str());
  Investment inv = line.investment.value_or(Investment{});
  bool changed = false;
  if (ImGui::BeginTable("##investment_form", 2, ImGuiTableFlags_SizingStretchProp)) {
    float label_width = 0;
    schema::for_each_field<Investment>([&](const auto& f) {
      label_width = std::max(label_width, ImGui::CalcTextSize(investment_label(f, lang).c_str()).x);
    });
    ImGui::TableSetupColumn("##label", ImGuiTableColumnFlags_WidthFixed, label_width + em);
    ImGui::TableSetupColumn("##field", ImGuiTableColumnFlags_WidthStretch);
    // A row per field of the Investment table (core/model/schema.h), edited by what it holds.
    schema::for_each_field<Investment>([&](const auto& f) {
      form_row(investment_label(f, lang).c_str());
      const std::string id = std::string("##") + f.id;
      auto& value = f.of(inv);
      using Value = std::decay_t<decltype(value)>;
      if constexpr (std::is_same_v<Value, Money>) {
        ImGui::SetNextItemWidth(em * 9.0f);
        Money price;
        if (edit_money(id.c_str(), value, price, lang)) {
          value = price;
          changed = true;
        }
      } else if constexpr (std::is_same_v<Value, Date>) {
        ImGui::SetNextItemWidth(em * 9.0f);
        std::string text;
        if (edit_text(id.c_str(), format_date(value, lang), text)) {
          Date date;
          state.investment_bad_date = parse_date(text, date) ? 0 : app.document().revision();
          if (state.investment_bad_date == 0) {
            value = date;
            changed = true;
          }
        }
        if (state.investment_bad_date == app.document().revision()) {
          ImGui::SameLine();
          text_item_colored(kColorError, tr(Str::ed_invalid_date, lang));
        }
      } else if (f.kind == schema::Kind::months) {
        if (edit_months(f.id, value, state.life_unit, lang)) changed = true;
      } else {  // a share in basis points, entered as a percentage with two decimals
        ImGui::SetNextItemWidth(em * 9.0f);
        std::int64_t number = 0;
        if (edit_decimal(id.c_str(), value, 2, number, lang, 1, f.max)) {
          value = static_cast<int>(number);
          changed = true;
        }
      }
    });
    ImGui::EndTable();
  }
  draw_depreciation_schedule(app, at, line);
  note_text(tr(Str::inv_schedule_note, lang));
  note_text(tr(Str::inv_note, lang));
  for (const Finding* f : findings_under(app, "activities[" + std::to_string(at.activity) +
                                                  "].lines[" + std::to_string(at.line) + "]")) {
    ImGui::PushTextWrapPos(0.0f);
    text_item_colored(f->severity == Severity::error ? kColorError : kColorWarning,
                      f->message.in(lang));
    ImGui::PopTextWrapPos();
  }
  ImGui::Spacing();
  if (ImGui::Button(tr(Str::close, lang))) open = false;
  if (line.investment) {
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::inv_remove, lang))) {
      app.post(SetField<&BudgetLine::investment>{at, std::nullopt});
      open = false;
    }
  }
  ImGui::PopID();
  ImGui::End();
  if (changed) app.post(SetField<&BudgetLine::investment>{at, inv});
  if (!open) state.investment_line_id.clear();
}

// A year of an investment's depreciation other than its line's own: derived from the investment,
// so read-only; its tooltip says where to change it.
void draw_depreciation_row(const App& app, const Row& row) {
  const Plan& plan = app.plan();
  const Language lang = app.language();
  const Activity& activity = plan.activities[row.activity];
  const BudgetLine& line = activity.lines[row.line];
  ImGui::PushID(static_cast<int>(row.activity));
  ImGui::PushID(static_cast<int>(row.line));
  ImGui::PushID(row.year);
  ImGui::TableSetColumnIndex(col_activity);
  ImGui::AlignTextToFramePadding();
  text_disabled(activity.title);
  ImGui::TableSetColumnIndex(col_description);
  text_disabled("→ " + line.description);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("%s %d.", tr(Str::depreciation_row_tip, lang), line.year);
  ImGui::TableSetColumnIndex(col_year);
  text_disabled(std::to_string(row.year));
  ImGui::TableSetColumnIndex(col_category);
  text_disabled(category_label(line.category, lang));
  ImGui::TableSetColumnIndex(col_organisation);
  text_disabled(organisation_name(plan, line.organisation_id, lang));
  ImGui::TableSetColumnIndex(col_funding);
  text_disabled(funding_label(line.funding, lang));
  ImGui::TableSetColumnIndex(col_quantity);
  text_disabled(tr(Str::depreciation_row, lang));
  ImGui::TableSetColumnIndex(col_amount);
  text_item_right(format_money(row.amount, lang));
  ImGui::PopID();
  ImGui::PopID();
  ImGui::PopID();
}

void draw_line_row(App& app, const Row& row, bool has_error, bool highlighted) {
  const Plan& plan = app.plan();
  const Language lang = app.language();
  const Activity& activity = plan.activities[row.activity];
  const BudgetLine& line = activity.lines[row.line];
  const LineRef at{row.activity, row.line};
  bool current = false;  // a field of this line is being edited or has the keyboard focus
  const auto note_current = [&current] {
    current = current || ImGui::IsItemActive() || ImGui::IsItemFocused();
  };
  ImGui::PushID(static_cast<int>(row.activity));
  ImGui::PushID(static_cast<int>(row.line));
  if (highlighted)
    ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, ImGui::GetColorU32(kColorHighlight));
  else if (has_error)
    ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, IM_COL32(250, 222, 222, 255));

  if (ImGui::TableSetColumnIndex(col_activity)) {  // false when scrolled out of view
    ImGui::AlignTextToFramePadding();              // on the baseline of the fields beside it
    text_item_fitted(activity.title);
  }

  ImGui::TableSetColumnIndex(col_description);
  ImGui::SetNextItemWidth(-1);
  std::string text;
  if (edit_text("##description", line.description, text))
    app.post(SetField<&BudgetLine::description>{at, text});
  note_current();
  whole_text_tooltip(line.description);

  ImGui::TableSetColumnIndex(col_year);
  ImGui::SetNextItemWidth(-1);
  std::int64_t number = 0;
  int year = 0;
  if (edit_year("##year", line.year, year, lang)) app.post(SetField<&BudgetLine::year>{at, year});
  note_current();

  ImGui::TableSetColumnIndex(col_category);
  ImGui::SetNextItemWidth(-1);
  int choice = 0;
  if (edit_choice(
          "##category", static_cast<int>(line.category), kCategoryCount,
          [&](int i) { return category_label(static_cast<CostCategory>(i), lang); }, choice,
          ImGuiComboFlags_NoArrowButton)) {
    const auto category = static_cast<CostCategory>(choice);
    // Machines and inventory are budgeted as depreciation: ask for the investment at once.
    app.post(SetField<&BudgetLine::category>{at, category}, [&app, category, id = line.id] {
      if (category == CostCategory::equipment) open_investment(app, id);
    });
  }
  note_current();

  ImGui::TableSetColumnIndex(col_organisation);
  ImGui::SetNextItemWidth(-1);
  int current_org = -1;
  for (std::size_t o = 0; o < plan.organisations.size(); ++o)
    if (plan.organisations[o].id == line.organisation_id) current_org = static_cast<int>(o);
  if (edit_choice(
          "##organisation", current_org, static_cast<int>(plan.organisations.size()),
          [&](int i) { return plan.organisations[static_cast<std::size_t>(i)].name.c_str(); },
          choice, ImGuiComboFlags_NoArrowButton))
    app.post(SetField<&BudgetLine::organisation_id>{
        at, plan.organisations[static_cast<std::size_t>(choice)].id});
  note_current();

  ImGui::TableSetColumnIndex(col_funding);
  ImGui::SetNextItemWidth(-1);
  if (edit_choice(
          "##funding", static_cast<int>(line.funding), kFundingCount,
          [&](int i) { return funding_label(static_cast<FundingSource>(i), lang); }, choice,
          ImGuiComboFlags_NoArrowButton))
    app.post(SetField<&BudgetLine::funding>{at, static_cast<FundingSource>(choice)});
  note_current();

  ImGui::TableSetColumnIndex(col_unit);
  ImGui::SetNextItemWidth(-1);
  if (edit_text("##unit", line.unit, text)) app.post(SetField<&BudgetLine::unit>{at, text});
  note_current();
  whole_text_tooltip(line.unit);

  if (line.investment || line.category == CostCategory::equipment) {
    // Price and quantity make no sense for a machine: its purchase goes in the investment window.
    ImGui::TableSetColumnIndex(col_price);
    if (ImGui::SmallButton(tr(Str::inv_button, lang))) open_investment(app, line.id);
    note_current();
    if (line.investment) {
      ImGui::TableSetColumnIndex(col_quantity);
      text_disabled(tr(Str::investment_note, lang));
    }
  } else {
    ImGui::TableSetColumnIndex(col_price);
    ImGui::SetNextItemWidth(-1);
    Money price;
    if (edit_money("##price", line.price, price, lang))
      app.post(SetField<&BudgetLine::price>{at, price});
    note_current();
    ImGui::TableSetColumnIndex(col_quantity);
    ImGui::SetNextItemWidth(-1);
    if (edit_decimal("##quantity", line.quantity_milli, 3, number, lang, 0, 1'000'000'000'000))
      app.post(SetField<&BudgetLine::quantity_milli>{at, number});
    note_current();
  }

  ImGui::TableSetColumnIndex(col_amount);
  text_item_right(format_money(row.amount, lang));

  ImGui::TableSetColumnIndex(col_actions);
  // Named by description and year: a line repeated over the years differs only in its year.
  if (symbol_button("×",
                    tr(Str::remove_line, lang) + std::string(": ") +
                        (line.description.empty() ? "—" : line.description) + " (" +
                        std::to_string(line.year) + ")",
                    tr(Str::undo_hint, lang)))
    app.post(RemoveLine{at});
  ImGui::PopID();
  ImGui::PopID();
  if (current) {
    GridState& state = grid(app);
    state.current_line_id = line.id;
    state.current_line = at;
  }
}

// The width each column's widest content needs (its header, the widest value the plan puts in
// it, a field's frame), cut down from the widest column first where the room is narrower (never
// below `least`); the description takes the rest. In pixels: the columns' starting weights.
void fit_column_weights(const App& app, float room, const float (&least)[column_count],
                        float (&weights)[column_count]) {
  const Plan& plan = app.plan();
  const Language lang = app.language();
  const ImGuiStyle& style = ImGui::GetStyle();
  const float cell = 2.0f * style.CellPadding.x;
  const float field = cell + 2.0f * style.FramePadding.x;
  float want[column_count] = {};
  const auto widen = [&](int column, const char* text, float frame) {
    want[column] = std::max(want[column], ImGui::CalcTextSize(text).x + frame);
  };
  const char* const headers[column_count] = {tr(Str::col_activity, lang),
                                             tr(Str::col_description, lang),
                                             tr(Str::col_year, lang),
                                             tr(Str::col_category, lang),
                                             tr(Str::col_organisation, lang),
                                             tr(Str::col_funding, lang),
                                             tr(Str::col_unit, lang),
                                             tr(Str::col_price, lang),
                                             tr(Str::col_quantity, lang),
                                             tr(Str::col_amount, lang),
                                             ""};
  for (int c = 0; c < column_count; ++c) widen(c, headers[c], cell + ImGui::GetFontSize());
  bool used_category[kCategoryCount] = {}, used_funding[kFundingCount] = {};
  std::vector<const std::string*> organisations;
  const std::string* longest_unit = nullptr;
  const std::string* longest_description = nullptr;
  std::int64_t widest_price = 0, widest_quantity = 0;
  bool investments = false;
  for (const Activity& activity : plan.activities) {
    widen(col_activity, activity.title.c_str(), cell);
    for (const BudgetLine& line : activity.lines) {
      used_category[static_cast<int>(line.category)] = true;
      used_funding[static_cast<int>(line.funding)] = true;
      const std::string& name = organisation_name(plan, line.organisation_id, lang);
      if (std::find(organisations.begin(), organisations.end(), &name) == organisations.end())
        organisations.push_back(&name);
      if (longest_unit == nullptr || line.unit.size() > longest_unit->size())
        longest_unit = &line.unit;
      if (longest_description == nullptr || line.description.size() > longest_description->size())
        longest_description = &line.description;
      widest_price = std::max({widest_price, line.price.cents, -line.price.cents});
      widest_quantity = std::max({widest_quantity, line.quantity_milli, -line.quantity_milli});
      investments = investments || line.investment || line.category == CostCategory::equipment;
    }
  }
  for (int c = 0; c < kCategoryCount; ++c)
    if (used_category[c])
      widen(col_category, category_label(static_cast<CostCategory>(c), lang), field);
  for (int f = 0; f < kFundingCount; ++f)
    if (used_funding[f])
      widen(col_funding, funding_label(static_cast<FundingSource>(f), lang), field);
  for (const std::string* name : organisations) widen(col_organisation, name->c_str(), field);
  if (longest_unit != nullptr) widen(col_unit, longest_unit->c_str(), field);
  widen(col_price, format_fixed(widest_price, 2, lang).c_str(), field);
  widen(col_quantity, format_trimmed(widest_quantity, 3, lang).c_str(), field);
  if (investments) {
    widen(col_price, tr(Str::inv_button, lang), field);
    widen(col_quantity, tr(Str::investment_note, lang), cell);
  }

  // A description may be long: it asks for at most 20 em, and gets what is left over.
  if (longest_description != nullptr) widen(col_description, longest_description->c_str(), field);
  want[col_description] = std::min(want[col_description], 20.0f * ImGui::GetFontSize());

  float wanted = 0.0f, widest = 0.0f;
  for (int c = 0; c < column_count; ++c) {
    if (least[c] <= 0.0f) continue;
    want[c] = std::max(want[c], least[c]);
    wanted += want[c];
    widest = std::max(widest, want[c]);
  }
  // Too wide: every column above a common cap is cut to it, the cap found by halving.
  float cap = widest;
  if (wanted > room) {
    float low = 0.0f, high = widest;
    for (int step = 0; step < 30; ++step) {
      cap = (low + high) / 2.0f;
      float total = 0.0f;
      for (int c = 0; c < column_count; ++c)
        if (least[c] > 0.0f) total += std::max(least[c], std::min(want[c], cap));
      (total > room ? high : low) = cap;
    }
    cap = low;
  }
  float used = 0.0f;
  for (int c = 0; c < column_count; ++c) {
    if (least[c] <= 0.0f) continue;
    weights[c] = std::max(least[c], std::min(want[c], cap));
    used += weights[c];
  }
  weights[col_description] += std::max(0.0f, room - used);
}

// The grid's fixed columns and the width it needs: each stretching column at least its least
// room (an amount as wide as the widest one drawn), in its weight's share.
struct GridWidths {
  float year = 0.0f;
  float actions = 0.0f;
  float room = 0.0f;   // the window's, less the vertical scrollbar's
  float least = 0.0f;  // the grid's: wider than the room scrolls it sideways
};

// A filter on one activity names it above the grid: its column would repeat it in every row.
bool shows_activity_column(const GridState& state) {
  return state.filter.activity < 0;
}

GridWidths grid_widths(const App& app, GridState& state) {
  const Language lang = app.language();
  GridWidths out;
  out.year = ImGui::CalcTextSize("20255").x + 2 * ImGui::GetStyle().FramePadding.x;
  out.actions = ImGui::GetFrameHeight();
  // The least room each stretching column needs; an amount needs the width of the widest amount
  // at the smallest scale text_item_fitted draws it. A narrower window scrolls the grid sideways
  // rather than cutting amounts to a few digits.
  static constexpr float kLeastEm[column_count] = {4.5f, 6.0f, 0.0f, 4.5f, 4.5f, 4.5f,
                                                   2.5f, 4.0f, 2.5f, 0.0f, 0.0f};
  const float em = ImGui::GetFontSize();
  const float padding = 2.0f * ImGui::GetStyle().CellPadding.x;
  // The widest amount of the rows drawn last frame (the plan's total before the first).
  Money widest = app.analysis().evaluation.total.costs;
  if (state.valid) {
    widest = Money{0};
    for (const Row& row : state.cache.rows)
      widest.cents = std::max({widest.cents, row.amount.cents, -row.amount.cents});
  }
  // At most 9 em, so that one huge amount does not widen the whole grid: it ends in "…", with
  // the whole amount in its tooltip.
  const float amount_width =
      std::min(9.0f * ImGui::GetFontSize(),
               kMinFitScale * ImGui::CalcTextSize(format_money(widest, lang).c_str()).x);
  float least[column_count] = {};
  for (int c = 0; c < column_count; ++c)
    if (c != col_year && c != col_actions)
      least[c] = (c == col_amount ? amount_width : kLeastEm[c] * em) + padding;
  // A subtotal row's "+ Regel toevoegen" starts in the description column and may run on over
  // the year cell, empty in that row (draw_add_line_in_subtotal): never cut.
  const std::string add_line = "+ " + std::string(tr(Str::add_line, lang));
  const float add_button =
      ImGui::CalcTextSize(add_line.c_str()).x + 2.0f * ImGui::GetStyle().FramePadding.x;
  least[col_description] = std::max(least[col_description], add_button - out.year);
  // The fixed columns and the grid's borders: one pixel left of each column and at the right.
  const int columns_shown = shows_activity_column(state) ? column_count : column_count - 1;
  const float fixed_width =
      out.year + out.actions + padding * 2.0f + static_cast<float>(columns_shown + 1);
  // The columns' room: the window's, less the vertical scrollbar's, so that a grid that fits
  // shows no sideways scrollbar.
  out.room = ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ScrollbarSize;
  if (!state.weights_fitted) {
    // Fitted with every column shown: a hidden activity column lends its weight to the
    // description (lend_activity_room), so the shown columns' weights add up the same.
    const float room = out.room - fixed_width - (shows_activity_column(state) ? 0.0f : 1.0f);
    // Where the room allows, the description column starts as wide as the button, its texts
    // being the longest; on a tablet it starts narrower and the button runs on.
    float fit_least[column_count];
    std::copy(std::begin(least), std::end(least), fit_least);
    fit_least[col_description] = std::max(least[col_description], add_button + padding);
    float needed = 0.0f;
    for (const float width : fit_least) needed += width;
    fit_column_weights(app, room, needed <= room ? fit_least : least, state.column_weights);
    state.weights_fitted = true;
  }
  // The columns get their weights' share of the width (ImGui's own once the grid exists: a
  // dragged border changes them); the grid is as wide as it must be for each to have its least
  // room. Amounts bigger than those the columns were fitted to widen their column first.
  ImGuiTable* const table = ImGui::TableFindByID(ImGui::GetID("##budget"));
  float weights[column_count] = {};
  for (int c = 0; c < column_count; ++c)
    weights[c] = table != nullptr && table->Columns[c].StretchWeight > 0.0f
                     ? table->Columns[c].StretchWeight
                     : state.column_weights[c];
  if (table != nullptr && table->ResizedColumn < 0) {
    ImGuiTableColumn& amount = table->Columns[col_amount];
    const float drawn = amount.WidthGiven + padding;
    // ImGui rounds each column down to whole pixels: a pixel short is its rounding, not an
    // amount that grew.
    if (amount.StretchWeight > 0.0f && drawn > 0.0f && drawn + 1.0f < least[col_amount])
      weights[col_amount] = amount.StretchWeight *= least[col_amount] / drawn;
  }
  float width_per_weight = 0.0f, total_weight = 0.0f;
  for (int c = 0; c < column_count; ++c) {
    if (least[c] <= 0.0f || (c == col_activity && !shows_activity_column(state))) continue;
    width_per_weight = std::max(width_per_weight, least[c] / weights[c]);
    total_weight += weights[c];
  }
  out.least = width_per_weight * total_weight + fixed_width;
  return out;
}

// Hidden, the activity column's room goes to the description column, whose texts are the longest
// (ImGui would share it out over all columns); shown again, it takes it back.
void lend_activity_room(GridState& state) {
  const bool lend = !shows_activity_column(state);
  ImGuiTable* const table = ImGui::GetCurrentTable();
  const float activity = table->Columns[col_activity].StretchWeight;
  float& description = table->Columns[col_description].StretchWeight;
  if (lend == (state.lent_weight > 0.0f) || description <= 0.0f)  // not laid out yet: next frame
    return;
  if (lend) {
    // A column never laid out (the grid opened filtered) starts at its fitted weight when shown.
    state.lent_weight = activity > 0.0f ? activity : state.column_weights[col_activity];
    description += state.lent_weight;
  } else {
    description =
        std::max(description - state.lent_weight, description * 0.5f);  // a drag meanwhile
    state.lent_weight = 0.0f;
  }
}

void setup_grid_columns(const GridState& state, const GridWidths& widths, Language lang) {
  // The header row stays when scrolling down; the activity and description, which say which line
  // a row is, stay when the grid is wider than the window (a tablet held upright) and scrolls
  // sideways. Only then: frozen columns lay out differently, and a grid that fits keeps its layout.
  const bool scrolls_sideways = widths.least > widths.room;
  ImGui::TableSetupScrollFreeze(scrolls_sideways ? (shows_activity_column(state) ? 2 : 1) : 0, 1);
  const Str headers[column_count] = {
      Str::col_activity,     Str::col_description, Str::col_year, Str::col_category,
      Str::col_organisation, Str::col_funding,     Str::col_unit, Str::col_price,
      Str::col_quantity,     Str::col_amount,      Str::count /* actions: no header */};
  for (int c = 0; c < column_count; ++c) {
    if (c == col_year)
      ImGui::TableSetupColumn(tr(Str::col_year, lang), ImGuiTableColumnFlags_WidthFixed,
                              widths.year);
    else if (c == col_actions)
      ImGui::TableSetupColumn("##actions",
                              ImGuiTableColumnFlags_NoSort | ImGuiTableColumnFlags_WidthFixed,
                              widths.actions);
    else
      ImGui::TableSetupColumn(tr(headers[c], lang),
                              c != col_activity              ? 0
                              : shows_activity_column(state) ? ImGuiTableColumnFlags_DefaultSort
                                                             : ImGuiTableColumnFlags_Disabled,
                              state.column_weights[c]);
  }
  table_headers_row();
}

// Clips what is drawn next to the cells of the current row from column `first` through `last`:
// a subtotal row's button and name run on over cells that are empty in that row. Returns the
// clip's right edge. A column scrolled under the frozen ones adds nothing.
float push_clip_across(Column first, Column last) {
  const ImGuiTable* table = ImGui::GetCurrentTable();
  const ImRect& from = table->Columns[first].ClipRect;
  const float right = std::max(from.Max.x, table->Columns[last].ClipRect.Max.x);
  ImGui::PushClipRect(from.Min, ImVec2(right, from.Max.y), false);
  return right;
}

// A subtotal row's add button, in the description cell and the year cell beside it, which is
// empty in that row: the description column need not be as wide as the button on a tablet. With
// the grid scrolled sideways the year cell is under the frozen description: then only "+",
// named for screen readers and in its tooltip.
void draw_add_line_in_subtotal(App& app, std::size_t activity) {
  ImGui::TableSetColumnIndex(col_description);
  const float room = push_clip_across(col_description, col_year) - ImGui::GetCursorScreenPos().x;
  ImGui::PushID(static_cast<int>(activity));
  const std::string label = "+ " + std::string(tr(Str::add_line, app.language()));
  const bool fits =
      ImGui::CalcTextSize(label.c_str()).x + 2.0f * ImGui::GetStyle().FramePadding.x <= room;
  const bool pressed = fits ? ImGui::SmallButton(label.c_str())
                            : symbol_button("+", std::string(tr(Str::add_line, app.language())) +
                                                     ": " + app.plan().activities[activity].title);
  if (pressed) add_line_to(app, activity);
  ImGui::PopID();
  ImGui::PopClipRect();
}

// A subtotal's name from the category cell to the quantity cell, all empty in that row, when
// the activity column is hidden (a filter on one activity) or too narrow for it: after the add
// button it would have only the year cell, too narrow for a name on a tablet. Fitted to what is on
// screen of those cells: scrolled sideways, the first are under the frozen columns and the last
// may be past the grid's right edge. False when none of them is on screen.
bool draw_subtotal_name_across(const std::string& name) {
  const ImGuiTable* table = ImGui::GetCurrentTable();
  int first = col_category;
  while (first <= col_quantity && !table->Columns[first].IsVisibleX) ++first;
  if (first > col_quantity) return false;
  ImGui::TableSetColumnIndex(first);
  const ImGuiTableColumn& column = table->Columns[first];
  const float left = std::max(column.WorkMinX, column.ClipRect.Min.x + table->CellPaddingX);
  ImGui::SetCursorScreenPos(ImVec2(left, ImGui::GetCursorScreenPos().y));
  push_clip_across(static_cast<Column>(first), col_quantity);
  const float right = std::min(table->Columns[col_quantity].WorkMaxX, table->InnerClipRect.Max.x);
  text_item_fitted_to(name, right - left);
  ImGui::PopClipRect();
  return true;
}

// The rows the clipper shows: subtotals, lines (the one a finding points at highlighted and
// scrolled to once) and an investment's depreciation in its other years.
void draw_grid_rows(App& app, const GridCache& cache, bool shows_activity) {
  const Plan& plan = app.plan();
  const Language lang = app.language();
  UiState& ui = app.ui_state();
  // A finding that points at a line: find its row to highlight and scroll to.
  const std::optional<LinePlace> highlight = line_place(ui.highlight_path);
  int highlight_row = -1;
  if (highlight)
    for (std::size_t i = 0; i < cache.rows.size(); ++i)
      if (cache.rows[i].kind == Row::Kind::line && cache.rows[i].activity == highlight->activity &&
          cache.rows[i].line == highlight->line)
        highlight_row = static_cast<int>(i);

  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(cache.rows.size()));
  if (ui.scroll_to_highlight && highlight_row >= 0)
    clipper.ForceDisplayRangeByIndices(highlight_row, highlight_row + 1);
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const Row& row = cache.rows[static_cast<std::size_t>(i)];
      ImGui::TableNextRow();
      access::describe_table_row(i, static_cast<int>(cache.rows.size()));
      if (row.kind == Row::Kind::subtotal) {
        ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, IM_COL32(226, 232, 242, 255));
        // The subtotal's name where the lines show their activity, when it fits there; the add
        // button in the wider description column, so it is not cut off at 1280 pixels. Without
        // the activity column (a filter on one activity), or too narrow for it (a tablet), the
        // name runs over the empty cells after the button.
        const std::string subtotal =
            std::string(tr(Str::subtotal, lang)) + " " + plan.activities[row.activity].title;
        bool name_drawn = false;
        if (shows_activity && ImGui::TableSetColumnIndex(col_activity) &&
            ImGui::CalcTextSize(subtotal.c_str()).x <= ImGui::GetContentRegionAvail().x) {
          text_item(subtotal);
          name_drawn = true;
        }
        draw_add_line_in_subtotal(app, row.activity);
        if (!name_drawn && !draw_subtotal_name_across(subtotal) && shows_activity &&
            ImGui::TableSetColumnIndex(col_activity))
          text_item_fitted(subtotal);
        ImGui::TableSetColumnIndex(col_amount);
        text_item_right(format_money(row.amount, lang));
        continue;
      }
      if (row.kind == Row::Kind::depreciation) {
        draw_depreciation_row(app, row);
        continue;
      }
      const bool has_error =
          std::binary_search(cache.lines_with_errors.begin(), cache.lines_with_errors.end(),
                             std::make_pair(row.activity, row.line));
      const bool highlighted = i == highlight_row;
      draw_line_row(app, row, has_error, highlighted);
      if (highlighted && ui.scroll_to_highlight) {
        ImGui::SetScrollHereY(0.5f);
        ui.scroll_to_highlight = false;
      }
    }
  }
}

// The current line's texts whole, which the grid's cells cut at laptop widths (an empty detail:
// how to choose a line).
struct LineDetail {
  std::string text;
  bool chosen = false;
};

LineDetail line_detail(const App& app, GridState& state) {
  const Plan& plan = app.plan();
  const Language lang = app.language();
  LineRef& at = state.current_line;
  const bool unmoved = at.activity < plan.activities.size() &&
                       at.line < plan.activities[at.activity].lines.size() &&
                       plan.activities[at.activity].lines[at.line].id == state.current_line_id;
  if (!unmoved && (state.current_line_id.empty() || !find_line(plan, state.current_line_id, at))) {
    state.current_line_id.clear();
    return {tr(Str::line_detail_hint, lang), false};
  }
  const Activity& activity = plan.activities[at.activity];
  const BudgetLine& line = activity.lines[at.line];
  std::string text = std::string(tr(Str::col_description, lang)) + ": " + line.description;
  const auto add = [&](Str label, const std::string& value) {
    text += "  ·  " + std::string(tr(label, lang)) + ": " + value;
  };
  add(Str::col_activity, activity.title);
  add(Str::col_category, category_label(line.category, lang));
  add(Str::col_organisation, organisation_name(plan, line.organisation_id, lang));
  add(Str::col_funding, funding_label(line.funding, lang));
  add(Str::col_unit, line.unit);
  return {text, true};
}

// The current line's detail, refused entries, the total of the lines shown, and how many that is.
void draw_grid_footer(GridState& state, const LineDetail& detail, Language lang) {
  const GridCache& cache = state.cache;
  const bool filtered = cache.shown_lines != cache.all_lines;
  ImGui::Separator();
  ImGui::PushTextWrapPos(0.0f);
  if (detail.chosen)
    text_item(detail.text);
  else
    text_disabled(detail.text);
  ImGui::PopTextWrapPos();
  state.error_lines = draw_field_errors();
  text_item(std::to_string(cache.shown_lines) + " " + tr(Str::lines_shown, lang) + " " +
            std::to_string(cache.all_lines));
  ImGui::SameLine();
  const std::string total =
      std::string(tr(filtered ? Str::total_filtered : Str::total, lang)) + ": " +
      format_money(cache.shown_total, lang);  // unfiltered: the engine's total costs
  ImGui::SetCursorPosX(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(total.c_str()).x);
  text_item(total);
}

}  // namespace

void draw_budget_panel(App& app) {
  const Plan& plan = app.plan();
  const Language lang = app.language();
  GridState& state = grid(app);
  UiState& ui = app.ui_state();
  // The investment window belongs to this section: coming back from another one, it stays closed.
  if (state.drawn_frame != ImGui::GetFrameCount() - 1) state.investment_line_id.clear();
  state.drawn_frame = ImGui::GetFrameCount();
  if (ui.budget_activity_request >= 0) {  // "Naar de begroting" of an activity
    state.filter = Filter{};
    state.filter.activity = ui.budget_activity_request;
    ui.budget_activity_request = -1;
  }
  if (plan.activities.empty()) {
    ImGui::PushTextWrapPos(0.0f);
    text_item(tr(Str::no_activities_yet, lang));
    ImGui::PopTextWrapPos();
    if (ImGui::Button(tr(Str::add_line_new, lang))) add_first_activity_with_line(app);
    return;
  }
  if (state.filter.activity >= static_cast<int>(plan.activities.size())) state.filter.activity = -1;
  draw_add_line_button(app);
  draw_filters(app, state.filter);
  draw_investment_window(app);

  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                ImGuiTableFlags_ScrollY | ImGuiTableFlags_ScrollX |
                                ImGuiTableFlags_Resizable | ImGuiTableFlags_Sortable |
                                ImGuiTableFlags_SortTristate | ImGuiTableFlags_SizingStretchProp;
  const LineDetail detail = line_detail(app, state);
  // The footer: a separator, the detail, the refused entries and the count and total.
  const float text_lines =
      static_cast<float>(wrapped_line_count(detail.text, ImGui::GetContentRegionAvail().x)) +
      static_cast<float>(state.error_lines);
  const float footer = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y +
                       text_lines * ImGui::GetTextLineHeightWithSpacing();
  const GridWidths widths = grid_widths(app, state);
  if (!ImGui::BeginTable("##budget", column_count, flags, ImVec2(0, -footer),
                         std::max(widths.room, widths.least)))
    return;
  setup_grid_columns(state, widths, lang);
  lend_activity_room(state);

  int sort_column = -1;
  bool descending = false;
  if (const ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
      specs && specs->SpecsCount > 0) {
    sort_column = specs->Specs[0].ColumnIndex;
    descending = specs->Specs[0].SortDirection == ImGuiSortDirection_Descending;
  }
  GridCache& cache = state.cache;
  if (!state.valid || cache.revision != app.document().revision() || cache.language != lang ||
      !(cache.filter == state.filter) || cache.sort_column != sort_column ||
      cache.sort_descending != descending) {
    rebuild(app, cache, state.filter, sort_column, descending);
    state.valid = true;
    // A line the filter now hides is not the one being edited: its detail goes.
    const auto shown = [&](const Row& row) {
      return row.kind == Row::Kind::line &&
             plan.activities[row.activity].lines[row.line].id == state.current_line_id;
    };
    if (std::none_of(cache.rows.begin(), cache.rows.end(), shown)) state.current_line_id.clear();
  }

  draw_grid_rows(app, cache, shows_activity_column(state));
  ImGui::EndTable();
  draw_grid_footer(state, detail, lang);
}

}  // namespace sto::ui
