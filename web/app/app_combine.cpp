// Files that reach the app from the page for "Plannen combineren" and the national region table:
// held in memory for this session only (never written to browser storage).
#include <algorithm>
#include <utility>

#include "app/app.h"

namespace sto::ui {

void App::add_combine_file(std::string_view file_name, std::string_view text) {
  // Picking the same file again (after editing it elsewhere) replaces it rather than listing it
  // twice.
  const auto same = std::find_if(combine_files_.begin(), combine_files_.end(),
                                 [&](const PageFile& f) { return f.name == file_name; });
  if (same != combine_files_.end()) {
    same->text = std::string(text);
  } else {
    combine_files_.push_back({std::string(file_name), std::string(text)});
  }
  ++combine_revision_;
  select_section(Section::combine);
}

void App::remove_combine_file(std::size_t index) {
  if (index >= combine_files_.size()) return;
  combine_files_.erase(combine_files_.begin() + static_cast<std::ptrdiff_t>(index));
  ++combine_revision_;
}

void App::clear_combine_files() {
  combine_files_.clear();
  ++combine_revision_;
}

void App::set_region_csv(std::string_view file_name, std::string_view text) {
  region_csv_ = PageFile{std::string(file_name), std::string(text)};
  select_section(Section::national);
}

std::optional<PageFile> App::take_region_csv() {
  std::optional<PageFile> taken = std::move(region_csv_);
  region_csv_.reset();
  return taken;
}

FilePurpose App::take_file_picker_request() {
  const FilePurpose purpose = picker_request_;
  picker_request_ = FilePurpose::none;
  return purpose;
}

}  // namespace sto::ui
