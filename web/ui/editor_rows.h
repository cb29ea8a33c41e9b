// Helpers shared by the editing sections (partners, goals, activities, cofinancing, settings):
// finding markers per row, highlight-and-scroll for a finding's path, new ids, dates as typed.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "model/dates.h"  // parse_date: what the date fields accept
#include "model/plan.h"
#include "rules/rules.h"

namespace sto::ui {

class App;

// True when `path` is `prefix` itself or lies under it: "organisations[1].brin" is under
// "organisations[1]"; "organisations[10]" is not.
bool path_is_under(std::string_view path, std::string_view prefix);

// The findings whose path lies under `prefix` (e.g. "activities[2]"), indexed once per plan
// revision so a long table costs one hash lookup per row.
const std::vector<const Finding*>& findings_under(const App& app, const std::string& prefix);

// A small round marker for the worst finding under `prefix` (red error, orange warning, blue info)
// with the messages as a tooltip; keeps its width when there are none so columns line up.
void finding_marker(const App& app, const std::string& prefix);

// Call right after TableNextRow(): colours the row when the highlighted path lies under `prefix`
// and returns true when the view should scroll to it this frame (call scroll_to_row() in it).
bool highlight_row(App& app, const std::string& prefix);
// Scrolls the window so the current line is in view and clears ui_state().scroll_to_highlight.
void scroll_to_row(App& app);

// A theme as free text with a drop-down of the programme's common themes beside it, `width` wide
// in all; true with `out` set when the user changed it.
bool edit_theme(const char* id, const std::string& value, std::string& out, float width);

// A new activity as "+ Activiteit toevoegen" makes it: a fresh id, "Nieuwe activiteit", every year
// of the scheme, the penvoerder as lead. Not yet in the plan.
Activity new_activity(const App& app);

// "org-3": `stem` plus the lowest number not in use by any of `taken`.
std::string unused_id(std::string_view stem, const std::vector<std::string>& taken);

// A date as people here write it: "01-10-2024" (nl) / "2024-10-01" (en); "" when not set.
std::string format_date(Date date, Language language);

}  // namespace sto::ui
