// The embedded UI font is DejaVu Sans cut down to the app's characters at build time
// (CMakeLists.txt, web/frame/glyph_ranges.inc): ImGui must build the same font atlas from it as
// from the whole font, so the cut changes the download and nothing on screen.
#include <imgui.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "frame/fonts.h"

namespace sto::fonts {
namespace {

struct Atlas {
  std::vector<ImFontGlyph> glyphs;
  std::vector<unsigned char> pixels;
  int width = 0, height = 0;
};

Atlas build_atlas(std::string bytes, float size) {
  ImFontAtlas atlas;
  ImFontConfig config;
  config.FontDataOwnedByAtlas = false;
  ImFont* font = atlas.AddFontFromMemoryTTF(bytes.data(), static_cast<int>(bytes.size()), size,
                                            &config, kGlyphRanges);
  REQUIRE(font != nullptr);
  unsigned char* pixels = nullptr;
  Atlas out;
  atlas.GetTexDataAsAlpha8(&pixels, &out.width, &out.height);
  out.pixels.assign(pixels, pixels + static_cast<size_t>(out.width) * out.height);
  out.glyphs.assign(font->Glyphs.begin(), font->Glyphs.end());
  return out;
}

bool same_glyph(const ImFontGlyph& a, const ImFontGlyph& b) {
  return a.Codepoint == b.Codepoint && a.AdvanceX == b.AdvanceX && a.X0 == b.X0 && a.Y0 == b.Y0 &&
         a.X1 == b.X1 && a.Y1 == b.Y1 && a.U0 == b.U0 && a.V0 == b.V0;
}

TEST_CASE("the embedded font cut to the app's characters builds the whole font's atlas") {
  std::ifstream file(STO_WHOLE_FONT, std::ios::binary);
  REQUIRE(file);
  const std::string whole{std::istreambuf_iterator<char>(file), {}};
  const std::string_view cut = embedded_file("DejaVuSans.ttf");
  CHECK(cut.size() * 10 < whole.size());  // it was cut

  for (float size : {16.0f, 32.0f}) {  // 1x and a HiDPI screen's 2x
    CAPTURE(size);
    const Atlas from_whole = build_atlas(whole, size);
    const Atlas from_cut = build_atlas(std::string(cut), size);
    // Every character of the ranges the whole font has (code points absent from it, such as
    // 0x7F-0x9F, are absent from both), among them the ones Dutch amounts and findings need.
    for (unsigned codepoint : {0x20ACu, 0xEBu, 0x2264u, 0x203Au, 0x2212u, 0x2026u}) {
      CAPTURE(codepoint);
      CHECK(std::any_of(from_cut.glyphs.begin(), from_cut.glyphs.end(),
                        [&](const ImFontGlyph& g) { return g.Codepoint == codepoint; }));
    }
    REQUIRE(from_cut.glyphs.size() == from_whole.glyphs.size());
    for (size_t i = 0; i < from_whole.glyphs.size(); ++i) {
      const unsigned codepoint = from_whole.glyphs[i].Codepoint;
      CAPTURE(codepoint);
      CHECK(same_glyph(from_cut.glyphs[i], from_whole.glyphs[i]));
    }
    CHECK(from_cut.width == from_whole.width);
    CHECK(from_cut.height == from_whole.height);
    CHECK(from_cut.pixels == from_whole.pixels);  // the same pixels: the same text on screen
  }
}

}  // namespace
}  // namespace sto::fonts
