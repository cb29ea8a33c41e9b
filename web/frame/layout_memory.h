// The layout the user chose (the budget grid's column widths and sort order, floating windows'
// places, the sidebar folded away or not), remembered per browser: ImGui's own settings text, kept
// in browser storage instead of an imgui.ini file.
#pragma once

namespace sto::ui {

// Brings back the remembered layout; call once after the ImGui context exists, before the first
// frame.
void restore_layout();
// Stores the layout when ImGui says it changed (a column resized); call once per frame, after
// the windows of the frame have ended.
void remember_layout();

// The sidebar folded away (a tablet held upright), as the user last left it in this browser.
bool navigation_hidden();
void set_navigation_hidden(bool hidden);

}  // namespace sto::ui
