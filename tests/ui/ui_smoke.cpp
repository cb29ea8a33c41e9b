// Headless UI smoke test: draws every section of every sample plan in both languages with a
// real ImGui context and no window, so an ImGui assertion or a crash in a panel fails the build.
// Also checks that every UI string has both translations.
#include <imgui.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8

#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <thread>

#include "access/access.h"
#include "app/app.h"
#include "core/test_roundtrip_gen.h"
#include "format/file_format.h"
#include "frame/item_registry.h"
#include "frame/style.h"
#include "model/assets.h"
#include "rules/finding_codes.h"
#include "rules/finding_place.h"
#include "text/strings.h"
#include "ui/panels.h"
#include "ui_test.h"

namespace {

using sto::ui_test::draw_frames;
using sto::ui_test::expect;

// The id of the first item in the mirror's JSON named exactly `name`, 0 when there is none.
unsigned node_id_named(const std::string& mirror, const std::string& name) {
  const std::size_t at = mirror.find("\"name\":\"" + name + "\"");
  if (at == std::string::npos) return 0;
  const std::size_t id = mirror.rfind("{\"id\":", at);
  return id == std::string::npos ? 0 : static_cast<unsigned>(std::stoul(mirror.substr(id + 6)));
}

// Draws every section in turn (two frames each) and checks that each was the one drawn and that
// the mirror describes it under its own title.
void draw_every_section(sto::ui::App& app, const std::string& what) {
  int section = 0;
  app.draw_every_section_for_test([&] {
    draw_frames(app, 2);
    const std::string shown = "\"section\":" + std::to_string(section) + ",";
    expect(app.ui_json().find(shown) != std::string::npos,
           what + ": section " + std::to_string(section) + " is the one drawn: " + app.ui_json());
    expect(sto::access::last_published().find("\"kind\":\"nav\"") != std::string::npos,
           what + ": section " + std::to_string(section) + " is in the mirror");
    ++section;
  });
  expect(section == static_cast<int>(sto::ui::Section::count), what + ": every section drawn");
}

}  // namespace

