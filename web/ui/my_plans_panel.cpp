// Mijn plannen: the plans kept in this browser (open, rename, duplicate, delete with undo) and
// the earlier versions of the open plan to restore from.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "app/app.h"
#include "platform/browser.h"
#include "text/local_time.h"
#include "text/strings.h"
#include "ui/panels.h"
#include "ui/widgets.h"

namespace sto::ui {

namespace {

// "840 kB", "5,2 MB", "12,5 GB": a size in the UI language's decimal mark (kB rounded up, so a
// small plan never reads 0 kB).
std::string size_text(double bytes, Language lang) {
  char text[32];
  if (bytes < 1e6) {
    std::snprintf(text, sizeof text, "%.0f kB", std::ceil(bytes / 1e3));
    return text;
  }
  const bool giga = bytes >= 1e9;
  const long long tenths = std::llround(bytes / (giga ? 1e8 : 1e5));
  std::snprintf(text, sizeof text, "%lld%c%lld %s", tenths / 10, lang == Language::nl ? ',' : '.',
                tenths % 10, giga ? "GB" : "MB");
  return text;
}

// The storage used and available, and whether the browser keeps it when space runs low.
// `listed_bytes`: the sizes of the plans listed, added up.
void draw_storage_report(const StorageReport& report, double listed_bytes, Language lang) {
  if (!report.known) return;
  // The app's offline copy is named: "3,1 MB used" with no plan stored yet reads as a mistake.
  const bool app_known = report.app_bytes > 0.0 && report.app_bytes <= report.used_bytes;
  const std::string used = app_known ? std::string(tr(Str::storage_used_of_which, lang)) + " " +
                                           size_text(report.app_bytes, lang) + " " +
                                           tr(Str::storage_app_itself, lang)
                                     : std::string(tr(Str::storage_used_word, lang));
  ImGui::PushTextWrapPos(0.0f);
  text_item(std::string(tr(Str::storage_used_label, lang)) + " " +
            size_text(report.used_bytes, lang) + " " + used + " " +
            size_text(std::max(0.0, report.quota_bytes - report.used_bytes), lang) + " " +
            tr(Str::storage_available_word, lang));
  // Browsers compress what they store (Chromium: 3.7 MB on disk for a 10.3 MB plan), which makes
  // the two figures look contradictory.
  if (report.used_bytes - (app_known ? report.app_bytes : 0.0) < listed_bytes)
    text_item_colored(ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled),
                      tr(Str::storage_used_compressed, lang));
  if (report.persisted) {
    text_item(tr(Str::storage_persisted, lang));
  } else {
    text_item_colored(kColorWarning, tr(Str::storage_not_persisted, lang));
  }
  ImGui::PopTextWrapPos();
}

// When a version was saved: "29-11-2026 09:12–09:13" when its merged edits cross a minute.
std::string version_time_text(const StoredVersion& v) {
  std::string text = date_time_text(v.saved_ms);
  const std::string start = v.started_ms > 0 ? date_time_text(v.started_ms) : text;
  // Merged edits span less than kVersionMergeMs: the end differs from the start in its time only.
  if (start != text) text = start + "–" + text.substr(text.size() - 5);
  return text + "  (#" + std::to_string(v.number) + ")";
}

}  // namespace

