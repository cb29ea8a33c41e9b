// The whole frame: top bar, banners, navigation, the section shown and the dialogs, over the
// App's state. web/main.cpp calls it once per frame; the headless tests (tests/ui) too.
#pragma once
#include "app/app.h"

namespace sto::ui {

// Draws one frame of the app and then applies the commands its panels posted.
void draw_frame(App& app);

}  // namespace sto::ui
