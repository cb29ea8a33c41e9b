// Controls for the native stand-in of browser storage, so tests can make it full, switch it
// off, or start empty (browser_native.cpp only).
#pragma once
#include <cstddef>

namespace sto::platform::testing {

void clear_storage();
// Writes that would make the stored text exceed `bytes` fail as QuotaExceededError would.
void set_storage_limit(std::size_t bytes);
// false: every storage call fails as in a private window with storage disabled.
void set_storage_available(bool available);

}  // namespace sto::platform::testing
