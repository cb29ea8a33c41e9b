// Deltas: "sto-delta 1 <target bytes> <target hash, 16 hex>\n" and then steps, each a line:
//   =N   copy the next N bytes of the base (whole lines)
//   -N   skip the next N bytes of the base (whole lines)
//   +N   followed by N bytes of new text
// The steps must use up the base exactly. The common first and last lines are found by comparing
// bytes (a plan file of megabytes with a few edits costs a memcmp, not a split into lines); only
// the lines in between are compared, with Myers' O(ND) algorithm over line numbers (lines interned
// by their text). Applying is a few copies and the hash.
#include "format/text_delta.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <unordered_map>
#include <vector>

namespace sto {

namespace {

constexpr std::string_view kMarker = "sto-delta 1 ";

// A hash of eight bytes a step, stored with the delta, so it must never change (hash.h's may).
// It is made a part at a time: hash_start, then hash_some until it says the hash is final.
std::uint64_t mix(std::uint64_t hash, std::uint64_t word) {
  hash = (hash ^ word) * 0x9E3779B97F4A7C15ull;
  return hash ^ (hash >> 29);
}

std::uint64_t hash_start(std::size_t size) {
  return mix(0x243F6A8885A308D3ull, size);
}

// Adds the next whole words of `text` after the first `done` bytes, about `bytes` of them; once
// every whole word is in, the last bytes too: then the hash is final and it says true.
bool hash_some(std::string_view text, std::uint64_t& hash, std::size_t& done, std::size_t bytes) {
  const std::size_t words_end = text.size() - text.size() % 8;
  const std::size_t room = std::max<std::size_t>(bytes, 8) / 8 * 8;
  const std::size_t stop = words_end - done > room ? done + room : words_end;
  for (; done < stop; done += 8) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + done, 8);  // little-endian: x86, ARM and wasm alike
    hash = mix(hash, word);
  }
  if (done < words_end) return false;
  std::uint64_t last = 0;
  for (std::size_t b = 0; words_end + b < text.size(); ++b)
    last |= static_cast<std::uint64_t>(static_cast<unsigned char>(text[words_end + b])) << (8 * b);
  hash = mix(hash, last);
  hash = (hash ^ (hash >> 32)) * 0xD6E8FEB86659FD93ull;
  hash ^= hash >> 32;
  done = text.size();
  return true;
}

std::uint64_t stable_hash(std::string_view text) {
  std::uint64_t hash = hash_start(text.size());
  std::size_t done = 0;
  hash_some(text, hash, done, text.size());
  return hash;
}

// Whether `hash_text` (16 hex digits, as a delta names it) is `hash`.
bool names_hash(std::string_view hash_text, std::uint64_t hash) {
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
  return hash_text == text;
}

// How many of the first `n` bytes of a and b are equal, counted from the front (or, `backwards`,
// from the back); eight bytes a step (in wasm memcmp and std::mismatch go byte by byte).
std::size_t common_bytes(const char* a, const char* b, std::size_t n, bool backwards) {
  std::size_t same = 0;
  for (; same + 8 <= n; same += 8) {
    std::uint64_t x, y;
    std::memcpy(&x, backwards ? a - same - 8 : a + same, 8);
    std::memcpy(&y, backwards ? b - same - 8 : b + same, 8);
    if (x != y) break;
  }
  while (same < n && (backwards ? a[-1 - static_cast<std::ptrdiff_t>(same)] ==
                                      b[-1 - static_cast<std::ptrdiff_t>(same)]
                                : a[same] == b[same]))
    ++same;
  return same;
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    const std::size_t next = end == std::string_view::npos ? text.size() : end + 1;
    lines.push_back(text.substr(start, next - start));
    start = next;
  }
  return lines;
}

enum class Step : unsigned char { keep, drop, add };

// The steps from a to b (line ids), or an empty result with `ok` false when they differ in more
// than kMaxDeltaEdits lines.
std::vector<Step> myers(const std::vector<int>& a, const std::vector<int>& b, bool& ok) {
  const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
  const int limit = std::min(n + m, kMaxDeltaEdits);
  const int offset = limit + 1;
  std::vector<int> v(static_cast<std::size_t>(2 * limit + 3), 0);
  std::vector<std::vector<int>> trace;  // trace[d][k + d]: furthest x on diagonal k after d edits
  int found = -1;
  for (int d = 0; d <= limit && found < 0; ++d) {
    for (int k = -d; k <= d; k += 2) {
      int x = (k == -d || (k != d && v[k - 1 + offset] < v[k + 1 + offset]))
                  ? v[k + 1 + offset]
                  : v[k - 1 + offset] + 1;
      int y = x - k;
      while (x < n && y < m && a[x] == b[y]) ++x, ++y;
      v[k + offset] = x;
      if (x >= n && y >= m) found = d;
    }
    trace.emplace_back(v.begin() + (offset - d), v.begin() + (offset + d + 1));
  }
  ok = found >= 0;
  if (!ok) return {};
  std::vector<Step> steps;
  int x = n, y = m;
  for (int d = found; d > 0; --d) {
    const std::vector<int>& prev = trace[static_cast<std::size_t>(d - 1)];
    const auto at = [&](int k) { return prev[static_cast<std::size_t>(k + d - 1)]; };
    const int k = x - y;
    const int prev_k = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? k + 1 : k - 1;
    const int prev_x = at(prev_k), prev_y = prev_x - prev_k;
    while (x > prev_x && y > prev_y) {
      steps.push_back(Step::keep);
      --x, --y;
    }
    if (x == prev_x) {
      steps.push_back(Step::add);
      --y;
    } else {
      steps.push_back(Step::drop);
      --x;
    }
  }
  for (; x > 0 && y > 0; --x, --y) steps.push_back(Step::keep);
  std::reverse(steps.begin(), steps.end());
  return steps;
}

