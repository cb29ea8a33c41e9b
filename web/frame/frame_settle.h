// When a frame leaves the UI settled, so the app may stop drawing until the next event. Dear
// ImGui answers an event over several frames: a popup opens the frame after the click and is laid
// out unseen in the one after, a window auto-fits over two frames, a table measures its columns
// over three, and a layout that changed size is measured in the frame after it was drawn.
#pragma once
#include <cstdint>

namespace sto::ui {

// Call once per drawn frame, after ImGui::Render(), with a fingerprint of what the frame drew
// for the user (e.g. item_fingerprint()). True when the next frame may draw something else: a
// window, popup or table is still measuring itself, a scroll or a popup is pending, or this frame
// differs from the one before (windows, popups, the hovered, active or focused item, the drawn
// items). False when the frame changed nothing: the UI has settled.
bool frame_unsettled(std::uint64_t drawn_fingerprint);

// The frames to draw after each event before asking frame_unsettled (the event is seen in the
// first, what it changed is drawn in the second), and the most frames drawn after them while the
// UI keeps changing without input (a UI that changes every frame must still go idle).
constexpr int kFramesAfterEvent = 3;
constexpr int kMaxSettleFrames = 8;

}  // namespace sto::ui
