// The share-link format (core/exchange/link_format.h): round trips of the sample and random plans,
// the golden bytes of link format version 1, and hostile data refused with a message, never a
// crash.
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "exchange/lineage.h"
#include "exchange/link_format.h"
#include "format/file_format.h"
#include "model/plan_equal.h"
#include "sample_plans.h"
#include "test_roundtrip_gen.h"

namespace sto {
namespace {

struct NamedPlan {
  const char* name;
  Plan (*build)();
};
const NamedPlan kSamples[] = {{"voorbeeldregio", samples::voorbeeldregio},
                              {"klein-voorbeeld-2020", samples::klein_voorbeeld_2020},
                              {"verlenging-2024", samples::verlenging_2024}};

std::string golden_path(const char* version, const char* name) {
  return std::string(STO_TEST_DATA) + "/links/" + version + "/" + name + ".bin";
}

std::string read_golden(const char* version, const char* name) {
  std::ifstream in(golden_path(version, name), std::ios::binary);
  REQUIRE(in.good());
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// A sample as a link of format version 3 or older carried it: without the 2024 request's texts.
Plan before_v4(Plan plan) {
  plan.changes_since_original_plan.clear();
  plan.earlier_grant_activities.clear();
  return plan;
}

// The sample plan's link data with one change, for the hostile cases.
std::string sample_bytes() {
  return encode_link_plan(samples::voorbeeldregio());
}

void require_refused(const LoadResult& result, LoadStatus status) {
  INFO(result.error.en);
  REQUIRE(result.status == status);
  REQUIRE_FALSE(result.error.nl.empty());
  REQUIRE_FALSE(result.error.en.empty());
}

TEST_CASE("sample plans survive the link format unchanged, in a third of the file", "[link]") {
  for (const auto& sample : kSamples) {
    INFO(sample.name);
    const Plan plan = sample.build();
    const std::string bytes = encode_link_plan(plan);
    const LoadResult decoded = decode_link_plan(bytes);
    INFO(decoded.error.en);
    REQUIRE(decoded.ok());
    REQUIRE(plan_difference(plan, decoded.plan) == "");
    const std::size_t file = save_plan(plan).size();
    std::printf("link format: %s: %zu bytes (plan file %zu bytes, %.0f%%)\n", sample.name,
                bytes.size(), file,
                100.0 * static_cast<double>(bytes.size()) / static_cast<double>(file));
    CHECK(bytes.size() * 3 < file);
    CHECK(static_cast<std::uint8_t>(bytes.front()) == kLinkFormatVersion);
  }
}

TEST_CASE("random plans survive the link format unchanged", "[link][roundtrip]") {
  test::Rng rng(20261129);
  for (int i = 0; i < 400; ++i) {
    const Plan plan = test::random_plan(rng);
    const LoadResult decoded = decode_link_plan(encode_link_plan(plan));
    INFO("iteration " << i << ": " << decoded.error.en);
    REQUIRE(decoded.ok());
    INFO(plan_difference(plan, decoded.plan));
    REQUIRE(equal_plans(plan, decoded.plan));
  }
}

TEST_CASE("a 10,000-line plan fits in the link size limit and survives it", "[link][roundtrip]") {
  test::Rng rng(10000);
  const Plan large = test::random_plan(rng, 10000);
  const std::string bytes = encode_link_plan(large);
  std::printf("link format: a random 10,000-line plan: %zu bytes (limit %zu)\n", bytes.size(),
              kMaxLinkBytes);
  CHECK(bytes.size() < kMaxLinkBytes);
  const LoadResult decoded = decode_link_plan(bytes);
  REQUIRE(decoded.ok());
  REQUIRE(plan_difference(large, decoded.plan) == "");
}

// Writes tests/data/links/v4/ once, when link format version 4 was made: never again afterwards.
// STO_WRITE_LINK_GOLDEN=1 core_tests "[write-link-golden]"
TEST_CASE("write link golden files", "[.][write-link-golden]") {
  REQUIRE(std::getenv("STO_WRITE_LINK_GOLDEN") != nullptr);
  for (const auto& sample : kSamples) {
    std::ofstream out(golden_path("v4", sample.name), std::ios::binary);
    out << encode_link_plan(sample.build());
    REQUIRE(out.good());
  }
}

TEST_CASE("links of format version 4 keep opening and are written the same", "[link]") {
  REQUIRE(kLinkFormatVersion == 4);  // a new version adds tests/data/links/vN/ and moves this on
  for (const auto& sample : kSamples) {
    INFO(sample.name);
    const std::string golden = read_golden("v4", sample.name);
    REQUIRE_FALSE(golden.empty());
    const LoadResult decoded = decode_link_plan(golden);
    INFO(decoded.error.en);
    REQUIRE(decoded.ok());
    CHECK(decoded.notes.empty());
    CHECK(plan_difference(sample.build(), decoded.plan) == "");
    CHECK(encode_link_plan(decoded.plan) == golden);
  }
}

TEST_CASE("links of format version 3 keep opening, without the 2024 request's texts", "[link]") {
  for (const auto& sample : kSamples) {
    INFO(sample.name);
    const LoadResult decoded = decode_link_plan(read_golden("v3", sample.name));
    INFO(decoded.error.en);
    REQUIRE(decoded.ok());
    CHECK(decoded.notes.empty());
    CHECK(plan_difference(before_v4(sample.build()), decoded.plan) == "");
  }
}

TEST_CASE("links of format version 2 keep opening, their yearly investment lines joined",
          "[link]") {
  // The samples had one line per year for each machine then; joined, they are today's samples.
  const std::size_t machines[] = {3, 1,
                                  0};  // voorbeeldregio, klein-voorbeeld-2020, verlenging-2024
  std::size_t i = 0;
  for (const auto& sample : kSamples) {
    INFO(sample.name);
    const LoadResult decoded = decode_link_plan(read_golden("v2", sample.name));
    INFO(decoded.error.en);
    REQUIRE(decoded.ok());
    CHECK(plan_difference(before_v4(sample.build()), decoded.plan) == "");
    CHECK(decoded.notes.size() == machines[i++]);
  }
}

TEST_CASE("links of format version 1 keep opening, their revision numbers as ids", "[link]") {
  for (const auto& sample : kSamples) {
    INFO(sample.name);
    const std::string golden = read_golden("v1", sample.name);
    const LoadResult decoded = decode_link_plan(golden);
    INFO(decoded.error.en);
    REQUIRE(decoded.ok());
    CHECK(plan_difference(before_v4(sample.build()), decoded.plan) == "");
  }
  // A version 1 link ends in its lineage: plan id, revision, derived from. "p", 6 and 5 become the
  // ids a v5 file with that lineage migrates to.
  std::string numbered = read_golden("v1", "voorbeeldregio");
  REQUIRE(numbered.substr(numbered.size() - 3) == std::string(3, '\0'));
  numbered.resize(numbered.size() - 3);
  numbered += std::string("\x01p\x0c\x0a", 4);  // zigzag: 6 → 12, 5 → 10
  const LoadResult decoded = decode_link_plan(numbered);
  INFO(decoded.error.en);
  REQUIRE(decoded.ok());
  CHECK(decoded.plan.lineage.revision == legacy_revision_id("p", 6));
  CHECK(decoded.plan.lineage.parents == std::vector<std::string>{legacy_revision_id("p", 5)});
  numbered.back() = '\x7f';  // a negative revision number
  CHECK(decode_link_plan(numbered).status == LoadStatus::corrupt);
}

TEST_CASE("a link carries the lineage with its history", "[link][lineage]") {
  Plan plan = samples::voorbeeldregio();
  const Lineage base = next_lineage(Lineage{}, "b0b0b0b000000001", "plan-1");
  plan.lineage = merged_lineage(next_lineage(base, "a0a0a0a000000002", ""),
                                next_lineage(base, "c0c0c0c000000002", ""), "d0d0d0d000000003");
  const LoadResult decoded = decode_link_plan(encode_link_plan(plan));
  REQUIRE(decoded.ok());
  CHECK(plan_difference(plan, decoded.plan) == "");
  CHECK(decoded.plan.lineage.history.size() == 3);
}

TEST_CASE("every cut of a link is refused with a message", "[link][hostile]") {
  const std::string bytes = sample_bytes();
  for (std::size_t size = 0; size < bytes.size(); ++size) {
    INFO("cut at " << size);
    const LoadResult result = decode_link_plan(bytes.substr(0, size));
    require_refused(result, LoadStatus::corrupt);
  }
  CHECK(decode_link_plan(bytes.substr(0, 1)).error.en ==
        "The link is damaged or incomplete: the data ends too early.");
  CHECK(decode_link_plan(bytes.substr(0, 1)).error.nl ==
        "De link is beschadigd of onvolledig: de gegevens houden te vroeg op.");
  CHECK_THAT(decode_link_plan(bytes.substr(0, 40)).error.en,
             Catch::Contains("a text runs past the end of the data"));
}

TEST_CASE("malformed link data is refused with a message", "[link][hostile]") {
  const std::string bytes = sample_bytes();
  SECTION("empty") {
    require_refused(decode_link_plan(""), LoadStatus::corrupt);
  }
  SECTION("a newer version") {
    std::string newer = bytes;
    newer[0] = static_cast<char>(kLinkFormatVersion + 1);
    require_refused(decode_link_plan(newer), LoadStatus::too_new);
    CHECK_THAT(decode_link_plan(newer).error.nl, Catch::Contains("nieuwere versie"));
  }
  SECTION("version 0, and JSON text where link data belongs") {
    require_refused(decode_link_plan(std::string(1, '\0') + bytes.substr(1)), LoadStatus::corrupt);
    require_refused(decode_link_plan("{\"format\": \"sto-planner-plan\"}"), LoadStatus::too_new);
  }
  SECTION("data after the plan") {
    require_refused(decode_link_plan(bytes + '\0'), LoadStatus::corrupt);
    CHECK_THAT(decode_link_plan(bytes + '\0').error.en, Catch::Contains("data after the plan"));
  }
  SECTION("a text length past the end") {
    // Byte 1 starts the title: its length, then its bytes.
    const std::string huge = std::string(1, '\x01') + "\xFF\xFF\xFF\x0F" + "abc";
    require_refused(decode_link_plan(huge), LoadStatus::corrupt);
    CHECK_THAT(decode_link_plan(huge).error.en, Catch::Contains("runs past the end"));
  }
  SECTION("a number of more than 64 bits") {
    const std::string huge = std::string(1, '\x01') + std::string(11, '\xFF');
    require_refused(decode_link_plan(huge), LoadStatus::corrupt);
    CHECK_THAT(decode_link_plan(huge).error.en, Catch::Contains("too large"));
  }
  SECTION("a huge count allocates nothing") {
    // An empty plan up to its organisations, whose count claims 2^60 records.
    Plan empty;
    std::string data = encode_link_plan(empty);
    // organisations, 3 lists, notes, scenarios, then the lineage: plan id, revision, parents,
    // history, and the 2024 request's two texts
    const std::size_t organisations_at = data.size() - 12;
    data.resize(organisations_at);
    data += std::string("\x80\x80\x80\x80\x80\x80\x80\x80\x10", 9);
    require_refused(decode_link_plan(data), LoadStatus::corrupt);
    CHECK_THAT(decode_link_plan(data).error.en, Catch::Contains("a list is longer than the data"));
  }
  SECTION("an invalid enum value") {
    Plan plan;
    plan.organisations.emplace_back();
    std::string data = encode_link_plan(plan);
    const std::string good = data;
    // The organisation: count 1, id "", name "", kind: the byte after the two empty texts.
    // The bytes from the organisations on, as above.
    const std::size_t kind_at = encode_link_plan(Plan{}).size() - 12 + 3;
    REQUIRE(static_cast<unsigned char>(data[kind_at]) ==
            static_cast<unsigned char>(OrganisationKind::other));
    data[kind_at] = 8;
    require_refused(decode_link_plan(data), LoadStatus::corrupt);
    CHECK_THAT(decode_link_plan(data).error.en,
               Catch::Contains("a choice value is invalid (kind)"));
    // The same bytes with a valid kind go on to the loader's checks (an empty id).
    CHECK(decode_link_plan(good).status == LoadStatus::repaired);
  }
  SECTION("an invalid yes/no value") {
    std::string data = encode_link_plan(Plan{});
    data[2] = 2;  // after the empty title: is_example
    require_refused(decode_link_plan(data), LoadStatus::corrupt);
  }
  SECTION("over the size limit") {
    require_refused(decode_link_plan(std::string(kMaxLinkBytes + 1, '\x01')),
                    LoadStatus::too_large);
  }
}

TEST_CASE("link data is checked by the file loader's validator", "[link][hostile]") {
  SECTION("invalid UTF-8 in the title: the loader's refusal, not replacement characters") {
    Plan plan = samples::voorbeeldregio();
    plan.title = "Regio \xC3\x28";
    const LoadResult result = decode_link_plan(encode_link_plan(plan));
    require_refused(result, LoadStatus::corrupt);
    CHECK_THAT(result.error.en, Catch::Contains("title"));
    CHECK_THAT(result.error.en, Catch::Contains("UTF-8"));
  }
  SECTION("a budget line out of range is left out as in a file, and named") {
    Plan plan = samples::voorbeeldregio();
    plan.activities[0].lines[1].quantity_milli = -5;
    const LoadResult result = decode_link_plan(encode_link_plan(plan));
    INFO(result.error.en);
    REQUIRE(result.status == LoadStatus::repaired);
    REQUIRE(result.skipped.size() == 1);
    CHECK(result.skipped[0].path == "activities[0].lines[1]");
    CHECK(result.plan.activities[0].lines.size() == plan.activities[0].lines.size() - 1);
  }
  SECTION("an impossible date") {
    Plan plan = samples::voorbeeldregio();
    plan.student_counts[0].count_date = {2025, 2, 30};
    const LoadResult result = decode_link_plan(encode_link_plan(plan));
    REQUIRE(result.status == LoadStatus::repaired);
    CHECK(result.skipped[0].path == "student_counts[0]");
  }
}

}  // namespace
}  // namespace sto
