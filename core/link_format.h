// Share links: a compact binary form of a plan for the URL fragment (the page deflates it), about a
// third of the plan file's size. A leading version byte lets later builds read older links.
// Reading checks the data as the plan file loader checks a file. No platform headers.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "file_format.h"
#include "plan.h"

namespace sto {

inline constexpr std::uint8_t kLinkFormatVersion = 1;     // written by this build
inline constexpr std::uint8_t kMinLinkFormatVersion = 1;  // oldest this build reads
// Larger link data is refused unread: its plan file would pass kMaxFileBytes long before (a budget
// line takes ~20 bytes here and ~400 in a file), and decoding it would take memory a phone lacks.
inline constexpr std::size_t kMaxLinkBytes = 4u * 1024u * 1024u;

// The plan in the link format: the version byte, then every field of the plan in a fixed order
// (see core/FILE_FORMAT.md, "Share links"). Total over any plan; exact for plans that load.
std::string encode_link_plan(const Plan& plan);

// Reads link data (after inflating). Never throws and never crashes on any input: a malformed
// byte sequence is refused (corrupt), a newer version byte too_new, more than kMaxLinkBytes
// too_large; a well-formed one is then checked and repaired exactly as load_plan checks a file.
LoadResult decode_link_plan(std::string_view bytes);

}  // namespace sto
