// Controls for the native stand-in of browser storage, so tests can make it full, switch it
// off, or start empty (browser_native.cpp only).
#pragma once
#include <cstddef>
#include <string>

namespace sto::platform::testing {

void clear_storage();
// Writes that would make the stored text exceed `bytes` fail as QuotaExceededError would.
void set_storage_limit(std::size_t bytes);
// false: every storage call fails as in a private window with storage disabled.
void set_storage_available(bool available);
// true: writes are kept but read back differently, as from a failing disk; storage_set says
// not_verified, as the browser's read-back check does.
void set_storage_garbling(bool garbling);
// The store an earlier release kept its plans in (localStorage, now that they live in IndexedDB).
void set_legacy_entry(const std::string& key, const std::string& value);
std::size_t legacy_entry_count();

}  // namespace sto::platform::testing
