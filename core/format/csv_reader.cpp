// CSV text to rows of cells; see csv_reader.h.
#include "format/csv_reader.h"

namespace sto {

std::string_view without_bom(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  return text;
}

std::vector<CsvRow> read_csv(std::string_view text, char separator) {
  text = without_bom(text);
  std::vector<CsvRow> rows;
  std::size_t line = 1;
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    CsvRow row;
    row.line = line;
    std::string cell;
    bool in_quotes = false, at_cell_start = true;
    bool row_done = false;
    while (i < n && !row_done) {
      const char c = text[i];
      if (in_quotes) {
        if (c == '"') {
          if (i + 1 < n && text[i + 1] == '"') {
            cell += '"';
            i += 2;
          } else {
            in_quotes = false;
            ++i;
          }
          continue;
        }
        if (c == '\r' && i + 1 < n && text[i + 1] == '\n') {
          cell += "\r\n";
          i += 2;
          ++line;
          continue;
        }
        line += (c == '\r' || c == '\n') ? 1 : 0;
        cell += c;
        ++i;
        continue;
      }
      if (c == '"' && at_cell_start) {
        in_quotes = true;
        at_cell_start = false;
        ++i;
      } else if (c == separator) {
        row.cells.push_back(std::move(cell));
        cell.clear();
        at_cell_start = true;
        ++i;
      } else if (c == '\r' || c == '\n') {
        i += (c == '\r' && i + 1 < n && text[i + 1] == '\n') ? 2 : 1;
        ++line;
        row_done = true;
      } else {
        cell += c;
        at_cell_start = false;
        ++i;
      }
    }
    row.unterminated = in_quotes;
    row.cells.push_back(std::move(cell));
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace sto
