// Headless UI test of removing rows while they are drawn: the first, a middle and the last budget
// line of an activity, organisation and student count are removed through their "×" buttons
// (activated through the accessibility bridge, as a click), and the rows that remain are checked;
// also where a finding's path leads (a whole list, such as "organisations", to its section).
// Run natively and under AddressSanitizer + UBSan (scripts/build.sh sanitize), where reading a
// removed row during the frame that removed it fails the run.
#include <imgui.h>

#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "access/access.h"
#include "app/app.h"
#include "format/file_format.h"
#include "frame/item_registry.h"
#include "frame/style.h"
#include "ui_test.h"

namespace {

using sto::ui_test::expect;

// Tall enough for every row of both partner tables.
void draw_frames(sto::ui::App& app, int frames) {
  sto::ui_test::draw_frames(app, frames, 1280, 1600);
}

// The mirror's ids of the items named exactly `name`, in the order they were drawn.
std::vector<unsigned> node_ids_named(const std::string& name) {
  const std::string& mirror = sto::access::last_published();
  std::vector<unsigned> ids;
  const std::string key = "\"name\":\"" + name + "\"";
  for (std::size_t at = mirror.find(key); at != std::string::npos; at = mirror.find(key, at + 1)) {
    const std::size_t id = mirror.rfind("{\"id\":", at);
    if (id != std::string::npos)
      ids.push_back(static_cast<unsigned>(std::stoul(mirror.substr(id + 6))));
  }
  return ids;
}

// Presses the `index`-th "×" button named `name` on screen as a click would: each names what it
// removes for screen readers, as every row's "×" looks the same.
void press_remove(sto::ui::App& app, const std::string& name, std::size_t index,
                  const std::string& what) {
  const std::vector<unsigned> buttons = node_ids_named(name);
  expect(index < buttons.size(), what + ": the remove button is on screen as " + name);
  if (index >= buttons.size()) return;
  sto::access::request_activate(buttons[index]);
  draw_frames(app, 3);
}
std::string remove_line(int i) {
  return "Regel verwijderen: Regel nummer " + std::to_string(i) +
         " met een lange omschrijving (2025)";
}
std::string remove_organisation(int i) {
  return "Organisatie verwijderen: Organisatie " + std::to_string(i);
}
// All five counts are of o3, BB, PIE: only their numbers differ.
const std::string kRemoveCount = "Leerlingaantal verwijderen: Organisatie 3, BB PIE";

// Five of each, each with its own name or number, none referred to by anything else but the
// student counts (to o3, which stays).
sto::Plan test_plan() {
  sto::Plan plan;
  plan.title = "Verwijdertest";
  plan.scheme_id = "sto-2025-2028";
  for (int i = 1; i <= 5; ++i) {
    sto::Organisation o;
    o.id = "o" + std::to_string(i);
    o.name = "Organisatie " + std::to_string(i);
    o.kind = sto::OrganisationKind::other;
    plan.organisations.push_back(o);
    sto::StudentCount count;
    count.organisation_id = "o3";
    count.profile = "PIE";
    count.count_date = sto::Date{2024, 10, 1};
    count.students = i;
    plan.student_counts.push_back(count);
  }
  sto::Activity activity;
  activity.id = "a1";
  activity.title = "Techniekweek";
  activity.years = {2025};
  for (int i = 1; i <= 5; ++i) {
    sto::BudgetLine line;
    line.id = "l" + std::to_string(i);
    // Longer than the short-string buffer: a removed line's text is freed memory for ASan.
    line.description = "Regel nummer " + std::to_string(i) + " met een lange omschrijving";
    line.year = 2025;
    line.price = sto::Money{1000 * i};
    line.quantity_milli = 1000;
    activity.lines.push_back(line);
  }
  plan.activities.push_back(activity);
  return plan;
}

std::string organisation_names(const sto::Plan& plan) {
  std::string names;
  for (const sto::Organisation& o : plan.organisations) names += (names.empty() ? "" : ",") + o.id;
  return names;
}
std::string student_numbers(const sto::Plan& plan) {
  std::string numbers;
  for (const sto::StudentCount& c : plan.student_counts)
    numbers += (numbers.empty() ? "" : ",") + std::to_string(c.students);
  return numbers;
}
std::string line_ids(const sto::Plan& plan) {
  std::string ids;
  for (const sto::BudgetLine& l : plan.activities[0].lines) ids += (ids.empty() ? "" : ",") + l.id;
  return ids;
}

}  // namespace

