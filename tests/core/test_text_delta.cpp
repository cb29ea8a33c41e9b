// Line deltas (core/format/text_delta.h): applying a delta gives the target back exactly, for
// random edits and the edge cases; a damaged delta or the wrong base is detected, and checking
// that a delta makes a text (delta_makes) agrees with applying it.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "format/file_format.h"
#include "format/text_delta.h"
#include "test_roundtrip_gen.h"

namespace sto {
namespace {

// make_delta and delta_makes a part at a time (DeltaMaking, DeltaChecking), parts of `bytes`.
std::string made_in_parts(const std::string& base, const std::string& target, std::size_t bytes) {
  DeltaMaking making(base, target);
  while (!making.step(bytes)) {
  }
  return making.take();
}

bool checked_in_parts(const std::string& base, const std::string& delta, const std::string& target,
                      std::size_t bytes) {
  DeltaChecking checking(base, delta, target);
  while (!checking.step(bytes)) {
  }
  return checking.ok();
}

void check_round_trip(const std::string& base, const std::string& target) {
  const std::string delta = make_delta(base, target);
  // Made and checked a part at a time: the same delta, the same verdicts, whatever the part size
  // (parts that end inside a word, a line or a piece of the delta).
  for (const std::size_t bytes : {1u, 13u, 64u}) {
    REQUIRE(made_in_parts(base, target, bytes) == delta);
    REQUIRE(checked_in_parts(base, delta, target, bytes));
    CHECK_FALSE(checked_in_parts(base, delta, target + "x", bytes));
    if (!target.empty()) {
      std::string other = target;
      other[other.size() - 1] = static_cast<char>(other[other.size() - 1] ^ 0x01);
      CHECK_FALSE(checked_in_parts(base, delta, other, bytes));
    }
  }
  REQUIRE(is_delta(delta));
  const auto back = apply_delta(base, delta);
  REQUIRE(back.has_value());
  REQUIRE(*back == target);
  // The check without a copy agrees, and tells any other text apart.
  REQUIRE(delta_makes(base, delta, target));
  CHECK_FALSE(delta_makes(base, delta, target + "x"));
  if (!target.empty()) {
    CHECK_FALSE(delta_makes(base, delta, target.substr(1)));
    std::string other = target;
    other[other.size() / 2] = static_cast<char>(other[other.size() / 2] ^ 0x01);
    CHECK_FALSE(delta_makes(base, delta, other));
  }
}

TEST_CASE("a delta rebuilds the target: edge cases", "[delta]") {
  const std::string text = "een\ntwee\ndrie\n";
  check_round_trip("", "");
  check_round_trip("", text);
  check_round_trip(text, "");
  check_round_trip(text, text);
  check_round_trip("een\ntwee", "een\ntwee\n");  // no trailing newline, then one
  check_round_trip("een\ntwee\n", "een\ntwee");
  check_round_trip("a\r\nb\r\nc\r\n", "a\r\nB\r\nc\r\n");  // CRLF lines
  check_round_trip("a\r\nb\r\n", "a\nb\n");
  check_round_trip("\n\n\n", "\n\n");
  check_round_trip(std::string("nul\0byte\n", 9), std::string("nul\0Byte\n", 9));
  check_round_trip("alles\nanders\n", "totaal\nverschillend\nnieuw");
  check_round_trip("b\n", "a\nb\n");  // the shorter text is all common last lines
  check_round_trip("a\nb\n", "b\n");
  check_round_trip("ab\n", "b\n");  // common last bytes, not a common line
  check_round_trip("x\nab\n", "x\nb\n");
  // Identical texts: a header and one step.
  CHECK(make_delta(text, text).size() < 40);
}

TEST_CASE("a delta rebuilds the target: random line edits", "[delta]") {
  test::Rng rng(2026);
  for (int round = 0; round < 300; ++round) {
    std::vector<std::string> base;
    const int count = rng.between_int(0, 60);
    for (int i = 0; i < count; ++i)
      base.push_back("regel " + std::to_string(rng.between(0, 20)) +
                     (rng.chance(10) ? "\r\n" : "\n"));
    std::vector<std::string> target = base;
    const int edits = rng.between_int(0, 12);
    for (int e = 0; e < edits; ++e) {
      const auto at =
          static_cast<std::size_t>(rng.between(0, static_cast<std::int64_t>(target.size())));
      switch (rng.between(0, 2)) {
        case 0:
          target.insert(target.begin() + static_cast<long>(at),
                        "nieuw " + test::random_text(rng) + "\n");
          break;
        case 1:
          if (at < target.size()) target.erase(target.begin() + static_cast<long>(at));
          break;
        default:
          if (at < target.size()) target[at] = "anders\n";
          break;
      }
    }
    std::string a, b;
    for (const auto& line : base) a += line;
    for (const auto& line : target) b += line;
    if (rng.chance(30) && !b.empty()) b.pop_back();  // no trailing newline
    INFO("round " << round);
    check_round_trip(a, b);
    check_round_trip(b, a);
  }
}

TEST_CASE("a delta of a small edit in a large plan file is small", "[delta]") {
  test::Rng rng(5);
  Plan plan = test::random_plan(rng, 3000);
  const std::string before = save_plan(plan);
  plan.activities.at(3).lines.at(0).quantity_milli += 1;
  plan.activities.back().lines.pop_back();
  plan.notes += "x";
  const std::string after = save_plan(plan);
  const std::string delta = make_delta(after, before);
  CHECK(delta.size() < 2000);
  REQUIRE(apply_delta(after, delta) == before);
}

TEST_CASE("texts differing in more lines than the search allows still round-trip", "[delta]") {
  std::string a, b;
  for (int i = 0; i < 3 * kMaxDeltaEdits; ++i) {
    a += "a" + std::to_string(i) + "\n";
    b += "b" + std::to_string(i) + "\n";
  }
  check_round_trip(a, b);
  CHECK(make_delta(a, b).size() < b.size() + 100);
}

TEST_CASE("a damaged delta or another base is detected", "[delta]") {
  const std::string base = "een\ntwee\ndrie\nvier\n";
  const std::string target = "een\nTWEE\ndrie\nvier\nvijf\n";
  const std::string delta = make_delta(base, target);
  REQUIRE(apply_delta(base, delta) == target);
  CHECK_FALSE(apply_delta("een\ntwee\ndrie\n", delta));               // shorter base
  CHECK_FALSE(apply_delta("een\ntwee\ndrie\nvier\nvijf\n", delta));   // longer base
  CHECK_FALSE(apply_delta("een\ntwee\nDRIE\nvier\n", delta));         // same shape, other text
  CHECK_FALSE(apply_delta(base, delta.substr(0, delta.size() - 3)));  // cut short
  CHECK_FALSE(apply_delta(base, ""));
  CHECK_FALSE(apply_delta(base, target));  // not a delta
  CHECK_FALSE(delta_makes("een\ntwee\nDRIE\nvier\n", delta, target));
  // Every single changed byte is caught.
  for (std::size_t i = 0; i < delta.size(); ++i) {
    std::string damaged = delta;
    damaged[i] = static_cast<char>(damaged[i] ^ 0x01);
    INFO("byte " << i);
    CHECK_FALSE(apply_delta(base, damaged));
    CHECK_FALSE(delta_makes(base, damaged, target));
  }
}

}  // namespace
}  // namespace sto
