// One function per part of the UI; each section lives in its own file (ui/<name>_panel.cpp).
#pragma once
#include <string>

#include "model/text.h"

namespace sto::ui {

class App;
struct StoredVersion;

// Page chrome: the menu bar with the save status, banners, and modal dialogs.
void draw_top_bar(App& app);
void draw_banners(App& app);
void draw_dialogs(App& app);
// The new-plan wizard (ui/new_plan_wizard.cpp): open_… starts it, draw_… is called every frame.
void open_new_plan_wizard(App& app);
void draw_new_plan_wizard(App& app);

// Sections (tabs).
void draw_overview_panel(App& app);
void draw_my_plans_panel(App& app);
// What a stored version changed, as Mijn plannen lists it: the edits it joins, the first few by
// name ("Aantal gewijzigd: Externe trainers 2025; Prijs gewijzigd: Lasapparatuur 2026 en 2
// meer"), and how many edits it holds ("(5 wijzigingen)").
std::string version_change_text(const StoredVersion& version, Language lang);
void draw_budget_panel(App& app);
void draw_checks_panel(App& app);
void draw_partners_panel(App& app);
void draw_goals_panel(App& app);
void draw_activities_panel(App& app);
void draw_cofinancing_panel(App& app);
void draw_settings_panel(App& app);
void draw_scenarios_panel(App& app);
void draw_national_panel(App& app);
void draw_combine_panel(App& app);
void draw_compare_panel(App& app);

}  // namespace sto::ui
