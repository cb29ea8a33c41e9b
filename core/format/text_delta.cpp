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
std::uint64_t stable_hash(std::string_view text) {
  const auto mix = [](std::uint64_t hash, std::uint64_t word) {
    hash = (hash ^ word) * 0x9E3779B97F4A7C15ull;
    return hash ^ (hash >> 29);
  };
  std::uint64_t hash = mix(0x243F6A8885A308D3ull, text.size());
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + i, 8);  // little-endian: x86, ARM and wasm alike
    hash = mix(hash, word);
  }
  std::uint64_t last = 0;
  for (std::size_t b = 0; i + b < text.size(); ++b)
    last |= static_cast<std::uint64_t>(static_cast<unsigned char>(text[i + b])) << (8 * b);
  hash = mix(hash, last);
  hash = (hash ^ (hash >> 32)) * 0xD6E8FEB86659FD93ull;
  return hash ^ (hash >> 32);
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

std::string make_delta(std::string_view base, std::string_view target) {
  // The common first lines: the common bytes, back to the start of the line they end in.
  const std::size_t shorter = std::min(base.size(), target.size());
  std::size_t prefix = common_bytes(base.data(), target.data(), shorter, false);
  if (!(prefix == base.size() && prefix == target.size()))
    while (prefix > 0 && base[prefix - 1] != '\n') --prefix;
  // The common last lines, not overlapping the first ones, starting at a line start in both.
  std::size_t suffix = common_bytes(base.data() + base.size(), target.data() + target.size(),
                                    shorter - prefix, true);
  const auto line_start = [](std::string_view text, std::size_t at) {
    return at == 0 || text[at - 1] == '\n';
  };
  while (suffix > 0 &&
         !(line_start(base, base.size() - suffix) && line_start(target, target.size() - suffix)))
    --suffix;

  char header[64];
  std::snprintf(header, sizeof header, "%s%zu %016llx\n", kMarker.data(), target.size(),
                static_cast<unsigned long long>(stable_hash(target)));
  std::string out = header;
  DeltaOut delta(out);
  delta.keep(prefix);
  const std::vector<std::string_view> a =
      split_lines(base.substr(prefix, base.size() - suffix - prefix));
  const std::vector<std::string_view> b =
      split_lines(target.substr(prefix, target.size() - suffix - prefix));
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
    delta.drop(base.size() - suffix - prefix);
    for (const std::string_view line : b) delta.add(line);
  }
  delta.keep(suffix);
  delta.flush();
  return out;
}

bool is_delta(std::string_view text) {
  return text.substr(0, kMarker.size()) == kMarker;
}

namespace {

// Walks `delta` over `base`: hands `start` the length of the text it makes, then each piece of
// that text to `piece` (either may say false: stop); checks that the steps use up the base and
// that the text made has the length and hash the delta names. `hash_of_made` gives that text's
// hash once every piece is handed over.
template <class Start, class Piece, class HashOfMade>
bool walk_delta(std::string_view base, std::string_view delta, Start start, Piece piece,
                HashOfMade hash_of_made) {
  if (!is_delta(delta)) return false;
  std::size_t pos = kMarker.size();
  std::size_t size = 0;
  if (!read_number(delta, pos, size, ' ')) return false;
  if (delta.size() < pos + 17 || delta[pos + 16] != '\n') return false;
  const std::string_view hash_text = delta.substr(pos, 16);
  pos += 17;
  if (size > base.size() + delta.size() || !start(size)) return false;  // a damaged length
  std::size_t made = 0;
  std::size_t from = 0;  // position in base
  while (pos < delta.size()) {
    const char kind = delta[pos++];
    std::size_t n = 0;
    if (!read_number(delta, pos, n)) return false;
    if (kind == '+') {
      if (n > delta.size() - pos || n > size - made || !piece(made, delta.substr(pos, n)))
        return false;
      made += n;
      pos += n;
      continue;
    }
    if ((kind != '=' && kind != '-') || n > base.size() - from) return false;
    if (kind == '=') {
      if (n > size - made || !piece(made, base.substr(from, n))) return false;
      made += n;
    }
    from += n;
  }
  if (from != base.size() || made != size) return false;
  char expected[17];
  std::snprintf(expected, sizeof expected, "%016llx",
                static_cast<unsigned long long>(hash_of_made()));
  return hash_text == expected;
}

}  // namespace

std::optional<std::string> apply_delta(std::string_view base, std::string_view delta) {
  std::string out;
  const bool ok = walk_delta(
      base, delta,
      [&](std::size_t size) {
        out.reserve(size);
        return true;
      },
      [&](std::size_t, std::string_view text) {
        out.append(text);
        return true;
      },
      [&] { return stable_hash(out); });
  if (!ok) return std::nullopt;
  return out;
}

bool delta_makes(std::string_view base, std::string_view delta, std::string_view target) {
  return walk_delta(
      base, delta, [&](std::size_t size) { return size == target.size(); },
      [&](std::size_t at, std::string_view text) { return target.substr(at, text.size()) == text; },
      [&] { return stable_hash(target); });
}

}  // namespace sto
