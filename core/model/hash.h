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
  const auto load = [p](std::size_t at, auto word) {
    std::memcpy(&word, p + at, sizeof word);
    return static_cast<std::uint64_t>(word);
  };
  if (n >= 8) {
    for (std::size_t i = 0; i + 8 < n; i += 8) hash = hash_mix(hash, load(i, std::uint64_t{}));
    return finish_hash(hash_mix(hash, load(n - 8, std::uint64_t{})));  // overlapping: no byte loop
  }
  std::uint64_t word = 0;
  if (n >= 4) {
    word = load(0, std::uint32_t{}) | load(n - 4, std::uint32_t{}) << 32;
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
    decltype(word) x, y;
    std::memcpy(&x, p + at, sizeof x);
    std::memcpy(&y, q + at, sizeof y);
    return x == y;
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
