// Mijn plannen: the plans kept in this browser (open, rename, duplicate, delete with undo) and
// the earlier versions of the open plan to restore from.
#include <imgui.h>

#include <cstdio>
#include <string>

#include "app/app.h"
#include "platform/browser.h"
#include "ui/panels.h"
#include "ui/strings.h"
#include "ui/widgets.h"

namespace sto::ui {

namespace {

void draw_plan_row(App& app, const StoredPlan& plan) {
  const Language lang = app.language();
  UiState& ui = app.ui_state();
  ImGui::PushID(plan.id.c_str());
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  if (ui.renaming_id == plan.id) {
    ImGui::SetNextItemWidth(-1);
    if (input_text("##rename", ui.rename_buffer, sizeof ui.rename_buffer, nullptr,
                   ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll)) {
      if (ui.rename_buffer[0] != '\0') app.store().rename(plan.id, ui.rename_buffer);
      ui.renaming_id.clear();
    }
    if (ImGui::IsItemDeactivated()) ui.renaming_id.clear();
  } else {
    const bool is_open = plan.id == app.current_plan_id();
    text_item(plan.name + (is_open ? std::string(" ") + tr(Str::is_open, lang) : ""));
  }
  ImGui::TableNextColumn();
  text_item(date_time_text(plan.updated_ms));
  ImGui::TableNextColumn();
  text_item(std::to_string(plan.versions.size()));
  ImGui::TableNextColumn();
  if (ImGui::SmallButton(tr(Str::open, lang))) app.open_stored_plan(plan.id);
  ImGui::SameLine();
  if (ImGui::SmallButton(tr(Str::rename, lang))) {
    ui.renaming_id = plan.id;
    std::snprintf(ui.rename_buffer, sizeof ui.rename_buffer, "%s", plan.name.c_str());
    ImGui::SetKeyboardFocusHere(0);
  }
  ImGui::SameLine();
  if (ImGui::SmallButton(tr(Str::duplicate, lang))) app.duplicate_stored_plan(plan.id);
  ImGui::SameLine();
  const bool is_open = plan.id == app.current_plan_id();
  ImGui::BeginDisabled(is_open);  // the open plan cannot be deleted from under the editor
  if (ImGui::SmallButton(tr(Str::remove, lang))) {
    app.store().set_deleted(plan.id, true);
    ui.removed_id = plan.id;
  }
  ImGui::EndDisabled();
  ImGui::PopID();
}

}  // namespace

void draw_my_plans_panel(App& app) {
  const Language lang = app.language();
  UiState& ui = app.ui_state();
  ImGui::PushTextWrapPos(0.0f);
  text_disabled(tr(Str::browser_storage_note, lang));
  ImGui::PopTextWrapPos();

  if (!ui.removed_id.empty()) {
    const StoredPlan* removed = app.store().find(ui.removed_id);
    if (removed != nullptr && removed->deleted) {
      text_item_colored(kColorWarning, std::string(tr(Str::removed, lang)) + ": " + removed->name);
      ImGui::SameLine();
      if (ImGui::SmallButton(tr(Str::undo_remove, lang))) {
        app.store().set_deleted(ui.removed_id, false);
        ui.removed_id.clear();
      }
    }
  }

  int shown = 0;
  const ImGuiTableFlags flags =
      ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
  if (ImGui::BeginTable("##plans", 4, flags)) {
    ImGui::TableSetupColumn(tr(Str::column_name, lang), ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn(tr(Str::column_changed, lang), ImGuiTableColumnFlags_WidthStretch,
                            1.4f);
    ImGui::TableSetupColumn(tr(Str::column_versions, lang), ImGuiTableColumnFlags_WidthStretch,
                            0.6f);
    ImGui::TableSetupColumn("##actions", ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableHeadersRow();
    // Copy: a button below may change the list while we walk it.
    const std::vector<StoredPlan> plans = app.store().plans();
    for (const StoredPlan& plan : plans) {
      if (plan.deleted) continue;
      draw_plan_row(app, plan);
      ++shown;
    }
    ImGui::EndTable();
  }
  if (shown == 0) text_item(tr(Str::no_stored_plans, lang));

  const StoredPlan* current = app.store().find(app.current_plan_id());
  if (current == nullptr || current->versions.size() < 2) return;
  ImGui::Spacing();
  text_item(tr(Str::versions_title, lang));
  if (ImGui::BeginTable("##versions", 2, flags)) {
    ImGui::TableSetupColumn(tr(Str::saved_on, lang));
    ImGui::TableSetupColumn("##restore");
    ImGui::TableHeadersRow();
    const std::vector<StoredVersion> versions = current->versions;
    // Newest first; the newest is the plan as it is open now.
    for (auto v = versions.rbegin() + 1; v != versions.rend(); ++v) {
      ImGui::PushID(v->number);
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      text_item(date_time_text(v->saved_ms) + "  (#" + std::to_string(v->number) + ")");
      ImGui::TableNextColumn();
      if (ImGui::SmallButton(tr(Str::restore, lang))) app.restore_version(v->number);
      ImGui::SameLine();
      if (ImGui::SmallButton(tr(Str::cmp_compare_version, lang)))
        app.compare_with_version(v->number);
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
}

}  // namespace sto::ui