int main() {
  const sto::ui_test::Context context;
  {
    sto::ui::App app;
    if (app.set_pixel_ratio(1.0f)) sto::ui::load_fonts(1.0f);
    sto::ui_test::build_fonts();
    const std::string loaded = app.load_plan_json_for_api(sto::save_plan(test_plan()));
    expect(loaded == "{\"ok\":true}", "the test plan loads: " + loaded);

    // Begroting, filtered to the activity: its lines' "×" buttons in plan order.
    app.open_budget_for_activity(0);
    draw_frames(app, 3);
    expect(node_ids_named("×").empty(), "no remove button is named only by its symbol");
    press_remove(app, remove_line(1), 0, "first line");
    expect(line_ids(app.plan()) == "l2,l3,l4,l5", "first line removed: " + line_ids(app.plan()));
    press_remove(app, remove_line(4), 0, "middle line");
    expect(line_ids(app.plan()) == "l2,l3,l5", "middle line removed: " + line_ids(app.plan()));
    press_remove(app, remove_line(5), 0, "last line");
    expect(line_ids(app.plan()) == "l2,l3", "last line removed: " + line_ids(app.plan()));
    expect(app.plan().activities[0].lines[1].description.rfind("Regel nummer 3", 0) == 0,
           "the remaining lines keep their own fields");

    // Regio & partners: the organisations' buttons first, then the student counts'.
    app.select_section(sto::ui::Section::partners);
    draw_frames(app, 3);
    expect(node_ids_named("×").empty(), "no partner row's button is named only by its symbol");
    for (int i = 1; i <= 5; ++i)
      expect(node_ids_named(remove_organisation(i)).size() == 1,
             "organisation " + std::to_string(i) + " has its button");
    expect(node_ids_named(kRemoveCount).size() == 5, "every count row has its button");
    press_remove(app, remove_organisation(1), 0, "first organisation");
    expect(organisation_names(app.plan()) == "o2,o3,o4,o5",
           "first organisation removed: " + organisation_names(app.plan()));
    press_remove(app, remove_organisation(4), 0, "middle organisation");
    expect(organisation_names(app.plan()) == "o2,o3,o5",
           "middle organisation removed: " + organisation_names(app.plan()));
    press_remove(app, remove_organisation(5), 0, "last organisation");
    expect(organisation_names(app.plan()) == "o2,o3",
           "last organisation removed: " + organisation_names(app.plan()));
    // o3 is counted in every student count: removing it is refused, with the reason on screen.
    press_remove(app, remove_organisation(3), 0, "a counted organisation");
    expect(organisation_names(app.plan()) == "o2,o3", "a counted organisation stays");
    // In the user's words, not the file's path (student_counts[0].organisation_id).
    expect(app.command_error_text().rfind("Leerlingaantal 1 van '", 0) == 0 &&
               app.command_error_text().find("› organisatie: verwijst naar organisatie \"o3\"") !=
                   std::string::npos,
           "the refusal says why, and where: " + app.command_error_text());
    expect(sto::access::last_published().find("Wijziging niet doorgevoerd") != std::string::npos,
           "the refusal is in the mirror");
    app.dismiss_command_error();
    draw_frames(app, 2);

    press_remove(app, kRemoveCount, 0, "first student count");
    expect(student_numbers(app.plan()) == "2,3,4,5",
           "first student count removed: " + student_numbers(app.plan()));
    press_remove(app, kRemoveCount, 2, "middle student count");
    expect(student_numbers(app.plan()) == "2,3,5",
           "middle student count removed: " + student_numbers(app.plan()));
    press_remove(app, kRemoveCount, 2, "last student count");
    expect(student_numbers(app.plan()) == "2,3",
           "last student count removed: " + student_numbers(app.plan()));

    // A finding opens the section the finding-code table gives it, also one about a whole list;
    // a code placed by its path opens the record's section.
    struct Route {
      const char* code;
      const char* path;
      sto::ui::Section section;
    };
    using sto::ui::Section;
    const Route routes[] = {
        {"NO_MBO", "organisations", Section::partners},
        {"STUDENT_COUNT_DATE", "student_counts[0].count_date", Section::partners},
        {"BRIN_FORMAT", "organisations[1].brin", Section::partners},
        {"LINE_OUTSIDE_PERIOD", "activities[0].lines[1].year", Section::budget},
        {"UNKNOWN_ORGANISATION", "activities[0].lead_organisation_id", Section::activities},
        {"UNKNOWN_ORGANISATION", "activities[0].lines[1].organisation_id", Section::budget},
        {"INDICATOR_WITHOUT_TARGET", "goals[0].indicators[0]", Section::goals},
        {"SUBMISSION_ROUND_UNKNOWN", "submission_round", Section::settings},
        {"COFIN_BELOW_MINIMUM", "cofinancing", Section::cofinancing},
        {"MONEY_OVERFLOW", "", Section::overview}};
    for (const Route& route : routes) {
      app.go_to_finding(sto::Finding{route.code, sto::Severity::error, route.path, {}});
      draw_frames(app, 2);
      const std::string section = "\"section\":" + std::to_string(static_cast<int>(route.section));
      expect(app.ui_json().find(section + ",") != std::string::npos,
             std::string("a finding at '") + route.path + "' opens its section: " + app.ui_json());
    }
    app.ui_state().highlight_path.clear();
    app.ui_state().scroll_to_highlight = false;

    // Every removal is one undo step: nine of them, and the plan is whole again.
    for (int i = 0; i < 9; ++i) expect(app.undo(), "undo " + std::to_string(i + 1));
    expect(line_ids(app.plan()) == "l1,l2,l3,l4,l5" &&
               organisation_names(app.plan()) == "o1,o2,o3,o4,o5" &&
               student_numbers(app.plan()) == "1,2,3,4,5",
           "undo brings every row back");
  }
  {
    // The budget grid sorted by category follows the labels of the language shown: in Dutch
    // "Activiteiten en vervoer" comes before "Projectleiding", in English "Coordination" before
    // "Events and transport", without the plan changing in between.
    sto::Plan plan = test_plan();
    plan.activities[0].lines.resize(2);
    plan.activities[0].lines[0].category = sto::CostCategory::coordination;
    plan.activities[0].lines[0].description = "Uren van de projectleider";
    plan.activities[0].lines[1].category = sto::CostCategory::events;
    plan.activities[0].lines[1].description = "Busvervoer naar de open dag";
    sto::ui::App app;
    if (app.set_pixel_ratio(1.0f)) sto::ui::load_fonts(1.0f);
    sto::ui_test::build_fonts();
    app.load_plan_json_for_api(sto::save_plan(plan));
    app.open_budget_for_activity(0);
    draw_frames(app, 3);
    const auto bus_first = [] {
      const std::string& mirror = sto::access::last_published();
      const std::size_t bus = mirror.find("Busvervoer naar de open dag");
      const std::size_t hours = mirror.find("Uren van de projectleider");
      return bus != std::string::npos && hours != std::string::npos && bus < hours;
    };
    expect(!bus_first(), "unsorted: in plan order");
    // A click on the column's header, as the mouse gives it.
    const std::optional<sto::ui::ItemRect> header = sto::ui::find_item("Categorie");
    expect(header.has_value(), "the category column's header is on screen");
    if (header) {
      ImGuiIO& io = ImGui::GetIO();
      io.MousePos = ImVec2(header->x + header->width / 2, header->y + header->height / 2);
      draw_frames(app, 1);
      io.MouseDown[0] = true;
      draw_frames(app, 1);
      io.MouseDown[0] = false;
      draw_frames(app, 3);
    }
    expect(bus_first(), "sorted by category in Dutch: Activiteiten en vervoer first");
    app.toggle_language();
    draw_frames(app, 3);
    expect(!bus_first(), "sorted by category in English: Coordination first");
    app.toggle_language();
    draw_frames(app, 3);
    expect(bus_first(), "and back in Dutch");
  }
  return sto::ui_test::finish();
}
