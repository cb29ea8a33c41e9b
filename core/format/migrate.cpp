// The format log and its migration steps. Index: [SECTION] Log, [SECTION] Steps, [SECTION] Runner.
//
// [SECTION] Log — one line per format version, newest last. A new version adds a line, one
// upgrade function below, a golden file in tests/data/vN/ and raises kFileFormatVersion (and the
// cereal class version of every type whose fields changed).
//   v1  2026-11-28  First format: envelope {format, version, app_version, plan}; amounts in euro
//                   cents, quantities and indicator values in thousandths, enums as names, dates
//                   as "YYYY-MM-DD" (core/FILE_FORMAT.md).
//   v2  2026-11-29  Scenarios: the plan gains "scenarios" (a list of {id, name, overrides}); the
//                   plan's cereal class version becomes 2. v1 files get an empty list.
//   v3  2026-11-29  Business cofinancing: every organisation gains "counts_as_business"
//                   ("by_kind" | "yes" | "no"); the organisation's cereal class version becomes 2.
//                   v2 files get "by_kind": the organisation's kind, which the file already holds,
//                   decides. What changed with v3 is the rule (only businesses' cofinancing counts
//                   toward the minimum, core/RULES.md), not what a v2 file says.
//   v4  2026-11-29  Lineage: the plan gains "lineage" {plan_id, revision, derived_from} for
//                   comparing and merging returned copies (core/exchange/merge.h); the plan's
//                   cereal class version becomes 3. v3 files get an empty lineage ("", 0, 0): they
//                   compare and merge two-way.
//   v5  2026-11-29  Submission round: the plan gains "submission_round" (a round id of the
//                   scheme's submission_rounds, "" = the first); the plan's cereal class version
//                   becomes 4. v4 files get "": a plan file holds no date to derive a round from,
//                   and "" keeps what the file meant (before v5 the first two years needed prices,
//                   which in 2025–2028 is the first round, 2025–2026). A scenario's
//                   "cofinancing_base" override names its base in "value" (0 total costs, 1 the
//                   subsidy) instead of "target", so a scenario holds one base; the loader keeps
//                   the last of several and lists the others as repairs.
//   v6  2026-12-04  Revision ids: the lineage's "revision" becomes a 16-hex-digit id unique
//                   without coordination, "derived_from" becomes "parents" (two after a merge),
//                   and "history" carries up to 64 ancestors with their parents
//                   (core/exchange/lineage.h); the lineage's cereal class version becomes 2. v5
//                   numbers become legacy_revision_id(plan id, number), the same in every copy of a
//                   v5 file.
//   v7  2026-12-04  Depreciation schedule: an investment line books its depreciation in every
//                   year of the scheme period (core/rules/engine.h), not only in its own year. The
//                   fields stay; what changed is their meaning, so the step leaves the DOM as it
//                   is and the loader joins an older file's one-line-per-year investments on the
//                   loaded plan (join_yearly_investments, core/model/investment_years.h) and says
//                   so in LoadResult::notes.
//   v8  2026-12-05  The 2024 extension request's written parts: the plan gains
//                   "changes_since_original_plan" and "earlier_grant_activities" (text, after
//                   "notes"; core/RULES.md); the plan's cereal class version becomes 5. v7 files
//                   get "" for both: a 2024 plan then shows the findings that ask for them.
#include "format/migrate.h"

#include <string>

#include "format/file_format.h"
#include "model/revision_id.h"

