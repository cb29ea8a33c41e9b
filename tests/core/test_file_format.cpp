// The plan file format: golden files per format version, the hostile corpus (each file's status
// and message), files we accept, repairs and the migration runner.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cereal/archives/json.hpp>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "exchange/lineage.h"
#include "exchange/link_format.h"
#include "format/file_format.h"
#include "format/migrate.h"
#include "format/serialize.h"
#include "model/plan_equal.h"
#include "rules/engine.h"
#include "rules/rules.h"
#include "sample_plans.h"
#include "test_helpers.h"

namespace sto {
namespace {

std::string read_data(const std::string& relative) {
  std::ifstream in(std::string(STO_TEST_DATA) + "/" + relative, std::ios::binary);
  REQUIRE(in.good());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Golden files keep the app version that wrote them; a re-save writes this build's.
std::string with_app_version(std::string text, const std::string& version) {
  const std::string key = "\"app_version\": \"";
  const auto start = text.find(key);
  REQUIRE(start != std::string::npos);
  const auto end = text.find('"', start + key.size());
  return text.replace(start + key.size(), end - start - key.size(), version);
}

bool has(const Localized& message, const std::string& en_part) {
  return message.en.find(en_part) != std::string::npos;
}

TEST_CASE("golden files of the current format load cleanly and re-save identically",
          "[file][golden]") {
  REQUIRE(kFileFormatVersion == 8);  // a new version adds tests/data/vN/ and moves this test on
  for (const char* name :
       {"v8/minimal.json", "v8/full.json", "v8/scenarios.json", "v8/random_seed42.json",
        "v8/business_status.json", "v8/lineage.json", "v8/submission_round.json",
        "v8/merge_lineage.json", "v8/yearly_investments.json", "v8/extension_texts.json"}) {
    INFO(name);
    const std::string text = read_data(name);
    const LoadResult loaded = load_plan(text);
    INFO(loaded.error.en);
    REQUIRE(loaded.status == LoadStatus::ok);
    CHECK(loaded.file_version == 8);
    CHECK(loaded.app_version == "0.1.0");
    CHECK(loaded.error.en.empty());
    CHECK(loaded.notes.empty());
    CHECK(save_plan(loaded.plan) == with_app_version(text, STO_APP_VERSION));
  }
}

// The revision ids of the v6 lineage golden file: a merge of two forks of one plan.
const char* const kForkBase = "b0b0b0b000000001";
const char* const kOursFork = "a0a0a0a000000002";
const char* const kTheirsFork = "c0c0c0c000000002";
const char* const kMergedRevision = "d0d0d0d000000003";

// The full golden plan as a v6 file held investments: one line per year of the same machine (the
// practicum set for 2025-2027, and a welding set whose 2026 line differs in funding), and one
// single-year line of a machine that depreciates in later years too.
Plan with_yearly_investments(Plan plan) {
  REQUIRE_FALSE(plan.activities.empty());
  std::vector<BudgetLine>& lines = plan.activities.front().lines;
  BudgetLine line;
  line.organisation_id = plan.organisations.front().id;
  line.category = CostCategory::equipment;
  line.unit = "afschrijving";
  line.description = "Practicumset";
  line.investment = Investment{Money{3600000}, Date{2025, 1, 1}, 72, 10000};  // € 6.000 a year
  for (int year : {2025, 2026, 2027}) {
    line.id = "practicum-" + std::to_string(year);
    line.year = year;
    lines.push_back(line);
  }
  line.description = "Lasset";
  line.investment = Investment{Money{1200000}, Date{2026, 7, 1}, 60, 5000};  // € 1.200 a year
  for (int year : {2026, 2027}) {
    line.id = "las-" + std::to_string(year);
    line.year = year;
    line.funding = year == 2026 ? FundingSource::subsidy : FundingSource::cofinancing_cash;
    lines.push_back(line);
  }
  line.description = "Robotarm";
  line.id = "robot-2025";
  line.year = 2025;
  line.funding = FundingSource::subsidy;
  line.investment = Investment{Money{2400000}, Date{2025, 3, 1}, 120, 10000};
  lines.push_back(line);
  return plan;
}

// The 2024 sample with the request's two written parts, and text that must survive a round trip
// (line breaks, quotes, a non-Latin script).
Plan with_extension_texts() {
  Plan plan = samples::verlenging_2024();
  plan.is_example = false;
  plan.changes_since_original_plan += "\n\nTweede alinea: \"samenwerking\" met één mbo.";
  plan.earlier_grant_activities += "\n- Techniekweek (februari)\n- Docentendag — 日本語";
  return plan;
}

// Writes tests/data/v8/ from the v7 golden files (loaded, then saved) and
// v8/extension_texts.json, a 2024 plan with the request's two texts. Run once when the format
// version was raised, `core_tests "[write-golden]"`; released golden files are never rewritten (a
// writer of an older version's files would write this version: they go with their version).
TEST_CASE("write the v8 golden files from v7", "[.][write-golden]") {
  const std::string dir = std::string(STO_TEST_DATA) + "/";
  for (const char* name :
       {"minimal.json", "full.json", "scenarios.json", "random_seed42.json", "business_status.json",
        "lineage.json", "submission_round.json", "merge_lineage.json", "yearly_investments.json"}) {
    const LoadResult loaded = load_plan(read_data(std::string("v7/") + name));
    REQUIRE(loaded.ok());
    std::ofstream out(dir + "v8/" + name, std::ios::binary);
    out << save_plan(loaded.plan);
    REQUIRE(out.good());
  }
  std::ofstream out(dir + "v8/extension_texts.json", std::ios::binary);
  out << save_plan(with_extension_texts());
  REQUIRE(out.good());
}

TEST_CASE("v7 files get the 2024 request's texts empty, and a 2024 plan then asks for them",
          "[file][golden][migrate]") {
  for (const char* name : {"v7/minimal.json", "v7/full.json", "v7/submission_round.json"}) {
    INFO(name);
    const LoadResult loaded = load_plan(read_data(name));
    REQUIRE(loaded.ok());
    CHECK(loaded.file_version == 7);
    CHECK(loaded.notes.empty());
    CHECK(loaded.plan.changes_since_original_plan.empty());
    CHECK(loaded.plan.earlier_grant_activities.empty());
  }
  // A 2024 plan saved by the release before: the texts come back empty and are reported.
  Plan old_2024 = samples::verlenging_2024();
  old_2024.changes_since_original_plan.clear();
  old_2024.earlier_grant_activities.clear();
  std::string v7 = save_plan(old_2024);
  for (const char* field : {"changes_since_original_plan", "earlier_grant_activities"}) {
    const std::string member = std::string(",\n\t\t\"") + field + "\": \"\"";
    REQUIRE(v7.find(member) != std::string::npos);
    v7.erase(v7.find(member), member.size());
  }
  const std::string marker = "\"version\": 8";
  v7.replace(v7.find(marker), marker.size(), "\"version\": 7");
  const std::string plan_version = "\"cereal_class_version\": 5";
  REQUIRE(v7.find(plan_version) != std::string::npos);
  v7.replace(v7.find(plan_version), plan_version.size(), "\"cereal_class_version\": 4");
  const LoadResult loaded = load_plan(v7);
  INFO(loaded.error.en);
  REQUIRE(loaded.ok());
  CHECK(plan_difference(loaded.plan, old_2024) == "");
  std::vector<std::string> codes;
  for (const Finding& f : analyse(loaded.plan).findings) codes.push_back(f.code);
  CHECK(codes ==
        std::vector<std::string>{"EXTENSION_CHANGES_MISSING", "EARLIER_GRANT_ACTIVITIES_MISSING"});
  // A v7 file cannot already hold them.
  std::string forged = v7;
  forged.insert(forged.find("\"notes\""), "\"earlier_grant_activities\": \"x\", ");
  const LoadResult refused = load_plan(forged);
  CHECK_FALSE(refused.ok());
  CHECK(has(refused.error, "cannot have \"earlier_grant_activities\""));
}

TEST_CASE("the 2024 request's texts round-trip through file and link", "[file][golden]") {
  const LoadResult loaded = load_plan(read_data("v8/extension_texts.json"));
  REQUIRE(loaded.ok());
  CHECK(plan_difference(loaded.plan, with_extension_texts()) == "");
  const LoadResult linked = decode_link_plan(encode_link_plan(loaded.plan));
  REQUIRE(linked.ok());
  CHECK(plan_difference(linked.plan, loaded.plan) == "");
}

TEST_CASE("v6 investments of one line per year are joined on loading, and the app says so",
          "[file][golden][migrate]") {
  const LoadResult loaded = load_plan(read_data("v6/yearly_investments.json"));
  INFO(loaded.error.en);
  REQUIRE(loaded.ok());
  CHECK(loaded.file_version == 6);
  REQUIRE(loaded.notes.size() == 2);  // the practicum set and the welding set; the robot is one
  CHECK(has(loaded.notes[0], "'Practicumset'"));
  CHECK(has(loaded.notes[0], "3 lines, one per year (2025, 2026, 2027)"));
  CHECK(loaded.notes[0].nl.find("3 regels, één per jaar (2025, 2026, 2027)") != std::string::npos);
  CHECK(has(loaded.notes[1], "differed in funding or cost category; that of 2026"));
  const std::vector<BudgetLine>& lines = loaded.plan.activities.front().lines;
  const auto count = [&](const std::string& description) {
    return std::count_if(lines.begin(), lines.end(),
                         [&](const BudgetLine& l) { return l.description == description; });
  };
  CHECK(count("Practicumset") == 1);
  CHECK(count("Lasset") == 1);
  CHECK(count("Robotarm") == 1);
  CHECK(save_plan(loaded.plan) ==
        with_app_version(read_data("v8/yearly_investments.json"), STO_APP_VERSION));
  // Never counted twice: each machine's depreciation once per year. The practicum set keeps the
  // € 6.000 its lines had in 2025-2027 and gains 2028, where the old file had no line.
  const Evaluation e = evaluate(loaded.plan, *builtin_schemes().find(loaded.plan.scheme_id));
  const Evaluation without = evaluate(load_plan(read_data("v6/full.json")).plan,
                                      *builtin_schemes().find(loaded.plan.scheme_id));
  REQUIRE(e.year_count == 4);
  const std::int64_t practicum = 600000, robot_2025 = 200000, robot = 240000, las = 120000;
  CHECK(e.depreciation_by_year[0].cents - without.depreciation_by_year[0].cents ==
        practicum + robot_2025);
  CHECK(e.depreciation_by_year[1].cents - without.depreciation_by_year[1].cents ==
        practicum + robot + las / 2);
  CHECK(e.depreciation_by_year[3].cents - without.depreciation_by_year[3].cents ==
        practicum + robot + las);
  // A file of this version is not joined again: two lines of one machine stay two (and the rules
  // call it double funding).
  const LoadResult again =
      load_plan(save_plan(with_yearly_investments(load_plan(read_data("v6/full.json")).plan)));
  CHECK(again.notes.empty());
}

TEST_CASE("golden files of older formats load through the migrations", "[file][golden][migrate]") {
  // vN/X.json (N < 8) must load cleanly and save as its v8 counterpart (the same plan; v1
  // without scenarios; every organisation's business status "by_kind" before v3; an empty
  // lineage before v4; the first submission round, "", before v5; revision ids from v6; the
  // yearly investment lines joined before v7; the 2024 request's texts empty before v8).
  for (const char* version : {"v1/", "v2/", "v3/", "v4/", "v5/"}) {
    for (const char* name : {"minimal.json", "full.json"}) {
      INFO(version << name);
      const LoadResult loaded = load_plan(read_data(std::string(version) + name));
      INFO(loaded.error.en);
      REQUIRE(loaded.status == LoadStatus::ok);
      CHECK(loaded.file_version == version[1] - '0');
      if (version[1] < '3')
        for (const Organisation& o : loaded.plan.organisations)
          CHECK(o.counts_as_business == BusinessStatus::by_kind);
      CHECK(loaded.plan.lineage.plan_id.empty());
      CHECK(loaded.plan.lineage.revision.empty());
      CHECK(loaded.plan.submission_round.empty());
      CHECK(save_plan(loaded.plan) ==
            with_app_version(read_data(std::string("v8/") + name), STO_APP_VERSION));
    }
  }
  for (const char* name : {"v2/scenarios.json",
                           "v2/random_seed42.json",
                           "v3/scenarios.json",
                           "v3/random_seed42.json",
                           "v3/business_status.json",
                           "v4/scenarios.json",
                           "v4/random_seed42.json",
                           "v4/business_status.json",
                           "v4/lineage.json",
                           "v5/scenarios.json",
                           "v5/random_seed42.json",
                           "v5/business_status.json",
                           "v5/lineage.json",
                           "v5/submission_round.json",
                           "v6/full.json",
                           "v6/merge_lineage.json",
                           "v6/random_seed42.json",
                           "v7/minimal.json",
                           "v7/full.json",
                           "v7/scenarios.json",
                           "v7/random_seed42.json",
                           "v7/business_status.json",
                           "v7/lineage.json",
                           "v7/submission_round.json",
                           "v7/merge_lineage.json",
                           "v7/yearly_investments.json"}) {
    INFO(name);
    const LoadResult loaded = load_plan(read_data(name));
    REQUIRE(loaded.ok());
    CHECK(save_plan(loaded.plan) ==
          with_app_version(read_data(std::string("v8/") + (name + 3)), STO_APP_VERSION));
  }
  const LoadResult random = load_plan(read_data("v1/random_seed42.json"));
  CHECK(random.status == LoadStatus::ok);
  CHECK(random.file_version == 1);
}

TEST_CASE("v4 and v5 revision numbers become the same ids in every copy", "[file][golden]") {
  for (const char* name : {"v4/lineage.json", "v5/lineage.json"}) {
    INFO(name);
    const LoadResult loaded = load_plan(read_data(name));
    REQUIRE(loaded.ok());
    const Lineage& l = loaded.plan.lineage;
    CHECK(l.plan_id == "plan-7f3a");
    CHECK(l.revision == legacy_revision_id("plan-7f3a", 6));
    CHECK(is_revision_id(l.revision));
    CHECK(l.parents == std::vector<std::string>{legacy_revision_id("plan-7f3a", 5)});
    CHECK(l.history.empty());
  }
  // Fixed by its definition (FNV-1a of "plan-7f3a:6"): a browser's versions of the release before
  // are found by these ids, so they must never change.
  CHECK(legacy_revision_id("plan-7f3a", 6) == "65a8810d8e64a7b8");
}

TEST_CASE("the merge lineage golden file holds both parents and the history", "[file][golden]") {
  const LoadResult loaded = load_plan(read_data("v6/merge_lineage.json"));
  REQUIRE(loaded.ok());
  const Lineage& l = loaded.plan.lineage;
  CHECK(l.revision == kMergedRevision);
  CHECK(l.parents == std::vector<std::string>{kOursFork, kTheirsFork});
  REQUIRE(l.history.size() == 3);
  CHECK(l.history[0].id == kOursFork);
  CHECK(l.history[1].id == kTheirsFork);
  CHECK(l.history[2].id == kForkBase);
  CHECK(l.history[2].parents.empty());
}

TEST_CASE("the submission round golden file holds its round", "[file][golden]") {
  const LoadResult loaded = load_plan(read_data("v5/submission_round.json"));
  REQUIRE(loaded.ok());
  CHECK(loaded.plan.submission_round == "2027-2028");
}

TEST_CASE("a v4 file that already has a submission round is refused", "[file][migrate]") {
  std::string text = read_data("v4/minimal.json");
  const std::string key = "\"notes\": ";
  const auto at = text.find(key);
  REQUIRE(at != std::string::npos);
  text.insert(at, "\"submission_round\": \"2027-2028\",\n");
  const LoadResult loaded = load_plan(text);
  CHECK(loaded.status == LoadStatus::corrupt);
  CHECK(has(loaded.error, "cannot have \"submission_round\""));
}

TEST_CASE(
    "v5 moves a scenario's cofinancing base into the value; of several bases the last is "
    "kept as a repair",
    "[file][migrate]") {
  const std::string v4 = read_data("v4/scenarios.json");
  // The golden file's single base override ("subsidy") becomes value 1.
  const LoadResult single = load_plan(v4);
  REQUIRE(single.ok());
  const ScenarioOverride* base = nullptr;
  for (const Scenario& s : single.plan.scenarios)
    for (const ScenarioOverride& o : s.overrides)
      if (o.kind == OverrideKind::cofinancing_base) base = &o;
  REQUIRE(base != nullptr);
  CHECK(base->value == 1);
  CHECK(base->target.empty());

  // A contradictory pair: "total_costs" first, then "subsidy".
  std::string text = v4;
  const std::string key = "\"kind\": \"cofinancing_base\"";
  const auto at = text.rfind("{", text.find(key));
  REQUIRE(at != std::string::npos);
  text.insert(at,
              "{\"kind\": \"cofinancing_base\", \"target\": \"total_costs\", \"value\": 0, "
              "\"replaces\": 0},\n");
  const LoadResult both = load_plan(text);
  INFO(both.error.en);
  REQUIRE(both.status == LoadStatus::repaired);
  REQUIRE(both.skipped.size() == 1);
  CHECK(both.skipped[0].path.find(".overrides[") != std::string::npos);
  CHECK(both.skipped[0].reason.en.find("a later cofinancing base") != std::string::npos);
  int bases = 0;
  for (const Scenario& s : both.plan.scenarios)
    for (const ScenarioOverride& o : s.overrides)
      if (o.kind == OverrideKind::cofinancing_base) {
        ++bases;
        CHECK(o.value == 1);  // the last one, "subsidy"
      }
  CHECK(bases == 1);

  // An unknown base is refused (value -1 after the move).
  std::string unknown = v4;
  const auto target = unknown.find("\"subsidy\"", unknown.find(key));
  REQUIRE(target != std::string::npos);
  unknown.replace(target, 9, "\"anders\"");
  const LoadResult refused = load_plan(unknown);
  CHECK(refused.status == LoadStatus::repaired);
}

TEST_CASE("a v3 file that already has a lineage is refused", "[file][migrate]") {
  std::string text = read_data("v3/minimal.json");
  const std::string key = "\"notes\": ";
  const auto at = text.find(key);
  REQUIRE(at != std::string::npos);
  text.insert(at, "\"lineage\": {\"plan_id\": \"x\", \"revision\": 1, \"derived_from\": 0},\n");
  const LoadResult loaded = load_plan(text);
  CHECK(loaded.status == LoadStatus::corrupt);
  CHECK(has(loaded.error, "cannot have \"lineage\""));
}

TEST_CASE("a v5 lineage revision out of range makes the file unreadable, saying so", "[file]") {
  std::string text = read_data("v5/lineage.json");
  const std::string key = "\"revision\": 6";
  const auto at = text.find(key);
  REQUIRE(at != std::string::npos);
  text.replace(at, key.size(), "\"revision\": -1");
  const LoadResult loaded = load_plan(text);
  CHECK(loaded.status == LoadStatus::corrupt);
  CHECK(has(loaded.error, "lineage of this plan of file version 5"));
}

TEST_CASE("a v6 lineage that is not what the app writes is refused, with the field named",
          "[file]") {
  const std::string golden = read_data("v6/merge_lineage.json");
  const auto refused = [&](const std::string& from, const std::string& to) {
    std::string text = golden;
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    const LoadResult loaded = load_plan(text);
    CHECK(loaded.status == LoadStatus::corrupt);
    return loaded.error.en;
  };
  const std::string revision = std::string("\"revision\": \"") + kMergedRevision + "\"";
  CHECK_THAT(refused(revision, "\"revision\": \"D0D0D0D000000003\""),
             Catch::Contains("lineage.revision: not a revision id"));
  CHECK_THAT(refused(revision, "\"revision\": 3"), Catch::Contains("lineage.revision"));
  const std::string parent = std::string("\"") + kTheirsFork + "\"\n";
  CHECK_THAT(refused(parent, std::string("\"") + kTheirsFork + "\", \"" + kForkBase + "\"\n"),
             Catch::Contains("has more than 2 versions"));
  CHECK_THAT(refused(parent, std::string("\"") + kOursFork + "\"\n"),
             Catch::Contains("appears twice"));
  CHECK_THAT(refused(std::string("\"id\": \"") + kForkBase, "\"id\": \"b0b0"),
             Catch::Contains("lineage.history[2].id"));
}

TEST_CASE("a lineage history longer than a file carries is refused", "[file]") {
  Plan plan = test::minimal_plan();
  for (int i = 0; i < 70; ++i) {
    char id[17];
    std::snprintf(id, sizeof id, "%016x", i + 1);
    plan.lineage = next_lineage(plan.lineage, id, "plan-1");
  }
  CHECK(plan.lineage.history.size() == kMaxLineageHistory);  // the writer keeps the bound
  const LoadResult kept = load_plan(save_plan(plan));
  REQUIRE(kept.ok());
  plan.lineage.history.push_back({"0000000000000fff", {}});
  const LoadResult loaded = load_plan(save_plan(plan));
  CHECK(loaded.status == LoadStatus::corrupt);
  CHECK(has(loaded.error, "lineage.history: has more than 64 versions"));
}

TEST_CASE("the business status golden file holds each value", "[file][golden]") {
  const LoadResult loaded = load_plan(read_data("v3/business_status.json"));
  REQUIRE(loaded.ok());
  int yes = 0, no = 0, by_kind = 0;
  for (const Organisation& o : loaded.plan.organisations) {
    yes += o.counts_as_business == BusinessStatus::yes;
    no += o.counts_as_business == BusinessStatus::no;
    by_kind += o.counts_as_business == BusinessStatus::by_kind;
  }
  CHECK(yes >= 1);
  CHECK(no == 1);
  CHECK(by_kind >= 1);
}

TEST_CASE("a v2 file whose organisation already has counts_as_business is refused",
          "[file][migrate]") {
  std::string text = read_data("v2/full.json");
  const std::string key = "\"partner\": ";
  const auto at = text.find(key);
  REQUIRE(at != std::string::npos);
  text.insert(at, "\"counts_as_business\": \"yes\",\n");
  const LoadResult loaded = load_plan(text);
  CHECK(loaded.status == LoadStatus::corrupt);
  CHECK(has(loaded.error, "cannot have \"counts_as_business\""));
}

TEST_CASE("scenarios in the golden file hold what they should", "[file][golden]") {
  const LoadResult loaded = load_plan(read_data("v2/scenarios.json"));
  REQUIRE(loaded.ok());
  REQUIRE(loaded.plan.scenarios.size() == 3);
  const Scenario& first = loaded.plan.scenarios[0];
  REQUIRE(first.overrides.size() == 5);
  CHECK(first.overrides[1].kind == OverrideKind::hourly_rate);
  CHECK(first.overrides[1].value == 5500);
  CHECK(first.overrides[1].replaces == 5000);
  CHECK(loaded.plan.scenarios[1].overrides[1].target == "org-vmbo|bb|M&T");
}

TEST_CASE("the full golden file holds what it should", "[file][golden]") {
  const LoadResult loaded = load_plan(read_data("v1/full.json"));
  REQUIRE(loaded.ok());
  const Plan& plan = loaded.plan;
  CHECK(plan.organisations.size() == 8);
  CHECK(plan.cofinancing_base == CofinancingBase::total_costs);
  REQUIRE(plan.activities.size() == 2);
  const BudgetLine& line = plan.activities[0].lines.at(2);
  REQUIRE(line.investment.has_value());
  CHECK(line.investment->purchase_price.cents == 2500000);
  CHECK(line.investment->purchase_date == Date{2025, 3, 15});
  CHECK(plan.activities[0].lines.at(1).quantity_milli == 25000);
  CHECK(plan.activities[0].lines.at(0).description == "Regel 1 \\ 😀");
}

TEST_CASE(
    "files we accept: BOM, no class versions beyond the first, any field order, any indentation",
    "[file][accepted]") {
  const Plan full = load_plan(read_data("v1/full.json")).plan;
  // space_indented.json is full.json as STO Planner wrote it before it indented with tabs.
  for (const char* name : {"accepted/bom_prefixed.json", "accepted/no_class_versions.json",
                           "accepted/reordered_compact.json", "accepted/space_indented.json"}) {
    INFO(name);
    const LoadResult loaded = load_plan(read_data(name));
    INFO(loaded.error.en);
    REQUIRE(loaded.status == LoadStatus::ok);
    INFO(plan_difference(full, loaded.plan));
    CHECK(equal_plans(full, loaded.plan));
  }
}

struct Hostile {
  const char* file;
  LoadStatus status;
  const char* message;  // a part of the English message (error, or the first skipped record)
  const char* path;     // repaired: the first skipped record's path
};

// Every file in tests/data/hostile/ (see make_hostile.py there), with what it must give.
const Hostile kHostile[] = {
    {"truncated.json", LoadStatus::corrupt, "truncated", nullptr},
    {"not_json.txt", LoadStatus::corrupt, "this is not valid JSON", nullptr},
    {"empty.json", LoadStatus::corrupt, "The file is empty.", nullptr},
    {"whitespace_only.json", LoadStatus::corrupt, "The file is empty.", nullptr},
    {"array.json", LoadStatus::not_a_plan, "not an STO Planner plan file", nullptr},
    {"other_format.json", LoadStatus::not_a_plan, "not an STO Planner plan file", nullptr},
    {"missing_format.json", LoadStatus::not_a_plan, "not an STO Planner plan file", nullptr},
    {"trailing_garbage.json", LoadStatus::corrupt, "more text after the end of the JSON", nullptr},
    {"utf16.json", LoadStatus::corrupt, "damaged or not a plan file", nullptr},
    {"deep_nesting.json", LoadStatus::too_deep, "nested too deeply", nullptr},
    {"missing_plan.json", LoadStatus::corrupt, "the plan itself (\"plan\") is missing", nullptr},
    {"plan_twice.json", LoadStatus::corrupt, "\"plan\" appears twice", nullptr},
    {"newer_version.json", LoadStatus::too_new, "made with a newer version of STO Planner",
     nullptr},
    {"newer_class_version.json", LoadStatus::too_new,
     "made with a newer version of STO Planner (activities[0].lines[0] has version 99)", nullptr},
    {"too_old_version.json", LoadStatus::too_old, "too old", nullptr},
    {"version_not_integer.json", LoadStatus::corrupt,
     "\"version\" is missing or not a whole number", nullptr},
    {"wrong_type_title.json", LoadStatus::corrupt, "title: must be text", nullptr},
    {"wrong_type_activities.json", LoadStatus::corrupt, "activities: must be a list", nullptr},
    {"region_negative.json", LoadStatus::corrupt, "region.previous_grant_cents: must be ≥ 0",
     nullptr},
    {"huge_number.json", LoadStatus::repaired,
     "activities[0].lines[1].price_cents: must be ≤ 1000000000000000", "activities[0].lines[1]"},
    {"number_too_big.json", LoadStatus::corrupt, "a number is too large", nullptr},
    {"big_integer.json", LoadStatus::repaired, "activities[0].lines[1].quantity_milli: must be ≤",
     "activities[0].lines[1]"},
    {"nan.json", LoadStatus::corrupt, "NaN and Infinity are not numbers a plan file may contain",
     nullptr},
    {"infinity.json", LoadStatus::corrupt, "NaN and Infinity", nullptr},
    {"negative_amount.json", LoadStatus::repaired,
     "activities[0].lines[1].price_cents: must be ≥ 0", "activities[0].lines[1]"},
    {"negative_quantity.json", LoadStatus::repaired,
     "activities[0].lines[2].quantity_milli: must be ≥ 0", "activities[0].lines[2]"},
    {"float_for_integer.json", LoadStatus::repaired,
     "activities[0].lines[3].quantity_milli: must be a whole number", "activities[0].lines[3]"},
    {"integer_as_float.json", LoadStatus::repaired,
     "goals[0].indicators[0].targets[1].year: must be a whole number, without a decimal",
     "goals[0].indicators[0].targets[1]"},
    {"year_out_of_range.json", LoadStatus::repaired, "activities[0].lines[4].year: must be ≥ 2000",
     "activities[0].lines[4]"},
    {"invalid_utf8.json", LoadStatus::repaired,
     "activities[0].lines[1].description: is not valid UTF-8 text", "activities[0].lines[1]"},
    {"invalid_utf8_title.json", LoadStatus::corrupt, "title: is not valid UTF-8 text", nullptr},
    {"lone_surrogate.json", LoadStatus::repaired, "organisations[1].name: is not valid UTF-8 text",
     "organisations[1]"},
    {"broken_surrogate_pair.json", LoadStatus::corrupt, "invalid text", nullptr},
    {"nul_in_string.json", LoadStatus::repaired,
     "activities[0].lines[4].description: contains a NUL character", "activities[0].lines[4]"},
    {"duplicate_org_id.json", LoadStatus::repaired,
     "organisations[1].id: duplicate id \"org-vmbo\" (already used by organisations[0])",
     "organisations[1]"},
    {"duplicate_line_id.json", LoadStatus::repaired,
     "activities[0].lines[5].id: duplicate id \"line-1\" (already used by activities[0].lines[0])",
     "activities[0].lines[5]"},
    {"dangling_org_in_line.json", LoadStatus::repaired,
     "activities[0].lines[6].organisation_id: refers to organisation \"org-ghost\", which is not "
     "in "
     "the plan",
     "activities[0].lines[6]"},
    {"dangling_goal.json", LoadStatus::repaired,
     "activities[0].goal_ids[1]: refers to goal \"goal-ghost\", which is not in the plan; "
     "reference "
     "left out",
     "activities[0].goal_ids[1]"},
    {"dangling_lead.json", LoadStatus::repaired, "lead organisation cleared",
     "activities[0].lead_organisation_id"},
    {"dangling_student_count.json", LoadStatus::repaired,
     "student_counts[2].organisation_id: refers to organisation \"org-ghost\"",
     "student_counts[2]"},
    {"bad_enum.json", LoadStatus::repaired,
     "activities[0].lines[7].category: unknown value \"hats\" (expected one of: internal_staff,",
     "activities[0].lines[7]"},
    {"bad_date.json", LoadStatus::repaired,
     "activities[0].lines[2].investment.purchase_date: not a date (YYYY-MM-DD, year 1900–2200): "
     "\"2025-02-30\"",
     "activities[0].lines[2]"},
    {"missing_field.json", LoadStatus::repaired, "activities[0].lines[8].price_cents: is missing",
     "activities[0].lines[8]"},
    {"unknown_field.json", LoadStatus::repaired,
     "activities[0].lines[1].colour: unknown field, left out", "activities[0].lines[1].colour"},
    {"record_not_object.json", LoadStatus::repaired, "organisations[2]: must be an object",
     "organisations[2]"},
    {"fuzz_zero_e308.json", LoadStatus::not_a_plan, "not an STO Planner plan file", nullptr},
    {"scenario_value_out_of_range.json", LoadStatus::repaired,
     "scenarios[0].overrides[0].value: must be ≥ 0", "scenarios[0].overrides[0]"},
    {"scenario_bad_kind.json", LoadStatus::repaired,
     "scenarios[1].overrides[0].kind: unknown value \"weather\"", "scenarios[1].overrides[0]"},
    {"scenario_duplicate_id.json", LoadStatus::repaired,
     "scenarios[2].id: duplicate id \"scn-krimp\" (already used by scenarios[1])", "scenarios[2]"},
    {"v1_with_scenarios.json", LoadStatus::corrupt,
     "a plan of file version 1 cannot have \"scenarios\"", nullptr},
    {"duplicate_key.json", LoadStatus::repaired, "activities[0].lines[3].id: appears twice",
     "activities[0].lines[3]"},
};

TEST_CASE("every hostile file gives its status and a clear message in both languages",
          "[file][hostile]") {
  for (const Hostile& hostile : kHostile) {
    INFO(hostile.file);
    const std::string text = read_data(std::string("hostile/") + hostile.file);
    const std::string copy = text;
    const LoadResult loaded = load_plan(text);
    INFO(loaded.error.en);
    CHECK(text == copy);  // the input is never changed
    CHECK(loaded.status == hostile.status);
    CHECK_FALSE(loaded.ok());
    CHECK(loaded.usable() == (hostile.status == LoadStatus::repaired));
    CHECK_FALSE(loaded.error.nl.empty());
    CHECK(loaded.error.nl != loaded.error.en);
    if (hostile.path) {
      REQUIRE_FALSE(loaded.skipped.empty());
      CHECK(loaded.skipped[0].path == hostile.path);
      CHECK(has(loaded.skipped[0].reason, hostile.message));
      CHECK(has(loaded.error, hostile.message));  // the summary shows the first problems
      CHECK_FALSE(loaded.skipped[0].reason.nl.empty());
    } else {
      CHECK(has(loaded.error, hostile.message));
      CHECK(loaded.skipped.empty());
    }
  }
}

TEST_CASE("the Dutch messages say the same", "[file][hostile]") {
  CHECK(load_plan(read_data("hostile/newer_version.json"))
            .error.nl.find("gemaakt met een nieuwere versie van STO Planner") != std::string::npos);
  CHECK(load_plan(read_data("hostile/negative_quantity.json")).skipped.at(0).reason.nl ==
        "activities[0].lines[2].quantity_milli: moet ≥ 0 zijn");
  CHECK(load_plan(read_data("hostile/empty.json")).error.nl == "Het bestand is leeg.");
}

TEST_CASE("a repaired plan keeps everything that was valid", "[file][repair]") {
  const Plan full = load_plan(read_data("v1/full.json")).plan;
  SECTION("a bad line is left out, the rest stays") {
    const LoadResult loaded = load_plan(read_data("hostile/negative_quantity.json"));
    REQUIRE(loaded.status == LoadStatus::repaired);
    REQUIRE(loaded.skipped.size() == 1);
    Plan expected = full;
    auto& lines = expected.activities[0].lines;
    lines.erase(lines.begin() + 2);
    INFO(plan_difference(expected, loaded.plan));
    CHECK(equal_plans(expected, loaded.plan));
  }
  SECTION("a dangling lead is cleared, the activity stays") {
    const LoadResult loaded = load_plan(read_data("hostile/dangling_lead.json"));
    REQUIRE(loaded.status == LoadStatus::repaired);
    Plan expected = full;
    expected.activities[0].lead_organisation_id = "";
    CHECK(plan_difference(expected, loaded.plan) == "");
  }
  SECTION("an organisation that is left out takes what refers to it along") {
    const LoadResult loaded = load_plan(read_data("hostile/lone_surrogate.json"));
    REQUIRE(loaded.status == LoadStatus::repaired);
    CHECK(loaded.plan.organisations.size() == 7);
    CHECK(loaded.skipped.size() == 1);  // nothing refers to org-vso
  }
  SECTION("the first line, which carries the class versions, can be left out") {
    const LoadResult loaded = load_plan(read_data("hostile/newer_class_version.json"));
    CHECK(loaded.status == LoadStatus::too_new);
    std::string text = read_data("v1/full.json");
    const std::string first = "\"price_cents\": 4500,";
    REQUIRE(text.find(first) != std::string::npos);
    text.replace(text.find(first), first.size(), "\"price_cents\": -4500,");
    const LoadResult repaired = load_plan(text);
    REQUIRE(repaired.status == LoadStatus::repaired);
    CHECK(repaired.plan.activities[0].lines.size() == 8);
    CHECK(repaired.plan.activities[0].lines[0].id == "line-2");
  }
}

TEST_CASE("a 10 MB string is refused with the field's path", "[file][hostile]") {
  std::string text = read_data("v1/full.json");
  const std::string key = "\"description\": \"Regel 1";
  text.insert(text.find(key) + key.size(), std::string(10u << 20, 'x'));
  const LoadResult loaded = load_plan(text);
  REQUIRE(loaded.status == LoadStatus::repaired);
  CHECK(has(loaded.skipped.at(0).reason,
            "activities[0].lines[0].description: is longer than 10000 bytes"));
}

TEST_CASE("brackets, quotes and backslashes inside text do not count as nesting", "[file]") {
  Plan plan;
  for (int i = 0; i < 50; ++i) plan.notes += "[{\\\"[\\";  // [{\"[\ : escapes end on a backslash
  plan.title = std::string(40, '[') + "\\";
  const LoadResult loaded = load_plan(save_plan(plan));
  INFO(loaded.error.en);
  REQUIRE(loaded.ok());
  CHECK(loaded.plan.notes == plan.notes);
  CHECK(loaded.plan.title == plan.title);
  const std::string deep = std::string(33, '[') + std::string(33, ']');
  CHECK(load_plan(deep).status == LoadStatus::too_deep);
  CHECK(load_plan(std::string(32, '[') + std::string(32, ']')).status == LoadStatus::not_a_plan);
}

TEST_CASE("a string is read the same wherever its escapes, letters and faults fall", "[file]") {
  // The loader scans strings eight bytes at a time (file_format.cpp): put each kind of character
  // at every place across two such words, and the string's end there too.
  const std::string plain = "abcdefghijklmnopqr";
  for (const std::string special : {"\"", "\\", "\n", "/", "é", "€", "😀", "\x7f"}) {
    for (std::size_t at = 0; at <= plain.size(); ++at) {
      Plan plan;
      plan.notes = plain.substr(0, at) + special + plain.substr(at);
      const LoadResult loaded = load_plan(save_plan(plan));
      INFO(at << " " << special << ": " << loaded.error.en);
      REQUIRE(loaded.ok());
      CHECK(loaded.plan.notes == plan.notes);
    }
  }
  Plan plan;
  plan.notes = plain;
  const std::string text = save_plan(plan);
  const std::size_t first = text.find(plain);
  const auto column_of = [&text](std::size_t offset) {
    return std::to_string(offset - text.rfind('\n', offset - 1));
  };
  for (std::size_t at = 0; at < plain.size(); ++at) {
    INFO(at);
    // A raw control character is an error at its own place.
    std::string broken = text;
    broken[first + at] = '\x01';
    const LoadResult control = load_plan(broken);
    CHECK(control.status == LoadStatus::corrupt);
    CHECK(has(control.error, "Invalid escape character in string.) (line "));
    CHECK(has(control.error, ", column " + column_of(first + at) + ")"));
    // A NUL byte ends the string, as in rapidjson's own parse: a missing quote.
    broken[first + at] = '\0';
    CHECK(has(load_plan(broken).error, "malformed here"));
    // Cut off inside the string: truncated.
    const LoadResult cut = load_plan(text.substr(0, first + at));
    CHECK(cut.status == LoadStatus::corrupt);
    CHECK(has(cut.error, "ends in the middle of the JSON (truncated?)"));
  }
}

namespace {
// `value` with the members of every object in reverse order.
rapidjson::Value reversed(rapidjson::Value& value, rapidjson::Document::AllocatorType& allocator) {
  if (value.IsArray()) {
    for (auto& item : value.GetArray()) item = reversed(item, allocator);
    return std::move(value);
  }
  if (!value.IsObject()) return std::move(value);
  rapidjson::Value out(rapidjson::kObjectType);
  for (auto m = value.MemberEnd(); m != value.MemberBegin();) {
    --m;
    rapidjson::Value name(m->name, allocator);
    out.AddMember(name, reversed(m->value, allocator), allocator);
  }
  return out;
}
}  // namespace

TEST_CASE("a plan file reads the same with its fields in any order, as cereal's archive reads it",
          "[file]") {
  // Budget lines are read without cereal (dom_records.cpp): by name, as cereal reads the rest.
  Plan plan = samples::voorbeeldregio();
  BudgetLine& plain = plan.activities.at(0).lines.at(0);
  plain.investment.reset();
  rapidjson::Document dom;
  dom.Parse(save_plan(plan).c_str());
  // A line that is no investment keeps no investment, whatever its "investment" object holds.
  dom["plan"]["activities"][0]["lines"][0]["investment"]["purchase_price_cents"].SetInt64(12345);
  rapidjson::Value turned = reversed(dom, dom.GetAllocator());
  rapidjson::StringBuffer text;
  rapidjson::Writer<rapidjson::StringBuffer> writer(text);
  turned.Accept(writer);
  const std::string json(text.GetString(), text.GetSize());
  const rapidjson::Value& first_line = turned["plan"]["activities"][0]["lines"][0];
  REQUIRE(std::string(first_line.MemberBegin()->name.GetString()) == "investment");
  REQUIRE(std::string((first_line.MemberEnd() - 1)->name.GetString()) == "cereal_class_version");

  const LoadResult loaded = load_plan(json);
  INFO(loaded.error.en);
  REQUIRE(loaded.status == LoadStatus::ok);
  CHECK(equal_plans(loaded.plan, plan));
  CHECK_FALSE(loaded.plan.activities[0].lines[0].investment.has_value());
  // cereal's own archive over the same text reads the same plan.
  std::istringstream in(json);
  cereal::JSONInputArchive archive(in);
  Plan by_cereal;
  archive(cereal::make_nvp("plan", by_cereal));
  CHECK(equal_plans(by_cereal, loaded.plan));
}

TEST_CASE("the parser stops at the nesting limit, whatever follows", "[file][hostile]") {
  // Objects and arrays count alike; the parse stops at level 33, so a million open brackets
  // (truncated, never closed) never reach the stack, and text after the limit is not read.
  std::string objects;
  for (int i = 0; i < 33; ++i) objects += "{\"a\":";
  CHECK(load_plan(objects + "1" + std::string(33, '}')).status == LoadStatus::too_deep);
  std::string mixed;
  for (int i = 0; i < 17; ++i) mixed += "[{\"plan\":";
  CHECK(load_plan(mixed).status == LoadStatus::too_deep);
  CHECK(load_plan(std::string(1'000'000, '[')).status == LoadStatus::too_deep);
  CHECK(load_plan(std::string(33, '[') + "not json").status == LoadStatus::too_deep);
  // Within the limit a broken file is reported where it breaks.
  const LoadResult broken = load_plan(std::string(32, '[') + "not json");
  CHECK(broken.status == LoadStatus::corrupt);
  CHECK(has(broken.error, "not valid JSON (Invalid value.) (line 1, column 34)"));
}

TEST_CASE("a file over the size limit is refused before parsing", "[file][hostile]") {
  const std::string text(kMaxFileBytes + 1, ' ');
  const LoadResult loaded = load_plan(text);
  CHECK(loaded.status == LoadStatus::too_large);
  CHECK(has(loaded.error, "too large"));
}

TEST_CASE("many problems are counted, the list is capped", "[file][repair]") {
  std::string lines;
  for (int i = 0; i < 1500; ++i) lines += std::string(i ? "," : "") + "{\"id\": 1}";
  std::string text = read_data("v1/minimal.json");
  const std::string key = "\"activities\": []";
  REQUIRE(text.find(key) != std::string::npos);
  text.replace(text.find(key), key.size(),
               "\"activities\": [{\"id\": \"a\", \"title\": \"\", \"theme\": \"\", "
               "\"lead_organisation_id\": \"\", \"partner_ids\": [], \"goal_ids\": [], "
               "\"years\": [], \"lines\": [" +
                   lines + "]}]");
  const LoadResult loaded = load_plan(text);
  REQUIRE(loaded.status == LoadStatus::repaired);
  REQUIRE(loaded.skipped.size() == kMaxSkippedListed + 1);
  CHECK(has(loaded.skipped.back().reason, "and 500 more problems"));
  CHECK(has(loaded.error, "1500 items"));
  REQUIRE(loaded.plan.activities.size() == 1);
  CHECK(loaded.plan.activities[0].lines.empty());
}

TEST_CASE("dates are read strictly", "[file]") {
  Date date;
  CHECK(parse_date_text("2024-02-29", date));
  CHECK(date == Date{2024, 2, 29});
  CHECK(parse_date_text("", date));
  CHECK_FALSE(date.is_set());
  for (const char* bad : {"2023-02-29", " 2024-01-1", "2024-1-011", "+202-01-01", "2024/01/01",
                          "1899-12-31", "2024-00-10", "2024-13-01", "2024-01-32", "20240101"})
    CHECK_FALSE(parse_date_text(bad, date));
}

// Test-only steps, injected into the runner (not the product's steps): a made-up v0 that stored
// euros instead of cents in one field, and a made-up v1 → v2 that rewrites the notes. They show
// how the runner chains steps and reports a missing one.
bool fake_v0_to_v1(rapidjson::Document& file, Localized&) {
  auto& region = file["plan"]["region"];
  region.AddMember("previous_grant_cents", region["previous_grant_euros"].GetInt64() * 100,
                   file.GetAllocator());
  region.RemoveMember("previous_grant_euros");
  return true;
}
bool fake_v1_to_v2(rapidjson::Document& file, Localized& error) {
  if (!file["plan"].HasMember("notes")) {
    error = {"notities ontbreken", "notes missing"};
    return false;
  }
  file["plan"]["notes"].SetString("migrated", file.GetAllocator());
  return true;
}

TEST_CASE("the migration runner applies one step per version, in order", "[file][migrate]") {
  std::string text = read_data("v1/minimal.json");
  const std::string cents = "\"previous_grant_cents\": 0";
  text.replace(text.find(cents), cents.size(), "\"previous_grant_euros\": 12");
  rapidjson::Document file;
  file.Parse(text.c_str());
  REQUIRE_FALSE(file.HasParseError());
  const std::vector<Migration> steps = {{1, fake_v1_to_v2}, {0, fake_v0_to_v1}};
  Localized error;
  REQUIRE(apply_migrations(file, 0, 2, steps, error));
  CHECK(file["version"].GetInt() == 2);
  CHECK(file["plan"]["region"]["previous_grant_cents"].GetInt64() == 1200);
  CHECK(std::string(file["plan"]["notes"].GetString()) == "migrated");

  SECTION("a missing step is an error, not a silent skip") {
    rapidjson::Document again;
    again.Parse(read_data("v1/minimal.json").c_str());
    CHECK_FALSE(apply_migrations(again, 1, 3, steps, error));
    CHECK(has(error, "No conversion known from file version 2 to 3"));
  }
  SECTION("this build's steps upgrade v1 to the current version") {
    CHECK(migrations().size() == static_cast<std::size_t>(kFileFormatVersion - 1));
    rapidjson::Document v1;
    v1.Parse(read_data("v1/minimal.json").c_str());
    REQUIRE(migrate_to_current(v1, 1, error));
    CHECK(v1["version"].GetInt() == kFileFormatVersion);
    CHECK(v1["plan"]["scenarios"].IsArray());
  }
}

}  // namespace
}  // namespace sto
