// CSV import of budget lines: round trip with the export in both languages, bad rows named by
// line, the formula guard removed, and garbage that must never crash.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <iterator>
#include <string>
#include <unordered_set>

#include "edit/csv_import.h"
#include "edit/document.h"
#include "exchange/csv_export.h"
#include "model/plan_equal.h"
#include "model/schema.h"
#include "rules/engine.h"
#include "sample_plans.h"
#include "test_helpers.h"

using namespace sto;

namespace {

Plan without_investments(Plan p) {
  for (Activity& a : p.activities) {
    std::vector<BudgetLine> kept;
    for (const BudgetLine& l : a.lines)
      if (!l.investment) kept.push_back(l);
    a.lines = kept;
  }
  return p;
}

Plan without_lines(Plan p) {
  for (Activity& a : p.activities) a.lines.clear();
  return p;
}

std::string export_of(const Plan& p, Language language) {
  return export_csv(p, evaluate(p, *builtin_schemes().find(p.scheme_id)), language);
}

std::string all_problems(const CsvImportResult& r) {
  std::string out = r.file_error.en;
  for (const auto& e : r.errors) out += "\n" + describe(e, Language::en);
  for (const auto& e : r.notes) out += "\n(note) " + describe(e, Language::en);
  return out;
}

// Imports `csv` into `target` through a Document (one group) and returns the resulting plan.
Plan import_into(const Plan& target, const std::string& csv, CsvImportResult& result) {
  result = import_csv(csv, target);
  Document doc(target);
  const std::size_t added = apply_csv_import(doc, result);
  CHECK(added == result.lines.size());
  return doc.plan();
}

const char* const kHeaderNl =
    "Activiteit;Regel;Organisatie;Jaar;Kostensoort;Omschrijving;Eenheid;Prijs (EUR);Aantal;"
    "Bedrag (EUR);Financiering;Andere financiering;Investering\r\n";

}  // namespace

TEST_CASE("CSV import: export then import gives identical budget lines (nl and en)", "[csv]") {
  for (const Plan& sample : {samples::voorbeeldregio(), samples::klein_voorbeeld_2020(),
                             samples::verlenging_2024(), test::minimal_plan()}) {
    const Plan full = without_investments(sample);
    for (Language language : {Language::nl, Language::en}) {
      INFO(sample.title << (language == Language::nl ? " nl" : " en"));
      const std::string csv = export_of(full, language);
      CsvImportResult result;
      const Plan imported = import_into(without_lines(full), csv, result);
      INFO(all_problems(result));
      CHECK(result.ok());
      CHECK(result.error_count == 0);
      CHECK(result.notes.empty());
      CHECK(result.separator == (language == Language::nl ? ';' : ','));
      CHECK(result.number_format == language);
      CHECK(plan_difference(imported, full) == "");
    }
  }
}

TEST_CASE("CSV import: one undo step removes every imported line", "[csv]") {
  const Plan full = without_investments(samples::voorbeeldregio());
  const Plan empty = without_lines(full);
  const CsvImportResult result = import_csv(export_of(full, Language::nl), empty);
  REQUIRE(result.lines.size() > 10);
  Document doc(empty);
  CHECK(apply_csv_import(doc, result) == result.lines.size());
  CHECK(equal_plans(doc.plan(), full));
  CHECK(doc.history().undo_label().nl.find("CSV geïmporteerd") == 0);
  REQUIRE(doc.undo());
  CHECK(equal_plans(doc.plan(), empty));
  CHECK_FALSE(doc.can_undo());
  const std::vector<Command> commands = csv_import_commands(empty, result);
  REQUIRE(commands.size() == result.lines.size());
  CHECK(std::string(command_name(commands[0])) == "AddLine");
}