namespace sto {

// [SECTION] Steps — each edits file["plan"] in place (rename a field, convert units, fill a new
// field's default).

namespace {

// v1 → v2: an empty "scenarios" list; a plan class version of 1 becomes 2 (the validator places
// the version itself when the file has none).
bool upgrade_v1_to_v2(rapidjson::Document& file, Localized& error) {
  const auto plan = file.FindMember("plan");
  if (plan == file.MemberEnd() || !plan->value.IsObject()) return true;  // the loader says why
  rapidjson::Value& p = plan->value;
  if (p.HasMember("scenarios")) {
    error = {
        "Het bestand is beschadigd: een plan van bestandsversie 1 kan geen \"scenarios\" "
        "hebben.",
        "The file is damaged: a plan of file version 1 cannot have \"scenarios\"."};
    return false;
  }
  p.AddMember("scenarios", rapidjson::Value(rapidjson::kArrayType), file.GetAllocator());
  const auto version = p.FindMember("cereal_class_version");
  if (version != p.MemberEnd() && version->value.IsUint() && version->value.GetUint() == 1)
    version->value.SetUint(2);
  return true;
}

// v2 → v3: "counts_as_business": "by_kind" in every organisation; an organisation class version
// of 1 becomes 2. Records that are not objects are left for the validator to report.
bool upgrade_v2_to_v3(rapidjson::Document& file, Localized& error) {
  const auto plan = file.FindMember("plan");
  if (plan == file.MemberEnd() || !plan->value.IsObject()) return true;  // the loader says why
  const auto organisations = plan->value.FindMember("organisations");
  if (organisations == plan->value.MemberEnd() || !organisations->value.IsArray()) return true;
  for (rapidjson::Value& o : organisations->value.GetArray()) {
    if (!o.IsObject()) continue;
    if (o.HasMember("counts_as_business")) {
      error = {
          "Het bestand is beschadigd: een organisatie van bestandsversie 2 of ouder kan geen "
          "\"counts_as_business\" hebben.",
          "The file is damaged: an organisation of file version 2 or older cannot have "
          "\"counts_as_business\"."};
      return false;
    }
    o.AddMember("counts_as_business", "by_kind", file.GetAllocator());
    const auto version = o.FindMember("cereal_class_version");
    if (version != o.MemberEnd() && version->value.IsUint() && version->value.GetUint() == 1)
      version->value.SetUint(2);
  }
  return true;
}

// v3 → v4: an empty "lineage"; a plan class version of 2 becomes 3.
bool upgrade_v3_to_v4(rapidjson::Document& file, Localized& error) {
  const auto plan = file.FindMember("plan");
  if (plan == file.MemberEnd() || !plan->value.IsObject()) return true;  // the loader says why
  rapidjson::Value& p = plan->value;
  if (p.HasMember("lineage")) {
    error = {
        "Het bestand is beschadigd: een plan van bestandsversie 3 of ouder kan geen \"lineage\" "
        "hebben.",
        "The file is damaged: a plan of file version 3 or older cannot have \"lineage\"."};
    return false;
  }
  auto& allocator = file.GetAllocator();
  rapidjson::Value lineage(rapidjson::kObjectType);
  lineage.AddMember("plan_id", "", allocator);
  lineage.AddMember("revision", 0, allocator);
  lineage.AddMember("derived_from", 0, allocator);
  p.AddMember("lineage", lineage, allocator);
  const auto version = p.FindMember("cereal_class_version");
  if (version != p.MemberEnd() && version->value.IsUint() && version->value.GetUint() == 2)
    version->value.SetUint(3);
  return true;
}

// A "cofinancing_base" override names its base in "value" from v5 on (0 total costs, 1 the
// subsidy), no longer in "target"; an unknown target becomes -1, which the validator refuses.
void move_base_to_value(rapidjson::Value& plan) {
  const auto scenarios = plan.FindMember("scenarios");
  if (scenarios == plan.MemberEnd() || !scenarios->value.IsArray()) return;
  for (rapidjson::Value& s : scenarios->value.GetArray()) {
    if (!s.IsObject()) continue;
    const auto overrides = s.FindMember("overrides");
    if (overrides == s.MemberEnd() || !overrides->value.IsArray()) continue;
    for (rapidjson::Value& o : overrides->value.GetArray()) {
      if (!o.IsObject() || !o.HasMember("kind") || o["kind"] != "cofinancing_base") continue;
      const auto target = o.FindMember("target");
      const auto value = o.FindMember("value");
      if (target == o.MemberEnd() || value == o.MemberEnd() || !target->value.IsString())
        continue;  // the validator says what is missing
      const bool subsidy = target->value == "subsidy";
      value->value.SetInt(subsidy ? 1 : target->value == "total_costs" ? 0 : -1);
      target->value.SetString("");
    }
  }
}

// v4 → v5: "submission_round": "" (the scheme's first round); the cofinancing base of a scenario
// moves from an override's target to its value; a plan class version of 3 becomes 4.
bool upgrade_v4_to_v5(rapidjson::Document& file, Localized& error) {
  const auto plan = file.FindMember("plan");
  if (plan == file.MemberEnd() || !plan->value.IsObject()) return true;  // the loader says why
  rapidjson::Value& p = plan->value;
  move_base_to_value(p);
  if (p.HasMember("submission_round")) {
    error = {
        "Het bestand is beschadigd: een plan van bestandsversie 4 of ouder kan geen "
        "\"submission_round\" hebben.",
        "The file is damaged: a plan of file version 4 or older cannot have "
        "\"submission_round\"."};
    return false;
  }
  p.AddMember("submission_round", "", file.GetAllocator());
  const auto version = p.FindMember("cereal_class_version");
  if (version != p.MemberEnd() && version->value.IsUint() && version->value.GetUint() == 3)
    version->value.SetUint(4);
  return true;
}

// A v5 revision number as a v6 id; "" for 0 (none). False for what is not a revision number.
bool legacy_id(const rapidjson::Value& number, const std::string& plan_id, std::string& id) {
  if (!number.IsInt64() || number.GetInt64() < 0 || number.GetInt64() > kMaxLegacyRevision)
    return false;
  id = number.GetInt64() == 0 ? "" : legacy_revision_id(plan_id, number.GetInt64());
  return true;
}

// v5 → v6: the lineage's revision numbers become revision ids (legacy_revision_id: the same for
// every copy of the file), "derived_from" becomes the one parent, and the history starts empty; a
// lineage class version of 1 becomes 2.
bool upgrade_v5_to_v6(rapidjson::Document& file, Localized& error) {
  const auto plan = file.FindMember("plan");
  if (plan == file.MemberEnd() || !plan->value.IsObject()) return true;  // the loader says why
  const auto lineage = plan->value.FindMember("lineage");
  if (lineage == plan->value.MemberEnd() || !lineage->value.IsObject()) return true;
  rapidjson::Value& l = lineage->value;
  const auto plan_id = l.FindMember("plan_id");
  const auto revision = l.FindMember("revision");
  const auto derived_from = l.FindMember("derived_from");
  if (plan_id == l.MemberEnd() || !plan_id->value.IsString() || revision == l.MemberEnd() ||
      derived_from == l.MemberEnd())
    return true;  // the validator names what is missing
  const std::string id(plan_id->value.GetString(), plan_id->value.GetStringLength());
  std::string own, parent;
  if (!legacy_id(revision->value, id, own) || !legacy_id(derived_from->value, id, parent) ||
      l.HasMember("parents") || l.HasMember("history")) {
    error = {
        "Het bestand is beschadigd: de herkomst (lineage) van dit plan van bestandsversie 5 "
        "heeft geen geldige versienummers (0–" +
            std::to_string(kMaxLegacyRevision) + ").",
        "The file is damaged: the lineage of this plan of file version 5 has no valid "
        "revision numbers (0–" +
            std::to_string(kMaxLegacyRevision) + ")."};
    return false;
  }
  auto& allocator = file.GetAllocator();
  revision->value.SetString(own.c_str(), static_cast<rapidjson::SizeType>(own.size()), allocator);
  l.RemoveMember("derived_from");
  rapidjson::Value parents(rapidjson::kArrayType);
  if (!parent.empty())
    parents.PushBack(rapidjson::Value(parent.c_str(),
                                      static_cast<rapidjson::SizeType>(parent.size()), allocator),
                     allocator);
  l.AddMember("parents", parents, allocator);
  l.AddMember("history", rapidjson::Value(rapidjson::kArrayType), allocator);
  const auto version = l.FindMember("cereal_class_version");
  if (version != l.MemberEnd() && version->value.IsUint() && version->value.GetUint() == 1)
    version->value.SetUint(2);
  return true;
}

// v6 → v7: no field changes (see the log); the loader joins yearly investment lines.
bool upgrade_v6_to_v7(rapidjson::Document&, Localized&) {
  return true;
}

// v7 → v8: the 2024 request's two texts, empty; a plan class version of 4 becomes 5.
bool upgrade_v7_to_v8(rapidjson::Document& file, Localized& error) {
  const auto plan = file.FindMember("plan");
  if (plan == file.MemberEnd() || !plan->value.IsObject()) return true;  // the loader says why
  rapidjson::Value& p = plan->value;
  for (const char* field : {"changes_since_original_plan", "earlier_grant_activities"}) {
    if (p.HasMember(field)) {
      error = {std::string("Het bestand is beschadigd: een plan van bestandsversie 7 of ouder kan "
                           "geen \"") +
                   field + "\" hebben.",
               std::string("The file is damaged: a plan of file version 7 or older cannot have "
                           "\"") +
                   field + "\"."};
      return false;
    }
    p.AddMember(rapidjson::StringRef(field), "", file.GetAllocator());
  }
  const auto version = p.FindMember("cereal_class_version");
  if (version != p.MemberEnd() && version->value.IsUint() && version->value.GetUint() == 4)
    version->value.SetUint(5);
  return true;
}

}  // namespace

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> steps = {
      {1, upgrade_v1_to_v2}, {2, upgrade_v2_to_v3}, {3, upgrade_v3_to_v4}, {4, upgrade_v4_to_v5},
      {5, upgrade_v5_to_v6}, {6, upgrade_v6_to_v7}, {7, upgrade_v7_to_v8}};
  return steps;
}

// [SECTION] Runner

bool apply_migrations(rapidjson::Document& file, int from_version, int to_version,
                      const std::vector<Migration>& steps, Localized& error) {
  for (int version = from_version; version < to_version; ++version) {
    const Migration* step = nullptr;
    for (const Migration& candidate : steps)
      if (candidate.from_version == version) step = &candidate;
    if (!step) {
      error = {"Geen omzetting bekend van bestandsversie " + std::to_string(version) + " naar " +
                   std::to_string(version + 1) + ".",
               "No conversion known from file version " + std::to_string(version) + " to " +
                   std::to_string(version + 1) + "."};
      return false;
    }
    if (!step->upgrade(file, error)) return false;
  }
  if (file.IsObject() && file.HasMember("version")) file["version"].SetInt(to_version);
  return true;
}

bool migrate_to_current(rapidjson::Document& file, int from_version, Localized& error) {
  return apply_migrations(file, from_version, kFileFormatVersion, migrations(), error);
}

}  // namespace sto
