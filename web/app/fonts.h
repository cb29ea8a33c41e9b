// The UI font, compiled in from fonts-dejavu-core at build time (scripts/embed.cmake).
#pragma once
#include <string_view>

namespace sto::fonts {
std::string_view embedded_file(std::string_view name);
}  // namespace sto::fonts
