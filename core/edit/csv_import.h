// Budget lines from CSV: the columns of csv_export.h in Dutch (';', decimal comma) or English
// (',', decimal point), UTF-8 with or without BOM, quoted cells, CRLF/LF/CR. Rows are checked
// against a plan (activities and organisations by name or id) and never throw. Pure C++17.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "edit/commands.h"
#include "edit/document.h"
#include "model/money.h"
#include "model/plan.h"
#include "model/text.h"

namespace sto {

// A row that was left out (or imported with a change), by its line in the file: the header is
// line 1; a row whose quoted cell spans several lines is named by its first line.
struct CsvRowProblem {
  std::size_t line = 0;
  LocalizedText reason;  // without the line number, e.g. "onbekende activiteit \"Foo\""
};

// A good row: a budget line ready to append to plan.activities[activity].lines.
struct ImportedLine {
  std::size_t activity = 0;
  BudgetLine line;
  std::size_t source_line = 0;  // line in the file
};

struct CsvImportResult {
  LocalizedText file_error;  // the file as a whole is unusable (no header, missing columns, …)
  char separator = ';';
  Language number_format = Language::nl;  // nl: decimal comma; en: decimal point
  std::vector<ImportedLine> lines;        // good rows, in file order
  std::vector<CsvRowProblem> errors;      // rows left out; at most kMaxListed, see error_count
  std::size_t error_count = 0;            // all rows left out, listed or not
  std::vector<CsvRowProblem> notes;       // rows imported with a change (a new line id)
  static constexpr std::size_t kMaxListed = 1000;
  bool ok() const { return file_error.empty(); }
};

// Reads budget-line CSV against `plan`. Columns are found by their header (Dutch or English
// names, any order; extra columns are ignored). Required: activity, organisation, year, cost
// category, price, quantity, funding. The amount column is derived and ignored. An investment
// row (a non-empty investment cell) also needs the columns purchase date (YYYY-MM-DD), economic
// life (months) and project use (%); the export does not write them yet, so such rows are then
// errors. A text cell's leading ' before = + - @ tab CR (the export's formula guard) is removed.
// Line ids are kept when unique in plan and file, else replaced by a fresh "csv-N" (a note).
// Blank rows are skipped. Linear in the input; input above kMaxFileBytes is a file error.
CsvImportResult import_csv(std::string_view text, const Plan& plan);

// AddLine commands that append the good rows to their activities in file order, for `plan` as
// it was passed to import_csv. Run them inside one Document group (see apply_csv_import).
std::vector<Command> csv_import_commands(const Plan& plan, const CsvImportResult& result);

// Runs csv_import_commands in one Document group (one undo step, labelled "CSV geïmporteerd (n
// regels)" / "CSV imported (n lines)"). Returns how many lines were added.
std::size_t apply_csv_import(Document& document, const CsvImportResult& result);

// "CSV-regel 5: …" / "CSV line 5: …".
std::string describe(const CsvRowProblem& problem, Language language);

}  // namespace sto
