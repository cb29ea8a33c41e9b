// Line-based deltas between two texts, for keeping old versions of a plan as the few lines that
// differ from a newer version. A delta names the length and a hash of the text it makes, so one
// that is damaged or applied to another base is detected, never silently wrong. No platform
// headers.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

// make_delta and delta_makes a part at a time, for a caller that spreads a text of megabytes over
// frames: each step() does about `bytes` of work (hashing or comparing that many bytes) and says
// whether it is done. The texts must outlive the object and stay unchanged.
class DeltaMaking {
 public:
  DeltaMaking(std::string_view base, std::string_view target);
  bool step(std::size_t bytes);
  // The delta, once step() said done (the same bytes make_delta gives).
  std::string take() { return std::move(delta_); }

 private:
  enum class Phase : unsigned char { hash, prefix, suffix, middle, done };
  std::string_view base_, target_;
  Phase phase_ = Phase::hash;
  std::uint64_t hash_;
  std::size_t hashed_ = 0;
  std::size_t prefix_ = 0, suffix_ = 0;
  std::string delta_;
};

class DeltaChecking {
 public:
  DeltaChecking(std::string_view base, std::string_view delta, std::string_view target);
  bool step(std::size_t bytes);
  // Once step() said done: whether apply_delta(base, delta) gives the target.
  bool ok() const { return ok_; }

 private:
  std::vector<std::string_view> pieces_;  // the text the delta makes, in order
  std::string_view target_;
  std::string_view named_hash_;
  bool ok_ = false;
  bool done_ = false;
  std::size_t piece_ = 0, in_piece_ = 0, made_ = 0;
  std::uint64_t hash_;
  std::size_t hashed_ = 0;
};

// Differing lines beyond which make_delta stops looking for common lines in the middle (its work
// grows with the texts' length times this number).
inline constexpr int kMaxDeltaEdits = 1000;

}  // namespace sto
