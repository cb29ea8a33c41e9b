// The page around the sections: the menu bar with the save status, banners that must be seen
// (storage problems, recovered versions, refused files), and the modal dialogs.
#include <imgui.h>

#include <imgui_stdlib.h>

#include <cstring>

#include "app/app.h"
#include "frame/item_registry.h"
#include "platform/browser.h"
#include "text/strings.h"
#include "ui/panels.h"
#include "ui/widgets.h"

namespace sto::ui {

namespace {

// A full-width coloured box with a message and room for buttons after it.
bool begin_banner(const char* id, ImVec4 background, const std::string& text, float button_rows) {
  ImGui::PushStyleColor(ImGuiCol_ChildBg, background);
  const float height = ImGui::GetTextLineHeightWithSpacing() * 1.4f +
                       button_rows * ImGui::GetFrameHeightWithSpacing() + 12.0f;
  const bool open = ImGui::BeginChild(id, ImVec2(0, height), true);
  ImGui::PushTextWrapPos(0.0f);
  text_item(text);
  ImGui::PopTextWrapPos();
  return open;
}

void end_banner() {
  ImGui::EndChild();
  ImGui::PopStyleColor();
}

// A menu in the menu bar, findable by its title (ImGui 1.86 does not report menus to the hooks).
bool menu(const char* title) {
  const bool open = ImGui::BeginMenu(title);
  record_last_item(title);
  return open;
}

const ImVec4 kBannerWarning{1.0f, 0.93f, 0.85f, 1.0f};
const ImVec4 kBannerInfo{0.88f, 0.94f, 1.0f, 1.0f};
const ImVec4 kBannerExample{1.0f, 0.96f, 0.80f, 1.0f};

// How long "Gekopieerd" shows beside the share dialog's copy button.
constexpr double kCopiedShownMs = 4000;

}  // namespace

void draw_top_bar(App& app) {
  const Language lang = app.language();
  if (!ImGui::BeginMenuBar()) return;
  ImGui::TextColored(kColorNeutral, "%s", tr(Str::app_title, lang));
  if (menu(tr(Str::menu_file, lang))) {
    if (ImGui::MenuItem(tr(Str::menu_new_plan, lang))) open_new_plan_wizard(app);
    if (ImGui::MenuItem(tr(Str::menu_open, lang))) platform::open_file_picker();
    if (ImGui::MenuItem(tr(Str::menu_open_example, lang))) app.open_example_plan();
    if (ImGui::MenuItem(tr(Str::menu_download, lang))) {
      UiState& ui = app.ui_state();
      ui.download_dialog_open = true;
      std::snprintf(ui.download_name, sizeof ui.download_name, "%s",
                    app.default_download_name().c_str());
    }
    if (ImGui::MenuItem(tr(Str::menu_compare_file, lang)))
      app.request_file_picker(FilePurpose::compare);
    ImGui::Separator();
    if (ImGui::MenuItem(tr(Str::menu_export_csv, lang))) app.export_budget_csv();
    if (ImGui::MenuItem(tr(Str::menu_import_csv, lang))) platform::pick_files("budget-csv");
    if (ImGui::MenuItem(tr(Str::menu_report, lang))) app.open_report();
    if (ImGui::MenuItem(tr(Str::menu_report_download, lang))) app.download_report();
    if (ImGui::MenuItem(tr(Str::menu_share, lang))) app.make_share_link();
    ImGui::Separator();
    ImGui::MenuItem(tr(Str::menu_presentation, lang), nullptr, &app.ui_state().presentation_mode);
    if (ImGui::MenuItem(tr(Str::section_my_plans, lang))) app.select_section(Section::my_plans);
    ImGui::EndMenu();
  }
  if (menu(tr(Str::menu_edit, lang))) {
    const History& history = app.document().history();
    const std::string undo_label = std::string(tr(Str::undo, lang)) +
                                   (history.can_undo() ? ": " + history.undo_label().in(lang) : "");
    const std::string redo_label = std::string(tr(Str::redo, lang)) +
                                   (history.can_redo() ? ": " + history.redo_label().in(lang) : "");
    if (ImGui::MenuItem(undo_label.c_str(), "Ctrl+Z", false, history.can_undo())) app.undo();
    if (ImGui::MenuItem(redo_label.c_str(), "Ctrl+Shift+Z", false, history.can_redo())) app.redo();
    ImGui::Separator();
    if (ImGui::MenuItem(tr(Str::history, lang))) app.ui_state().history_open = true;
    ImGui::EndMenu();
  }
  if (menu(tr(Str::menu_help, lang))) {
    if (ImGui::MenuItem(tr(Str::shortcuts, lang))) app.ui_state().shortcuts_open = true;
    ImGui::EndMenu();
  }
  if (app.ui_state().presentation_mode) {
    // Less chrome in front of a room: the region's name and the way back.
    text_item(app.plan().region.name);
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x -
                    ImGui::CalcTextSize(tr(Str::exit_presentation, lang)).x -
                    2 * ImGui::GetStyle().FramePadding.x);
    if (ImGui::SmallButton(tr(Str::exit_presentation, lang)))
      app.ui_state().presentation_mode = false;
    ImGui::EndMenuBar();
    return;
  }
  // Undo and redo as buttons too: not everyone knows the shortcuts.
  ImGui::BeginDisabled(!app.document().can_undo());
  if (ImGui::SmallButton(tr(Str::undo, lang))) app.undo();
  ImGui::EndDisabled();
  ImGui::BeginDisabled(!app.document().can_redo());
  if (ImGui::SmallButton(tr(Str::redo, lang))) app.redo();
  ImGui::EndDisabled();
  // Right side: save status, the nudge to download, the language switch. The language switch
  // must always be reachable, so the region's name and then details give way on narrow screens.
  std::string status = app.save_status_text();
  bool nudge = app.only_in_browser();
  const char* nudge_text = tr(Str::only_in_browser, lang);
  const char* switch_label = tr(Str::language_switch, lang);
  const ImGuiStyle& style = ImGui::GetStyle();
  const auto right_width = [&] {
    float w = ImGui::CalcTextSize(status.c_str()).x + ImGui::CalcTextSize(switch_label).x +
              2 * style.FramePadding.x + 2 * style.ItemSpacing.x;
    if (nudge) w += ImGui::CalcTextSize(nudge_text).x + style.ItemSpacing.x;
    return w;
  };
  float available = ImGui::GetWindowContentRegionMax().x - ImGui::GetCursorPosX();
  // Right after an undo or redo, what it did takes the region's place, and the nudge and the
  // status's details give way to it: it is the news of the moment.
  const std::string note = app.history_note_text();
  const float note_width =
      note.empty() ? 0.0f : ImGui::CalcTextSize(note.c_str()).x + style.ItemSpacing.x;
  if (note_width + right_width() > available && status.find(" · ") != std::string::npos)
    status.erase(status.find(" · "));
  if (note_width + right_width() > available) nudge = false;
  // A tablet held upright: then the nudge, then the status give way too.
  if (right_width() > available) nudge = false;
  if (right_width() > available) status.clear();
  const std::string region =
      note.empty() ? std::string(tr(Str::region, lang)) + ": " + app.plan().region.name : note;
  if (ImGui::CalcTextSize(region.c_str()).x + style.ItemSpacing.x + right_width() <= available) {
    if (note.empty())
      text_disabled(region);
    else
      text_item_colored(kColorNeutral, region);
  }
  const float width = right_width();
  ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - width));
  if (nudge) {
    text_item_colored(kColorWarning, nudge_text);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Str::only_in_browser_hint, lang));
    ImGui::SameLine();
  }
  if (!status.empty()) {
    text_item(status);
    ImGui::SameLine();
  }
  if (ImGui::SmallButton(switch_label)) app.toggle_language();
  ImGui::EndMenuBar();
}

