// Dear ImGui build configuration for STO Planner (picked up through IMGUI_USER_CONFIG).
#pragma once

// Report each item's label and rectangle to web/app/item_registry.cpp, so browser tests
// (and window.stoplan.itemRect) can click real coordinates on the canvas.
#define IMGUI_ENABLE_TEST_ENGINE

// The UI font comes from fonts-dejavu-core; ImGui's built-in font has no euro sign.
#define IMGUI_DISABLE_OBSOLETE_FUNCTIONS
