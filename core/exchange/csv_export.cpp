// CSV export; see csv_export.h.
#include "exchange/csv_export.h"

#include <algorithm>

#include "model/labels.h"

namespace sto {

std::string csv_text_cell(std::string_view text, char separator) {
  std::string cell;
  if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' ||
                        text[0] == '\t' || text[0] == '\r'))
    cell += '\'';
  cell += text;
  if (cell.find_first_of(std::string{separator, '"', '\n', '\r'}) == std::string::npos) return cell;
  std::string quoted = "\"";
  for (char c : cell) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

std::string csv_decimal(std::int64_t scaled, int decimals, Language language) {
  const bool negative = scaled < 0;
  std::uint64_t magnitude =
      negative ? 0 - static_cast<std::uint64_t>(scaled) : static_cast<std::uint64_t>(scaled);
  std::uint64_t unit = 1;
  for (int i = 0; i < decimals; ++i) unit *= 10;
  std::string out = (negative ? "-" : "") + std::to_string(magnitude / unit);
  if (decimals > 0) {
    std::string fraction = std::to_string(magnitude % unit);
    fraction.insert(0, static_cast<std::size_t>(decimals) - fraction.size(), '0');
    out += language == Language::nl ? ',' : '.';
    out += fraction;
  }
  return out;
}

namespace {
// Quantities in thousandths without needless zeros: 12500 -> "12,5", 3000 -> "3".
std::string quantity(std::int64_t milli, Language language) {
  std::string s = csv_decimal(milli, 3, language);
  while (s.back() == '0') s.pop_back();
  if (s.back() == ',' || s.back() == '.') s.pop_back();
  return s;
}
}  // namespace

std::string export_csv(const Plan& plan, const Evaluation& evaluation, Language language) {
  const bool nl = language == Language::nl;
  const char sep = nl ? ';' : ',';
  std::string out = "\xEF\xBB\xBF";  // UTF-8 BOM: Excel reads the file as UTF-8
  const char* const header_nl[] = {"Activiteit",   "Regel",
                                   "Organisatie",  "Jaar",
                                   "Kostensoort",  "Omschrijving",
                                   "Eenheid",      "Prijs (EUR)",
                                   "Aantal",       "Bedrag (EUR)",
                                   "Financiering", "Andere financiering",
                                   "Investering",  "Cofinanciering van"};
  const char* const header_en[] = {"Activity",      "Line",
                                   "Organisation",  "Year",
                                   "Cost category", "Description",
                                   "Unit",          "Price (EUR)",
                                   "Quantity",      "Amount (EUR)",
                                   "Funding",       "Other funding",
                                   "Investment",    "Cofinancing from"};
  // The last column: for a cofinancing line whether it comes from a business (counts toward the
  // minimum) or from another organisation (a project cost that does not count); else empty.
  for (std::size_t i = 0; i < 14; ++i) {
    if (i) out += sep;
    out += nl ? header_nl[i] : header_en[i];
  }
  out += "\r\n";
  for (std::size_t a = 0; a < plan.activities.size(); ++a) {
    const Activity& act = plan.activities[a];
    for (std::size_t l = 0; l < act.lines.size(); ++l) {
      const BudgetLine& line = act.lines[l];
      std::string org_name = line.organisation_id;
      bool business = false;
      for (const auto& o : plan.organisations)
        if (o.id == line.organisation_id) {
          org_name = o.name;
          business = is_business_for_cofinancing(o);
          break;  // the first with the id, as the engine books it
        }
      const bool cofinancing = line.funding == FundingSource::cofinancing_cash ||
                               line.funding == FundingSource::cofinancing_in_kind;
      const char* cofinancing_from = !cofinancing ? ""
                                     : business   ? (nl ? "bedrijf" : "business")
                                                  : (nl ? "overig" : "other");
      // A row per year the line books: an investment's own year and each other year of its
      // depreciation (as the budget grid shows them), so a spreadsheet sums years as the app.
      const Money* schedule =
          a < evaluation.line_offset.size() ? evaluation.schedule_of(a, l) : nullptr;
      const auto row_amount = [&](int year) {
        if (schedule == nullptr)
          return a < evaluation.line_offset.size() ? evaluation.cost_of(a, l) : Money{};
        return evaluation.in_period(year) ? schedule[evaluation.year_index(year)] : Money{};
      };
      const auto has_row = [&](int year) {
        return year == line.year || (schedule != nullptr && row_amount(year).cents != 0);
      };
      const int first =
          schedule == nullptr ? line.year : std::min(line.year, evaluation.first_year);
      const int last = schedule == nullptr
                           ? line.year
                           : std::max(line.year, evaluation.first_year + evaluation.year_count - 1);
      for (int year = first; year <= last; ++year) {
        if (!has_row(year)) continue;
        const Money amount = row_amount(year);
        const std::string cells[] = {
            csv_text_cell(act.title, sep),
            csv_text_cell(line.id, sep),
            csv_text_cell(org_name, sep),
            std::to_string(year),
            csv_text_cell(category_label(line.category, language), sep),
            csv_text_cell(line.description, sep),
            csv_text_cell(line.unit, sep),
            csv_decimal(line.investment ? line.investment->purchase_price.cents : line.price.cents,
                        2, language),
            line.investment ? std::string() : quantity(line.quantity_milli, language),
            csv_decimal(amount.cents, 2, language),
            csv_text_cell(funding_label(line.funding, language), sep),
            csv_text_cell(line.other_funding, sep),
            line.investment ? (nl ? "afschrijving" : "depreciation") : "",
            cofinancing_from};
        for (std::size_t i = 0; i < 14; ++i) {
          if (i) out += sep;
          out += cells[i];
        }
        out += "\r\n";
      }
    }
  }
  return out;
}

}  // namespace sto
