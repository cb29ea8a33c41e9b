// The app's state (web/app) driven as the page and the frame loop drive it, in a program linked
// without ImGui (CMakeLists.txt: session_tests links sto_session, not imgui): a plan opened,
// edited, undone, saved, reopened after a "reload" and compared with an earlier version, with no
// UI at all.
#include <catch2/catch.hpp>
#include <string>

#include "app/app.h"
#include "platform/browser_native_testing.h"

using namespace sto;

namespace {
bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}
}  // namespace

TEST_CASE("the app's state opens, edits, saves, reopens and compares without ImGui", "[session]") {
  platform::testing::clear_storage();
  std::string id;
  {
    ui::App app;  // a first visit: the example plan, stored nowhere yet
    REQUIRE(app.plan().is_example);
    CHECK(app.current_plan_id().empty());
    app.continue_as_own_plan();  // version 1 in "Mijn plannen"
    REQUIRE_FALSE(app.current_plan_id().empty());
    id = app.current_plan_id();

    app.post(SetField<&Plan::notes>{"eerste ronde"});
    app.post(SetField<&Region::fixed_maximum>{Money{1}});
    app.apply_posted();
    CHECK(app.plan().notes == "eerste ronde");
    CHECK(contains(app.storage_status_json(), "\"dirty\":true"));
    REQUIRE(app.undo());
    CHECK(app.history_note_text() == "Ongedaan: Maximumbedrag uit de bijlage gewijzigd");
    CHECK(app.plan().region.fixed_maximum.cents != 1);
    app.flush_save();  // as the page does when it goes away: version 2
    CHECK(contains(app.storage_status_json(), "\"dirty\":false"));
  }
  {
    ui::App app;  // the reload: the plan open last, as stored
    CHECK(app.current_plan_id() == id);
    CHECK(app.plan().notes == "eerste ronde");
    CHECK_FALSE(app.plan().is_example);
    // Compared with version 1, the notes are the one change to take over.
    app.compare_with_version(1);
    ui::CompareSession* session = app.compare_session();
    REQUIRE(session != nullptr);
    REQUIRE(session->changes.size() == 1);
    CHECK(session->changes[0].section == DiffSection::settings);
    app.compare_session()->set_all_accepted(true);
    app.apply_compare_choice();
    app.apply_posted();
    CHECK(app.plan().notes != "eerste ronde");  // back to version 1's notes
  }
}
