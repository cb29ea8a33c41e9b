// The new-plan wizard: region, scheme and partners first — what every later section builds on —
// then a plan that opens in the overview with its findings saying what is still missing.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <string>
#include <vector>

#include "app/app.h"
#include "frame/item_registry.h"
#include "model/labels.h"
#include "rules/rules.h"
#include "rules/scheme.h"
#include "text/local_time.h"
#include "text/strings.h"
#include "ui/panels.h"
#include "ui/widgets.h"

namespace sto::ui {

namespace {

struct PartnerDraft {
  std::string name;
  int kind = static_cast<int>(OrganisationKind::vmbo);
  std::string brin;
  bool penvoerder = false;
};

struct WizardState {
  int step = 0;
  std::string region_name;
  int region_type = 0;
  int scheme = 0;
  std::vector<PartnerDraft> partners;
  bool show_name_needed = false;
};

WizardState& wizard(const App& app) {
  return app.view_state().get<WizardState>();
}

constexpr int kOrganisationKinds = 8;
constexpr int kRegionTypes = 3;

Plan build_plan(const WizardState& w, const SchemeTable& schemes) {
  Plan plan;
  plan.title = w.region_name;
  plan.region.name = w.region_name;
  plan.region.type = static_cast<RegionType>(w.region_type);
  const Scheme& scheme = schemes.schemes[static_cast<std::size_t>(w.scheme)];
  plan.scheme_id = scheme.id;
  // The round follows the day the plan is made (core/RULES.md, "indienen voor").
  if (const SubmissionRound* round = scheme.submission_round_for(local_today()))
    plan.submission_round = round->id;
  int n = 1;
  for (const PartnerDraft& p : w.partners) {
    if (p.name.empty()) continue;
    Organisation o;
    o.id = "org-" + std::to_string(n++);
    o.name = p.name;
    o.kind = static_cast<OrganisationKind>(p.kind);
    o.brin = p.brin;
    o.penvoerder = p.penvoerder;
    plan.organisations.push_back(o);
  }
  return plan;
}

}  // namespace

void open_new_plan_wizard(App& app) {
  WizardState& w = wizard(app);
  w = {};
  // A head start: the partner kinds every plan needs.
  for (OrganisationKind kind :
       {OrganisationKind::vmbo, OrganisationKind::vmbo, OrganisationKind::mbo,
        OrganisationKind::business, OrganisationKind::primary})
    w.partners.push_back({"", static_cast<int>(kind), "", false});
  w.partners.front().penvoerder = true;
  const SchemeTable& schemes = builtin_schemes();
  w.scheme = static_cast<int>(schemes.schemes.size()) - 1;  // the newest scheme
  app.ui_state().wizard_open = true;
}

void draw_new_plan_wizard(App& app) {
  UiState& ui = app.ui_state();
  if (ui.wizard_open) ImGui::OpenPopup("##wizard");
  ImGui::SetNextWindowSize(ImVec2(760, 0), ImGuiCond_Appearing);
  if (!ImGui::BeginPopupModal("##wizard", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  const Language lang = app.language();
  WizardState& w = wizard(app);
  const SchemeTable& schemes = builtin_schemes();

  ImGui::SetWindowFontScale(1.2f);
  text_item(tr(Str::wizard_title, lang));
  ImGui::SetWindowFontScale(1.0f);
  const Str steps[] = {Str::wizard_step_region, Str::wizard_step_scheme, Str::wizard_step_partners};
  for (int i = 0; i < 3; ++i) {
    if (i > 0) ImGui::SameLine();
    if (i == w.step)
      text_item_colored(kColorNeutral, tr(steps[i], lang));
    else
      text_disabled(tr(steps[i], lang));
  }
  ImGui::Separator();

  if (w.step == 0) {
    ImGui::SetNextItemWidth(420);
    input_text(tr(Str::wizard_region_name, lang), w.region_name);
    if (w.show_name_needed && w.region_name.empty())
      text_item_colored(kColorError, tr(Str::wizard_name_needed, lang));
    ImGui::SetNextItemWidth(420);
    int type = w.region_type;
    if (edit_choice(
            tr(Str::wizard_region_type, lang), w.region_type, kRegionTypes,
            [&](int i) { return region_type_label(static_cast<RegionType>(i), lang); }, type))
      w.region_type = type;
  } else if (w.step == 1) {
    ImGui::SetNextItemWidth(420);
    int chosen = w.scheme;
    if (edit_choice(
            tr(Str::wizard_scheme, lang), w.scheme, static_cast<int>(schemes.schemes.size()),
            [&](int i) {
              return schemes.schemes[static_cast<std::size_t>(i)].name.in(lang).c_str();
            },
            chosen))
      w.scheme = chosen;
  } else {
    std::vector<std::string> brin_messages;  // one per partner row, "" when its BRIN is fine
    ImGui::PushTextWrapPos(720);
    text_disabled(tr(Str::wizard_partners_intro, lang));
    ImGui::PopTextWrapPos();
    if (ImGui::BeginTable("##wizard_partners", 5, ImGuiTableFlags_Borders, ImVec2(720, 0))) {
      ImGui::TableSetupColumn(tr(Str::column_name, lang), ImGuiTableColumnFlags_WidthStretch, 3.0f);
      ImGui::TableSetupColumn(tr(Str::col_category, lang), ImGuiTableColumnFlags_WidthStretch,
                              1.6f);
      ImGui::TableSetupColumn("BRIN", ImGuiTableColumnFlags_WidthStretch, 0.9f);
      ImGui::TableSetupColumn(tr(Str::wizard_penvoerder, lang), ImGuiTableColumnFlags_WidthStretch,
                              0.9f);
      ImGui::TableSetupColumn("##remove", ImGuiTableColumnFlags_WidthFixed,
                              ImGui::GetFrameHeight());
      ImGui::TableHeadersRow();
      brin_messages.clear();
      for (std::size_t i = 0; i < w.partners.size(); ++i) {
        PartnerDraft& p = w.partners[i];
        ImGui::PushID(static_cast<int>(i));
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::SetNextItemWidth(-1);
        input_text("##name", p.name);
        ImGui::TableNextColumn();
        ImGui::SetNextItemWidth(-1);
        int kind = p.kind;
        if (edit_choice(
                "##kind", p.kind, kOrganisationKinds,
                [&](int k) {
                  return organisation_kind_label(static_cast<OrganisationKind>(k), lang);
                },
                kind))
          p.kind = kind;
        ImGui::TableNextColumn();
        ImGui::SetNextItemWidth(-1);
        input_text("##brin", p.brin);
        ImGui::TableNextColumn();
        // The rules' own BRIN check (core/rules/rules.h), so the wizard accepts what the plan
        // accepts; only a typed BRIN: an empty one is still to be filled in and shows as a finding
        // later.
        const Scheme& scheme = schemes.schemes[static_cast<std::size_t>(w.scheme)];
        const BrinCheck brin =
            check_brin(p.brin, static_cast<OrganisationKind>(p.kind),
                       p.name.empty() ? "#" + std::to_string(i + 1) : p.name, scheme);
        brin_messages.push_back(p.brin.empty() || brin.code.empty() ? std::string()
                                                                    : brin.message.in(lang));
        if (ImGui::Checkbox("##penvoerder", &p.penvoerder) && p.penvoerder)
          for (PartnerDraft& other : w.partners) other.penvoerder = &other == &p;
        ImGui::TableNextColumn();
        const std::string action = tr(Str::wizard_remove_partner, lang);
        const bool remove = symbol_button(
            "×", p.name.empty() ? action + " #" + std::to_string(i + 1) : action + ": " + p.name);
        ImGui::PopID();
        if (remove) {
          w.partners.erase(w.partners.begin() + static_cast<std::ptrdiff_t>(i));
          break;
        }
      }
      ImGui::EndTable();
    }
    // Below the table: a message in a cell would stretch the row across the dialog.
    ImGui::PushTextWrapPos(720);
    for (const std::string& message : brin_messages)
      if (!message.empty()) text_item_colored(kColorWarning, message);
    ImGui::PopTextWrapPos();
    if (ImGui::SmallButton(tr(Str::wizard_add_partner, lang))) w.partners.push_back({});
  }

  ImGui::Separator();
  if (w.step > 0) {
    if (ImGui::Button(tr(Str::wizard_back, lang))) --w.step;
    ImGui::SameLine();
  }
  if (w.step < 2) {
    if (ImGui::Button(tr(Str::wizard_next, lang))) {
      if (w.step == 0 && w.region_name.empty()) {
        w.show_name_needed = true;
      } else {
        ++w.step;
      }
    }
  } else if (ImGui::Button(tr(Str::wizard_create, lang))) {
    app.create_plan(build_plan(w, schemes));
    ui.wizard_open = false;
    ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::cancel, lang))) {
    ui.wizard_open = false;
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

}  // namespace sto::ui
