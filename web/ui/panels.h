// One function per section of the UI; each lives in its own file (ui/<name>_panel.cpp).
#pragma once

namespace sto::ui {

class App;

void draw_overview_panel(const App& app);

}  // namespace sto::ui
