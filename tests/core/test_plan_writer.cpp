// The plan file writer (core/format/plan_writer.h, core/format/string_archive.h) writes byte for
// byte what cereal's JSON archive writes, whole or in slices: on every sample plan, the golden
// files, random plans and plans of awkward texts and extreme numbers.
#include <catch2/catch.hpp>
#include <cereal/archives/json.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>
#include <cstdint>
#include <fstream>
#include <limits>
#include <sstream>

#include "cereal_save.h"
#include "format/file_format.h"
#include "format/plan_writer.h"
#include "format/string_archive.h"
#include "sample_plans.h"
#include "test_helpers.h"
#include "test_roundtrip_gen.h"

namespace sto {
namespace {

// save_plan and the writer in slices of `max_lines`, each equal to cereal's text.
void check_same_as_cereal(const Plan& plan) {
  const std::string expected = test::save_plan_with_cereal(plan);
  REQUIRE(save_plan(plan) == expected);
  for (std::size_t max_lines : {std::size_t{1}, std::size_t{7}, std::size_t{200}}) {
    PlanWriter writer(plan);
    while (!writer.write_some(max_lines)) {
    }
    REQUIRE(writer.text() == expected);
  }
}

// Every character from 1 to 127, invalid UTF-8 (written as is by both), and text outside the BMP.
std::string awkward_text() {
  std::string text;
  for (int c = 1; c < 128; ++c) text += static_cast<char>(c);
  return text + "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\xE2\x80\xA8\xE2\x80\xA9\xFF\xC3";
}

TEST_CASE("the writer writes what cereal writes: samples and golden files", "[file][writer]") {
  for (const Plan& plan : {samples::voorbeeldregio(), samples::klein_voorbeeld_2020(),
                           samples::verlenging_2024(), test::minimal_plan(), Plan{}})
    check_same_as_cereal(plan);
  for (const char* name : {"v4/minimal.json", "v4/full.json", "v4/scenarios.json",
                           "v4/random_seed42.json", "v4/business_status.json", "v4/lineage.json"}) {
    INFO(name);
    std::ifstream in(std::string(STO_TEST_DATA) + "/" + name, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    const LoadResult loaded = load_plan(text.str());
    REQUIRE(loaded.ok());
    check_same_as_cereal(loaded.plan);
  }
}

TEST_CASE("the writer writes what cereal writes: random plans", "[file][writer]") {
  test::Rng rng(14);
  for (int i = 0; i < 200; ++i) {
    INFO("iteration " << i);
    check_same_as_cereal(test::random_plan(rng));
  }
  check_same_as_cereal(test::random_plan(rng, 3000));
}

TEST_CASE("the writer writes what cereal writes: awkward texts and extreme numbers",
          "[file][writer]") {
  test::Rng rng(1);
  Plan plan = test::random_plan(rng, 40);
  const std::string awkward = awkward_text();
  const std::string long_text(100'000, 'x');
  plan.title = awkward;
  plan.notes = long_text + awkward;
  plan.region.name = "\"\\\"\\\\\"";
  plan.region.previous_grant = Money{std::numeric_limits<std::int64_t>::max()};
  plan.region.fixed_maximum = Money{std::numeric_limits<std::int64_t>::min()};
  BudgetLine& line = plan.activities.at(0).lines.at(0);
  line.description = awkward;
  line.unit = long_text;
  line.quantity_milli = std::numeric_limits<std::int64_t>::min();
  line.year = std::numeric_limits<int>::min();
  line.investment = Investment{Money{-1}, {}, std::numeric_limits<int>::max(), 0};
  plan.activities.at(0).years = {0, -1, std::numeric_limits<int>::max()};
  plan.activities.at(0).partner_ids = {"", awkward};
  plan.activities.push_back(Activity{});  // empty lists are written as []
  plan.lineage.revision = awkward;
  plan.lineage.parents = {awkward, ""};
  plan.lineage.history = {{awkward, {awkward}}, {"", {}}};
  check_same_as_cereal(plan);
}

// A record with doubles, as the browser storage's index has (timestamps in milliseconds).
struct TimedRecord {
  std::string id;
  double updated_ms = 0;
  std::int64_t size = 0;
  std::vector<double> marks;
  template <class Archive>
  void serialize(Archive& ar) {
    ar(cereal::make_nvp("id", id), cereal::make_nvp("updated_ms", updated_ms),
       cereal::make_nvp("size", size), cereal::make_nvp("marks", marks));
  }
};

TEST_CASE("compact_json writes what cereal's archive writes with NoIndent, doubles included",
          "[file][writer]") {
  const std::vector<double> doubles = {0.0,
                                       -0.0,
                                       1.5,
                                       1796651234567.0,  // a timestamp in 2026
                                       1796651234567.25,
                                       0.1,
                                       1.0 / 3.0,
                                       -2.5e-300,
                                       std::numeric_limits<double>::max(),
                                       std::numeric_limits<double>::denorm_min()};
  std::vector<TimedRecord> records;
  for (std::size_t i = 0; i < doubles.size(); ++i)
    records.push_back({"plan-" + std::to_string(i), doubles[i], static_cast<std::int64_t>(i) - 3,
                       std::vector<double>(doubles.begin(), doubles.begin() + i)});
  for (const auto& list : {records, std::vector<TimedRecord>{}}) {
    std::ostringstream expected;
    {
      cereal::JSONOutputArchive archive(expected, cereal::JSONOutputArchive::Options::NoIndent());
      archive(cereal::make_nvp("plans", list), cereal::make_nvp("count", list.size()));
    }
    REQUIRE(compact_json(cereal::make_nvp("plans", list), cereal::make_nvp("count", list.size())) ==
            expected.str());
  }
}

TEST_CASE("the writer writes a large plan in bounded slices", "[file][writer]") {
  test::Rng rng(99);
  const Plan plan = test::random_plan(rng, 2000);
  std::size_t largest_activity = 0;
  for (const Activity& a : plan.activities)
    largest_activity = std::max(largest_activity, a.lines.size() + 1);
  PlanWriter writer(plan);
  int calls = 0;
  std::size_t written = writer.size();
  std::size_t most_per_call = 0;
  while (!writer.done()) {
    writer.write_some(100);
    ++calls;
    most_per_call = std::max(most_per_call, writer.size() - written);
    written = writer.size();
  }
  // 2000 lines at most ~100 (+ one activity) a call: many calls, each a small part of the file.
  CHECK(calls >= static_cast<int>(2000 / (100 + largest_activity)));
  CHECK(most_per_call < written / 4);
  CHECK(writer.text() == save_plan(plan));
}

}  // namespace
}  // namespace sto
