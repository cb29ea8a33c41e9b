// Browser storage logic over the native in-memory stand-in: versions, recovery from damaged
// entries, a full or missing storage, and two tabs writing the same plan.
#include <catch2/catch.hpp>
#include <cstdio>

#include "app/plan_store.h"
#include "exchange/lineage.h"
#include "platform/browser.h"
#include "platform/browser_native_testing.h"
#include "ui/panels.h"

using namespace sto::ui;
using sto::Language;
using sto::LocalizedText;
namespace platform = sto::platform;

namespace {

const std::string kSent = "1000000000000001";  // a revision a version was downloaded as
bool is_good(const std::string& text) {
  return text.rfind("good", 0) == 0;
}
}  // namespace

TEST_CASE("a saved plan comes back, with at most 20 versions kept", "[storage]") {
  platform::testing::clear_storage();
  PlanStore store;
  store.open();
  const std::string id = store.new_id();
  std::uint64_t generation = 0;
  for (int i = 1; i <= 25; ++i) {
    const SaveOutcome outcome = store.save(id, "Regio", "good " + std::to_string(i), generation, i);
    REQUIRE(outcome.status == SaveStatus::saved);
    generation = outcome.generation;
  }
  PlanStore reopened;
  reopened.open();
  const StoredPlan* plan = reopened.find(id);
  REQUIRE(plan != nullptr);
  CHECK(plan->name == "Regio");
  CHECK(plan->versions.size() == static_cast<std::size_t>(kVersionsKept));
  CHECK(plan->versions.front().number == 6);
  CHECK_FALSE(reopened.read_version(id, 5).has_value());  // dropped, not just unlisted
  const auto newest = reopened.newest_good_version(id, is_good);
  REQUIRE(newest);
  CHECK(newest->text == "good 25");
  CHECK(newest->damaged_versions_skipped == 0);
}

TEST_CASE("a damaged newest version falls back to the last good one", "[storage]") {
  platform::testing::clear_storage();
  PlanStore store;
  store.open();
  const std::string id = store.new_id();
  auto g = store.save(id, "Regio", "good 1", 0, 1).generation;
  g = store.save(id, "Regio", "good 2", g, 2).generation;
  store.save(id, "Regio", "good 3", g, 3);
  platform::storage_set("sto-planner/plan/" + id + "/3", "goo");  // truncated
  const auto recovered = store.newest_good_version(id, is_good);
  REQUIRE(recovered);
  CHECK(recovered->text == "good 2");
  CHECK(recovered->damaged_versions_skipped == 1);
}

TEST_CASE("a damaged index is rebuilt from the stored versions", "[storage]") {
  platform::testing::clear_storage();
  PlanStore store;
  store.open();
  const std::string id = store.new_id();
  store.save(id, "Regio", "good 1", 0, 1);
  platform::storage_set("sto-planner/index", "{\"plans\": [ {\"id\": ");
  PlanStore reopened;
  reopened.open();
  CHECK(reopened.index_was_rebuilt());
  REQUIRE(reopened.find(id) != nullptr);
  CHECK(reopened.newest_good_version(id, is_good)->text == "good 1");
}

TEST_CASE("an older tab never overwrites a newer save", "[storage]") {
  platform::testing::clear_storage();
  PlanStore tab_a, tab_b;
  tab_a.open();
  const std::string id = tab_a.new_id();
  const auto first = tab_a.save(id, "Regio", "good A1", 0, 1);
  tab_b.open();  // tab B loads generation 1
  const auto second = tab_a.save(id, "Regio", "good A2", first.generation, 2);
  REQUIRE(second.status == SaveStatus::saved);
  const auto stale = tab_b.save(id, "Regio", "good B", first.generation, 3);
  CHECK(stale.status == SaveStatus::conflict);
  CHECK(tab_b.stored_state(id).generation == second.generation);
  CHECK(tab_b.newest_good_version(id, is_good)->text == "good A2");
}