TEST_CASE("CSV import: the export's formula guard is removed", "[csv]") {
  Plan p = test::minimal_plan();
  p.activities[0].lines[0].description = "=HYPERLINK(\"http://x\";\"klik\")";
  p.activities[0].lines[1].description = "-5 korting";
  p.activities[0].lines[0].unit = "+uur";
  p.activities[0].lines[1].other_funding = "@regio";
  p.activities[0].title = "=Techniekweek";
  p.organisations[0].name = "-Org; met \"quotes\"\nen regel";
  for (Language language : {Language::nl, Language::en}) {
    const std::string csv = export_of(p, language);
    REQUIRE(csv.find("'=HYPERLINK") != std::string::npos);
    CsvImportResult result;
    const Plan imported = import_into(without_lines(p), csv, result);
    INFO(all_problems(result));
    CHECK(result.error_count == 0);
    CHECK(plan_difference(imported, p) == "");
  }
  // Only the guard before a formula character goes; other leading quotes stay.
  Plan target = test::minimal_plan();
  const std::string csv = std::string(kHeaderNl) +
                          "Techniekweek;x1;Org v1;2025;Materialen;'gewoon;stuk;1,00;1;1,00;"
                          "Subsidie;;\r\n"
                          "Techniekweek;x2;Org v1;2025;Materialen;'+31 6;stuk;1,00;1;1,00;"
                          "Subsidie;;\r\n";
  const CsvImportResult r = import_csv(csv, target);
  REQUIRE(r.lines.size() == 2);
  CHECK(r.lines[0].line.description == "'gewoon");
  CHECK(r.lines[1].line.description == "+31 6");
}

TEST_CASE("CSV import: every bad row is named with its line and reason", "[csv]") {
  const Plan target = without_lines(test::minimal_plan());
  std::string csv = kHeaderNl;
  csv +=
      "Techniekweek;ok1;Org v1;2025;Intern personeel;Goed;uur;50,00;10;500,00;Subsidie;;\r\n";  // 2
  csv += "Bestaat niet;r3;Org v1;2025;Materialen;x;stuk;1,00;1;1,00;Subsidie;;\r\n";            // 3
  csv += "Techniekweek;r4;Org zz;2025;Materialen;x;stuk;1,00;1;1,00;Subsidie;;\r\n";            // 4
  csv += "Techniekweek;r5;Org v1;1999;Materialen;x;stuk;1,00;1;1,00;Subsidie;;\r\n";            // 5
  csv += "Techniekweek;r6;Org v1;2025;Snoep;x;stuk;1,00;1;1,00;Subsidie;;\r\n";                 // 6
  csv += "Techniekweek;r7;Org v1;2025;Materialen;x;stuk;1,00;1;1,00;Loterij;;\r\n";             // 7
  csv += "Techniekweek;r8;Org v1;2025;Materialen;x;stuk;-1,00;1;-1,00;Subsidie;;\r\n";          // 8
  csv += "Techniekweek;r9;Org v1;2025;Materialen;x;stuk;1,00;veel;1,00;Subsidie;;\r\n";         // 9
  csv +=
      "Techniekweek;r10;Org v1;2025;Materialen;a;b;stuk;1,00;1;1,00;Subsidie;fonds;nee\r\n";  // 10
  csv += "Techniekweek;r11;Org v1;2025;Materialen;\xC3\x28;stuk;1,00;1;1,00;Subsidie;;\r\n";  // 11
  csv += "Techniekweek;r12;Org v1;2025;Materialen;x;stuk;1,00;1;1,00;Subsidie;;afschrijving\r\n";
  csv += ";r13;Org v1;2025;Materialen;x;stuk;1,00;1;1,00;Subsidie;;\r\n";  // 13
  csv += "\r\n;;;;;;;;;;;;\r\n";                                           // 14, 15: blank, skipped
  csv +=
      "Techniekweek;r16;Org v1;2025;Materialen;\"twee\r\nregels\";stuk;1,00;1;1,00;Subsidie;;\r\n";
  csv += "Techniekweek;r18;Org v1;2025;Materialen;x;stuk;1,001;1;1,00;Subsidie;;\r\n";  // 18
  csv += "Techniekweek;r19;Org v1;2025;Materialen;\"nooit gesloten;stuk\r\n";           // 19
  csv += "Techniekweek;r20;Org v1;2025;Materialen;x;stuk;1,00;1;1,00;Subsidie;;\r\n";   // swallowed

  const CsvImportResult r = import_csv(csv, target);
  INFO(all_problems(r));
  REQUIRE(r.ok());
  REQUIRE(r.lines.size() == 2);
  CHECK(r.lines[0].line.id == "ok1");
  CHECK(r.lines[0].source_line == 2);
  CHECK(r.lines[0].line.quantity_milli == 10000);
  CHECK(r.lines[0].line.price.cents == 5000);
  CHECK(r.lines[1].line.description == "twee\r\nregels");
  CHECK(r.lines[1].source_line == 16);

  struct Expected {
    std::size_t line;
    const char* en;
    const char* nl;
  };
  const Expected expected[] = {
      {3, "unknown activity \"Bestaat niet\"", "onbekende activiteit"},
      {4, "unknown organisation \"Org zz\"", "onbekende organisatie"},
      {5, "year \"1999\" is not a year 2000–2100", "geen jaartal"},
      {6, "unknown cost category \"Snoep\"", "onbekende kostensoort"},
      {7, "unknown funding source \"Loterij\"", "onbekende financieringsbron"},
      {8, "price \"-1,00\" is not an amount", "prijs"},
      {9, "quantity \"veel\" is not a number", "aantal"},
      {10, "the row has 14 cells, the header row 13", "14 cellen"},
      {11, "column Description is not valid UTF-8", "kolom Omschrijving"},
      {12, "an investment needs the columns Purchase date", "Aankoopdatum"},
      {13, "no activity given", "geen activiteit"},
      {18, "price \"1,001\" is not an amount", "prijs"},
      {19, "a quote is never closed", "aanhalingsteken"},
  };
  REQUIRE(r.errors.size() == std::size(expected));
  CHECK(r.error_count == r.errors.size());
  for (std::size_t i = 0; i < std::size(expected); ++i) {
    INFO(describe(r.errors[i], Language::en));
    CHECK(r.errors[i].line == expected[i].line);
    CHECK(r.errors[i].reason.en.find(expected[i].en) != std::string::npos);
    CHECK(r.errors[i].reason.nl.find(expected[i].nl) != std::string::npos);
  }
  CHECK(describe(r.errors[0], Language::nl) ==
        "CSV-regel 3: onbekende activiteit \"Bestaat niet\"");
}