std::string version_change_text(const StoredVersion& v, Language lang) {
  // A few by name keep the row short; the rest are counted.
  constexpr std::size_t kShown = 3;
  std::string text;
  if (v.changes.size() > 1) {
    for (std::size_t i = 0; i < v.changes.size() && i < kShown; ++i)
      text += (i == 0 ? "" : "; ") + v.changes[i].in(lang);
    const std::size_t more = v.changes.size() - std::min(v.changes.size(), kShown) +
                             static_cast<std::size_t>(v.changes_more);
    if (more > 0)
      text += std::string(" ") + tr(Str::version_and_more, lang) + " " + std::to_string(more) +
              " " + tr(Str::version_more, lang);
  } else {
    text = v.change.in(lang);
  }
  if (v.edits > 1) {
    text += (text.empty() ? "" : " ") + std::string("(") + std::to_string(v.edits) + " " +
            tr(Str::version_edits, lang) + ")";
  }
  return text.empty() ? "—" : text;
}

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
  // The file is the real backup: when it was made, in the warning colour once it is overdue.
  const std::string downloaded =
      plan.downloaded_ms > 0
          ? std::string(tr(Str::last_downloaded, lang)) + " " + date_time_text(plan.downloaded_ms)
          : tr(Str::never_downloaded, lang);
  if (download_reminder_due(plan, platform::now_ms())) {
    text_item_colored(kColorWarning, downloaded);
  } else {
    text_item_colored(ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled), downloaded);
  }
  ImGui::TableNextColumn();
  text_item(date_time_text(plan.updated_ms));
  ImGui::TableNextColumn();
  text_item(std::to_string(plan.versions.size()));
  ImGui::TableNextColumn();
  const std::size_t bytes = stored_bytes(plan);  // all its versions
  text_item(bytes > 0 ? size_text(static_cast<double>(bytes), lang) : "—");
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
  double listed_bytes = 0;  // the table below leaves out plans in the bin
  for (const StoredPlan& plan : app.store().plans())
    if (!plan.deleted) listed_bytes += static_cast<double>(stored_bytes(plan));
  draw_storage_report(app.storage_report(), listed_bytes, lang);

  if (!ui.removed_id.empty()) {
    const StoredPlan* removed = app.store().find(ui.removed_id);
    if (removed != nullptr && removed->deleted) {
      text_item_colored(kColorWarning, std::string(tr(Str::removed, lang)) + ": " + removed->name);
      ImGui::SameLine();
      // Its own id: the menu bar's undo button has the same text.
      if (ImGui::SmallButton((std::string(tr(Str::undo_remove, lang)) + "##undo_remove").c_str())) {
        app.store().set_deleted(ui.removed_id, false);
        ui.removed_id.clear();
      }
    }
  }

  // The file is the real backup: name the plans whose changes are in no file for days.
  std::string overdue;
  const double now = platform::now_ms();
  for (const StoredPlan& plan : app.store().plans())
    if (!plan.deleted && download_reminder_due(plan, now))
      overdue += (overdue.empty() ? " " : ", ") + plan.name;
  if (!overdue.empty()) {
    ImGui::PushTextWrapPos(0.0f);
    text_item_colored(kColorWarning, tr(Str::download_reminder, lang) + overdue + ". " +
                                         tr(Str::download_reminder_tail, lang));
    ImGui::PopTextWrapPos();
  }

  int shown = 0;
  const ImGuiTableFlags flags =
      ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
  if (ImGui::BeginTable("##plans", 5, flags)) {
    ImGui::TableSetupColumn(tr(Str::column_name, lang), ImGuiTableColumnFlags_WidthStretch, 2.6f);
    ImGui::TableSetupColumn(tr(Str::column_changed, lang), ImGuiTableColumnFlags_WidthStretch,
                            1.1f);
    ImGui::TableSetupColumn(tr(Str::column_versions, lang), ImGuiTableColumnFlags_WidthStretch,
                            0.6f);
    ImGui::TableSetupColumn(tr(Str::column_size, lang), ImGuiTableColumnFlags_WidthStretch, 0.6f);
    ImGui::TableSetupColumn("##actions", ImGuiTableColumnFlags_WidthStretch, 3.4f);
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
  if (current == nullptr || current->versions.empty()) return;
  ImGui::Spacing();
  text_item(tr(Str::versions_title, lang));
  ImGui::PushTextWrapPos(0.0f);
  text_disabled(tr(Str::cmp_from_hint, lang));
  ImGui::PopTextWrapPos();
  // A version to compare from that is gone (dropped, another plan opened) compares from the plan.
  const auto& kept = current->versions;
  if (std::none_of(kept.begin(), kept.end(),
                   [&](const StoredVersion& v) { return v.number == ui.compare_from_version; }))
    ui.compare_from_version = 0;
  if (ui.compare_from_version != 0) {
    text_item(tr(Str::cmp_from_version, lang) + std::to_string(ui.compare_from_version));
    ImGui::SameLine();
    if (ImGui::SmallButton(tr(Str::cmp_from_plan, lang))) ui.compare_from_version = 0;
  }
  if (ImGui::BeginTable("##versions", 3, flags)) {
    ImGui::TableSetupColumn(tr(Str::saved_on, lang), ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn(tr(Str::column_change, lang), ImGuiTableColumnFlags_WidthStretch, 2.5f);
    ImGui::TableSetupColumn("##restore", ImGuiTableColumnFlags_WidthStretch, 1.1f);
    ImGui::TableHeadersRow();
    const std::vector<StoredVersion> versions = current->versions;
    // Newest first; the newest is the plan as it is open now.
    for (auto v = versions.rbegin(); v != versions.rend(); ++v) {
      ImGui::PushID(v->number);
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      const int from = ui.compare_from_version;
      if (ImGui::RadioButton((version_time_text(*v) + "##from").c_str(), from == v->number))
        ui.compare_from_version = from == v->number ? 0 : v->number;
      // The time alone does not tell the versions apart (several within a minute).
      const std::string number = tr(Str::cmp_version, lang) + std::to_string(v->number);
      record_last_item(tr(Str::cmp_from_version, lang) + std::to_string(v->number));
      ImGui::TableNextColumn();
      ImGui::PushTextWrapPos(0.0f);
      text_item(version_change_text(*v, lang));
      ImGui::PopTextWrapPos();
      ImGui::TableNextColumn();
      const bool newest = v == versions.rbegin();
      if (newest) {
        text_item(tr(Str::is_open, lang));
      } else if (ImGui::SmallButton(tr(Str::restore, lang))) {
        app.restore_version(v->number);
      }
      // Compared with the plan being edited (the newest version is the plan) the changes can be
      // taken over; between two other versions they are only shown.
      const int other = from == versions.back().number ? 0 : from;
      if (from != v->number && (!newest || other != 0)) {
        ImGui::SameLine();
        const bool pressed = ImGui::SmallButton(tr(Str::cmp_compare_version, lang));
        record_last_item(std::string(tr(Str::cmp_compare_version, lang)) + ": " + number);
        if (pressed) {
          if (other == 0)
            app.compare_with_version(v->number);
          else if (newest)
            app.compare_with_version(other);
          else
            app.compare_versions(other, v->number);
        }
      }
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
}

}  // namespace sto::ui
