// The shipped sample plans: they load, equal their builders, and pass the check with only the
// warnings they are meant to teach.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>

#include "exchange/summary_json.h"
#include "format/file_format.h"
#include "model/assets.h"
#include "model/plan_equal.h"
#include "rules/rules.h"
#include "sample_plans.h"

using namespace sto;

namespace {
struct Sample {
  const char* name;
  Plan (*build)();
  std::vector<std::string> expected_codes;
};
const std::vector<Sample>& all_samples() {
  static const std::vector<Sample> list = {
      {"samples/voorbeeldregio.json",
       samples::voorbeeldregio,
       {"GOAL_WITHOUT_INDICATOR", "LINE_WITHOUT_PRICE_OR_QUANTITY"}},
      {"samples/klein-voorbeeld-2020.json", samples::klein_voorbeeld_2020, {}},
      {"samples/verlenging-2024.json", samples::verlenging_2024, {}}};
  return list;
}
}  // namespace

// Regenerates assets/samples from the builders: STO_WRITE_SAMPLES=1 core_tests "[write-samples]".
TEST_CASE("write sample plans", "[.][write-samples]") {
  const char* root = std::getenv("STO_WRITE_SAMPLES");
  REQUIRE(root != nullptr);
  for (const auto& s : all_samples()) {
    std::ofstream out(std::string(STO_TEST_DATA) + "/../../assets/" + s.name, std::ios::binary);
    out << save_plan(s.build());
    REQUIRE(out.good());
  }
}

TEST_CASE("sample plans load, equal their builders and check clean") {
  for (const auto& s : all_samples()) {
    INFO(s.name);
    const std::string_view text = assets::embedded_file(s.name);
    REQUIRE_FALSE(text.empty());
    LoadResult loaded = load_plan(text);
    INFO(loaded.error.en);
    REQUIRE(loaded.ok());
    CHECK(plan_difference(loaded.plan, s.build()) == "");
    CHECK(loaded.plan.is_example);
    const Analysis a = analyse(loaded.plan);
    std::vector<std::string> codes;
    for (const auto& f : a.findings) {
      codes.push_back(f.code);
      CHECK(f.severity != Severity::error);
    }
    CHECK(codes == s.expected_codes);
    CHECK(a.evaluation.max_known);
    CHECK(a.evaluation.total.subsidy <= a.evaluation.max_subsidy);
    CHECK(a.evaluation.cofinancing.met);
  }
}

TEST_CASE("main sample: realistic figures") {
  const Plan p = samples::voorbeeldregio();
  const Analysis a = analyse(p);
  const Evaluation& e = a.evaluation;
  CHECK(e.max_subsidy.cents == 480000000);
  CHECK(e.total.subsidy.cents > 300000000);
  CHECK(e.cofinancing.percent_bp >= 1000);
  CHECK(e.depreciation_by_year[1].cents ==
        510000 + 2200 * 100 + 1800000);  // CNC + laswerk (11 mo) + leerplein
  const Plan k = samples::klein_voorbeeld_2020();
  // 38 + 42 + 30 + 10 BB/KB × € 15.895 + 30 GL × € 7.947,50
  CHECK(analyse(k).evaluation.max_subsidy.cents == 120 * 1589500 + 30 * 794750);
  CHECK(analyse(samples::verlenging_2024()).evaluation.max_subsidy.cents == 93300000);
}

TEST_CASE("summary JSON is deterministic and float-free") {
  const Plan p = samples::voorbeeldregio();
  const std::string a = summary_json(p, analyse(p), Language::nl);
  const std::string b = summary_json(p, analyse(p), Language::nl);
  CHECK(a == b);
  CHECK(a.find("\"scheme\": \"sto-2025-2028\"") != std::string::npos);
  CHECK(a.find("\"max_subsidy_cents\": 480000000") != std::string::npos);
  CHECK(a.find("\"base\": \"total_costs\"") != std::string::npos);
  CHECK(a.find("\"submission_round\": \"2025-2026\",\n  \"detailed_through\": 2026") !=
        std::string::npos);
  Plan later = p;
  later.submission_round = "2027-2028";
  const std::string c = summary_json(later, analyse(later), Language::nl);
  CHECK(c.find("\"submission_round\": \"2027-2028\",\n  \"detailed_through\": 2028") !=
        std::string::npos);
  const Plan old = samples::klein_voorbeeld_2020();
  CHECK(summary_json(old, analyse(old), Language::nl)
            .find("\"submission_round\": \"\",\n  \"detailed_through\": 2021") !=
        std::string::npos);
  const auto totals = a.find("\"totals\"");
  const auto cofin = a.find("\"cofinancing\": {");
  const auto years = a.find("\"years\"");
  const auto findings = a.find("\"findings\"");
  CHECK(totals < cofin);
  CHECK(cofin < years);
  CHECK(years < findings);
  // No decimal points in numbers: every '.' sits inside a string.
  bool in_string = false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] == '"' && a[i - 1] != '\\') in_string = !in_string;
    if (!in_string) CHECK(a[i] != '.');
  }
  CHECK(json_quote("a\"b\\c\n\x01") == "\"a\\\"b\\\\c\\n\\u0001\"");
}