TEST_CASE("CSV import: file-level problems", "[csv]") {
  const Plan target = test::minimal_plan();
  CHECK_FALSE(import_csv("", target).ok());
  CHECK_FALSE(import_csv("\xEF\xBB\xBF", target).ok());
  CHECK_FALSE(import_csv("\r\n\r\n ; ;\r\n", target).ok());
  const CsvImportResult missing = import_csv("Activiteit;Jaar;Prijs (EUR)\r\n", target);
  CHECK_FALSE(missing.ok());
  CHECK(missing.file_error.nl.find("Organisatie, Kostensoort, Aantal, Financiering") !=
        std::string::npos);
  CHECK(missing.file_error.en.find("Organisation, Cost category, Quantity, Funding") !=
        std::string::npos);
  CHECK(missing.lines.empty());
  const CsvImportResult header_only = import_csv(kHeaderNl, target);
  CHECK(header_only.ok());
  CHECK(header_only.lines.empty());
  CHECK(header_only.errors.empty());
}

TEST_CASE("CSV import: references by id or name, LF without BOM, columns in any order", "[csv]") {
  Plan target = without_lines(test::minimal_plan());
  const std::string csv =
      "Funding,Year,Activity,Organisation,Cost category,Price (EUR),Quantity,Extra\n"
      "cofinancing_cash,2026,a1,b1,materials,\"1,234.50\",2.5,whatever\n"
      "Cofinancing in kind,2026, techniekweek ,org B1,Materialen,€ 10,1,\n"
      "subsidy,2026,a1,,events,0.5,\"1,000\",\n";
  const CsvImportResult r = import_csv(csv, target);
  INFO(all_problems(r));
  CHECK(r.separator == ',');
  CHECK(r.number_format == Language::en);
  REQUIRE(r.lines.size() == 3);
  const BudgetLine& l = r.lines[0].line;
  CHECK(r.lines[0].activity == 0);
  CHECK(l.organisation_id == "b1");
  CHECK(l.funding == FundingSource::cofinancing_cash);
  CHECK(l.category == CostCategory::materials);
  CHECK(l.price.cents == 123450);
  CHECK(l.quantity_milli == 2500);
  CHECK(l.id == "csv-1");                          // no line column: fresh ids
  CHECK(r.lines[1].line.organisation_id == "b1");  // name, ignoring case and spaces
  CHECK(r.lines[1].line.funding == FundingSource::cofinancing_in_kind);
  CHECK(r.lines[1].line.price.cents == 1000);
  CHECK(r.lines[2].line.organisation_id.empty());
  CHECK(r.lines[2].line.quantity_milli == 1000000);
  CHECK(r.lines[2].line.price.cents == 50);
}

