// Share links: a compact binary form of a plan for the URL fragment (the page deflates it), about a
// third of the plan file's size. A leading version byte lets later builds read older links.
// Reading checks the data as the plan file loader checks a file. No platform headers.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "format/file_format.h"
#include "model/plan.h"

namespace sto {

// Written by this build (2: revision ids; 3: an investment line is its whole depreciation
// schedule; 4: the 2024 request's two texts after the lineage).
inline constexpr std::uint8_t kLinkFormatVersion = 4;
inline constexpr std::uint8_t kMinLinkFormatVersion = 1;  // oldest this build reads
// Larger link data is refused unread. A budget line takes 11 to ~40 bytes here and ~400 in a plan
// file, so 1 MB holds a plan far larger than any link can carry (the 10,000-line plan is under
// half of it), while the most lines it can hold still fit in kMaxFileBytes as a file and in a
// phone's memory while they are checked.
inline constexpr std::size_t kMaxLinkBytes = 1024u * 1024u;

// The plan in the link format: the version byte, then every field of the plan in a fixed order
// (see core/FILE_FORMAT.md, "Share links"). Total over any plan; exact for plans that load.
std::string encode_link_plan(const Plan& plan);

// Reads link data (after inflating). Never throws and never crashes on any input: a malformed
// byte sequence is refused (corrupt), a newer version byte too_new, more than kMaxLinkBytes
// too_large; a well-formed one is then checked and repaired exactly as load_plan checks a file.
LoadResult decode_link_plan(std::string_view bytes);

}  // namespace sto
