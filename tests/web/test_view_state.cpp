// What the views keep between frames (web/app/view_state.h): one state per App and type, and a
// cache that follows both the plan's revision and the language.
#include <catch2/catch.hpp>
#include <string>

#include "app/view_state.h"

namespace sto::ui {

std::string& other_file_filter_text(ViewState& views);  // test_view_state_other.cpp

namespace {

struct Filter {
  int activity = -1;
};
struct LabelsMemo : Memo<std::string> {};

TEST_CASE("ViewState: one state per type, made once, separate per owner") {
  ViewState views;
  views.get<Filter>().activity = 3;
  CHECK(views.get<Filter>().activity == 3);
  ViewState other;  // another App: a fresh UI
  CHECK(other.get<Filter>().activity == -1);
}

TEST_CASE("ViewState: two files' private types of one name are two states") {
  ViewState views;
  views.get<Filter>().activity = 7;
  CHECK(other_file_filter_text(views) == "other file");
  other_file_filter_text(views) = "changed";
  CHECK(views.get<Filter>().activity == 7);
  CHECK(other_file_filter_text(views) == "changed");
}

TEST_CASE("Memo: rebuilt when the revision or the language changes, else kept") {
  ViewState views;
  int builds = 0;
  auto labels = [&](std::uint64_t revision, Language language) {
    return views.get<LabelsMemo>().get(revision, language, [&] {
      ++builds;
      return std::string(language == Language::nl ? "Materialen" : "Materials") + " " +
             std::to_string(revision);
    });
  };
  CHECK(labels(1, Language::nl) == "Materialen 1");
  CHECK(labels(1, Language::nl) == "Materialen 1");
  CHECK(builds == 1);
  CHECK(labels(1, Language::en) == "Materials 1");  // the language alone: a sort by labels
  CHECK(labels(2, Language::en) == "Materials 2");
  CHECK(builds == 3);
}

}  // namespace
}  // namespace sto::ui
