// Plan file envelope and the exception boundary: every cereal/rapidjson exception stops here.
#include "file_format.h"

#include <cereal/archives/json.hpp>
#include <sstream>

#include "serialize.h"

namespace sto {

namespace {

// Maximum nesting of arrays/objects, counted without building a DOM, so a hostile file of
// thousands of nested brackets is refused before the recursive parser could exhaust the stack.
int nesting_depth(std::string_view text) {
  int depth = 0, deepest = 0;
  bool in_string = false, escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      deepest = std::max(deepest, ++depth);
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return deepest;
}

LoadResult failure(LoadStatus status, std::string nl, std::string en) {
  LoadResult result;
  result.status = status;
  result.error = {std::move(nl), std::move(en)};
  return result;
}

}  // namespace

LoadResult load_plan(std::string_view text) {
  if (text.size() > kMaxFileBytes)
    return failure(LoadStatus::too_large,
                   "Het bestand is te groot (meer dan " + std::to_string(kMaxFileBytes >> 20) +
                       " MB); een planbestand is veel kleiner.",
                   "The file is too large (over " + std::to_string(kMaxFileBytes >> 20) +
                       " MB); a plan file is much smaller.");
  if (nesting_depth(text) > kMaxNestingDepth)
    return failure(LoadStatus::too_deep,
                   "Het bestand is te diep genest om een planbestand te zijn.",
                   "The file is nested too deeply to be a plan file.");
  LoadResult result;
  try {
    std::istringstream stream{std::string(text)};
    cereal::JSONInputArchive archive(stream);
    std::string marker;
    archive(cereal::make_nvp("format", marker));
    if (marker != kFileFormatMarker)
      return failure(LoadStatus::not_a_plan, "Dit is geen STO Planner-planbestand.",
                     "This is not an STO Planner plan file.");
    archive(cereal::make_nvp("version", result.file_version));
    if (result.file_version > kFileFormatVersion)
      return failure(LoadStatus::too_new,
                     "Dit bestand is gemaakt met een nieuwere versie van STO Planner. Werk de app bij om het te openen.",
                     "This file was made with a newer version of STO Planner. Update the app to open it.");
    if (result.file_version < kMinFileFormatVersion)
      return failure(LoadStatus::too_old,
                     "Dit bestand is gemaakt met een te oude versie van STO Planner.",
                     "This file was made with a version of STO Planner that is too old.");
    archive(cereal::make_nvp("plan", result.plan));
  } catch (const std::exception& error) {
    return failure(LoadStatus::corrupt,
                   std::string("Het bestand is beschadigd of onvolledig: ") + error.what(),
                   std::string("The file is damaged or incomplete: ") + error.what());
  }
  result.status = LoadStatus::ok;
  return result;
}

std::string save_plan(const Plan& plan) {
  std::ostringstream stream;
  {
    // cereal's JSON archive writes its closing braces on destruction: keep it scoped.
    cereal::JSONOutputArchive archive(stream);
    archive(cereal::make_nvp("format", std::string(kFileFormatMarker)),
            cereal::make_nvp("version", kFileFormatVersion),
            cereal::make_nvp("app_version", std::string(STO_APP_VERSION)),
            cereal::make_nvp("plan", plan));
  }
  return stream.str();
}

}  // namespace sto
