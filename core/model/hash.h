// A fast non-cryptographic hash of short texts and the open-addressing table the core's lookups by
// id are built on (ids, organisations, investments, record paths). Eight bytes per step; only ever
// compared within one process, so its values are free to change.
#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

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

// An open-addressing table of indices into entries the caller keeps (in a vector, say), each slot
// with the high half of its entry's hash: a probe compares entries only when those 32 bits match,
// and the table doubles as it fills without reading the entries. At most half full; no slots
// until the first entry, as most tables of a small check stay empty.
class HashSlots {
 public:
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

  // Room for `entries` without growing.
  void reserve(std::size_t entries) {
    std::size_t capacity = 16;
    while (capacity < entries * 2) capacity <<= 1;
    if (capacity > mask_ + 1) rebuild(capacity);
  }

  // The index of the entry with `hash` for which `same(index)` holds, or npos.
  template <class Same>
  std::size_t find(std::uint64_t hash, Same&& same) const {
    if (mask_ == 0) return npos;
    return probe(slots_.data(), mask_, hash, same)->entry - std::size_t{1};  // 0: npos
  }

  // As find(); when there is no such entry, records `next` (the index the caller's new entry gets)
  // under `hash` and returns npos.
  template <class Same>
  std::size_t find_or_add(std::uint64_t hash, std::size_t next, Same&& same) {
    if (room_ == 0) rebuild(2 * (mask_ + 1));
    Slot* slot = probe(slots_.data(), mask_, hash, same);
    if (slot->entry != 0) return slot->entry - std::size_t{1};
    *slot = {tag_of(hash), static_cast<std::uint32_t>(next + 1)};
    --room_;
    return npos;
  }

 private:
  struct Slot {
    std::uint32_t tag;    // the hash's high half, which also places the slot
    std::uint32_t entry;  // 1 + the entry's index; 0: empty
  };
  static std::uint32_t tag_of(std::uint64_t hash) { return static_cast<std::uint32_t>(hash >> 32); }

  // The slot of the entry with `hash` for which `same` holds, or the empty one where it would go.
  // `SlotType` is Slot or const Slot, for find_or_add() and find().
  template <class SlotType, class Same>
  static SlotType* probe(SlotType* slots, std::size_t mask, std::uint64_t hash, Same& same) {
    const std::uint32_t tag = tag_of(hash);
    for (std::size_t i = tag & mask;; i = (i + 1) & mask) {
      SlotType* slot = slots + i;
      if (slot->entry == 0 || (slot->tag == tag && same(std::size_t{slot->entry} - 1))) return slot;
    }
  }
  void rebuild(std::size_t capacity) {
    capacity = std::max<std::size_t>(capacity, 16);
    std::vector<Slot> old(capacity, Slot{0, 0});
    old.swap(slots_);
    mask_ = capacity - 1;
    room_ = capacity / 2;
    for (const Slot& slot : old) {
      if (slot.entry == 0) continue;
      std::size_t i = slot.tag & mask_;
      while (slots_[i].entry != 0) i = (i + 1) & mask_;
      slots_[i] = slot;
      --room_;
    }
  }

  std::vector<Slot> slots_;  // a power of two in size once the first entry is added
  std::size_t mask_ = 0;     // its size - 1; 0 while it has none
  std::size_t room_ = 0;     // entries that may still be added before it doubles
};

}  // namespace sto
