// Activiteiten: the plan's activities as a list on the left and the selected one's details on the
// right (title, theme, lead, partners, goals, years) with a read-only summary of its budget.
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <string>
#include <vector>

#include "access/access.h"
#include "app/app.h"
#include "model/labels.h"
#include "rules/scheme.h"
#include "text/strings.h"
#include "ui/editor_rows.h"
#include "ui/panels.h"
#include "ui/widgets.h"

namespace sto::ui {

namespace {

// The activity shown on the right (UI state only; clamped to the plan every frame).
int selected_activity = 0;

void section_label(const char* text) {
  ImGui::Spacing();
  ImGui::PushStyleColor(ImGuiCol_Text, kColorNeutral);
  text_item(text);
  ImGui::PopStyleColor();
}

// Adds or removes `id` in `ids`, keeping the order of the rest.
std::vector<std::string> toggled(const std::vector<std::string>& ids, const std::string& id,
                                 bool on) {
  std::vector<std::string> out = ids;
  out.erase(std::remove(out.begin(), out.end(), id), out.end());
  if (on) out.push_back(id);
  return out;
}

std::string activity_label(const Activity& activity, std::size_t i, Language lang) {
  return std::to_string(i + 1) + ". " +
         (activity.title.empty() ? std::string(tr(Str::ac_untitled, lang)) : activity.title);
}

// [SECTION] List
void draw_list(App& app, float width) {
  const Language lang = app.language();
  const std::vector<Activity>& activities = app.plan().activities;
  UiState& ui = app.ui_state();
  const float button_height = ImGui::GetFrameHeightWithSpacing();
  ImGui::BeginGroup();
  ImGui::BeginChild("##activity_list", ImVec2(width, -button_height), true);
  const bool scroll = ui.scroll_to_highlight;
  const auto draw_item = [&](std::size_t i) {
    const std::string path = "activities[" + std::to_string(i) + "]";
    ImGui::PushID(static_cast<int>(i));
    finding_marker(app, path);
    ImGui::SameLine();
    const bool highlighted = path_is_under(ui.highlight_path, path);
    if (highlighted) ImGui::PushStyleColor(ImGuiCol_Text, kColorNeutral);
    const std::string label = activity_label(activities[i], i, lang);
    if (ImGui::Selectable(label.c_str(), static_cast<int>(i) == selected_activity))
      selected_activity = static_cast<int>(i);
    if (highlighted) ImGui::PopStyleColor();
    if (ImGui::IsItemHovered() && ImGui::CalcTextSize(label.c_str()).x > ImGui::GetItemRectSize().x)
      ImGui::SetTooltip("%s", label.c_str());
    if (scroll && static_cast<int>(i) == selected_activity) scroll_to_row(app);
    ImGui::PopID();
  };
  if (scroll) {
    for (std::size_t i = 0; i < activities.size(); ++i) draw_item(i);
  } else {
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(activities.size()));
    while (clipper.Step())
      for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i)
        draw_item(static_cast<std::size_t>(i));
  }
  if (activities.empty()) text_disabled(tr(Str::ac_none, lang));
  ImGui::EndChild();
  if (ImGui::Button(tr(Str::ac_add, lang), ImVec2(width, 0))) {
    const std::size_t index = activities.size();
    app.post(AddActivity{index, new_activity(app)},
             [index] { selected_activity = static_cast<int>(index); });
  }
  ImGui::EndGroup();
}

// [SECTION] Details
void draw_lead(App& app, std::size_t i) {
  const Language lang = app.language();
  const Plan& plan = app.plan();
  const Activity& activity = plan.activities[i];
  const Organisation* lead = nullptr;
  for (const Organisation& o : plan.organisations)
    if (o.id == activity.lead_organisation_id) lead = &o;
  const std::string preview = lead != nullptr ? lead->name
                              : activity.lead_organisation_id.empty()
                                  ? std::string("—")
                                  : std::string(tr(Str::ed_unknown_organisation, lang)) + ": " +
                                        activity.lead_organisation_id;
  ImGui::SetNextItemWidth(-FLT_MIN);
  if (begin_combo("##lead", preview.c_str())) {
    for (std::size_t k = 0; k < plan.organisations.size(); ++k) {
      const Organisation& o = plan.organisations[k];
      ImGui::PushID(static_cast<int>(k));
      if (ImGui::Selectable(o.name.c_str(), &o == lead) && &o != lead)
        app.post(SetField<&Activity::lead_organisation_id>{i, o.id});
      ImGui::PopID();
    }
    ImGui::EndCombo();
  }
}

