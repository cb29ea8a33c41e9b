// A view's private state type named as one in test_view_state.cpp, in another file: the App's
// ViewState must keep the two apart (web/app/view_state.h).
#include <string>

#include "app/view_state.h"

namespace sto::ui {
namespace {

struct Filter {
  std::string text = "other file";
};

}  // namespace

std::string& other_file_filter_text(ViewState& views) {
  return views.get<Filter>().text;
}

}  // namespace sto::ui
