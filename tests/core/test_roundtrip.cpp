// Round trips: random plans within the model's limits survive save → load unchanged, and saving
// what was loaded gives the same text again.
#include <catch2/catch.hpp>

#include "format/file_format.h"
#include "model/plan_equal.h"
#include "test_roundtrip_gen.h"

namespace sto {
namespace {

TEST_CASE("random plans survive save and load unchanged", "[file][roundtrip]") {
  test::Rng rng(20261128);
  for (int i = 0; i < 400; ++i) {
    const Plan plan = test::random_plan(rng);
    const std::string text = save_plan(plan);
    const LoadResult loaded = load_plan(text);
    INFO("iteration " << i << ": " << loaded.error.en);
    REQUIRE(loaded.status == LoadStatus::ok);
    REQUIRE(loaded.skipped.empty());
    INFO(plan_difference(plan, loaded.plan));
    REQUIRE(equal_plans(plan, loaded.plan));
    REQUIRE(save_plan(loaded.plan) == text);
  }
}

TEST_CASE("a large random plan survives save and load", "[file][roundtrip]") {
  test::Rng rng(7);
  const Plan plan = test::random_plan(rng, 2000);
  const LoadResult loaded = load_plan(save_plan(plan));
  REQUIRE(loaded.ok());
  REQUIRE(plan_difference(plan, loaded.plan) == "");
}

TEST_CASE("plan_difference names the first differing field", "[file][roundtrip]") {
  test::Rng rng(3);
  Plan a = test::random_plan(rng, 5);
  Plan b = a;
  REQUIRE(equal_plans(a, b));
  b.activities.at(0).lines.at(2).quantity_milli += 1;
  REQUIRE_FALSE(equal_plans(a, b));
  CHECK(plan_difference(a, b).rfind("activities[0].lines[2].quantity_milli:", 0) == 0);
  b = a;
  b.cofinancing_base = a.cofinancing_base ? std::nullopt : std::optional(CofinancingBase::subsidy);
  CHECK(plan_difference(a, b).rfind("cofinancing_base", 0) == 0);
}

}  // namespace
}  // namespace sto
