// Exchange with the world outside the app: budget CSV export and import (with a preview and
// one undo step), the printable report, and share links that carry the plan in the URL fragment.
#include <cstdio>

#include "app/app.h"
#include "exchange/csv_export.h"
#include "exchange/link_format.h"
#include "exchange/report_html.h"
#include "format/file_format.h"
#include "platform/browser.h"

namespace sto::ui {

namespace {
// Longer links break in mail: clients wrap plain-text mail, and some cut links near 8,000
// characters. The dialog then offers the plan file instead.
constexpr std::size_t kLinkWarningLength = 8000;
}  // namespace

void App::export_budget_csv() {
  std::string name = default_download_name();
  name.replace(name.size() - 5, 5, ".csv");
  name.insert(0, language_ == Language::nl ? "begroting-" : "budget-");
  platform::download_file(name, "text/csv;charset=utf-8",
                          export_csv(plan(), analysis().evaluation, language_));
}

void App::import_budget_csv(std::string_view file_name, std::string_view text) {
  CsvImportResult result = import_csv(text, plan());
  pending_import_ = PendingImport{std::string(file_name), std::move(result)};
}

void App::accept_pending_import() {
  if (!pending_import_) return;
  apply_csv_import(document_, pending_import_->result);  // one group: one undo step
  pending_import_.reset();
  select_section(Section::budget);
}

void App::open_report() {
  platform::open_html(report_html(plan(), analysis(), language_));
}

void App::download_report() {
  std::string name = default_download_name();  // "<plan>-<date>.json"
  name.resize(name.size() - 5);
  name += language_ == Language::nl ? "-rapport.html" : "-report.html";
  platform::download_file(name, "text/html;charset=utf-8",
                          report_html(plan(), analysis(), language_));
}

void App::make_share_link() {
  share_link_.clear();
  platform::make_share_link(save_plan(plan()));
}

std::string App::link_data(std::string_view plan_text) const {
  const LoadResult loaded = load_plan(plan_text);
  return loaded.usable() ? encode_link_plan(loaded.plan) : std::string();
}

void App::share_link_ready(std::string_view url) {
  share_link_ = std::string(url);
  ui_state_.share_dialog_open = true;
  ui_state_.share_copied_ms = 0;
}

bool App::share_link_too_long() const {
  return share_link_.size() > kLinkWarningLength;
}

void App::refuse_shared_plan_too_large() {
  banner_ = {Str::link_refused, too_large_failure().error.in(language_), Str::count, true};
}

void App::open_shared_plan(std::string_view data, bool compact) {
  LoadResult result = compact ? decode_link_plan(data) : load_plan(data);
  if (!result.usable()) {
    banner_ = {Str::link_refused, result.error.in(language_), Str::count, true};
    return;
  }
  flush_save();
  // Opening a link never replaces anything silently: the user confirms first.
  pending_open_ = PendingOpen{tr(Str::shared_plan, language_), std::move(result),
                              document_.revision() != saved_revision_, true};
}

}  // namespace sto::ui
