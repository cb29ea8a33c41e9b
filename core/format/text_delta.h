// Line-based deltas between two texts, for keeping old versions of a plan as the few lines that
// differ from a newer version. A delta names the length and a hash of the text it makes, so one
// that is damaged or applied to another base is detected, never silently wrong. No platform
// headers.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace sto {

// The delta that turns `base` into `target`: runs of `base` lines kept or dropped and the new
// text in between. Lines end after '\n' (a "\r\n" line is a line; a last line may lack its
// newline); any bytes are allowed. Small when the texts share most lines; never much larger
// than `target` (beyond kMaxDeltaEdits differing lines the differing middle is replaced whole).
std::string make_delta(std::string_view base, std::string_view target);

// Whether `text` is a delta (begins with the marker make_delta writes).
bool is_delta(std::string_view text);

// `base` with `delta` applied; nullopt when the delta is damaged or belongs to another base
// (its steps do not fit `base`, or the result's length or hash differ from what it names).
std::optional<std::string> apply_delta(std::string_view base, std::string_view delta);
// Whether apply_delta(base, delta) gives `target`, found without making a copy of it (for a
// plan of megabytes that copy costs more than the check).
bool delta_makes(std::string_view base, std::string_view delta, std::string_view target);

// Differing lines beyond which make_delta stops looking for common lines in the middle (its work
// grows with the texts' length times this number).
inline constexpr int kMaxDeltaEdits = 1000;

}  // namespace sto
