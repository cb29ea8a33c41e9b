// Combining plan files: the totals equal the sum of the individual summaries; a file that does
// not load becomes a row with its error.
#include <catch2/catch.hpp>

#include "exchange/combine.h"
#include "format/file_format.h"
#include "model/assets.h"

namespace sto {
namespace {

TEST_CASE("combine totals equal the sum of the individual summaries", "[combine]") {
  std::vector<CombineInput> inputs;
  for (std::string_view name : assets::embedded_names())
    if (name.substr(0, 8) == "samples/")
      inputs.push_back({std::string(name), assets::embedded_file(name)});
  REQUIRE(inputs.size() >= 3);
  const std::string broken = "{\"format\": \"sto-planner-plan\", \"version\": 2";
  inputs.push_back({"kapot.json", broken});

  const CombineResult r = combine_plans(inputs);
  REQUIRE(r.rows.size() == inputs.size());
  MoneySum costs, subsidy, maximum, cofinancing;
  int errors = 0, warnings = 0;
  for (std::size_t i = 0; i + 1 < inputs.size(); ++i) {
    const LoadResult loaded = load_plan(inputs[i].text);
    REQUIRE(loaded.ok());
    const Analysis a = analyse(loaded.plan);
    const CombineRow& row = r.rows[i];
    CHECK(row.loaded);
    CHECK(row.file_name == inputs[i].file_name);
    CHECK(row.region == loaded.plan.region.name);
    CHECK(row.costs == a.evaluation.total.costs);
    CHECK(row.cofinancing_percent_bp == a.evaluation.cofinancing.percent_bp);
    costs.add(a.evaluation.total.costs);
    subsidy.add(a.evaluation.total.subsidy);
    maximum.add(a.evaluation.max_subsidy);
    cofinancing.add(a.evaluation.total.cofinancing);
    for (const Finding& f : a.findings) {
      errors += f.severity == Severity::error;
      warnings += f.severity == Severity::warning;
    }
  }
  CHECK(r.totals.costs == costs.total());
  CHECK(r.totals.subsidy == subsidy.total());
  CHECK(r.totals.maximum == maximum.total());
  CHECK(r.totals.cofinancing == cofinancing.total());
  CHECK(r.totals.errors == errors);
  CHECK(r.totals.warnings == warnings);
  CHECK(r.totals.loaded == static_cast<int>(inputs.size()) - 1);
  CHECK(r.totals.failed == 1);

  const CombineRow& bad = r.rows.back();
  CHECK_FALSE(bad.loaded);
  CHECK(bad.load_error.en.find("truncated") != std::string::npos);
  CHECK(bad.costs.cents == 0);

  const std::string json = combine_json(r, Language::en);
  CHECK(json.find("\"costs_cents\": " + std::to_string(costs.total().cents) + ", \"subsidy") !=
        std::string::npos);
  CHECK(json.find("\"failed\": 1") != std::string::npos);
  CHECK(json == combine_json(combine_plans(inputs), Language::en));  // deterministic
  const std::string text = combine_text(r, Language::nl);
  CHECK(text.find("NIET GELADEN") != std::string::npos);
  CHECK(text.find(" geladen, 1 niet geladen)") != std::string::npos);
}

TEST_CASE("combine of nothing is empty", "[combine]") {
  const CombineResult r = combine_plans({});
  CHECK(r.rows.empty());
  CHECK(r.totals.loaded == 0);
  CHECK(combine_json(r, Language::nl).find("\"rows\": [],") != std::string::npos);
}

}  // namespace
}  // namespace sto
