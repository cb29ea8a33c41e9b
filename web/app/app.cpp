// The application's state: edits, undo and redo, what the page says, the test API. Storage and
// files: app_storage.cpp. No ImGui here: the frame (web/frame, web/ui) draws this state.
#include "app/app.h"

#include "exchange/summary_json.h"
#include "rules/finding_codes.h"
#include "rules/finding_place.h"
#include "text/strings.h"

namespace sto::ui {

App::App() {
  open_last_or_sample();
}

std::string App::plan_json() const {
  return save_plan(plan());
}

std::string App::load_plan_json_for_api(std::string_view text) {
  LoadResult result = load_plan(text);
  if (!result.ok())
    return "{\"ok\":false,\"error\":" + json_quote(result.error.in(language_)) + "}";
  replace_document(std::move(result.plan), "", 0);
  return "{\"ok\":true}";
}

std::string App::summary_json() const {
  return sto::summary_json(plan(), analysis(), language_);
}

std::string App::storage_status_json() const {
  static const char* const problems[] = {"none",         "quota",    "unavailable",
                                         "not_verified", "conflict", "deleted"};
  return std::string("{\"plan_id\":") + json_quote(current_id_) +
         ",\"problem\":" + json_quote(problems[static_cast<int>(storage_problem_)]) +
         ",\"dirty\":" + (document_.revision() != saved_revision_ ? "true" : "false") +
         ",\"status\":" + json_quote(save_status_text()) +
         ",\"banner\":" + json_quote(banner_text()) +
         ",\"pending_open\":" + (pending_open_ ? "true" : "false") +
         ",\"delta_pending\":" + (store_.delta_due() ? "true" : "false") + "}";
}

std::string App::findings_count_text() const {
  int errors = 0, warnings = 0;
  for (const Finding& f : analysis().findings) {
    errors += f.severity == Severity::error ? 1 : 0;
    warnings += f.severity == Severity::warning ? 1 : 0;
  }
  return std::to_string(errors) + " " + tr(errors == 1 ? Str::error_one : Str::errors, language_) +
         ", " + std::to_string(warnings) + " " +
         tr(warnings == 1 ? Str::warning_one : Str::warnings, language_);
}

access::PageState App::access_page_state() const {
  access::PageState page;
  page.language = language_ == Language::nl ? "nl" : "en";
  page.title = plan_display_name() + " — " + tr(Str::app_title, language_);
  // Not while a save is pending: "wordt opgeslagen…" after every keystroke is noise.
  if (document_.revision() == saved_revision_) page.save_status = save_status_text();
  // A refused edit is announced like a banner: the user must hear why nothing changed.
  page.banner = command_error_.empty()
                    ? banner_text()
                    : std::string(tr(Str::edit_refused, language_)) + " " + command_error_text();
  page.findings = findings_count_text();
  page.notice = notice_;
  page.notice_serial = notice_serial_;
  return page;
}

void App::post(Command command, std::function<void()> on_applied) {
  PostedStep step;
  step.commands.push_back(std::move(command));
  step.on_applied = std::move(on_applied);
  posted_.push_back(std::move(step));
}

void App::execute_group(LocalizedText label, std::vector<Command> commands,
                        std::function<void()> on_applied) {
  posted_.push_back({std::move(commands), std::move(label), std::move(on_applied)});
}

void App::apply_posted() {
  // A callback may post again: those commands wait for the next round.
  std::vector<PostedStep> steps = std::move(posted_);
  posted_.clear();
  if (!steps.empty()) history_note_ = {};  // a new edit: the last undo is no longer the news
  for (PostedStep& step : steps) {
    if (step.group_label) document_.begin_group(*step.group_label);
    LocalizedText refused;
    for (const Command& command : step.commands) {
      ApplyResult result = document_.execute(command);
      if (!result.ok()) {
        refused = std::move(result.error);
        break;
      }
    }
    if (step.group_label) {
      if (refused.empty())
        document_.end_group();
      else
        document_.abandon_group();
    }
    if (!refused.empty()) {
      command_error_ = message_in_words(document_.plan(), refused);
      continue;
    }
    command_error_ = {};
    if (step.on_applied) step.on_applied();
  }
}

bool App::undo() {
  forget_field_errors();
  const History& history = document_.history();
  if (!history.can_undo()) return false;
  const HistoryStep step = history.steps()[history.cursor() - 1];
  if (!document_.undo()) return false;
  show_history_step(step, true);
  return true;
}

bool App::redo() {
  forget_field_errors();
  const History& history = document_.history();
  if (!history.can_redo()) return false;
  const HistoryStep step = history.steps()[history.cursor()];
  if (!document_.redo()) return false;
  show_history_step(step, false);
  return true;
}

void App::show_history_step(const HistoryStep& step, bool undone) {
  history_note_ = undone ? LocalizedText{"Ongedaan: " + step.label.nl, "Undone: " + step.label.en}
                         : LocalizedText{"Opnieuw: " + step.label.nl, "Redone: " + step.label.en};
  announce(history_note_.in(language_));
  if (step.redo.empty()) return;
  // The section and field of the step's first change, highlighted as a finding there would be.
  Finding place;
  place.path = command_path(step.redo.front());
  go_to_finding(place);
}

void App::move_history_to(std::size_t cursor) {
  forget_field_errors();
  while (document_.history().cursor() > cursor && document_.undo()) {
  }
  while (document_.history().cursor() < cursor && document_.redo()) {
  }
}

std::string App::ui_json() const {
  return "{\"section\":" + std::to_string(section_shown_) +
         ",\"highlight_path\":" + json_quote(ui_state_.highlight_path) + ",\"language\":\"" +
         (language_ == Language::nl ? "nl" : "en") + "\"" +
         ",\"presentation\":" + (ui_state_.presentation_mode ? "true" : "false") + "}";
}

void App::go_to_finding(const Finding& finding) {
  ui_state_.highlight_path = finding.path;
  ui_state_.scroll_to_highlight = true;
  // Where the finding-code table (core/rules/finding_codes.h) says the finding is shown.
  switch (finding_section(finding.code, finding.path)) {
    case FindingSection::settings: select_section(Section::settings); break;
    case FindingSection::partners: select_section(Section::partners); break;
    case FindingSection::goals: select_section(Section::goals); break;
    case FindingSection::activities: select_section(Section::activities); break;
    case FindingSection::budget: select_section(Section::budget); break;
    case FindingSection::cofinancing: select_section(Section::cofinancing); break;
    case FindingSection::scenarios: select_section(Section::scenarios); break;
    case FindingSection::overview:
    case FindingSection::by_place: select_section(Section::overview); break;
  }
}

void App::open_budget_for_activity(std::size_t index) {
  ui_state_.budget_activity_request = static_cast<int>(index);
  ui_state_.highlight_path.clear();
  select_section(Section::budget);
}

void App::draw_every_section_for_test(const std::function<void()>& draw_frames) {
  for (int i = 0; i < static_cast<int>(Section::count); ++i) {
    section_to_select_ = i;
    draw_frames();
  }
}

}  // namespace sto::ui
