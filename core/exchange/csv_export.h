// Budget lines as CSV that opens correctly in Excel: Dutch (';' and decimal comma) or English
// (',' and decimal point), UTF-8 with BOM, CRLF, and text cells made safe against formula
// injection.
#pragma once
#include <string>
#include <string_view>

#include "model/money.h"
#include "model/plan.h"
#include "rules/engine.h"

namespace sto {

// One CSV cell: quoted when it holds the separator, a quote or a line break; a text cell starting
// with = + - @ (or a tab/CR) is prefixed with ' so spreadsheets do not run it as a formula.
std::string csv_text_cell(std::string_view text, char separator);
// A plain decimal without grouping: csv_decimal(123456, 2, nl) == "1234,56".
std::string csv_decimal(std::int64_t scaled, int decimals, Language language);
// The whole file: header row plus one row per budget line, in plan order.
std::string export_csv(const Plan& plan, const Evaluation& evaluation, Language language);

}  // namespace sto
