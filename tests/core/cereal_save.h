// The plan file as cereal's own JSON archive writes it (the writer before issue #14): the
// reference the new writer is compared with (tests) and measured against (tests/bench).
#pragma once
#include <cereal/archives/json.hpp>
#include <sstream>
#include <string>

#include "format/file_format.h"
#include "format/serialize.h"

namespace sto::test {

inline std::string save_plan_with_cereal(const Plan& plan) {
  std::ostringstream stream;
  {
    cereal::JSONOutputArchive archive(
        stream, cereal::JSONOutputArchive::Options(
                    rapidjson::Writer<rapidjson::OStreamWrapper>::kDefaultMaxDecimalPlaces,
                    cereal::JSONOutputArchive::Options::IndentChar::tab, 1));
    archive(cereal::make_nvp("format", std::string(kFileFormatMarker)),
            cereal::make_nvp("version", kFileFormatVersion),
            cereal::make_nvp("app_version", std::string(STO_APP_VERSION)),
            cereal::make_nvp("plan", plan));
  }
  return stream.str();
}

}  // namespace sto::test