TEST_CASE("CSV import: ambiguous names and taken line ids", "[csv]") {
  Plan target = test::minimal_plan();
  target.activities.push_back(target.activities[0]);
  target.activities[1].id = "a2";
  target.activities[1].lines.clear();
  target.organisations[1].name = target.organisations[0].name;  // two "Org v1"
  std::string csv = kHeaderNl;
  csv += "Techniekweek;n1;Org b1;2025;Materialen;x;stuk;1,00;1;1,00;Subsidie;;\r\n";
  csv += "a2;l1;Org v1;2025;Materialen;x;stuk;1,00;1;1,00;Subsidie;;\r\n";
  csv += "a2;l1;v2;2025;Materialen;x;stuk;1,00;1;1,00;Subsidie;;\r\n";
  csv += "a2;n4;v2;2025;Materialen;x;stuk;1,00;1;1,00;Subsidie;;\r\n";
  csv += "a2;n4;v2;2025;Materialen;x;stuk;1,00;1;1,00;Subsidie;;\r\n";
  const CsvImportResult r = import_csv(csv, target);
  INFO(all_problems(r));
  REQUIRE(r.errors.size() == 2);
  CHECK(r.errors[0].reason.en.find("activity \"Techniekweek\" is ambiguous") == 0);
  CHECK(r.errors[1].reason.en.find("organisation \"Org v1\" is ambiguous") == 0);
  REQUIRE(r.lines.size() == 3);
  CHECK(r.lines[0].line.id != "l1");  // l1 is already in the plan
  CHECK(r.lines[1].line.id == "n4");
  CHECK(r.lines[2].line.id != "n4");  // twice in the file
  CHECK(r.notes.size() == 2);
  Document doc(target);
  CHECK(apply_csv_import(doc, r) == 3);
  CHECK(doc.plan().activities[1].lines.size() == 3);
  CHECK(doc.plan().activities[0].lines.size() == 2);
}

TEST_CASE("CSV import: investments with purchase date, life and project use columns", "[csv]") {
  const Plan sample = samples::voorbeeldregio();
  // The export writes investment rows without these details: such rows are errors.
  const CsvImportResult plain = import_csv(export_of(sample, Language::nl), without_lines(sample));
  // Each investment is exported as one row per year of its depreciation.
  std::size_t other_lines = 0;
  for (const Activity& a : sample.activities)
    for (const BudgetLine& l : a.lines) other_lines += l.investment ? 0 : 1;
  const std::string exported = export_of(sample, Language::nl);
  const auto rows = static_cast<std::size_t>(std::count(exported.begin(), exported.end(), '\n') -
                                             1);  // less the header
  REQUIRE(rows > other_lines);
  CHECK(plain.error_count == rows - other_lines);
  for (const auto& e : plain.errors) CHECK(e.reason.en.find("an investment needs") == 0);

  // With the three columns (here after the export's own), investment rows import exactly.
  const std::string csv =
      "Activiteit;Regel;Organisatie;Jaar;Kostensoort;Omschrijving;Eenheid;Prijs (EUR);Aantal;"
      "Bedrag (EUR);Financiering;Andere financiering;Investering;Aankoopdatum;"
      "Levensduur (maanden);Projectgebruik (%)\r\n"
      "Moderne praktijklokalen metaal en installatie;inv1;Techniek College Voorbeeld, vestiging "
      "Noord;2025;Inventaris en machines;CNC-freesmachine;afschrijving;85000,00;;2125,00;"
      "Subsidie;;afschrijving;2025-09-01;120;60\r\n"
      "Moderne praktijklokalen metaal en installatie;inv2;vmbo-zuid;2026;equipment;Las;"
      "afschrijving;24.000,00;;;Subsidie;;ja;1-2-2026;96;80,5%\r\n"
      "Moderne praktijklokalen metaal en installatie;inv3;vmbo-zuid;2026;equipment;Las;"
      "afschrijving;24.000,00;;;Subsidie;;ja;31-2-2026;96;80\r\n"
      "Moderne praktijklokalen metaal en installatie;inv4;vmbo-zuid;2026;equipment;Las;"
      "afschrijving;24.000,00;;;Subsidie;;ja;2026-02-01;0;80\r\n"
      "Moderne praktijklokalen metaal en installatie;inv5;vmbo-zuid;2026;equipment;Las;"
      "afschrijving;24.000,00;;;Subsidie;;ja;2026-02-01;96;101\r\n";
  const CsvImportResult r = import_csv(csv, without_lines(sample));
  INFO(all_problems(r));
  REQUIRE(r.lines.size() == 2);
  const BudgetLine& cnc = r.lines[0].line;
  REQUIRE(cnc.investment);
  CHECK(cnc.investment->purchase_price.cents == 8500000);
  CHECK(cnc.investment->purchase_date == Date{2025, 9, 1});
  CHECK(cnc.investment->economic_life_months == 120);
  CHECK(cnc.investment->project_use_bp == 6000);
  CHECK(cnc.price.cents == 0);
  CHECK(cnc.quantity_milli == 0);
  const BudgetLine& sample_cnc = sample.activities[0].lines[0];
  CHECK(cnc.organisation_id == sample_cnc.organisation_id);
  CHECK(cnc.category == sample_cnc.category);
  CHECK(cnc.unit == sample_cnc.unit);
  REQUIRE(r.lines[1].line.investment);
  CHECK(r.lines[1].line.investment->purchase_date == Date{2026, 2, 1});
  CHECK(r.lines[1].line.investment->project_use_bp == 8050);
  REQUIRE(r.errors.size() == 3);
  CHECK(r.errors[0].reason.en.find("purchase date \"31-2-2026\"") == 0);
  CHECK(r.errors[1].reason.en.find("economic life \"0\"") == 0);
  CHECK(r.errors[2].reason.en.find("project use \"101\"") == 0);
}

