// National view: the shipped fictional table, maxima per scheme, the pro-rata cut to the cent,
// CSV import (row errors with line numbers, good rows kept) and CSV export.
#include <catch2/catch.hpp>

#include "exchange/national.h"

namespace sto {
namespace {

const Scheme& scheme(const char* id) {
  const Scheme* s = builtin_schemes().find(id);
  REQUIRE(s != nullptr);
  return *s;
}

Money sum_allocated(const NationalResult& r) {
  MoneySum s;
  for (const RegionAllocation& a : r.regions) s.add(a.allocated);
  return s.total();
}

TEST_CASE("the shipped fictional region table", "[national]") {
  const RegionTableResult& t = builtin_region_table();
  INFO((t.issues.empty() ? "" : t.issues[0].message.en));
  REQUIRE_FALSE(t.fatal);
  REQUIRE(t.rows.size() == 78);
  int luwe = 0;
  MoneySum annex;
  for (const RegionRow& r : t.rows) {
    CHECK(r.name.find("Fictief") != std::string::npos);
    if (r.type == RegionType::techniekluwe) {
      ++luwe;
    } else {
      annex.add(r.fixed_amount);
      CHECK(r.previous_grant.cents >= 90000000);    // about € 1 mln …
      CHECK(r.previous_grant.cents <= 2200000000);  // … to € 22 mln
    }
  }
  CHECK(luwe == 5);
  CHECK(annex.total().cents == 36864008000);  // the published 2025–2028 total
}

TEST_CASE("a region table file: each region type by its name, an unknown one refused",
          "[national]") {
  const auto table = [](const std::string& type) {
    return parse_region_table(
        R"({"format": "sto-regions", "regions": [{"name": "Regio A", "type": ")" + type +
        R"(", "students_bbkb": 1, "students_gl": 2, "previous_grant_cents": 3,
                                 "fixed_amount_cents": 4}]})");
  };
  CHECK(table("techniekregio").rows.at(0).type == RegionType::techniekregio);
  CHECK(table("techniekluwe").rows.at(0).type == RegionType::techniekluwe);
  CHECK(table("techniekarm").rows.at(0).type == RegionType::techniekarm);
  const RegionTableResult unknown = table("Techniekregio");
  REQUIRE(unknown.fatal);
  CHECK(unknown.issues.at(0).message.en.find("unknown type Techniekregio") != std::string::npos);
}

TEST_CASE("2025-2028 preset: the annex amounts fit the budget exactly", "[national]") {
  const auto& table = builtin_region_table().rows;
  const NationalBudget* budget = find_national_budget("sto-2025-2028");
  REQUIRE(budget != nullptr);
  const NationalResult r = allocate_national(table, scheme("sto-2025-2028"), *budget);
  REQUIRE(r.pools.size() == 2);
  CHECK(r.pools[0].budget.cents == 36864008000);
  CHECK(r.pools[0].total_maximum.cents == 36864008000);
  CHECK_FALSE(r.pools[0].oversubscribed);
  CHECK(r.pools[1].budget.cents == 5 * 400000000);  // € 4 mln per techniekluwe region
  CHECK(r.pools[1].regions == 5);
  for (std::size_t i = 0; i < table.size(); ++i)
    if (table[i].type == RegionType::techniekluwe) CHECK(r.regions[i].maximum.cents == 400000000);
  CHECK(r.total_allocated == r.total_maximum);
  CHECK_FALSE(r.overflow);
  // Ranking: allocated, largest first.
  for (std::size_t k = 1; k < r.ranking.size(); ++k)
    CHECK(r.regions[r.ranking[k - 1]].allocated >= r.regions[r.ranking[k]].allocated);
  std::int64_t shares = 0;
  for (const RegionAllocation& a : r.regions) shares += a.share_bp;
  CHECK(shares >= 10000 - 78);
  CHECK(shares <= 10000 + 78);
}