void draw_partners(App& app, std::size_t i) {
  const Language lang = app.language();
  const Plan& plan = app.plan();
  const Activity& activity = plan.activities[i];
  const float em = ImGui::GetFontSize();
  const int columns =
      std::max(1, static_cast<int>(ImGui::GetContentRegionAvail().x / (em * 17.0f)));
  if (!ImGui::BeginTable("##partners", columns, ImGuiTableFlags_SizingStretchSame)) return;
  for (std::size_t k = 0; k < plan.organisations.size(); ++k) {
    const Organisation& o = plan.organisations[k];
    if (o.id == activity.lead_organisation_id) continue;  // the lead is not its own partner
    ImGui::TableNextColumn();
    ImGui::PushID(static_cast<int>(k));
    bool on = std::find(activity.partner_ids.begin(), activity.partner_ids.end(), o.id) !=
              activity.partner_ids.end();
    if (ImGui::Checkbox(o.name.c_str(), &on))
      app.post(SetField<&Activity::partner_ids>{i, toggled(activity.partner_ids, o.id, on)});
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("%s — %s", o.name.c_str(), organisation_kind_label(o.kind, lang));
    ImGui::PopID();
  }
  ImGui::EndTable();
}

void draw_goal_choices(App& app, std::size_t i) {
  const Plan& plan = app.plan();
  const Activity& activity = plan.activities[i];
  for (std::size_t k = 0; k < plan.goals.size(); ++k) {
    const Goal& goal = plan.goals[k];
    ImGui::PushID(static_cast<int>(k));
    bool on = std::find(activity.goal_ids.begin(), activity.goal_ids.end(), goal.id) !=
              activity.goal_ids.end();
    const std::string label = std::to_string(k + 1) + ". " + goal.title;
    if (ImGui::Checkbox(label.c_str(), &on))
      app.post(SetField<&Activity::goal_ids>{i, toggled(activity.goal_ids, goal.id, on)});
    ImGui::PopID();
  }
  if (plan.goals.empty()) text_disabled(tr(Str::gl_no_goals, app.language()));
}

void draw_years(App& app, std::size_t i) {
  const Language lang = app.language();
  const Activity& activity = app.plan().activities[i];
  const Scheme* scheme = app.document().scheme();
  if (scheme == nullptr) {
    text_disabled(tr(Str::no_scheme, lang));
    return;
  }
  std::vector<int> years;
  for (int y = scheme->first_year(); y <= scheme->last_spend_year(); ++y) years.push_back(y);
  for (int y : activity.years)
    if (std::find(years.begin(), years.end(), y) == years.end()) years.push_back(y);
  std::sort(years.begin(), years.end());
  for (std::size_t k = 0; k < years.size(); ++k) {
    const int y = years[k];
    if (k > 0) ImGui::SameLine();
    ImGui::PushID(y);
    bool on = std::find(activity.years.begin(), activity.years.end(), y) != activity.years.end();
    const bool outside = y < scheme->first_year() || y > scheme->last_spend_year();
    if (outside) ImGui::PushStyleColor(ImGuiCol_Text, kColorError);
    if (ImGui::Checkbox(std::to_string(y).c_str(), &on)) {
      std::vector<int> changed = activity.years;
      changed.erase(std::remove(changed.begin(), changed.end(), y), changed.end());
      if (on) changed.push_back(y);
      std::sort(changed.begin(), changed.end());
      app.post(SetField<&Activity::years>{i, changed});
    }
    if (outside) {
      ImGui::PopStyleColor();
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Str::ac_year_outside, lang));
    } else if (y > scheme->last_year() && ImGui::IsItemHovered()) {
      ImGui::SetTooltip("%s", tr(Str::ac_year_spend_only, lang));
    }
    ImGui::PopID();
  }
}

