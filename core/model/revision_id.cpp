#include "model/revision_id.h"

#include <algorithm>
#include <cstdio>
#include <random>

namespace sto {

namespace {

std::string hex_id(std::uint64_t bits) {
  char text[kRevisionIdLength + 1];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(bits));
  return text;
}

}  // namespace

bool is_revision_id(std::string_view text) {
  if (text.size() != kRevisionIdLength) return false;
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

std::string short_revision_id(const std::string& revision) {
  return revision.substr(0, 7);
}

std::string random_revision_id() {
  std::random_device random;
  return hex_id((std::uint64_t{random()} << 32) | random());
}

std::string legacy_revision_id(std::string_view plan_id, std::int64_t revision) {
  // FNV-1a over "plan id:revision": fixed by this definition, so it never changes between builds.
  const std::string key = std::string(plan_id) + ":" + std::to_string(revision);
  std::uint64_t hash = 0xcbf29ce484222325ull;
  for (const char c : key) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ull;
  }
  return hex_id(hash);
}

}  // namespace sto
