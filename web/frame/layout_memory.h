// The layout the user chose (the budget grid's column widths and sort order, floating windows'
// places), remembered per browser: ImGui's own settings text, kept in browser storage instead of
// an imgui.ini file.
#pragma once

namespace sto::ui {

// Brings back the remembered layout; call once after the ImGui context exists, before the first
// frame.
void restore_layout();
// Stores the layout when ImGui says it changed (a column resized); call once per frame, after
// the windows of the frame have ended.
void remember_layout();

}  // namespace sto::ui
