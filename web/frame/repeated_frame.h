// A drawn frame whose picture is the one already on screen need not reach the GPU. After each
// event the app draws until the UI has settled (frame_settle.h), and most of those frames draw
// exactly what the frame before drew; a WebGL canvas that is not drawn to keeps showing its last
// picture, so such a frame skips clearing and rendering. With a software GPU (a school laptop
// without one, or SwiftShader in the browser tests) that is most of a frame's cost.
#pragma once
#include <imgui.h>

#include <vector>

namespace sto::ui {

// What, besides ImGui's draw lists, decides the picture: the drawing buffer's size in device
// pixels and the colour it is cleared to.
struct FrameTarget {
  int buffer_width = 0;
  int buffer_height = 0;
  ImVec4 clear_color;
};

class RepeatedFrameFilter {
 public:
  // True when `data` drawn into `target` gives the picture of the last frame this returned false
  // for (so that frame's picture is still shown); false for the first frame and for any change in
  // a vertex, index, draw command, clip rectangle, texture, display size or scale, or target.
  bool repeats(const ImDrawData& data, const FrameTarget& target);

  // Forget the last picture (e.g. the GL context was restored): the next frame is rendered.
  void reset() { last_.clear(); }

 private:
  std::vector<unsigned char> last_;     // the last rendered frame's draw data, byte for byte
  std::vector<unsigned char> current_;  // this frame's, swapped in when it differs
};

}  // namespace sto::ui
