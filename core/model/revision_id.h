// Revision ids of plan versions (core/exchange/lineage.h): 64 random bits as 16 hex digits, unique
// without coordination, and the stable ids older files' revision numbers become. No dependencies
// beyond the standard library, so the loader and the link reader check ids without the ancestry
// code.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace sto {

inline constexpr std::size_t kRevisionIdLength = 16;   // 64 bits as lowercase hex
inline constexpr std::size_t kMaxRevisionParents = 2;  // an edit has one, a merge two
inline constexpr std::size_t kMaxLineageHistory = 64;  // ancestors a file carries, nearest first

// True for a revision id: kRevisionIdLength lowercase hex digits.
bool is_revision_id(std::string_view text);

// The first 7 digits of a revision id, as people are shown it ("3f9a2c1"); the whole of anything
// shorter.
std::string short_revision_id(const std::string& revision);

// A fresh revision id from the system's random source (std::random_device: /dev/urandom natively,
// crypto.getRandomValues in the browser).
std::string random_revision_id();

// The id file format v6 gives revision `revision` (an integer) of a v5 file of plan `plan_id`: a
// stable hash, so every copy of an old file migrates to the same ids and an old file still finds
// the versions this browser kept of it. Two v5 copies that forked under one number share the id,
// as they shared the number.
std::string legacy_revision_id(std::string_view plan_id, std::int64_t revision);

}  // namespace sto