void draw_banners(App& app) {
  const Language lang = app.language();
  switch (app.storage_problem()) {
    case StorageProblem::none: break;
    case StorageProblem::conflict:
      if (begin_banner("##conflict", kBannerWarning, tr(Str::storage_conflict, lang), 1)) {
        if (ImGui::Button(tr(Str::conflict_load_newer, lang))) app.load_newer_version();
        ImGui::SameLine();
        if (ImGui::Button(tr(Str::conflict_keep_copy, lang))) app.keep_mine_as_copy();
      }
      end_banner();
      break;
    case StorageProblem::deleted:
      if (begin_banner("##deleted", kBannerWarning, tr(Str::storage_deleted, lang), 1)) {
        if (ImGui::Button(tr(Str::deleted_keep_as_new, lang))) app.keep_as_new_plan();
      }
      end_banner();
      break;
    case StorageProblem::quota:
    case StorageProblem::unavailable:
    case StorageProblem::not_verified: {
      const Str text = app.storage_problem() == StorageProblem::quota ? Str::storage_quota
                       : app.storage_problem() == StorageProblem::unavailable
                           ? Str::storage_unavailable
                           : Str::storage_not_verified;
      if (begin_banner("##storage", kBannerWarning, tr(text, lang), 1)) {
        if (ImGui::Button(tr(Str::download_now, lang))) {
          UiState& ui = app.ui_state();
          ui.download_dialog_open = true;
          std::snprintf(ui.download_name, sizeof ui.download_name, "%s",
                        app.default_download_name().c_str());
        }
      }
      end_banner();
      break;
    }
  }
  // A refused edit: the plan stays as it was, and the reason is the loader's own.
  if (const std::string refused = app.command_error_text(); !refused.empty()) {
    if (begin_banner("##edit_refused", kBannerWarning,
                     std::string(tr(Str::edit_refused, lang)) + " " + refused, 1)) {
      if (ImGui::SmallButton(tr(Str::close, lang))) app.dismiss_command_error();
    }
    end_banner();
  }
  const std::string message = app.banner_text();
  if (!message.empty()) {
    if (begin_banner("##message", app.banner_is_error() ? kBannerWarning : kBannerInfo, message,
                     1)) {
      if (ImGui::SmallButton(tr(Str::close, lang))) app.dismiss_banner();
    }
    end_banner();
  }
  if (app.plan().is_example && !app.ui_state().presentation_mode) {
    if (begin_banner("##example", kBannerExample, tr(Str::example_banner, lang), 1)) {
      // Keeps the example's content as a plan of the user's own (App::continue_as_own_plan).
      if (ImGui::Button(tr(Str::own_plan_button, lang))) app.continue_as_own_plan();
      ImGui::SameLine();
      if (ImGui::Button(tr(Str::menu_new_plan, lang))) open_new_plan_wizard(app);
      ImGui::SameLine();
      if (ImGui::Button(tr(Str::open_file_button, lang))) platform::open_file_picker();
    }
    end_banner();
  }
}

