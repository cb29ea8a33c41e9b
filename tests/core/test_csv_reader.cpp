// The shared CSV reader (csv_reader.h): cells, quotes, line ends, line numbers, BOM, garbage.
#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "exchange/national.h"
#include "format/csv_reader.h"

using namespace sto;

using Cells = std::vector<std::string>;

TEST_CASE("CSV reader: cells, quotes, line ends and line numbers", "[csv]") {
  const std::vector<CsvRow> rows = read_csv(
      "\xEF\xBB\xBF"
      "a;\"b;\"\"c\"\"\"\r\n\r\n\"x\ny\r\nz\rw\";2\rq\"r;s\"t\nend",
      ';');
  REQUIRE(rows.size() == 5);
  CHECK(rows[0].line == 1);
  CHECK(rows[0].cells == Cells{"a", "b;\"c\""});
  CHECK(rows[1].line == 2);
  CHECK(rows[1].cells == Cells{""});
  CHECK(rows[2].line == 3);  // the quoted cell spans lines 3, 4, 5 and 6
  CHECK(rows[2].cells == Cells{"x\ny\r\nz\rw", "2"});
  CHECK(rows[3].line == 7);
  CHECK(rows[3].cells == Cells{"q\"r", "s\"t"});  // a quote inside a cell is a character
  CHECK(rows[4].line == 8);
  CHECK(rows[4].cells == Cells{"end"});
  for (const CsvRow& r : rows) CHECK_FALSE(r.unterminated);

  CHECK(read_csv("", ',').empty());
  CHECK(read_csv("\xEF\xBB\xBF", ',').empty());
  CHECK(read_csv("a,b\n", ',').size() == 1);
  CHECK(read_csv("a\tb", '\t').front().cells == Cells{"a", "b"});
  CHECK(without_bom("\xEF\xBB\xBFx") == "x");
  CHECK(without_bom("x") == "x");

  const std::vector<CsvRow> open = read_csv("a\n\"b;c\nd", ';');
  REQUIRE(open.size() == 2);
  CHECK(open[1].unterminated);
  CHECK(open[1].cells == Cells{"b;c\nd"});
}

TEST_CASE("CSV reader: garbage never crashes, rows have cells and rising line numbers", "[csv]") {
  std::mt19937 rng(7);
  const char alphabet[] = {'a', ' ', '"', ';', ',', '\r', '\n', '\t', '\xEF', '\xBB', '\xBF', '\0'};
  std::string first_bad;
  for (int i = 0; i < 20000 && first_bad.empty(); ++i) {
    std::string text;
    const int length = static_cast<int>(rng() % 24);
    for (int k = 0; k < length; ++k) text += alphabet[rng() % sizeof alphabet];
    std::size_t last_line = 0;
    for (const CsvRow& r : read_csv(text, ';')) {
      if (r.cells.empty() || r.line <= last_line) first_bad = text;
      last_line = r.line;
    }
  }
  CHECK(first_bad.empty());
}

TEST_CASE("Region CSV import: quotes inside a cell are kept, empty lines skipped",
          "[national][csv]") {
  const RegionTableResult r = import_regions_csv(
      "name;type;students_bbkb;students_gl;previous_grant_eur\n"
      "\n"
      "Regio \"Noord\";techniekregio;1;1;0\n"
      "x\n");
  REQUIRE(r.rows.size() == 1);
  CHECK(r.rows[0].name == "Regio \"Noord\"");
  REQUIRE(r.issues.size() == 1);
  CHECK(r.issues[0].line == 4);
  CHECK(r.issues[0].message.en.find("too few columns (1)") != std::string::npos);
}
