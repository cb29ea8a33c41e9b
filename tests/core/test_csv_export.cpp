// CSV export: Excel-friendly separators, decimal marks, BOM and formula-injection safety.
#include <catch2/catch.hpp>

#include "exchange/csv_export.h"
#include "rules/engine.h"
#include "test_helpers.h"

using namespace sto;

TEST_CASE("CSV cells are safe against formula injection and quoted when needed") {
  CHECK(csv_text_cell("=SUM(A1)", ';') == "'=SUM(A1)");
  CHECK(csv_text_cell("+31 6", ';') == "'+31 6");
  CHECK(csv_text_cell("-x", ';') == "'-x");
  CHECK(csv_text_cell("@cmd", ';') == "'@cmd");
  CHECK(csv_text_cell("a;b", ';') == "\"a;b\"");
  CHECK(csv_text_cell("a;b", ',') == "a;b");
  CHECK(csv_text_cell("say \"hi\", ok", ',') == "\"say \"\"hi\"\", ok\"");
  CHECK(csv_text_cell("=1;2", ';') == "\"'=1;2\"");
  CHECK(csv_decimal(123456, 2, Language::nl) == "1234,56");
  CHECK(csv_decimal(-5, 2, Language::en) == "-0.05");
}

TEST_CASE("CSV export: Dutch and English layouts") {
  Plan p = test::minimal_plan();
  p.activities[0].lines[0].description = "=HYPERLINK(\"x\")";
  p.activities[0].lines[0].quantity_milli = 12500;
  const Evaluation e = evaluate(p, *builtin_schemes().find(p.scheme_id));
  const std::string nl = export_csv(p, e, Language::nl);
  CHECK(nl.rfind("\xEF\xBB\xBF"
                 "Activiteit;Regel;",
                 0) == 0);
  CHECK(nl.find(";\"'=HYPERLINK(\"\"x\"\")\";uur;50,00;12,5;625,00;Subsidie;;;\r\n") !=
        std::string::npos);
  const std::string en = export_csv(p, e, Language::en);
  CHECK(en.rfind("\xEF\xBB\xBF"
                 "Activity,Line,",
                 0) == 0);
  CHECK(en.find(",uur,50.00,12.5,625.00,Subsidy,,,\r\n") != std::string::npos);
  // The last column says whose cofinancing counts: a business's does, a municipality's does not.
  CHECK(nl.find(";Cofinanciering van\r\n") != std::string::npos);
  CHECK(nl.find(";Cofinanciering natura;;;bedrijf\r\n") != std::string::npos);
  p.activities[0].lines[1].organisation_id = "m1";
  const std::string other =
      export_csv(p, evaluate(p, *builtin_schemes().find(p.scheme_id)), Language::en);
  CHECK(other.find(",Cofinancing from\r\n") != std::string::npos);
  CHECK(other.find(",other\r\n") != std::string::npos);
}

TEST_CASE("CSV export: an investment gives a row for each year of its depreciation") {
  Plan p = test::minimal_plan();
  BudgetLine machine = p.activities[0].lines[0];
  machine.id = "m";
  machine.description = "Machine";
  machine.year = 2026;
  machine.category = CostCategory::equipment;
  machine.investment = Investment{Money{4000000}, Date{2025, 1, 1}, 60, 10000};
  p.activities[0].lines.push_back(machine);
  const Evaluation e = evaluate(p, *builtin_schemes().find(p.scheme_id));
  const std::string nl = export_csv(p, e, Language::nl);
  for (const char* year : {"2025", "2026", "2027", "2028"}) {
    INFO(year);
    CHECK(nl.find(";m;Org v1;" + std::string(year) + ";") != std::string::npos);
  }
  CHECK(nl.find(";Machine;uur;40000,00;;8000,00;Subsidie;;afschrijving;\r\n") != std::string::npos);
  // The rows add up to the engine's total, as a spreadsheet sums them.
  std::int64_t rows = 0;
  for (std::size_t at = nl.find(";Machine;"); at != std::string::npos;
       at = nl.find(";Machine;", at + 1))
    ++rows;
  CHECK(rows == 4);
}