// Writes the steps, joining runs of the same kind.
class DeltaOut {
 public:
  explicit DeltaOut(std::string& out) : out_(out) {}
  void keep(std::size_t bytes) { run('=', bytes); }
  void drop(std::size_t bytes) { run('-', bytes); }
  void add(std::string_view line) {
    if (kind_ != '+') flush();
    kind_ = '+';
    added_ += line;
  }
  void flush() {
    if (kind_ == '+') {
      out_ += '+' + std::to_string(added_.size()) + '\n';
      out_ += added_;
      added_.clear();
    } else if (count_ > 0) {
      out_ += kind_ + std::to_string(count_) + '\n';
    }
    kind_ = 0;
    count_ = 0;
  }

 private:
  void run(char kind, std::size_t bytes) {
    if (bytes == 0) return;
    if (kind_ != kind) flush();
    kind_ = kind;
    count_ += bytes;
  }
  std::string& out_;
  char kind_ = 0;
  std::size_t count_ = 0;
  std::string added_;
};

// Reads a decimal number from `pos` up to `end_char` and moves past it; false when there is none.
bool read_number(std::string_view text, std::size_t& pos, std::size_t& number,
                 char end_char = '\n') {
  const std::size_t end = text.find(end_char, pos);
  if (end == std::string_view::npos || end == pos || end - pos > 15) return false;
  number = 0;
  for (; pos < end; ++pos) {
    if (text[pos] < '0' || text[pos] > '9') return false;
    number = number * 10 + static_cast<std::size_t>(text[pos] - '0');
  }
  ++pos;
  return true;
}

}  // namespace

DeltaMaking::DeltaMaking(std::string_view base, std::string_view target)
    : base_(base), target_(target), hash_(hash_start(target.size())) {}

bool DeltaMaking::step(std::size_t bytes) {
  bytes = std::max<std::size_t>(bytes, 8);
  const std::size_t shorter = std::min(base_.size(), target_.size());
  switch (phase_) {
    case Phase::hash:
      if (hash_some(target_, hash_, hashed_, bytes)) phase_ = Phase::prefix;
      return false;
    case Phase::prefix: {
      // The common first lines: the common bytes, back to the start of the line they end in.
      const std::size_t n = std::min(bytes, shorter - prefix_);
      const std::size_t same =
          common_bytes(base_.data() + prefix_, target_.data() + prefix_, n, false);
      prefix_ += same;
      if (same == n && prefix_ < shorter) return false;
      if (!(prefix_ == base_.size() && prefix_ == target_.size()))
        while (prefix_ > 0 && base_[prefix_ - 1] != '\n') --prefix_;
      phase_ = Phase::suffix;
      return false;
    }
    case Phase::suffix: {
      // The common last lines, not overlapping the first ones, starting at a line start in both.
      const std::size_t limit = shorter - prefix_;
      const std::size_t n = std::min(bytes, limit - suffix_);
      const std::size_t same = common_bytes(base_.data() + base_.size() - suffix_,
                                            target_.data() + target_.size() - suffix_, n, true);
      suffix_ += same;
      if (same == n && suffix_ < limit) return false;
      const auto line_start = [](std::string_view text, std::size_t at) {
        return at == 0 || text[at - 1] == '\n';
      };
      while (suffix_ > 0 && !(line_start(base_, base_.size() - suffix_) &&
                              line_start(target_, target_.size() - suffix_)))
        --suffix_;
      phase_ = Phase::middle;
      return false;
    }
    case Phase::middle: break;
    case Phase::done: return true;
  }
  // The lines in between, compared as lines: their work grows with their number, not the text's.
  char header[64];
  std::snprintf(header, sizeof header, "%s%zu %016llx\n", kMarker.data(), target_.size(),
                static_cast<unsigned long long>(hash_));
  delta_ = header;
  DeltaOut delta(delta_);
  delta.keep(prefix_);
  const std::vector<std::string_view> a =
      split_lines(base_.substr(prefix_, base_.size() - suffix_ - prefix_));
  const std::vector<std::string_view> b =
      split_lines(target_.substr(prefix_, target_.size() - suffix_ - prefix_));
  std::unordered_map<std::string_view, int> ids;
  std::vector<int> a_ids, b_ids;
  for (const std::string_view line : a)
    a_ids.push_back(ids.emplace(line, static_cast<int>(ids.size())).first->second);
  for (const std::string_view line : b)
    b_ids.push_back(ids.emplace(line, static_cast<int>(ids.size())).first->second);
  bool ok = false;
  const std::vector<Step> steps = myers(a_ids, b_ids, ok);
  if (ok) {
    std::size_t i = 0, j = 0;
    for (const Step step : steps) {
      switch (step) {
        case Step::keep: delta.keep(a[i++].size()), ++j; break;
        case Step::drop: delta.drop(a[i++].size()); break;
        case Step::add: delta.add(b[j++]); break;
      }
    }
  } else {
    delta.drop(base_.size() - suffix_ - prefix_);
    for (const std::string_view line : b) delta.add(line);
  }
  delta.keep(suffix_);
  delta.flush();
  phase_ = Phase::done;
  return true;
}