TEST_CASE("CSV import: garbage never crashes and good rows stay valid", "[csv][fuzz]") {
  const Plan sample = without_investments(samples::voorbeeldregio());
  const Plan target = without_lines(sample);
  const std::string base_nl = export_of(sample, Language::nl);
  const std::string base_en = export_of(sample, Language::en);
  std::uint64_t state = 0x9E3779B97F4A7C15u;
  auto next = [&state]() {  // xorshift64*: deterministic, no <random> distribution differences
    state ^= state >> 12;
    state ^= state << 25;
    state ^= state >> 27;
    return state * 0x2545F4914F6CDD1Du;
  };
  const char alphabet[] = {';',    ',',    '"',    '\r',   '\n',   '\'', '=',  '\t',
                           ' ',    '0',    '9',    ',',    '.',    'a',  '\0', '\xEF',
                           '\xBB', '\xBF', '\xC3', '\xFF', '\x80', '-',  '%'};
  std::size_t imported_total = 0;
  for (int round = 0; round < 600; ++round) {
    std::string text;
    const int mode = round % 3;
    if (mode == 0) {  // pure noise from CSV-ish bytes
      const std::size_t length = next() % 400;
      for (std::size_t i = 0; i < length; ++i) text += alphabet[next() % sizeof(alphabet)];
    } else {  // a real export with random byte edits
      text = (round % 2) ? base_nl : base_en;
      const int edits = 1 + static_cast<int>(next() % 12);
      for (int e = 0; e < edits; ++e) {
        const std::size_t at = next() % (text.size() + 1);
        const char c = mode == 1 ? alphabet[next() % sizeof(alphabet)] : static_cast<char>(next());
        switch (next() % 3) {
          case 0: text.insert(at, 1, c); break;
          case 1:
            if (at < text.size()) text.erase(at, 1 + next() % 20);
            break;
          default:
            if (at < text.size()) text[at] = c;
        }
      }
    }
    const CsvImportResult r = import_csv(text, target);
    std::size_t physical_lines = 1;
    for (char c : text) physical_lines += (c == '\n' || c == '\r') ? 1 : 0;
    CHECK(r.errors.size() <= physical_lines);
    std::unordered_set<std::string> ids;
    for (const ImportedLine& l : r.lines) {
      REQUIRE(l.activity < target.activities.size());
      REQUIRE(l.line.year >= 2000);
      REQUIRE(l.line.year <= 2100);
      REQUIRE(l.line.price.cents >= 0);
      REQUIRE(l.line.quantity_milli >= 0);
      REQUIRE(ids.insert(l.line.id).second);
      REQUIRE(l.source_line <= physical_lines);
    }
    imported_total += r.lines.size();
    Document doc(target);
    CHECK(apply_csv_import(doc, r) == r.lines.size());
  }
  CHECK(imported_total > 0);  // the edited exports still carry many good rows
}

