#include "frame/repeated_frame.h"

#include <type_traits>

namespace sto::ui {

namespace {

template <typename T>
void append(std::vector<unsigned char>& out, const T& value) {
  static_assert(std::is_trivially_copyable_v<T>);
  const auto* bytes = reinterpret_cast<const unsigned char*>(&value);
  out.insert(out.end(), bytes, bytes + sizeof(T));
}

template <typename T>
void append_all(std::vector<unsigned char>& out, const ImVector<T>& values) {
  append(out, values.Size);
  const auto* bytes = reinterpret_cast<const unsigned char*>(values.Data);
  out.insert(out.end(), bytes, bytes + values.size_in_bytes());
}

}  // namespace

bool RepeatedFrameFilter::repeats(const ImDrawData& data, const FrameTarget& target) {
  // The frame's bytes in a fixed order; comparing them is exact (a hash could collide) and costs
  // a copy of the vertices, a fraction of what rendering them costs.
  current_.clear();
  append(current_, target.buffer_width);
  append(current_, target.buffer_height);
  append(current_, target.clear_color);
  append(current_, data.DisplayPos);
  append(current_, data.DisplaySize);
  append(current_, data.FramebufferScale);
  append(current_, data.CmdListsCount);
  for (int n = 0; n < data.CmdListsCount; ++n) {
    const ImDrawList& list = *data.CmdLists[n];
    append_all(current_, list.VtxBuffer);
    append_all(current_, list.IdxBuffer);
    append(current_, list.CmdBuffer.Size);
    for (const ImDrawCmd& cmd : list.CmdBuffer) {
      append(current_, cmd.ClipRect);
      append(current_, cmd.TextureId);
      append(current_, cmd.VtxOffset);
      append(current_, cmd.IdxOffset);
      append(current_, cmd.ElemCount);
      if (cmd.UserCallback != nullptr) {  // a callback may draw anything: never the same
        last_.clear();
        return false;
      }
    }
  }
  if (!last_.empty() && current_ == last_) return true;
  last_.swap(current_);
  return false;
}

}  // namespace sto::ui