TEST_CASE("a full storage drops old versions first and never loses the last good save",
          "[storage]") {
  platform::testing::clear_storage();
  PlanStore store;
  store.open();
  const std::string id = store.new_id();
  std::uint64_t g = 0;
  for (int i = 1; i <= 5; ++i)
    g = store.save(id, "Regio", "good " + std::string(100, 'x'), g, i).generation;
  platform::testing::set_storage_limit(1800);
  // Fits only after old versions go.
  const auto fits = store.save(id, "Regio", "good " + std::string(300, 'y'), g, 10);
  REQUIRE(fits.status == SaveStatus::saved);
  CHECK(store.find(id)->versions.size() < 6);
  // Cannot fit at all: refused, and the previous save is still there.
  const auto too_big =
      store.save(id, "Regio", "good " + std::string(5000, 'z'), fits.generation, 11);
  CHECK(too_big.status == SaveStatus::quota);
  PlanStore reopened;
  reopened.open();
  CHECK(reopened.newest_good_version(id, is_good)->text == "good " + std::string(300, 'y'));
}

TEST_CASE("storage that is switched off is reported, not ignored", "[storage]") {
  platform::testing::clear_storage();
  platform::testing::set_storage_available(false);
  PlanStore store;
  store.open();
  CHECK(store.save(store.new_id(), "Regio", "good", 0, 1).status == SaveStatus::unavailable);
  platform::testing::clear_storage();
}

TEST_CASE("a write that reads back differently is reported, and the last good save stays",
          "[storage]") {
  platform::testing::clear_storage();
  PlanStore store;
  store.open();
  const std::string id = store.new_id();
  const auto first = store.save(id, "Regio", "good one", 0, 1);
  REQUIRE(first.status == SaveStatus::saved);
  platform::testing::set_storage_garbling(true);
  const auto garbled = store.save(id, "Regio", "good two", first.generation, 2);
  CHECK(garbled.status == SaveStatus::not_verified);
  CHECK(garbled.generation == first.generation);
  platform::testing::set_storage_garbling(false);
  PlanStore reopened;
  reopened.open();
  CHECK(reopened.find(id)->versions.size() == 1);
  CHECK(reopened.newest_good_version(id, is_good)->text == "good one");
}

TEST_CASE("a plan deleted in another tab is never saved into", "[storage]") {
  platform::testing::clear_storage();
  PlanStore tab_a, tab_b;
  tab_a.open();
  const std::string id = tab_a.new_id();
  const auto first = tab_a.save(id, "Regio", "good A1", 0, 1);
  tab_b.open();
  tab_b.set_deleted(id, true);
  CHECK(tab_a.stored_state(id).deleted);
  CHECK(tab_a.save(id, "Regio", "good A2", first.generation, 2).status == SaveStatus::deleted);
  CHECK(tab_b.find(id)->versions.size() == 1);  // nothing written into the bin

  // The bin is emptied when a tab starts: the plan is gone, and still not silently re-created.
  PlanStore tab_c;
  tab_c.open();
  CHECK_FALSE(tab_a.stored_state(id).listed);
  CHECK(tab_a.save(id, "Regio", "good A3", first.generation, 3).status == SaveStatus::deleted);
  CHECK(tab_c.stored_state(id).listed == false);

  // Undoing the delete (before the bin is emptied) lets the plan be saved again.
  const std::string other = tab_a.new_id();
  const auto kept = tab_a.save(other, "Ander", "good 1", 0, 4);
  tab_b.set_deleted(other, true);
  tab_b.set_deleted(other, false);
  CHECK(tab_a.save(other, "Ander", "good 2", kept.generation, 5).status == SaveStatus::saved);
}

TEST_CASE("edits within a minute of a version's start join it; events get versions of their own",
          "[storage]") {
  platform::testing::clear_storage();
  PlanStore store;
  store.open();
  const std::string id = store.new_id();
  const auto edit = [](const char* what, int edits) {
    return VersionChange{{std::string("nl ") + what, std::string("en ") + what}, edits};
  };
  auto g = store.save(id, "Regio", "good opened", 0, 1000, {{"Geopend", "Opened"}, 0}).generation;
  g = store.save(id, "Regio", "good 1", g, 2000, edit("a", 1)).generation;  // not into the event
  g = store.save(id, "Regio", "good 2", g, 30000, edit("b", 2)).generation;
  g = store.save(id, "Regio", "good 3", g, 60999, edit("c", 1)).generation;  // 58.999 s after a
  REQUIRE(store.find(id)->versions.size() == 2);
  const StoredVersion merged = store.find(id)->versions.back();
  CHECK(merged.started_ms == 2000);
  CHECK(merged.saved_ms == 60999);
  CHECK(merged.edits == 4);
  CHECK(merged.change.nl == "nl c");
  CHECK(merged.bytes == std::string("good 3").size());
  CHECK(store.read_version(id, merged.number) == std::string("good 3"));
  CHECK_FALSE(store.read_version(id, 2).has_value());  // the merged-away version is gone
  CHECK_FALSE(store.read_version(id, 3).has_value());
  // A minute after the version started: a new one.
  store.save(id, "Regio", "good 4", g, 62000, edit("d", 1));
  PlanStore reopened;
  reopened.open();
  REQUIRE(reopened.find(id)->versions.size() == 3);
  CHECK(reopened.find(id)->versions.back().change.en == "en d");
  CHECK(reopened.find(id)->versions.front().change.nl == "Geopend");
}

