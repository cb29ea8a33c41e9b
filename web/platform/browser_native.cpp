// The native stand-in for platform/browser.h, used by the headless UI smoke test:
// storage in memory, downloads discarded, a fixed 1280×800 viewport.
#include <map>

#include "platform/browser.h"

namespace sto::platform {

namespace {
std::map<std::string, std::string, std::less<>>& memory_storage() {
  static std::map<std::string, std::string, std::less<>> storage;
  return storage;
}
}  // namespace

Viewport sync_viewport() {
  return {};
}

std::optional<std::string> storage_get(std::string_view key) {
  const auto found = memory_storage().find(key);
  if (found == memory_storage().end()) return std::nullopt;
  return found->second;
}

StorageStatus storage_set(std::string_view key, std::string_view value) {
  memory_storage()[std::string(key)] = std::string(value);
  return StorageStatus::ok;
}

void storage_remove(std::string_view key) {
  const auto found = memory_storage().find(key);
  if (found != memory_storage().end()) memory_storage().erase(found);
}

void download_file(std::string_view, std::string_view, std::string_view) {}

bool take_wake_request() {
  return true;
}

void signal_ready() {}

}  // namespace sto::platform