TEST_CASE("the scheme's own ceilings as a budget: one pool per region type, years summed",
          "[national]") {
  const auto b2020 = budget_from_ceilings(scheme("sto-2020-2023"));
  REQUIRE(b2020.has_value());
  REQUIRE(b2020->pools.size() == 2);
  CHECK(b2020->pools[0].types == std::vector<RegionType>{RegionType::techniekregio});
  CHECK(b2020->pools[0].amount.cents == 33550000000);  // 90 + 92 + 76,5 + 77 mln
  CHECK(b2020->pools[0].name.nl ==
        "Plafond techniekregio (2020 € 90.000.000,00 + 2021 € 92.000.000,00 + 2022 "
        "€ 76.500.000,00 + 2023 € 77.000.000,00)");
  CHECK(b2020->pools[1].types == std::vector<RegionType>{RegionType::techniekarm});
  CHECK(b2020->pools[1].amount.cents == 9000000000);  // 25 + 25 + 20 + 20 mln
  CHECK(b2020->name.en ==
        "The scheme's ceilings: technology region €335,500,000.00, low-technology region "
        "€90,000,000.00");

  // 2025-2028: whole-period ceilings; the same budget as the published preset for the table.
  const auto b2025 = budget_from_ceilings(scheme("sto-2025-2028"));
  REQUIRE(b2025.has_value());
  REQUIRE(b2025->pools.size() == 2);
  CHECK(b2025->pools[0].amount.cents == 36864008000);
  CHECK(b2025->pools[0].name.nl == "Plafond techniekregio");
  CHECK(b2025->pools[1].amount.cents == 2000000000);
  const NationalResult r =
      allocate_national(builtin_region_table().rows, scheme("sto-2025-2028"), *b2025);
  CHECK(r.total_budget.cents == 36864008000 + 2000000000);
  CHECK(r.total_allocated == r.total_maximum);

  CHECK_FALSE(budget_from_ceilings(scheme("sto-2024")).has_value());  // names no ceilings
}

TEST_CASE("oversubscribed: maxima scaled down, the sum equals the budget exactly", "[national]") {
  const auto& table = builtin_region_table().rows;
  const Scheme& s = scheme("sto-2020-2023");
  const Money budget{30000000000 + 7};  // € 300.000.000,07: odd cents on purpose
  const NationalResult r = allocate_national(table, s, single_budget(budget));
  REQUIRE(r.pools.size() == 1);
  CHECK(r.pools[0].oversubscribed);
  CHECK(r.pools[0].total_maximum > budget);
  CHECK(sum_allocated(r) == budget);
  CHECK(r.total_allocated == budget);
  CHECK(r.pools[0].scale_bp < 10000);
  for (std::size_t i = 0; i < table.size(); ++i) {
    const RegionAllocation& a = r.regions[i];
    CHECK(a.allocated <= a.maximum);
    CHECK(a.cut.cents == a.maximum.cents - a.allocated.cents);
    if (table[i].type == RegionType::techniekregio)  // per-student maximum = the previous grant
      CHECK(a.maximum == table[i].previous_grant);
  }
  // The cut column's total (shown under the table) is the regions' cuts together.
  std::int64_t cuts = 0;
  for (const RegionAllocation& a : r.regions) cuts += a.cut.cents;
  CHECK(r.total_cut.cents == cuts);
  CHECK(r.total_cut.cents == r.pools[0].total_maximum.cents - budget.cents);

  SECTION("the 2023 preset: € 86,5 mln × 4 years") {
    const NationalResult y = allocate_national(table, s, *find_national_budget("2023-86,5-mln"));
    CHECK(y.period_years == 4);
    CHECK(y.pools[0].budget.cents == 4 * 8650000000);
    CHECK(y.total_allocated <= y.pools[0].budget);
  }
}

TEST_CASE("largest remainder: the left-over cents go to the largest remainders", "[national]") {
  std::vector<RegionRow> table(3);
  const char* names[] = {"C", "A", "B"};
  for (int i = 0; i < 3; ++i) {
    table[static_cast<std::size_t>(i)].name = names[i];
    table[static_cast<std::size_t>(i)].fixed_amount = Money{100};
  }
  table[2].fixed_amount = Money{101};
  // Exact shares of 200 over 301: 66,44 / 66,44 / 67,11 → 66 + 66 + 67 = 199, one cent left: it
  // goes to the largest remainder (0,44, tie between the first two: larger maximum, then order).
  const NationalResult r =
      allocate_national(table, scheme("sto-2025-2028"), single_budget(Money{200}));
  CHECK(r.regions[0].allocated.cents == 67);
  CHECK(r.regions[1].allocated.cents == 66);
  CHECK(r.regions[2].allocated.cents == 67);
  CHECK(sum_allocated(r).cents == 200);
  CHECK(r.ranking == std::vector<std::size_t>{2, 0, 1});  // 67 "B", 67 "C" (by name), 66 "A"
}