void draw_budget_summary(App& app, std::size_t i) {
  const Language lang = app.language();
  const Activity& activity = app.plan().activities[i];
  const Evaluation& ev = app.analysis().evaluation;
  const std::string count = std::to_string(activity.lines.size()) + " " +
                            tr(activity.lines.size() == 1 ? Str::ac_line : Str::ac_lines, lang);
  text_item(count);
  if (i < ev.by_activity.size()) {
    const Totals& t = ev.by_activity[i];
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_NoHostExtendX;
    if (ImGui::BeginTable("##activity_budget", 2, flags)) {
      const float em = ImGui::GetFontSize();
      ImGui::TableSetupColumn("##what", ImGuiTableColumnFlags_WidthFixed, em * 10.0f);
      ImGui::TableSetupColumn("##amount", ImGuiTableColumnFlags_WidthFixed, em * 9.0f);
      const auto row = [&](const char* label, Money amount, bool strong) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        plain_text(label);  // not text_item: the overview's captions use these words
        ImGui::TableNextColumn();
        if (strong) {
          text_item_right(format_money(amount, lang));
        } else {
          ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
          text_item_right(format_money(amount, lang));
          ImGui::PopStyleColor();
        }
      };
      row(tr(Str::total_costs, lang), t.costs, true);
      row(tr(Str::subsidy, lang), t.subsidy, false);
      row(tr(Str::cofinancing, lang), t.cofinancing, false);
      row(tr(Str::own_contribution, lang), t.own, false);
      ImGui::EndTable();
    }
    text_disabled(tr(Str::ac_budget_note, lang));
  }
  // Opens the budget filtered to this activity's lines.
  if (ImGui::Button(tr(Str::ac_to_budget, lang))) app.open_budget_for_activity(i);
}

void draw_details(App& app, std::size_t i) {
  const Language lang = app.language();
  const Activity& activity = app.plan().activities[i];
  const std::string path = "activities[" + std::to_string(i) + "]";
  const float em = ImGui::GetFontSize();

  ImGui::PushID(activity.id.c_str());
  ImGui::SetWindowFontScale(1.15f);
  text_item_colored(kColorNeutral, activity_label(activity, i, lang));
  ImGui::SetWindowFontScale(1.0f);
  for (const Finding* f : findings_under(app, path)) {
    const ImVec4 color = f->severity == Severity::error ? kColorError : kColorWarning;
    ImGui::PushTextWrapPos(0.0f);
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    draw_text(std::string(severity_label(f->severity, lang)) + ": " + f->message.in(lang));
    ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
  }
  ImGui::Separator();

  if (ImGui::BeginTable("##activity_form", 2, ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn("##label", ImGuiTableColumnFlags_WidthFixed, em * 7.5f);
    ImGui::TableSetupColumn("##field", ImGuiTableColumnFlags_WidthStretch);
    const auto label = [](const char* text) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::AlignTextToFramePadding();
      text_item(text);
      ImGui::TableNextColumn();
    };
    std::string text;
    label(tr(Str::gl_title, lang));
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (edit_text("##title", activity.title, text)) app.post(SetField<&Activity::title>{i, text});
    label(tr(Str::gl_theme, lang));
    if (edit_theme("theme", activity.theme, text,
                   std::min(ImGui::GetContentRegionAvail().x, em * 16.0f)))
      app.post(SetField<&Activity::theme>{i, text});
    label(tr(Str::ac_lead, lang));
    draw_lead(app, i);
    ImGui::EndTable();
  }
  // Each group below may change the activity: it reads the plan afresh.
  section_label(tr(Str::ac_partners, lang));
  draw_partners(app, i);
  section_label(tr(Str::ac_goals, lang));
  draw_goal_choices(app, i);
  section_label(tr(Str::ac_years, lang));
  draw_years(app, i);
  section_label(tr(Str::ac_budget, lang));
  draw_budget_summary(app, i);

  ImGui::Spacing();
  ImGui::Separator();
  ImGui::PushStyleColor(ImGuiCol_Text, kColorError);
  if (ImGui::Button(tr(Str::ac_remove, lang))) app.post(RemoveActivity{i});
  ImGui::PopStyleColor();
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Str::ac_remove_hint, lang));
  ImGui::PopID();
}