TEST_CASE("CSV import: a machine listed once per year becomes one investment, with a note",
          "[csv]") {
  const Plan sample = samples::voorbeeldregio();
  std::string csv =
      "Activiteit;Regel;Organisatie;Jaar;Kostensoort;Omschrijving;Eenheid;Prijs (EUR);Aantal;"
      "Bedrag (EUR);Financiering;Andere financiering;Investering;Aankoopdatum;"
      "Levensduur (maanden);Projectgebruik (%)\r\n";
  for (int year : {2026, 2027, 2028})
    csv += "Moderne praktijklokalen metaal en installatie;;vmbo-zuid;" + std::to_string(year) +
           ";equipment;Las;afschrijving;24.000,00;;;Subsidie;;ja;2026-02-01;96;80\r\n";
  const CsvImportResult r = import_csv(csv, without_lines(sample));
  INFO(all_problems(r));
  REQUIRE(r.lines.size() == 1);
  CHECK(r.lines[0].line.year == 2026);
  CHECK(r.error_count == 0);
  REQUIRE(r.notes.size() == 2);
  CHECK(r.notes[0].line == 3);
  CHECK(describe(r.notes[0], Language::nl).find("staat al in CSV-regel 2") != std::string::npos);
  CHECK(describe(r.notes[1], Language::en)
            .find("one investment books the depreciation of every "
                  "year") != std::string::npos);
}

TEST_CASE("CSV columns follow the schema: what the export writes, the import reads", "[csv]") {
  // Every field of a budget line with a CSV header in core/model/schema.h is a column of the
  // export, in the table's order; the import fills it back.
  const std::string header = export_csv(Plan{}, Evaluation{}, Language::nl);
  std::size_t at = 0;
  schema::for_each_field<BudgetLine>([&](const auto& f) {
    if (f.csv_nl == nullptr) return;
    INFO(f.csv_nl);
    const std::size_t found = header.find(std::string(";") + f.csv_nl + ";", at);
    CHECK(found != std::string::npos);
    at = found == std::string::npos ? at : found + 1;
  });
  // An investment's columns are found by their header, by the header without its unit and by
  // the plan file's key where the file holds the same unit.
  Plan target = without_lines(test::minimal_plan());
  for (const char* life : {"Levensduur (maanden)", "Levensduur", "economic_life_months"}) {
    INFO(life);
    const std::string csv =
        std::string(
            "Activiteit;Organisatie;Jaar;Kostensoort;Prijs (EUR);Aantal;Financiering;"
            "Investering;Aankoopdatum;") +
        life + ";Projectgebruik (%)\r\n" + target.activities[0].title + ";" +
        target.organisations[0].name +
        ";2025;equipment;1200;;subsidy;afschrijving;2025-01-01;48;50\r\n";
    const CsvImportResult result = import_csv(csv, target);
    INFO((result.errors.empty() ? result.file_error.nl : result.errors[0].reason.nl));
    REQUIRE(result.lines.size() == 1);
    REQUIRE(result.lines[0].line.investment);
    CHECK(result.lines[0].line.investment->economic_life_months == 48);
    CHECK(result.lines[0].line.investment->project_use_bp == 5000);
  }
  // The plan file's key is not a header where the file counts otherwise (basis points).
  const CsvImportResult wrong_unit = import_csv(
      "Activiteit;Organisatie;Jaar;Kostensoort;Prijs (EUR);Aantal;Financiering;Investering;"
      "Aankoopdatum;Levensduur;project_use_bp\r\n" +
          target.activities[0].title + ";" + target.organisations[0].name +
          ";2025;equipment;1;;subsidy;ja;2025-01-01;1;1\r\n",
      target);
  REQUIRE(wrong_unit.errors.size() == 1);
  INFO(wrong_unit.errors[0].reason.nl);
  CHECK(wrong_unit.errors[0].reason.nl.find("Projectgebruik (%)") != std::string::npos);
}