TEST_CASE("CSV import, Dutch: bad rows named by line, good rows kept", "[national][csv]") {
  const std::string csv =
      "\xEF\xBB\xBFname;type;students_bbkb;students_gl;previous_grant_eur\r\n"
      "Regio Een;techniekregio;1.000;100;16.689.750,00\r\n"
      "Regio Twee;technoregio;10;1;0\r\n"
      "\"Regio; Drie\";Techniekluwe;12;0;1234,5\r\n"
      "Regio Vier;techniekregio;veel;1;0\r\n"
      "\r\n"
      "Regio Vijf;techniekarm;5;5;12,345\r\n"
      ";techniekregio;1;1;1\r\n"
      "Regio Zes;techniekregio;1;1;\r\n";
  const RegionTableResult r = import_regions_csv(csv);
  CHECK_FALSE(r.fatal);
  CHECK(r.detected == Language::nl);
  REQUIRE(r.rows.size() == 3);
  CHECK(r.rows[0].students_bbkb == 1000);
  CHECK(r.rows[0].previous_grant.cents == 1668975000);
  CHECK(r.rows[1].name == "Regio; Drie");
  CHECK(r.rows[1].type == RegionType::techniekluwe);
  CHECK(r.rows[1].previous_grant.cents == 123450);
  CHECK(r.rows[2].name == "Regio Zes");
  REQUIRE(r.issues.size() == 4);
  CHECK(r.issues[0].line == 3);
  CHECK(r.issues[0].message.nl.rfind("Regel 3: onbekende soort \"technoregio\"", 0) == 0);
  CHECK(r.issues[0].message.en.rfind("Line 3: unknown type", 0) == 0);
  CHECK(r.issues[1].line == 5);
  CHECK(r.issues[1].message.en.find("students_bbkb") != std::string::npos);
  CHECK(r.issues[2].line == 7);  // "12,345": three decimals is not an amount
  CHECK(r.issues[3].line == 8);
  CHECK(r.issues[3].message.en.find("name is missing") != std::string::npos);
}

TEST_CASE("CSV import, English; Dutch header names; a missing column", "[national][csv]") {
  const RegionTableResult en = import_regions_csv(
      "name,type,students_bbkb,students_gl,previous_grant_eur,fixed_amount_eur\n"
      "Region One,techniekregio,\"1,200\",10,\"1,234.56\",5000000\n"
      "Region Two,techniekregio,1,1,12.5,\n");
  CHECK(en.detected == Language::en);
  CHECK(en.issues.empty());
  REQUIRE(en.rows.size() == 2);
  CHECK(en.rows[0].students_bbkb == 1200);
  CHECK(en.rows[0].previous_grant.cents == 123456);
  CHECK(en.rows[0].fixed_amount.cents == 500000000);
  CHECK(en.rows[1].previous_grant.cents == 1250);

  const RegionTableResult nl = import_regions_csv(
      "Naam;Soort;Leerlingen_GL;Leerlingen_BBKB;Vorige_toekenning_eur\nA;techniekregio;2;3;0\n");
  REQUIRE(nl.rows.size() == 1);
  CHECK(nl.rows[0].students_gl == 2);
  CHECK(nl.rows[0].students_bbkb == 3);

  const RegionTableResult bad = import_regions_csv("name;type;students_bbkb\nA;techniekregio;1\n");
  CHECK(bad.fatal);
  REQUIRE(bad.issues.size() == 1);
  CHECK(bad.issues[0].message.en.find("students_gl, previous_grant_eur") != std::string::npos);
  CHECK(import_regions_csv("").fatal);
}

TEST_CASE("CSV export of the allocation", "[national][csv]") {
  const auto& table = builtin_region_table().rows;
  const NationalResult r =
      allocate_national(table, scheme("sto-2025-2028"), *find_national_budget("sto-2025-2028"));
  const std::string nl = export_national_csv(table, r, Language::nl);
  CHECK(nl.rfind("\xEF\xBB\xBFrang;naam;soort;", 0) == 0);
  std::size_t lines = 0;
  for (std::size_t at = nl.find("\r\n"); at != std::string::npos; at = nl.find("\r\n", at + 2))
    ++lines;
  CHECK(lines == 79);
  const std::string first_row =
      nl.substr(nl.find("\r\n") + 2, nl.find("\r\n", nl.find("\r\n") + 2));
  CHECK(first_row.rfind("1;Regio Fictief", 0) == 0);
  const std::string en = export_national_csv(table, r, Language::en);
  CHECK(en.find("rank,name,type") != std::string::npos);
}

TEST_CASE("CSV import: Windows-1252 and UTF-16 files are refused, a UTF-8 BOM is fine",
          "[national][csv]") {
  const std::string header = "naam;soort;leerlingen_bbkb;leerlingen_gl;vorige_toekenning_eur\n";
  const RegionTableResult utf8 =
      import_regions_csv("\xEF\xBB\xBF" + header + "Zo\xC3\xABterwoude;techniekregio;1;1;0\n");
  REQUIRE(utf8.rows.size() == 1);
  CHECK(utf8.rows[0].name == "Zo\xC3\xABterwoude");

  const RegionTableResult cp1252 =
      import_regions_csv(header + "Zo\xEBterwoude;techniekregio;1;1;0\n");
  CHECK(cp1252.fatal);
  CHECK(cp1252.rows.empty());
  REQUIRE(cp1252.issues.size() == 1);
  CHECK(cp1252.issues[0].message.nl.find("geen UTF-8-tekst") != std::string::npos);

  std::string utf16 = "\xFF\xFE";
  for (char c : header) utf16 += std::string{c, '\0'};
  CHECK(import_regions_csv(utf16).fatal);
}

}  // namespace
}  // namespace sto
