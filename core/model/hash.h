// A fast non-cryptographic hash of short texts for the core's open-addressing tables (ids,
// organisations, investments). Eight bytes per step; only ever compared within one process, so
// its values are free to change.
#pragma once
#include <cstdint>
#include <cstring>
#include <string_view>

namespace sto {

inline std::uint64_t hash_mix(std::uint64_t hash, std::uint64_t word) {
  hash = (hash ^ word) * 0x9E3779B97F4A7C15ull;
  return hash ^ (hash >> 29);
}

// The bytes at `p` as one unsigned word, read whatever their alignment.
template <class Word>
Word word_at(const char* p) {
  Word word;
  std::memcpy(&word, p, sizeof word);
  return word;
}

inline std::uint64_t finish_hash(std::uint64_t hash) {
  hash = (hash ^ (hash >> 32)) * 0xD6E8FEB86659FD93ull;
  return hash ^ (hash >> 32);
}

// Eight bytes a step; the last step's eight overlap the ones before (four and four below eight),
// with no loop over single bytes.
inline std::uint64_t hash_text(std::string_view text, std::uint64_t hash = 0x243F6A8885A308D3ull) {
  const char* p = text.data();
  const std::size_t n = text.size();
  hash = hash_mix(hash, n);
  if (n >= 8) {
    for (std::size_t i = 0; i + 8 < n; i += 8) hash = hash_mix(hash, word_at<std::uint64_t>(p + i));
    return finish_hash(hash_mix(hash, word_at<std::uint64_t>(p + n - 8)));  // overlapping
  }
  std::uint64_t word = 0;
  if (n >= 4) {
    word = word_at<std::uint32_t>(p) | std::uint64_t{word_at<std::uint32_t>(p + n - 4)} << 32;
  } else {
    for (std::size_t i = 0; i < n; ++i)
      word |= static_cast<std::uint64_t>(static_cast<unsigned char>(p[i])) << (8 * i);
  }
  if (n > 0) hash = hash_mix(hash, word);
  return finish_hash(hash);
}

// a == b, compared eight bytes at a time, the last eight overlapping the ones before: in wasm
// memcmp is a byte loop in a library call, and the tables above compare a found id with the
// wanted one on every hit.
inline bool same_text(std::string_view a, std::string_view b) {
  const std::size_t n = a.size();
  if (n != b.size()) return false;
  const char* p = a.data();
  const char* q = b.data();
  const auto same = [p, q](std::size_t at, auto word) {
    using Word = decltype(word);
    return word_at<Word>(p + at) == word_at<Word>(q + at);
  };
  if (n >= 8) {
    for (std::size_t i = 0; i + 8 < n; i += 8)
      if (!same(i, std::uint64_t{})) return false;
    return same(n - 8, std::uint64_t{});
  }
  if (n >= 4) return same(0, std::uint32_t{}) && same(n - 4, std::uint32_t{});
  for (std::size_t i = 0; i < n; ++i)
    if (p[i] != q[i]) return false;
  return true;
}

}  // namespace sto
