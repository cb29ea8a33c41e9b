// Dear ImGui build configuration for STO Planner (picked up through IMGUI_USER_CONFIG).
#pragma once

// Report each item's label and rectangle to web/frame/item_registry.cpp, so browser tests
// (and window.stoplan.itemRect) can click real coordinates on the canvas.
#define IMGUI_ENABLE_TEST_ENGINE

// The UI font comes from fonts-dejavu-core; ImGui's built-in font has no euro sign.
#define IMGUI_DISABLE_OBSOLETE_FUNCTIONS

// ImGui's own consistency checks stay on in release builds too: a broken invariant must fail the
// smoke test and the browser test loudly instead of drawing garbage.
void sto_imgui_assert_failed(const char* expression, const char* file, int line);
#define IM_ASSERT(_EXPR) ((_EXPR) ? (void)0 : sto_imgui_assert_failed(#_EXPR, __FILE__, __LINE__))
