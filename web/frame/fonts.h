// The UI font, compiled in from fonts-dejavu-core at build time (scripts/embed.cmake), cut down
// to the characters of glyph_ranges.inc.
#pragma once
#include <imgui.h>

#include <string_view>

namespace sto::fonts {
std::string_view embedded_file(std::string_view name);

// ImGui's glyph ranges for the font: pairs of first and last code point, ending in 0.
inline constexpr ImWchar kGlyphRanges[] = {
#include "frame/glyph_ranges.inc"
    0,
};
}  // namespace sto::fonts