int main() {
  const sto::ui_test::Context context;
  ImGuiIO& io = ImGui::GetIO();
  {
    sto::ui::App app;
    if (app.set_pixel_ratio(2.0f)) sto::ui::load_fonts(2.0f);
    expect(sto::ui_test::build_fonts(), "font atlas builds");
    expect(io.Fonts->Fonts[0]->FindGlyphNoFallback(0x20AC) != nullptr,
           "the font has the euro sign");
    // Controle shows each finding's place and the source of its rule: every character they use
    // is in the font (a missing glyph is drawn as '?').
    const auto has_glyphs = [&](const std::string& text) {
      const char* at = text.c_str();
      const char* end = at + text.size();
      while (at < end) {
        unsigned int c = 0;
        at += ImTextCharFromUtf8(&c, at, end);
        if (c == 0 || !io.Fonts->Fonts[0]->FindGlyphNoFallback(static_cast<ImWchar>(c)))
          return false;
      }
      return true;
    };
    for (const sto::FindingCode& source : sto::finding_codes()) {
      for (sto::Language l : {sto::Language::nl, sto::Language::en})
        expect(has_glyphs(sto::source_line(source.code, l)),
               "the font has every character of the source of " + source.code);
    }
    const sto::LocalizedText place =
        sto::finding_place(sto::Plan{}, "activities[0].lines[0].investment.economic_life_months");
    expect(has_glyphs(place.nl) && has_glyphs(place.en),
           "the font has every character of a finding's place");

    for (int s = 0; s < static_cast<int>(sto::ui::Str::count); ++s) {
      const auto& t = sto::ui::translation(static_cast<sto::ui::Str>(s));
      expect(t.nl != nullptr && t.nl[0] != '\0' && t.en != nullptr && t.en[0] != '\0',
             "string " + std::to_string(s) + " has Dutch and English text");
    }

    for (std::string_view name : sto::assets::embedded_names()) {
      if (name.rfind("samples/", 0) != 0) continue;
      const std::string result = app.load_plan_json_for_api(sto::assets::embedded_file(name));
      expect(result == "{\"ok\":true}", std::string(name) + " loads: " + result);
      for (int language = 0; language < 2; ++language) {
        draw_every_section(app, std::string(name) + (language == 0 ? " (nl)" : " (en)"));
        app.toggle_language();
      }
    }
    // A returned copy, natively: the download stamps a revision and keeps it as its version; both
    // sides then change the same price; comparing finds that revision as the base and draws the
    // conflict; taking theirs goes through the edit path as one undo step and makes this plan a
    // merge of both revisions.
    {
      app.load_plan_json_for_api(sto::assets::embedded_file("samples/voorbeeldregio.json"));
      app.download_current_plan("verstuurd.json");
      const sto::Lineage sent = app.plan().lineage;
      expect(!sent.plan_id.empty() && sto::is_revision_id(sent.revision),
             "a download stamps a revision id");
      sto::Plan theirs = app.plan();
      theirs.lineage = sto::next_lineage(sent, sto::random_revision_id(), "unused");
      theirs.activities[1].lines[1].price = sto::Money{140000};
      theirs.activities[1].lines[1].quantity_milli = 42000;
      app.post(sto::SetField<&sto::BudgetLine::price>{{1, 1}, sto::Money{130000}});
      draw_frames(app, 2);
      app.compare_with_file("terug.json", sto::save_plan(theirs));
      draw_frames(app, 2);
      sto::ui::CompareSession* session = app.compare_session();
      expect(session != nullptr && session->base_revision == sent.revision &&
                 session->conflicts.size() == 1 && session->changes.size() == 1,
             "compared three-way against revision 1: one conflict, one change ready");
      if (session != nullptr && session->conflicts.size() == 1) {
        for (int language = 0; language < 2; ++language) {
          draw_frames(app, 2);  // the conflict side by side, in both languages
          app.toggle_language();
        }
        app.compare_session()->set_take_theirs(0, true);
        app.apply_compare_choice();
        draw_frames(app, 2);
        const sto::BudgetLine& line = app.plan().activities[1].lines[1];
        expect(line.price == sto::Money{140000} && line.quantity_milli == 42000,
               "theirs' price and quantity taken over");
        const sto::Lineage& merged = app.plan().lineage;
        expect(merged.parents == std::vector<std::string>{sent.revision, theirs.lineage.revision},
               "the merge records both parents, ours first");
        expect(app.stored_revision(theirs.lineage.revision).has_value(),
               "the copy merged in is kept for the next round");
        app.undo();
        expect(app.plan().activities[1].lines[1].price == sto::Money{130000},
               "one undo takes the whole merge back");
      }
      app.close_compare();
    }
    // The dialogs and windows on top of the sections.
    app.ui_state().history_open = true;
    app.ui_state().presentation_mode = true;
    draw_every_section(app, "history and presentation mode");
    app.ui_state() = {};
    sto::ui::open_new_plan_wizard(app);
    draw_frames(app, 3);
    // The wizard is a dialog: only its items are in the mirror, and activating its cancel button
    // through the bridge (as a screen reader's click would) closes it.
    {
      const std::string& mirror = sto::access::last_published();
      expect(mirror.find("\"kind\":\"dialog\"") != std::string::npos &&
                 mirror.find("\"name\":\"Begroting\"") == std::string::npos,
             "behind the wizard nothing is in the mirror");
      const unsigned cancel = node_id_named(mirror, "Annuleren");
      expect(cancel != 0, "the wizard's cancel button is in the mirror");
      sto::access::request_activate(cancel);
      draw_frames(app, 3);
      expect(sto::access::last_published().find("\"kind\":\"dialog\"") == std::string::npos,
             "activating cancel through the bridge closes the wizard");
    }
    app.ui_state() = {};
    draw_frames(app, 2);
    // Help → Sneltoetsen: a dialog the mirror shows on its own, with its close button.
    app.ui_state().shortcuts_open = true;
    draw_frames(app, 3);
    {
      const std::string& mirror = sto::access::last_published();
      expect(mirror.find("\"kind\":\"dialog\"") != std::string::npos &&
                 mirror.find("\"name\":\"Tab / Shift+Tab\"") != std::string::npos,
             "the shortcuts dialog lists the keys");
      sto::access::request_activate(node_id_named(mirror, "Sluiten"));
      draw_frames(app, 3);
      expect(!app.ui_state().shortcuts_open, "its close button closes it");
    }

    // A large plan: 10,000 random budget lines through every section.
    sto::test::Rng rng(20261128);
    sto::Plan large = sto::test::random_plan(rng, 10000);
    large.scheme_id = "sto-2025-2028";
    const std::string large_result = app.load_plan_json_for_api(sto::save_plan(large));
    expect(large_result == "{\"ok\":true}", "a 10,000-line plan loads: " + large_result);
    std::size_t lines = 0;
    for (const sto::Activity& activity : app.plan().activities) lines += activity.lines.size();
    expect(lines >= 10000, "the large plan has 10,000 lines: " + std::to_string(lines));
    draw_every_section(app, "10,000 lines");

    // The accessibility bridge describes the 10,000-line budget grid: the sidebar's sections as
    // navigation, the grid's column headers and row count, and its fields with their values.
    app.select_section(sto::ui::Section::budget);
    draw_frames(app, 2);
    const std::string& mirror = sto::access::last_published();
    const auto has = [&](const std::string& part) {
      return mirror.find(part) != std::string::npos;
    };
    expect(has("\"role\":\"nav\"") && has("\"name\":\"Begroting\""),
           "the mirror has the sidebar's sections");
    expect(has("\"kind\":\"nav\"") && has("\"kind\":\"menubar\""),
           "the mirror has the navigation and the menu bar");
    expect(has("\"columns\":[\"Activiteit\""), "the mirror has the budget grid's column headers");
    expect(has("\"rows\":" + std::to_string(lines)) || has("\"rows\":1"),
           "the grid says how many rows it has");
    expect(has("\"role\":\"textbox\"") && has("\"mode\":\"decimal\""),
           "the grid's amount fields are decimal text fields");
    expect(mirror.size() < 200000,
           "the mirror holds only what is on screen: " + std::to_string(mirror.size()) + " bytes");

    // Autosave of the 10,000-line plan, a slice per frame: what is stored equals a whole save,
    // also when the plan changes while it is being written (the save starts over).
    {
      app.set_save_slice_ms_for_test(0);  // one slice of ~200 lines per frame: many frames
      const auto draw_until = [&](const std::function<bool()>& done) {
        for (int i = 0; i < 2000 && !done(); ++i) {
          draw_frames(app, 1);
          std::this_thread::sleep_for(std::chrono::milliseconds(1));  // the 400 ms debounce
        }
      };
      app.post(sto::SetField<&sto::Plan::notes>{"eerste"});
      draw_until([&] { return app.save_in_progress(); });
      expect(app.save_in_progress(), "the autosave of 10,000 lines is written over frames");
      draw_frames(app, 3);
      expect(app.save_in_progress() &&
                 app.storage_status_json().find("\"dirty\":true") != std::string::npos,
             "while it is written the plan counts as not saved");
      app.post(sto::SetField<&sto::Plan::notes>{
          "tweede"});  // changes the plan under the save in progress
      int frames = 0;
      draw_until([&] {
        ++frames;
        return app.storage_status_json().find("\"dirty\":false") != std::string::npos;
      });
      expect(frames > 10000 / 200 / 2,
             "the restarted save took many frames: " + std::to_string(frames));
      const auto stored = app.store().newest_good_version(app.current_plan_id(),
                                                          [](const std::string&) { return true; });
      expect(stored && stored->text == sto::save_plan(app.plan()) && app.plan().notes == "tweede",
             "the stored text is the whole save of the plan as it is now");
      app.set_save_slice_ms_for_test(sto::ui::kSaveSliceMs);
    }

    const std::string bad = app.load_plan_json_for_api("{ not json");
    expect(bad.rfind("{\"ok\":false", 0) == 0, "a broken file is refused: " + bad);
  }
  return sto::ui_test::finish();
}