TEST_CASE("an index written before versions described their changes still reads", "[storage]") {
  platform::testing::clear_storage();
  // As the release before version 2 of StoredVersion wrote it.
  platform::storage_set("sto-planner/index",
                        "{\"plans\":[{\"cereal_class_version\":1,\"id\":\"p1\",\"name\":\"Oost\","
                        "\"updated_ms\":5.0,\"downloaded_ms\":0.0,\"generation\":3,\"versions\":["
                        "{\"cereal_class_version\":1,\"number\":7,\"saved_ms\":5.0}],"
                        "\"deleted\":false}]}");
  platform::storage_set("sto-planner/plan/p1/7", "good old");
  PlanStore store;
  store.open();
  CHECK_FALSE(store.index_was_rebuilt());
  REQUIRE(store.find("p1") != nullptr);
  CHECK(store.find("p1")->versions.back().number == 7);
  CHECK(store.find("p1")->versions.back().edits == 0);
  const auto saved = store.save("p1", "Oost", "good new", 3, 10, {{"x", "x"}, 1});
  CHECK(saved.status == SaveStatus::saved);
  CHECK(store.find("p1")->versions.size() == 2);  // never merged into a version of unknown edits
}

TEST_CASE("a full storage says how many old versions it dropped", "[storage]") {
  platform::testing::clear_storage();
  PlanStore store;
  store.open();
  const std::string id = store.new_id();
  std::uint64_t g = 0;
  for (int i = 1; i <= 5; ++i)
    g = store.save(id, "Regio", "good " + std::string(100, 'x'), g, i).generation;
  platform::testing::set_storage_limit(1800);
  const auto fits = store.save(id, "Regio", "good " + std::string(300, 'y'), g, 10);
  REQUIRE(fits.status == SaveStatus::saved);
  CHECK(fits.dropped_for_space == 5 - static_cast<int>(store.find(id)->versions.size() - 1));
  CHECK(fits.dropped_for_space > 0);
  platform::testing::clear_storage();
}

TEST_CASE("a rebuilt index names its plans from their newest version and counts what it found",
          "[storage]") {
  platform::testing::clear_storage();
  PlanStore store;
  store.open();
  const std::string named = store.new_id();
  store.save(named, "Regio Oost", "good name=Oost", 0, 1);
  const std::string unnamed = named + "x";
  auto g = store.save(unnamed, "Regio West", "good", 0, 2).generation;
  store.save(unnamed, "Regio West", "good", g, 3);
  platform::storage_set("sto-planner/index", "{\"plans\": [ {\"id\": ");
  PlanStore reopened;
  reopened.open();
  REQUIRE(reopened.index_was_rebuilt());
  const IndexRepair repair = reopened.name_rebuilt_plans([](const std::string& text) {
    const auto at = text.find("name=");
    return at == std::string::npos ? std::string() : text.substr(at + 5);
  });
  CHECK(repair.plans == 2);
  CHECK(repair.versions == 3);
  CHECK(repair.unnamed == 1);
  CHECK(reopened.find(named)->name == "Oost");
  CHECK(reopened.find(unnamed)->name == unnamed);
  PlanStore again;  // the names were written back
  again.open();
  CHECK(again.find(named)->name == "Oost");
}