// [SECTION] The 2024 request's written parts
// Shown for a scheme that asks for them (core/RULES.md) or a plan that has them; open at first
// while one is empty, and opened with its field focused when a finding about it is clicked.
void draw_extension_texts(App& app) {
  const Plan& plan = app.plan();
  const Scheme* scheme = app.document().scheme();
  if (!(scheme && scheme->requires_extension_texts) && plan.changes_since_original_plan.empty() &&
      plan.earlier_grant_activities.empty())
    return;
  const Language lang = app.language();
  UiState& ui = app.ui_state();
  const char* const changes_path = "changes_since_original_plan";
  const char* const earlier_path = "earlier_grant_activities";
  const bool highlighted = ui.highlight_path == changes_path || ui.highlight_path == earlier_path;
  if (highlighted && ui.scroll_to_highlight)
    ImGui::SetNextItemOpen(true);
  else
    ImGui::SetNextItemOpen(
        plan.changes_since_original_plan.empty() || plan.earlier_grant_activities.empty(),
        ImGuiCond_Once);
  if (!ImGui::CollapsingHeader(tr(Str::ac_extension_heading, lang))) return;
  const auto field = [&](const char* path, const char* id, Str label, const std::string& value,
                         auto command) {
    finding_marker(app, path);
    ImGui::SameLine();
    text_item(tr(label, lang));
    if (ui.scroll_to_highlight && ui.highlight_path == path) {
      ImGui::SetKeyboardFocusHere();
      scroll_to_row(app);
    }
    access::label_next_item(tr(label, lang));
    ImGui::PushItemWidth(-FLT_MIN);
    std::string text;
    if (edit_text(id, value, text, true)) app.post(decltype(command){text});
    ImGui::PopItemWidth();
  };
  field(changes_path, "##changes_since_original_plan", Str::ac_extension_changes,
        plan.changes_since_original_plan, SetField<&Plan::changes_since_original_plan>{});
  field(earlier_path, "##earlier_grant_activities", Str::ac_extension_earlier,
        plan.earlier_grant_activities, SetField<&Plan::earlier_grant_activities>{});
  note_text(tr(Str::ac_extension_note, lang));
  ImGui::Spacing();
}

}  // namespace

void draw_activities_panel(App& app) {
  const std::vector<Activity>& activities = app.plan().activities;
  UiState& ui = app.ui_state();
  // A finding about an activity (or one of its lines) selects that activity once.
  if (ui.scroll_to_highlight) {
    for (std::size_t i = 0; i < activities.size(); ++i)
      if (path_is_under(ui.highlight_path, "activities[" + std::to_string(i) + "]"))
        selected_activity = static_cast<int>(i);
  }
  if (selected_activity >= static_cast<int>(activities.size()))
    selected_activity = static_cast<int>(activities.size()) - 1;
  if (selected_activity < 0) selected_activity = 0;

  draw_extension_texts(app);
  const float avail = ImGui::GetContentRegionAvail().x;
  const float list_width = std::max(ImGui::GetFontSize() * 15.0f, avail * 0.3f);
  draw_list(app, list_width);
  ImGui::SameLine();
  ImGui::BeginChild("##activity_details", ImVec2(0, 0), true);
  if (static_cast<std::size_t>(selected_activity) < app.plan().activities.size()) {
    draw_details(app, static_cast<std::size_t>(selected_activity));
  } else {
    text_disabled(tr(Str::ac_none, app.language()));
  }
  ImGui::EndChild();
}

}  // namespace sto::ui
