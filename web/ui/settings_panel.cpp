// Instellingen: the plan's scheme and cofinancing rule, its title and notes, and the app's
// language and presentation mode. Plan settings are core commands; the rest is UI state.
#include <imgui.h>

#include <cfloat>
#include <string>
#include <vector>

#include "app/app.h"
#include "model/labels.h"
#include "text/local_time.h"
#include "text/strings.h"
#include "ui/editor_rows.h"
#include "ui/panels.h"
#include "ui/widgets.h"

namespace sto::ui {

namespace {

bool begin_form(const char* id) {
  if (!ImGui::BeginTable(id, 2, ImGuiTableFlags_SizingStretchProp)) return false;
  ImGui::TableSetupColumn("##label", ImGuiTableColumnFlags_WidthFixed,
                          ImGui::GetFontSize() * 13.0f);
  ImGui::TableSetupColumn("##field", ImGuiTableColumnFlags_WidthStretch);
  return true;
}

float field_width(float ems) {
  return std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * ems);
}

// [SECTION] Plan
void draw_plan_settings(App& app) {
  const Language lang = app.language();
  const Plan& plan = app.plan();
  heading(tr(Str::st_plan, lang));
  if (!begin_form("##plan_form")) return;
  form_row(tr(Str::st_title, lang));
  ImGui::SetNextItemWidth(field_width(30.0f));
  std::string text;
  if (edit_text("##title", plan.title, text)) app.post(SetField<&Plan::title>{text});
  form_row(tr(Str::st_notes, lang));
  ImGui::PushItemWidth(-FLT_MIN);
  if (edit_text("##notes", plan.notes, text, true)) app.post(SetField<&Plan::notes>{text});
  ImGui::PopItemWidth();
  ImGui::EndTable();
}

// [SECTION] Scheme and cofinancing
// "Indienen voor": the round decides which years need price × quantity (core/RULES.md).
void draw_submission_round(App& app, const Scheme& scheme) {
  const Language lang = app.language();
  const Plan& plan = app.plan();
  form_row(tr(Str::st_submission_round, lang));
  ImGui::SetNextItemWidth(field_width(30.0f));
  const std::vector<SubmissionRound>& rounds = scheme.submission_rounds;
  const SubmissionRound* active = scheme.submission_round_in_force(plan.submission_round);
  int current = -1;
  for (std::size_t i = 0; i < rounds.size(); ++i)
    if (&rounds[i] == active) current = static_cast<int>(i);
  int picked = current;
  if (edit_choice(
          "##submission_round", current, static_cast<int>(rounds.size()),
          [&](int i) { return rounds[static_cast<std::size_t>(i)].name.in(lang).c_str(); }, picked))
    app.post(SetField<&Plan::submission_round>{rounds[static_cast<std::size_t>(picked)].id});
  if (!plan.submission_round.empty() && !scheme.submission_round(plan.submission_round))
    text_item_colored(kColorError,
                      std::string(tr(Str::st_option_unknown, lang)) + ": " + plan.submission_round);
  note_text(tr(Str::st_submission_note, lang));
  if (const SubmissionRound* today = scheme.submission_round_for(local_today()))
    note_text(std::string(tr(Str::st_submission_today, lang)) + " " + today->id + ".");
}

void draw_scheme_settings(App& app) {
  const Language lang = app.language();
  const Plan& plan = app.plan();
  const SchemeTable& schemes = app.document().schemes();
  const Scheme* scheme = app.document().scheme();
  heading(tr(Str::scheme, lang));
  if (!begin_form("##scheme_form")) return;

  form_row(tr(Str::scheme, lang));
  ImGui::SetNextItemWidth(field_width(30.0f));
  int current = -1;
  for (std::size_t i = 0; i < schemes.schemes.size(); ++i)
    if (schemes.schemes[i].id == plan.scheme_id) current = static_cast<int>(i);
  int chosen = current;
  if (edit_choice(
          "##scheme", current, static_cast<int>(schemes.schemes.size()),
          [&](int i) { return schemes.schemes[static_cast<std::size_t>(i)].name.in(lang).c_str(); },
          chosen))
    app.post(SetField<&Plan::scheme_id>{schemes.schemes[static_cast<std::size_t>(chosen)].id});
  if (scheme == nullptr) {
    text_item_colored(kColorError, std::string(tr(Str::no_scheme, lang)) + ": " + plan.scheme_id);
  } else {
    note_text(std::string(tr(Str::st_period, lang)) + ": " +
              format_date(scheme->period_start, lang) + " – " +
              format_date(scheme->period_end, lang) + "; " + tr(Str::st_spend_deadline, lang) +
              ": " + format_date(scheme->spend_deadline, lang) + ".");
    if (scheme->regulation_expires.is_set())  // information only: not a spending period
      note_text(std::string(tr(Str::st_regulation_expires, lang)) + ": " +
                format_date(scheme->regulation_expires, lang) + ".");
    note_text(tr(Str::st_scheme_change_note, lang));
  }

  if (scheme != nullptr) {
    form_row(tr(Str::st_cofinancing_rule, lang));
    ImGui::SetNextItemWidth(field_width(30.0f));
    const std::vector<CofinancingOption>& options = scheme->cofinancing_options;
    const CofinancingOption* active = scheme->cofinancing_option(plan.cofinancing_option);
    int option = -1;
    for (std::size_t i = 0; i < options.size(); ++i)
      if (&options[i] == active) option = static_cast<int>(i);
    int picked = option;
    if (edit_choice(
            "##cofinancing_option", option, static_cast<int>(options.size()),
            [&](int i) { return options[static_cast<std::size_t>(i)].name.in(lang).c_str(); },
            picked))
      app.post(SetField<&Plan::cofinancing_option>{options[static_cast<std::size_t>(picked)].id});
    if (!plan.cofinancing_option.empty() && active != nullptr &&
        active->id != plan.cofinancing_option)
      text_item_colored(kColorError, std::string(tr(Str::st_option_unknown, lang)) + ": " +
                                         plan.cofinancing_option);

    form_row(tr(Str::st_cofinancing_base, lang));
    ImGui::SetNextItemWidth(field_width(30.0f));
    // Choice 0 = as the scheme says, then the bases the scheme offers (core/RULES.md: only what a
    // source names); a plan's base the scheme does not offer shows as an error below.
    std::vector<CofinancingBase> bases;
    for (CofinancingBase b : {CofinancingBase::total_costs, CofinancingBase::subsidy})
      if (scheme->offers_cofinancing_base(b)) bases.push_back(b);
    int base = 0;
    for (std::size_t i = 0; i < bases.size(); ++i)
      if (plan.cofinancing_base && *plan.cofinancing_base == bases[i])
        base = static_cast<int>(i) + 1;
    std::vector<std::string> labels{std::string(tr(Str::st_base_scheme, lang)) + " (" +
                                    base_label(scheme->cofinancing_base, lang) + ")"};
    for (CofinancingBase b : bases) labels.emplace_back(base_label(b, lang));
    int new_base = base;
    if (edit_choice(
            "##cofinancing_base", base, static_cast<int>(labels.size()),
            [&](int i) { return labels[static_cast<std::size_t>(i)].c_str(); }, new_base)) {
      std::optional<CofinancingBase> value;
      if (new_base > 0) value = bases[static_cast<std::size_t>(new_base - 1)];
      app.post(SetField<&Plan::cofinancing_base>{value});
    }
    if (plan.cofinancing_base && !scheme->offers_cofinancing_base(*plan.cofinancing_base))
      text_item_colored(kColorError, std::string(tr(Str::st_option_unknown, lang)) + ": " +
                                         base_label(*plan.cofinancing_base, lang));
    note_text(tr(Str::st_base_note, lang));
    if (!scheme->submission_rounds.empty()) draw_submission_round(app, *scheme);
  }
  ImGui::EndTable();
}

// [SECTION] App
void draw_app_settings(App& app) {
  const Language lang = app.language();
  UiState& ui = app.ui_state();
  heading(tr(Str::st_app, lang));
  if (!begin_form("##app_form")) return;
  form_row(tr(Str::st_language, lang));
  // Two buttons, the active one filled: clearer than a toggle whose label names the other state.
  const auto language_button = [&](const char* label, Language which) {
    const bool active = lang == which;
    if (active)
      ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    if (ImGui::Button(label) && !active) app.toggle_language();
    if (active) ImGui::PopStyleColor();
  };
  language_button("Nederlands", Language::nl);
  ImGui::SameLine();
  language_button("English", Language::en);

  form_row(tr(Str::st_presentation, lang));
  ImGui::Checkbox(tr(Str::st_presentation_on, lang), &ui.presentation_mode);
  note_text(tr(Str::st_presentation_note, lang));
  ImGui::EndTable();
}

}  // namespace

void draw_settings_panel(App& app) {
  draw_plan_settings(app);
  ImGui::Spacing();
  draw_scheme_settings(app);
  ImGui::Spacing();
  draw_app_settings(app);
}

}  // namespace sto::ui