namespace {

// "Geschiedenis": every step, a click undoes or redoes up to and including it.
void draw_history_window(App& app) {
  const Language lang = app.language();
  UiState& ui = app.ui_state();
  if (ui.history_open) {
    ImGui::SetNextWindowSize(ImVec2(520, 420), ImGuiCond_FirstUseEver);
    if (ImGui::Begin(tr(Str::history_title, lang), &ui.history_open,
                     ImGuiWindowFlags_NoSavedSettings)) {
      const History& history = app.document().history();
      // Each step is a click target: clicking one undoes or redoes up to and including it.
      if (ImGui::Selectable(tr(Str::history_start, lang), history.cursor() == 0))
        app.move_history_to(0);
      for (std::size_t i = 0; i < history.steps().size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        const bool applied = i < history.cursor();
        if (!applied)
          ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        if (ImGui::Selectable(history.steps()[i].label.in(lang).c_str(), i + 1 == history.cursor()))
          app.move_history_to(i + 1);
        if (!applied) ImGui::PopStyleColor();
        ImGui::PopID();
      }
      if (history.steps().empty()) text_item(tr(Str::history_empty, lang));
    }
    ImGui::End();
  }
}

// Help → Sneltoetsen.
void draw_shortcuts_dialog(App& app) {
  const Language lang = app.language();
  UiState& ui = app.ui_state();
  if (ui.shortcuts_open) ImGui::OpenPopup("##shortcuts");
  if (ImGui::BeginPopupModal("##shortcuts", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    heading(tr(Str::shortcuts, lang));
    text_item(tr(Str::shortcuts_intro, lang));
    static const Str rows[][2] = {{Str::key_tab, Str::key_tab_does},
                                  {Str::key_activate, Str::key_activate_does},
                                  {Str::key_arrows, Str::key_arrows_does},
                                  {Str::key_escape, Str::key_escape_does},
                                  {Str::key_enter_field, Str::key_enter_field_does},
                                  {Str::key_undo, Str::key_undo_does},
                                  {Str::key_redo, Str::key_redo_does},
                                  {Str::key_clipboard, Str::key_clipboard_does}};
    if (ImGui::BeginTable("##shortcut_keys", 2, ImGuiTableFlags_BordersInnerH)) {
      for (const auto& row : rows) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        text_item(tr(row[0], lang));
        ImGui::TableNextColumn();
        text_item(tr(row[1], lang));
      }
      ImGui::EndTable();
    }
    if (ImGui::Button(tr(Str::close, lang))) {
      ui.shortcuts_open = false;
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
}

// "Downloaden…": the file name, then the download.
void draw_download_dialog(App& app) {
  const Language lang = app.language();
  UiState& ui = app.ui_state();
  if (ui.download_dialog_open) ImGui::OpenPopup("##download");
  if (ImGui::BeginPopupModal("##download", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    text_item(tr(Str::menu_download, lang));
    ImGui::SetNextItemWidth(420);
    input_text(tr(Str::file_name, lang), ui.download_name, sizeof ui.download_name);
    if (ImGui::Button(tr(Str::download, lang))) {
      app.download_current_plan(ui.download_name);
      ui.download_dialog_open = false;
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::cancel, lang))) {
      ui.download_dialog_open = false;
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
}

// A file or link that needs the user's decision before it replaces the plan.
void draw_pending_open_dialog(App& app) {
  const Language lang = app.language();
  if (app.pending_open()) ImGui::OpenPopup("##pending_open");
  if (ImGui::BeginPopupModal("##pending_open", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    const PendingOpen* pending = app.pending_open() ? &*app.pending_open() : nullptr;
    if (pending == nullptr) {
      ImGui::CloseCurrentPopup();
    } else {
      text_item(pending->file_name);
      if (pending->replaces_unsaved)
        text_item_colored(kColorWarning, tr(Str::unsaved_warning, lang));
      if (pending->result.status == LoadStatus::repaired) {
        text_item_colored(kColorWarning, tr(Str::repaired_title, lang));
        text_item(tr(Str::repaired_intro, lang));
        ImGui::BeginChild("##skipped", ImVec2(640, 220), true);
        for (const SkippedRecord& record : pending->result.skipped)
          text_item(record.reason.in(lang));
        ImGui::EndChild();
      }
      const bool repaired = pending->result.status == LoadStatus::repaired;
      const Str accept = repaired             ? Str::keep_repaired
                         : pending->from_link ? Str::open
                                              : Str::open_anyway;
      if (ImGui::Button(tr(accept, lang))) {
        app.accept_pending_open();
        ImGui::CloseCurrentPopup();
      }
      ImGui::SameLine();
      if (ImGui::Button(tr(Str::cancel, lang))) {
        app.reject_pending_open();
        ImGui::CloseCurrentPopup();
      }
    }
    ImGui::EndPopup();
  }
}

// A budget CSV read and checked: its good rows added on the user's word.
void draw_pending_import_dialog(App& app) {
  const Language lang = app.language();
  if (app.pending_import()) ImGui::OpenPopup("##pending_import");
  if (ImGui::BeginPopupModal("##pending_import", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    if (!app.pending_import()) {
      ImGui::CloseCurrentPopup();
    } else {
      const PendingImport& pending = *app.pending_import();
      const CsvImportResult& result = pending.result;
      text_item(std::string(tr(Str::import_title, lang)) + ": " + pending.file_name);
      if (!result.ok()) {
        text_item_colored(kColorError, std::string(tr(Str::import_file_error, lang)) + ": " +
                                           result.file_error.in(lang));
      } else {
        text_item_colored(
            kColorOk, std::to_string(result.lines.size()) + " " + tr(Str::import_good_rows, lang));
        if (result.error_count > 0) {
          text_item_colored(kColorWarning, std::to_string(result.error_count) + " " +
                                               tr(Str::import_bad_rows, lang));
          ImGui::BeginChild("##import_errors", ImVec2(680, 200), true);
          for (const CsvRowProblem& problem : result.errors) text_item(describe(problem, lang));
          ImGui::EndChild();
        }
        // A preview of what will be added.
        if (!result.lines.empty() &&
            ImGui::BeginTable("##import_preview", 4,
                              ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollY,
                              ImVec2(680, 180))) {
          ImGui::TableSetupColumn(tr(Str::col_activity, lang));
          ImGui::TableSetupColumn(tr(Str::col_description, lang));
          ImGui::TableSetupColumn(tr(Str::col_year, lang));
          ImGui::TableSetupColumn(tr(Str::col_price, lang));
          ImGui::TableHeadersRow();
          ImGuiListClipper clipper;
          clipper.Begin(static_cast<int>(result.lines.size()));
          while (clipper.Step()) {
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
              const ImportedLine& line = result.lines[static_cast<std::size_t>(i)];
              ImGui::TableNextRow();
              ImGui::TableNextColumn();
              plain_text(app.plan().activities[line.activity].title);
              ImGui::TableNextColumn();
              plain_text(line.line.description);
              ImGui::TableNextColumn();
              ImGui::Text("%d", line.line.year);
              ImGui::TableNextColumn();
              plain_text(format_money(line.line.price, lang));
            }
          }
          ImGui::EndTable();
        }
      }
      ImGui::BeginDisabled(!result.ok() || result.lines.empty());
      if (ImGui::Button(tr(Str::import_add, lang))) {
        app.accept_pending_import();
        ImGui::CloseCurrentPopup();
      }
      ImGui::EndDisabled();
      ImGui::SameLine();
      if (ImGui::Button(tr(Str::cancel, lang))) {
        app.reject_pending_import();
        ImGui::CloseCurrentPopup();
      }
    }
    ImGui::EndPopup();
  }
}

// "Delen…": the share link, copied with a confirmation, or the file when the link is too long.
void draw_share_dialog(App& app) {
  const Language lang = app.language();
  UiState& ui = app.ui_state();
  if (ui.share_dialog_open) ImGui::OpenPopup("##share");
  if (ImGui::BeginPopupModal("##share", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    text_item(tr(Str::share_title, lang));
    ImGui::PushTextWrapPos(640);
    text_disabled(tr(Str::share_explain, lang));
    std::string link = app.share_link();
    ImGui::SetNextItemWidth(640);
    input_text("##share_link", link, tr(Str::share_title, lang),
               ImGuiInputTextFlags_ReadOnly | ImGuiInputTextFlags_AutoSelectAll);
    text_item(format_fixed(static_cast<std::int64_t>(link.size()), 0, lang) +
              (lang == Language::nl ? " tekens" : " characters"));
    const bool too_long = app.share_link_too_long();
    if (too_long) text_item_colored(kColorWarning, tr(Str::share_too_long, lang));
    ImGui::PopTextWrapPos();
    if (too_long) {
      if (ImGui::Button(tr(Str::share_download_file, lang))) {
        app.download_current_plan(app.default_download_name());
        ui.share_dialog_open = false;
        ui.share_copied_ms = 0;
        ImGui::CloseCurrentPopup();
      }
      ImGui::SameLine();
    }
    if (ImGui::Button(tr(Str::copy, lang))) {
      platform::set_clipboard_text(app.share_link());
      ui.share_copied_ms = platform::now_ms();
      platform::wake_after(kCopiedShownMs + 20);  // to take the confirmation away
      app.announce(tr(Str::copied, lang));
    }
    // The confirmation beside the button, for a few seconds; its room is kept when it is gone,
    // so the close button never moves under the pointer.
    ImGui::SameLine();
    const char* copied = tr(Str::copied, lang);
    if (ui.share_copied_ms > 0 && platform::now_ms() - ui.share_copied_ms < kCopiedShownMs)
      text_item_colored(kColorOk, copied);
    else
      ImGui::Dummy(ImVec2(ImGui::CalcTextSize(copied).x, ImGui::GetTextLineHeight()));
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::close, lang))) {
      ui.share_dialog_open = false;
      ui.share_copied_ms = 0;
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
}

}  // namespace

void draw_dialogs(App& app) {
  // Windows before modal popups: ImGui 1.86 asserts when a new window appears above an open modal.
  draw_history_window(app);
  draw_new_plan_wizard(app);
  draw_shortcuts_dialog(app);
  draw_download_dialog(app);
  draw_pending_open_dialog(app);
  draw_pending_import_dialog(app);
  draw_share_dialog(app);
}

}  // namespace sto::ui