std::string make_delta(std::string_view base, std::string_view target) {
  DeltaMaking making(base, target);
  while (!making.step(SIZE_MAX)) {
  }
  return making.take();
}

bool is_delta(std::string_view text) {
  return text.substr(0, kMarker.size()) == kMarker;
}

namespace {

// The text `delta` makes from `base`: its length, the hash it names, and its pieces in order (runs
// of `base` and new text from `delta`). Nothing when the steps do not fit `base` (they must use it
// up and make the length named); the hash is the caller's to check.
struct DeltaPieces {
  std::size_t size = 0;
  std::string_view hash_text;
  std::vector<std::string_view> pieces;
};

std::optional<DeltaPieces> delta_pieces(std::string_view base, std::string_view delta) {
  if (!is_delta(delta)) return std::nullopt;
  DeltaPieces out;
  std::size_t pos = kMarker.size();
  if (!read_number(delta, pos, out.size, ' ')) return std::nullopt;
  if (delta.size() < pos + 17 || delta[pos + 16] != '\n') return std::nullopt;
  out.hash_text = delta.substr(pos, 16);
  pos += 17;
  if (out.size > base.size() + delta.size()) return std::nullopt;  // a damaged length
  std::size_t made = 0;
  std::size_t from = 0;  // position in base
  while (pos < delta.size()) {
    const char kind = delta[pos++];
    std::size_t n = 0;
    if (!read_number(delta, pos, n)) return std::nullopt;
    if (kind == '+') {
      if (n > delta.size() - pos || n > out.size - made) return std::nullopt;
      out.pieces.push_back(delta.substr(pos, n));
      made += n;
      pos += n;
      continue;
    }
    if ((kind != '=' && kind != '-') || n > base.size() - from) return std::nullopt;
    if (kind == '=') {
      if (n > out.size - made) return std::nullopt;
      out.pieces.push_back(base.substr(from, n));
      made += n;
    }
    from += n;
  }
  if (from != base.size() || made != out.size) return std::nullopt;
  return out;
}

}  // namespace

std::optional<std::string> apply_delta(std::string_view base, std::string_view delta) {
  const std::optional<DeltaPieces> parsed = delta_pieces(base, delta);
  if (!parsed) return std::nullopt;
  std::string out;
  out.reserve(parsed->size);
  for (const std::string_view piece : parsed->pieces) out.append(piece);
  if (!names_hash(parsed->hash_text, stable_hash(out))) return std::nullopt;
  return out;
}

DeltaChecking::DeltaChecking(std::string_view base, std::string_view delta, std::string_view target)
    : target_(target), hash_(hash_start(target.size())) {
  std::optional<DeltaPieces> parsed = delta_pieces(base, delta);
  if (!parsed || parsed->size != target.size()) {
    done_ = true;
    return;
  }
  pieces_ = std::move(parsed->pieces);
  named_hash_ = parsed->hash_text;
}

bool DeltaChecking::step(std::size_t bytes) {
  if (done_) return true;
  bytes = std::max<std::size_t>(bytes, 8);
  if (piece_ < pieces_.size()) {
    // The pieces compared with the target, without making the text (megabytes to copy).
    while (bytes > 0 && piece_ < pieces_.size()) {
      const std::string_view piece = pieces_[piece_];
      const std::size_t n = std::min(bytes, piece.size() - in_piece_);
      if (common_bytes(piece.data() + in_piece_, target_.data() + made_, n, false) != n) {
        done_ = true;
        return true;
      }
      in_piece_ += n;
      made_ += n;
      bytes -= n;
      if (in_piece_ == piece.size()) ++piece_, in_piece_ = 0;
    }
    return false;
  }
  if (!hash_some(target_, hash_, hashed_, bytes)) return false;
  ok_ = names_hash(named_hash_, hash_);
  done_ = true;
  return true;
}

bool delta_makes(std::string_view base, std::string_view delta, std::string_view target) {
  DeltaChecking checking(base, delta, target);
  while (!checking.step(SIZE_MAX)) {
  }
  return checking.ok();
}

}  // namespace sto
