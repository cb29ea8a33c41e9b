// A small CSV reader shared by the CSV imports (csv_import.h, national.h): text to rows of cells
// with their line numbers. RFC 4180, leniently; never throws, linear in the input. Pure C++17.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sto {

struct CsvRow {
  std::size_t line = 0;  // first line of the row in the file, 1-based
  std::vector<std::string> cells;
  bool unterminated = false;  // a quoted cell ran to the end of the file
};

// `text` without a leading UTF-8 byte order mark.
std::string_view without_bom(std::string_view text);

// Splits CSV text into rows, after dropping a leading BOM. A cell that starts with '"' is quoted:
// "" inside it is one quote, and separators and line ends inside it are kept. A quote inside an
// unquoted cell is kept as a character; text after a closing quote is appended to the cell. Line
// ends: CRLF, LF or a lone CR (also inside quoted cells, for the line numbers). Every line is a
// row, blank ones included (one empty cell); text ending in a line end has no empty last row.
std::vector<CsvRow> read_csv(std::string_view text, char separator);

}  // namespace sto
