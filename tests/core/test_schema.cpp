// The field tables (core/model/schema.h) against what they describe: cereal's serialize functions
// write exactly the table's file keys, in its order, and the member count that keeps every member
// of a record in its table counts what it should.
#include <catch2/catch.hpp>
#include <cereal/archives/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "edit/commands.h"
#include "format/serialize.h"
#include "model/plan_equal.h"
#include "model/schema.h"

namespace sto {
namespace {

// The keys of the object cereal writes for `record`, without its class version.
template <class Record>
std::vector<std::string> written_keys(const Record& record) {
  std::ostringstream stream;
  {
    cereal::JSONOutputArchive archive(stream);
    archive(cereal::make_nvp("record", record));
  }
  rapidjson::Document document;
  document.Parse(stream.str().c_str());
  std::vector<std::string> keys;
  for (const auto& member : document["record"].GetObject()) {
    const std::string key = member.name.GetString();
    if (key != "cereal_class_version") keys.push_back(key);
  }
  return keys;
}

template <class Record>
std::vector<std::string> table_keys() {
  std::vector<std::string> keys;
  for (const char* key : schema::file_keys<Record>()) {
    if constexpr (std::is_same_v<Record, BudgetLine>)
      if (std::string(key) == "investment") keys.push_back(schema::kBudgetLineIsInvestment);
    keys.push_back(key);
  }
  return keys;
}

template <class Record>
void check_written_keys() {
  INFO(typeid(Record).name());
  CHECK(written_keys(Record{}) == table_keys<Record>());
}

TEST_CASE("schema: cereal writes each record's table keys, in the table's order") {
  check_written_keys<Organisation>();
  check_written_keys<StudentCount>();
  check_written_keys<YearValue>();
  check_written_keys<Indicator>();
  check_written_keys<Goal>();
  check_written_keys<Investment>();
  check_written_keys<BudgetLine>();
  check_written_keys<Activity>();
  check_written_keys<Region>();
  check_written_keys<ScenarioOverride>();
  check_written_keys<Scenario>();
  check_written_keys<RevisionNode>();
  check_written_keys<Lineage>();
  check_written_keys<Plan>();
}

// A record the size of those in plan.h, one member more than a table of two would list.
struct ThreeMembers {
  std::string name;
  std::optional<Investment> investment;
  std::vector<int> years;
};
static_assert(schema::detail::member_count<ThreeMembers>() == 3);
static_assert(schema::detail::member_count<Date>() == 3);

TEST_CASE("schema: equality compares every field of the tables") {
  // One change in a field deep in the plan, for each kind of value, is a difference.
  Plan a;
  a.activities.push_back(Activity{});
  a.activities[0].lines.push_back(BudgetLine{});
  Plan b = a;
  CHECK(equal_plans(a, b));
  b.activities[0].lines[0].other_funding = "Regio Deal";
  CHECK(plan_difference(a, b) == "activities[0].lines[0].other_funding: \"\" vs \"Regio Deal\"");
  b = a;
  b.activities[0].lines[0].investment = Investment{};
  b.activities[0].lines[0].investment->economic_life_months = 60;
  CHECK(plan_difference(a, b) == "activities[0].lines[0].investment: unset vs set");
  a.activities[0].lines[0].investment = Investment{};
  CHECK(plan_difference(a, b) == "activities[0].lines[0].investment.economic_life_months: 0 vs 60");
  b = a;
  b.lineage.history.push_back({"r1", {}});
  CHECK(plan_difference(a, b) == "lineage.history.size(): 0 vs 1");
  b = a;
  b.region.fixed_maximum = Money{1};
  CHECK(plan_difference(a, b) == "region.fixed_maximum_cents: 0 vs 1");
}

}  // namespace
}  // namespace sto

namespace sto {
namespace {

// Every field a difference can show has a command that sets it (merge applies a taken-over
// change field by field): one table row without its command would be a change a merge drops.
template <class Record, class Set>
void check_every_field_has_a_command(Set set) {
  schema::for_each_field<Record>([&](const auto& f) {
    using Value = typename std::decay_t<decltype(f)>::value_type;
    if constexpr (!schema::has_table_v<Value> || std::is_same_v<Value, Region>) {
      if (f.identifies || f.kind == schema::Kind::records || f.kind == schema::Kind::record ||
          std::string(f.id) == "is_example")
        return;
      INFO(f.id);
      CHECK(set(f.id).has_value());
    }
  });
}

TEST_CASE("schema: every field a merge takes over has its command") {
  const Plan plan;
  check_every_field_has_a_command<Plan>(
      [&](const char* id) { return set_field_command(plan, id); });
  check_every_field_has_a_command<Region>(
      [&](const char* id) { return set_field_command(plan, id); });
  check_every_field_has_a_command<Goal>(
      [&](const char* id) { return set_field_command(0, Goal{}, id); });
  check_every_field_has_a_command<Activity>(
      [&](const char* id) { return set_field_command(0, Activity{}, id); });
  check_every_field_has_a_command<BudgetLine>(
      [&](const char* id) { return set_field_command(LineRef{}, BudgetLine{}, id); });
  // The investment is a record of its own in the file, and one field of the line in a merge.
  CHECK(set_field_command(LineRef{}, BudgetLine{}, "investment").has_value());
  const std::optional<Command> price = set_field_command(LineRef{1, 2}, BudgetLine{}, "price");
  REQUIRE(price.has_value());
  CHECK(command_path(*price) == "activities[1].lines[2].price");
}

}  // namespace
}  // namespace sto
