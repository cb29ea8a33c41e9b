// Plan file migrations: every change of the file format is one function here that upgrades a
// parsed file (the whole envelope, as a rapidjson DOM) by one version. The loader upgrades old
// files in memory before validating them; the file on disk is never changed.
// No platform headers; rapidjson comes through cereal so every file uses cereal's settings.
#pragma once
#include <cereal/archives/json.hpp>  // rapidjson with cereal's throwing RAPIDJSON_ASSERT
#include <vector>

#include "model/localized.h"

namespace sto {

// One format step: upgrades `file` from `from_version` to from_version + 1, or explains in
// `error` why it cannot. It must not touch "version" (the runner sets it).
struct Migration {
  int from_version;
  bool (*upgrade)(rapidjson::Document& file, Localized& error);
};

// The steps of this build, oldest first (see the log in migrate.cpp).
const std::vector<Migration>& migrations();

// Upgrades `file` (an object with "version" == from_version) to `to_version` by applying one step
// per version from `steps`, then sets "version". False with `error` set when a step is missing or
// fails; `file` is then unusable.
bool apply_migrations(rapidjson::Document& file, int from_version, int to_version,
                      const std::vector<Migration>& steps, Localized& error);

// apply_migrations with this build's steps up to kFileFormatVersion.
bool migrate_to_current(rapidjson::Document& file, int from_version, Localized& error);

}  // namespace sto