TEST_CASE("versions written as a lineage revision are found by it and dropped last", "[storage]") {
  platform::testing::clear_storage();
  PlanStore store;
  store.open();
  const std::string id = store.new_id();
  std::uint64_t g = store.save(id, "Regio", "good 1", 0, 1).generation;
  g = store.save(id, "Regio", "good sent", g, 2, {{"d", "d"}, 0, kSent}).generation;
  // Edits well apart, so each is a version of its own: more than are kept.
  for (int i = 3; i <= 30; ++i)
    g = store.save(id, "Regio", "good " + std::to_string(i), g, i * 100'000.0, {{"e", "e"}, 1})
            .generation;
  const StoredPlan* plan = store.find(id);
  REQUIRE(plan->versions.size() == static_cast<std::size_t>(kVersionsKept));
  const auto sent = store.version_of_revision(id, kSent, "plan-1");
  REQUIRE(sent);  // the oldest, yet kept: a copy may still come back from it
  CHECK(store.read_version(id, *sent) == "good sent");
  CHECK(plan->versions.front().revision == kSent);
  CHECK_FALSE(store.version_of_revision(id, "2000000000000002", "plan-1"));
  // The revision survives a reload of the index.
  PlanStore reopened;
  reopened.open();
  CHECK(reopened.version_of_revision(id, kSent, "plan-1") == sent);
}

TEST_CASE("an index of the release before finds its numbered revisions by their new ids",
          "[storage]") {
  platform::testing::clear_storage();
  // Index version 3 (StoredVersion class version 3): the revision a number.
  platform::storage_set("sto-planner/plan/p1/1", "sent as 5");
  platform::storage_set(
      "sto-planner/index",
      R"({"plans": [{"cereal_class_version": 1, "id": "p1", "name": "Regio", "updated_ms": 1.0,)"
      R"( "downloaded_ms": 0.0, "generation": 1, "versions": [{"cereal_class_version": 3,)"
      R"( "number": 1, "saved_ms": 1.0, "started_ms": 1.0, "change_nl": "d", "change_en": "d",)"
      R"( "edits": 0, "bytes": 9, "revision": 5}], "deleted": false}]})");
  PlanStore store;
  store.open();
  REQUIRE(store.find("p1") != nullptr);
  const auto found =
      store.version_of_revision("p1", sto::legacy_revision_id("plan-7f3a", 5), "plan-7f3a");
  REQUIRE(found);
  CHECK(store.read_version("p1", *found) == "sent as 5");
  CHECK_FALSE(
      store.version_of_revision("p1", sto::legacy_revision_id("plan-7f3a", 4), "plan-7f3a"));
}

TEST_CASE("a received copy is kept by its revision, at most 16 per plan, and goes with the plan",
          "[storage]") {
  platform::testing::clear_storage();
  PlanStore store;
  store.open();
  const std::string id = store.new_id();
  store.save(id, "Regio", "plan", 0, 1);
  CHECK_FALSE(store.keep_received("unknown-plan", "1000000000000001", "copy"));
  for (int i = 1; i <= 20; ++i) {
    char revision[17];
    std::snprintf(revision, sizeof revision, "%016x", i);
    REQUIRE(store.keep_received(id, revision, "copy " + std::to_string(i)));
  }
  CHECK(store.find(id)->received.size() == kReceivedCopiesKept);
  CHECK_FALSE(store.read_received(id, "0000000000000001"));  // the oldest went
  CHECK_FALSE(platform::storage_get("sto-planner/received/" + id + "/0000000000000001"));
  CHECK(store.read_received(id, "0000000000000014") == "copy 20");
  CHECK(sto::ui::stored_bytes(*store.find(id)) > 16 * 6);  // counted in Mijn plannen
  PlanStore reopened;                                      // kept in the index
  reopened.open();
  CHECK(reopened.read_received(id, "0000000000000014") == "copy 20");
  reopened.set_deleted(id, true);
  PlanStore next_start;  // the bin is emptied at the next start: the copies go too
  next_start.open();
  CHECK_FALSE(platform::storage_get("sto-planner/received/" + id + "/0000000000000014"));
}

namespace {
// Moves everything stored so far into the earlier release's store (localStorage), as a browser
// that ran that release has it, and empties the current one.
void make_stored_plans_legacy() {
  std::vector<std::pair<std::string, std::string>> entries;
  for (const std::string& key : platform::storage_keys("sto-planner/"))
    entries.emplace_back(key, *platform::storage_get(key));
  platform::testing::clear_storage();
  for (const auto& [key, value] : entries) platform::testing::set_legacy_entry(key, value);
}
}  // namespace

TEST_CASE("plans of an earlier release are moved over with every version, then released",
          "[storage][migration]") {
  platform::testing::clear_storage();
  PlanStore old_release;
  old_release.open();
  const std::string a = "p1", b = "p2";
  std::uint64_t ga = 0, gb = 0;
  for (int i = 1; i <= 3; ++i) {
    ga = old_release.save(a, "Regio A", "good A" + std::to_string(i), ga, i * 100'000.0).generation;
    gb = old_release.save(b, "Regio B", "good B" + std::to_string(i), gb, i * 100'000.0).generation;
  }
  old_release.set_last_open_id(b);
  make_stored_plans_legacy();
  REQUIRE(platform::testing::legacy_entry_count() == 8);  // index, last-open, 2 × 3 versions

  PlanStore store;
  const Migration moved = store.migrate_legacy();
  store.open();
  CHECK(moved.plans_taken == 2);
  CHECK(moved.plans_skipped == 0);
  CHECK(platform::testing::legacy_entry_count() == 0);
  REQUIRE(store.plans().size() == 2);
  const StoredPlan* plan_a = store.find(a);
  REQUIRE(plan_a != nullptr);
  CHECK(plan_a->name == "Regio A");
  CHECK(plan_a->generation == ga);
  REQUIRE(plan_a->versions.size() == 3);
  for (int i = 1; i <= 3; ++i)
    CHECK(store.read_version(a, plan_a->versions[i - 1].number) == "good A" + std::to_string(i));
  CHECK(store.newest_good_version(b, is_good)->text == "good B3");
  CHECK(store.last_open_id() == b);
  // Saving goes on from the generation the old release left.
  CHECK(store.save(a, "Regio A", "good A4", ga, 400'000).status == SaveStatus::saved);
}

TEST_CASE("a tab of the old release saving after the move: the newer side of each plan wins",
          "[storage][migration]") {
  platform::testing::clear_storage();
  PlanStore old_release;
  old_release.open();
  auto ga = old_release.save("p1", "Regio A", "good A1", 0, 1).generation;
  auto gb = old_release.save("p2", "Regio B", "good B1", 0, 1).generation;
  make_stored_plans_legacy();
  PlanStore store;
  store.migrate_legacy();
  store.open();
  // Here plan A moves on; meanwhile the old tab saves B twice into a localStorage of its own
  // (generation 3 there against 1 here) and holds an older A (generation 1 against 2 here).
  ga = store.save("p1", "Regio A", "good A2 here", ga, 1e6).generation;
  std::vector<std::pair<std::string, std::string>> here;
  for (const std::string& key : platform::storage_keys("sto-planner/"))
    here.emplace_back(key, *platform::storage_get(key));
  platform::testing::clear_storage();
  PlanStore old_tab;
  old_tab.open();
  old_tab.save("p1", "Regio A", "good A1 old", 0, 1);
  gb = old_tab.save("p2", "Regio B", "good B1", 0, 1).generation;
  gb = old_tab.save("p2", "Regio B", "good B2 old", gb, 2e6).generation;
  gb = old_tab.save("p2", "Regio B", "good B3 old", gb, 3e6).generation;
  make_stored_plans_legacy();
  for (const auto& [key, value] : here) platform::storage_set(key, value);

  PlanStore next_start;
  const Migration moved = next_start.migrate_legacy();
  next_start.open();
  CHECK(moved.plans_taken == 1);
  CHECK(moved.plans_skipped == 1);
  CHECK(next_start.newest_good_version("p1", is_good)->text == "good A2 here");
  CHECK(next_start.find("p1")->generation == ga);
  const StoredPlan* plan_b = next_start.find("p2");
  REQUIRE(plan_b != nullptr);
  CHECK(plan_b->generation == gb);
  REQUIRE(plan_b->versions.size() == 3);
  CHECK(plan_b->versions.front().number == 2);  // numbered after the version that was here
  CHECK(next_start.newest_good_version("p2", is_good)->text == "good B3 old");
  CHECK_FALSE(next_start.read_version("p2", 1).has_value());  // the older copy here is gone
  CHECK(platform::testing::legacy_entry_count() == 0);
}

TEST_CASE("Mijn plannen reminds to download a plan changed since a download days ago",
          "[storage]") {
  constexpr double day = 24 * 3600'000.0;
  StoredPlan plan;
  plan.versions.push_back(StoredVersion{1, 10 * day, 10 * day, {}, 1, 500});
  plan.versions.push_back(StoredVersion{2, 11 * day, 11 * day, {}, 1, 700});
  plan.updated_ms = 11 * day;
  CHECK(stored_bytes(plan) == 1200);
  CHECK_FALSE(download_reminder_due(plan, 12 * day));  // never downloaded, but only 2 days old
  CHECK(download_reminder_due(plan, 13.5 * day));
  plan.downloaded_ms = 11.5 * day;  // downloaded after the last change
  CHECK_FALSE(download_reminder_due(plan, 30 * day));
  plan.downloaded_ms = 10.5 * day;  // changed since
  CHECK_FALSE(download_reminder_due(plan, 13 * day));
  CHECK(download_reminder_due(plan, 14 * day));
}

namespace {
// A plan-like text of `lines` lines; `edit` changes one line in the middle and adds one.
std::string large_text(int lines, int edit) {
  std::string text = "good {\n";
  for (int i = 0; i < lines; ++i)
    text += "\t\t\"quantity_milli\": " + std::to_string(i == lines / 2 ? edit : i) + ",\n";
  return text + "\t\"edit\": " + std::to_string(edit) + "\n}\n";
}

// A save and then the deltas it made due, as the app does over the next frames.
SaveOutcome save_and_compact(PlanStore& store, const std::string& id, const std::string& text,
                             std::uint64_t generation, double now_ms,
                             const VersionChange& change = {}) {
  const SaveOutcome outcome = store.save(id, "Regio", text, generation, now_ms, change);
  while (store.delta_due()) store.continue_delta();
  return outcome;
}

std::size_t stored_bytes(const std::string& id) {
  std::size_t bytes = 0;
  for (const std::string& key : platform::storage_keys("sto-planner/plan/" + id + "/"))
    bytes += platform::storage_get(key)->size();
  return bytes;
}
}  // namespace

TEST_CASE("older versions are stored as deltas: 20 versions take about two copies", "[storage]") {
  platform::testing::clear_storage();
  PlanStore store;
  store.open();
  const std::string id = store.new_id();
  std::uint64_t g = 0;
  for (int i = 1; i <= 25; ++i) {
    // Two saves within a minute: one version, the second replacing the first.
    g = save_and_compact(store, id, large_text(2000, i), g, i * 100'000.0, {{"x", "x"}, 1})
            .generation;
    g = save_and_compact(store, id, large_text(2000, 1000 + i), g, i * 100'000.0 + 1,
                         {{"x", "x"}, 1})
            .generation;
  }
  const StoredPlan* plan = store.find(id);
  REQUIRE(plan->versions.size() == static_cast<std::size_t>(kVersionsKept));
  const std::size_t one_copy = large_text(2000, 1025).size();
  CHECK(stored_bytes(id) < 2 * one_copy + one_copy / 10);
  // Mijn plannen's size is what the versions take, deltas counted as deltas.
  CHECK(sto::ui::stored_bytes(*store.find(id)) == stored_bytes(id));
  // Every version reads back exactly, also after a reopen.
  PlanStore reopened;
  reopened.open();
  for (const StoredVersion& v : reopened.find(id)->versions) {
    const auto text = reopened.read_version(id, v.number);
    REQUIRE(text);
    CHECK(text->size() == one_copy);
    CHECK(text->find("\"edit\": ") != std::string::npos);
  }
  // Each version holds the last of its merged saves.
  CHECK(*reopened.read_version(id, plan->versions.back().number) == large_text(2000, 1025));
  CHECK(*reopened.read_version(id, plan->versions.front().number) == large_text(2000, 1006));
}

TEST_CASE("a damaged delta is a damaged version; the newest good one is still found", "[storage]") {
  platform::testing::clear_storage();
  PlanStore store;
  store.open();
  const std::string id = store.new_id();
  std::uint64_t g = 0;
  for (int i = 1; i <= 4; ++i) g = save_and_compact(store, id, large_text(50, i), g, i).generation;
  const std::string key1 = "sto-planner/plan/" + id + "/1";
  REQUIRE(platform::storage_get(key1)->rfind("sto-planner-delta 2\n", 0) == 0);
  REQUIRE(store.read_version(id, 1) == large_text(50, 1));
  // One changed byte in the delta's new text: refused, not a wrong plan.
  std::string damaged = *platform::storage_get(key1);
  damaged[damaged.size() - 10] ^= 1;
  platform::storage_set(key1, damaged);
  CHECK_FALSE(store.read_version(id, 1));
  CHECK(store.read_version(id, 2) == large_text(50, 2));
  // The newest two stay whole: a damaged newest still leaves the one before it.
  platform::storage_set("sto-planner/plan/" + id + "/4", "goo");
  const auto recovered = store.newest_good_version(id, is_good);
  REQUIRE(recovered);
  CHECK(recovered->text == large_text(50, 3));
  CHECK(recovered->damaged_versions_skipped == 1);
  // A delta whose base is damaged is damaged too.
  platform::storage_set("sto-planner/plan/" + id + "/3", "goo");
  CHECK_FALSE(store.read_version(id, 2));
}

TEST_CASE("whole versions of the previous release still read, and the next save keeps them",
          "[storage]") {
  platform::testing::clear_storage();
  // As the previous release stored them: every version a whole text.
  platform::storage_set(
      "sto-planner/index",
      "{\"plans\": [{\"cereal_class_version\": 1, \"id\": \"p1\", \"name\": "
      "\"Regio\", \"updated_ms\": 3.0, \"downloaded_ms\": 0.0, \"generation\": 3, "
      "\"versions\": [{\"cereal_class_version\": 1, \"number\": 1, \"saved_ms\": "
      "1.0}, {\"number\": 2, \"saved_ms\": 2.0}, {\"number\": 3, \"saved_ms\": "
      "3.0}], \"deleted\": false}]}");
  for (int i = 1; i <= 3; ++i)
    platform::storage_set("sto-planner/plan/p1/" + std::to_string(i), large_text(50, i));
  PlanStore store;
  store.open();
  REQUIRE_FALSE(store.index_was_rebuilt());
  for (int i = 1; i <= 3; ++i) CHECK(store.read_version("p1", i) == large_text(50, i));
  REQUIRE(save_and_compact(store, "p1", large_text(50, 4), 3, 4).status == SaveStatus::saved);
  for (int i = 1; i <= 4; ++i) CHECK(store.read_version("p1", i) == large_text(50, i));
  CHECK(platform::storage_get("sto-planner/plan/p1/2")->rfind("sto-planner-delta 3\n", 0) == 0);
}

TEST_CASE("a version kept for its lineage revision stays readable when its delta's base goes",
          "[storage]") {
  platform::testing::clear_storage();
  PlanStore store;
  store.open();
  const std::string id = store.new_id();
  std::uint64_t g = save_and_compact(store, id, large_text(200, 0), 0, 100'000.0).generation;
  // Downloaded as revision 1: kept while the versions without a revision around it go.
  g = save_and_compact(store, id, large_text(200, 1), g, 200'000.0, {{"d", "d"}, 0, kSent})
          .generation;
  for (int i = 2; i <= 30; ++i)
    g = save_and_compact(store, id, large_text(200, i), g, (i + 1) * 100'000.0, {{"e", "e"}, 1})
            .generation;
  const auto sent = store.version_of_revision(id, kSent, "plan-1");
  REQUIRE(sent);
  CHECK(store.read_version(id, *sent) == large_text(200, 1));
  REQUIRE(store.find(id)->versions.size() == static_cast<std::size_t>(kVersionsKept));
  for (const StoredVersion& v : store.find(id)->versions)
    CHECK(store.read_version(id, v.number).has_value());
  // Written whole again, it is counted whole.
  CHECK(sto::ui::stored_bytes(*store.find(id)) == stored_bytes(id));
}

TEST_CASE("Mijn plannen lists a plan by its name at the last save, unless the user named it",
          "[storage]") {
  platform::testing::clear_storage();
  PlanStore store;
  store.open();
  const std::string id = store.new_id();
  auto g = store.save(id, "Regio Oost", "good 1", 0, 1000, {{"Nieuw", "New"}, 0}).generation;
  // The region renamed: the next save lists it by its new name (it kept "Regio Oost" before).
  g = store.save(id, "Regio Oost-Brabant", "good 2", g, 2000, {{"a", "a"}, 1}).generation;
  CHECK(store.find(id)->name == "Regio Oost-Brabant");
  PlanStore reopened;
  reopened.open();
  CHECK(reopened.find(id)->name == "Regio Oost-Brabant");
  // Named in Mijn plannen: saves keep the user's name, also after a reload.
  store.rename(id, "Mijn versie voor de stuurgroep");
  g = store.save(id, "Regio Oost-Brabant 2", "good 3", g, 3000, {{"b", "b"}, 1}).generation;
  CHECK(store.find(id)->name == "Mijn versie voor de stuurgroep");
  PlanStore after_reload;
  after_reload.open();
  CHECK(after_reload.find(id)->named_by_user);
  after_reload.save(id, "Regio Oost-Brabant 3", "good 4", g, 4000, {{"c", "c"}, 1});
  CHECK(after_reload.find(id)->name == "Mijn versie voor de stuurgroep");
}

TEST_CASE("an index written before plans knew who named them follows the plan's name",
          "[storage]") {
  platform::testing::clear_storage();
  platform::storage_set("sto-planner/index",
                        "{\"plans\":[{\"cereal_class_version\":1,\"id\":\"p1\",\"name\":\"Oost\","
                        "\"updated_ms\":5.0,\"downloaded_ms\":0.0,\"generation\":3,\"versions\":["
                        "{\"cereal_class_version\":3,\"number\":7,\"saved_ms\":5.0,"
                        "\"started_ms\":5.0,\"change_nl\":\"x\",\"change_en\":\"x\",\"edits\":1,"
                        "\"bytes\":8,\"revision\":0}],\"deleted\":false}]}");
  platform::storage_set("sto-planner/plan/p1/7", "good old");
  PlanStore store;
  store.open();
  CHECK_FALSE(store.index_was_rebuilt());
  REQUIRE(store.find("p1") != nullptr);
  CHECK_FALSE(store.find("p1")->named_by_user);
  CHECK(store.find("p1")->versions.back().changes.empty());
  store.save("p1", "West", "good new", 3, 10, {{"y", "y"}, 1});
  CHECK(store.find("p1")->name == "West");
  // The version it joined named its latest edit only; now both are named.
  const StoredVersion& joined = store.find("p1")->versions.back();
  REQUIRE(joined.changes.size() == 2);
  CHECK(joined.changes[0].nl == "x");
  CHECK(joined.changes[1].nl == "y");
}

TEST_CASE("a version joining several edits names them all, a few by name and the rest counted",
          "[storage]") {
  platform::testing::clear_storage();
  PlanStore store;
  store.open();
  const std::string id = store.new_id();
  const LocalizedText quantity{"Aantal gewijzigd: Externe trainers 2025",
                               "Quantity changed: Externe trainers 2025"};
  const LocalizedText price{"Prijs gewijzigd: Lasapparatuur 2026",
                            "Price changed: Lasapparatuur 2026"};
  // Two saves within a minute: three quantity edits, then a price edit.
  auto g = store.save(id, "Regio", "good 1", 0, 1000, {quantity, 3, "", {quantity}}).generation;
  g = store.save(id, "Regio", "good 2", g, 20000, {price, 1, "", {price}}).generation;
  REQUIRE(store.find(id)->versions.size() == 1);
  StoredVersion v = store.find(id)->versions.back();
  CHECK(v.edits == 4);
  REQUIRE(v.changes.size() == 2);
  CHECK(version_change_text(v, Language::nl) ==
        "Aantal gewijzigd: Externe trainers 2025; Prijs gewijzigd: Lasapparatuur 2026 "
        "(4 wijzigingen)");
  CHECK(version_change_text(v, Language::en) ==
        "Quantity changed: Externe trainers 2025; Price changed: Lasapparatuur 2026 (4 edits)");
  // Read back from storage the same.
  PlanStore reopened;
  reopened.open();
  CHECK(version_change_text(reopened.find(id)->versions.back(), Language::nl) ==
        version_change_text(v, Language::nl));

  // Many different edits in one save: three by name, the rest counted; the index keeps at most
  // kChangesNamed of them.
  std::vector<LocalizedText> many;
  for (int i = 1; i <= 12; ++i)
    many.push_back(
        {"Naam gewijzigd: doel " + std::to_string(i), "Name changed: goal " + std::to_string(i)});
  store.save(id, "Regio", "good 3", g, 30000, {many.back(), 12, "", many});
  v = store.find(id)->versions.back();
  CHECK(v.edits == 16);
  CHECK(v.changes.size() == kChangesNamed);
  CHECK(v.changes_more == 14 - static_cast<int>(kChangesNamed));
  CHECK(version_change_text(v, Language::nl) ==
        "Aantal gewijzigd: Externe trainers 2025; Prijs gewijzigd: Lasapparatuur 2026; Naam "
        "gewijzigd: doel 1 en 11 meer (16 wijzigingen)");
  CHECK(version_change_text(v, Language::en) ==
        "Quantity changed: Externe trainers 2025; Price changed: Lasapparatuur 2026; Name "
        "changed: goal 1 and 11 more (16 edits)");
  // An edit repeated is named once.
  store.save(id, "Regio", "good 4", store.find(id)->generation, 40000,
             {quantity, 1, "", {quantity}});
  CHECK(store.find(id)->versions.back().changes.size() == kChangesNamed);
  CHECK(store.find(id)->versions.back().changes_more == 14 - static_cast<int>(kChangesNamed));
}
