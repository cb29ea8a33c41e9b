#include "ui/frame.h"

#include <imgui.h>

#include <algorithm>
#include <string>
#include <vector>

#include "access/access.h"
#include "frame/item_registry.h"
#include "frame/layout_memory.h"
#include "text/strings.h"
#include "ui/panels.h"
#include "ui/widgets.h"

namespace sto::ui {

namespace {

void handle_shortcuts(App& app) {
  const ImGuiIO& io = ImGui::GetIO();
  // A text field has its own undo; the browser's own shortcuts (Ctrl+T/N/W) are never taken.
  if (io.WantTextInput || !io.KeyCtrl) return;
  const bool z = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Z), false);
  const bool y = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Y), false);
  if (z && !io.KeyShift) {
    app.undo();
  } else if ((z && io.KeyShift) || y) {
    app.redo();
  }
}

struct SectionView {
  Str title;
  void (*draw)(App&);
};
const SectionView kSections[] = {{Str::section_overview, draw_overview_panel},
                                 {Str::section_budget, draw_budget_panel},
                                 {Str::section_checks, draw_checks_panel},
                                 {Str::section_my_plans, draw_my_plans_panel},
                                 {Str::section_partners, draw_partners_panel},
                                 {Str::section_goals, draw_goals_panel},
                                 {Str::section_activities, draw_activities_panel},
                                 {Str::section_cofinancing, draw_cofinancing_panel},
                                 {Str::section_settings, draw_settings_panel},
                                 {Str::section_scenarios, draw_scenarios_panel},
                                 {Str::section_national, draw_national_panel},
                                 {Str::section_combine, draw_combine_panel},
                                 {Str::section_compare, draw_compare_panel}};
static_assert(sizeof(kSections) / sizeof(kSections[0]) == static_cast<int>(Section::count));

// The navigation, in the order of the work: the plan itself, then workshop tools, then files.
struct NavGroup {
  Str title;
  std::vector<Section> items;
};
const NavGroup kNavigation[] = {
    {Str::nav_plan,
     {Section::overview, Section::partners, Section::goals, Section::activities, Section::budget,
      Section::cofinancing, Section::checks}},
    {Str::nav_workshop, {Section::scenarios, Section::national, Section::combine}},
    {Str::nav_files, {Section::my_plans, Section::compare, Section::settings}}};

// The button that folds the sidebar away ("«") or brings it back ("»"), named for screen readers.
// Remembered in this browser with the layout.
void draw_navigation_toggle(const App& app) {
  const bool hidden = navigation_hidden();
  const Str name = hidden ? Str::nav_show : Str::nav_hide;
  const char* label = hidden ? "\xC2\xBB##navigation_toggle" : "\xC2\xAB##navigation_toggle";
  if (ImGui::SmallButton(label)) set_navigation_hidden(!hidden);
  record_last_item(tr(name, app.language()));
  access::describe_disclosure(tr(name, app.language()), !hidden);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(name, app.language()));
}

// The sidebar: the sections by group, the one shown selected. Returns the section to show (the
// one clicked, else `shown`). Folded away, it is only the button that brings it back, so that a
// tablet held upright gives the section the whole width.
int draw_navigation(App& app, int shown) {
  const Language lang = app.language();
  const float em = ImGui::GetFontSize();
  // A narrower margin than a panel's: on a tablet held sideways (1024 pixels) the section needs
  // every pixel, the budget grid for its amounts.
  const ImVec2 padding(0.5f * em, ImGui::GetStyle().WindowPadding.y);
  const float toggle_width =
      ImGui::CalcTextSize("\xC2\xAB").x + 2.0f * ImGui::GetStyle().FramePadding.x;
  // Each entry's text (the ## id keeps the selection when the title changes language).
  struct NavEntry {
    int section;
    std::string label, text;
  };
  std::vector<NavEntry> entries;
  const bool folded = navigation_hidden();
  float width = toggle_width + 2.0f * padding.x;  // folded: only the button
  if (!folded) {
    float widest = 0.0f;
    for (const NavGroup& group : kNavigation) {
      widest = std::max(widest, ImGui::CalcTextSize(tr(group.title, lang)).x);
      for (Section section : group.items) {
        const int i = static_cast<int>(section);
        const std::string id = "##section" + std::to_string(i);
        std::string title = tr(kSections[i].title, lang);
        std::string shown_title = title;
        if (section == Section::checks && !app.analysis().findings.empty())
          shown_title += " (" + std::to_string(app.analysis().findings.size()) + ")";
        widest = std::max(widest, ImGui::CalcTextSize(shown_title.c_str()).x);
        entries.push_back({i, title + id, shown_title + id});
      }
    }
    // As wide as its longest entry and no wider.
    width = std::min(13.0f * em, widest + 2.0f * padding.x);
  }
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, padding);
  ImGui::BeginChild("##navigation", ImVec2(width, 0), true);
  ImGui::PopStyleVar();
  if (folded) {
    draw_navigation_toggle(app);
  } else {
    std::size_t next = 0;
    for (const NavGroup& group : kNavigation) {
      ImGui::TextDisabled("%s", tr(group.title, lang));
      access::describe_text(tr(group.title, lang), 2);
      if (&group == &kNavigation[0]) {  // the fold button at the right of the first heading
        ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - toggle_width);
        draw_navigation_toggle(app);
      }
      for (std::size_t k = 0; k < group.items.size(); ++k, ++next) {
        const NavEntry& entry = entries[next];
        if (ImGui::Selectable(entry.text.c_str(), shown == entry.section)) shown = entry.section;
        record_last_item(entry.label);
        access::describe_nav_link(shown == entry.section);
      }
      ImGui::Spacing();
    }
  }
  ImGui::EndChild();
  ImGui::SameLine();
  return shown;
}

}  // namespace

void draw_frame(App& app) {
  // Presentation mode: large type for a room full of people (the atlas is at device pixels).
  if (app.pixel_ratio() > 0)
    ImGui::GetIO().FontGlobalScale =
        (app.ui_state().presentation_mode ? 1.35f : 1.0f) / app.pixel_ratio();
  begin_widgets(app);
  handle_shortcuts(app);
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->Pos);
  ImGui::SetNextWindowSize(viewport->Size);
  // Settings saved (no NoSavedSettings): the tables inside keep their column widths.
  // No background: the frame is cleared to the window colour already (main.cpp), and a second
  // full-screen blend costs a browser that draws on the CPU (SwiftShader in the tests, a laptop
  // without GPU acceleration) about a quarter of its frame rate.
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_MenuBar |
                                 ImGuiWindowFlags_NoBackground;
  ImGui::Begin("##main", nullptr, flags);

  draw_top_bar(app);
  draw_banners(app);
  const int section_before = app.section_shown();
  const int shown = draw_navigation(app, app.take_section());
  // A refused entry belongs to the section it was typed in: leaving it forgets the message.
  app.show_section(shown);
  if (shown != section_before) clear_field_errors();
  ImGui::BeginChild("##section", ImVec2(0, 0), false);
  kSections[shown].draw(app);
  draw_field_errors();  // those of narrow cells the panel did not show itself
  ImGui::EndChild();
  draw_dialogs(app);
  ImGui::End();
  remember_layout();
  app.apply_posted();
}

}  // namespace sto::ui
