// CSV export; see csv_export.h.
#include "exchange/csv_export.h"

#include <algorithm>
#include <optional>
#include <type_traits>

#include "model/labels.h"
#include "model/schema.h"

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

std::string choice_label(CostCategory category, Language language) {
  return category_label(category, language);
}
std::string choice_label(FundingSource funding, Language language) {
  return funding_label(funding, language);
}

// The CSV's columns: the activity, then each field of a budget line that has a column (its row in
// core/model/schema.h, in the table's order) with the amount after the quantity, and last where
// a cofinancing line's money comes from.
template <class Visit>
void for_each_line_column(Visit&& visit) {
  schema::for_each_field<BudgetLine>([&](const auto& f) {
    if (f.csv_nl != nullptr) visit(f);
  });
}
}  // namespace

std::string export_csv(const Plan& plan, const Evaluation& evaluation, Language language) {
  const bool nl = language == Language::nl;
  const char sep = nl ? ';' : ',';
  std::string out = "\xEF\xBB\xBF";  // UTF-8 BOM: Excel reads the file as UTF-8
  const auto header = [&](const char* nl_name, const char* en_name) {
    out += nl ? nl_name : en_name;
    out += sep;
  };
  header("Activiteit", "Activity");
  for_each_line_column([&](const auto& f) {
    header(f.csv_nl, f.csv_en);
    if (f.kind == schema::Kind::milli) header("Bedrag (EUR)", "Amount (EUR)");
  });
  // The last column: for a cofinancing line whether it comes from a business (counts toward the
  // minimum) or from another organisation (a project cost that does not count); else empty.
  out += nl ? "Cofinanciering van" : "Cofinancing from";
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
        out += csv_text_cell(act.title, sep);
        for_each_line_column([&](const auto& f) {
          out += sep;
          const auto& value = f.of(line);
          using Value = std::decay_t<decltype(value)>;
          if constexpr (std::is_same_v<Value, std::string>) {
            out += csv_text_cell(f.kind == schema::Kind::organisation ? org_name : value, sep);
          } else if constexpr (std::is_same_v<Value, int>) {
            out += std::to_string(year);  // the row's year: an investment has a row per year
          } else if constexpr (std::is_same_v<Value, CostCategory> ||
                               std::is_same_v<Value, FundingSource>) {
            out += csv_text_cell(choice_label(value, language), sep);
          } else if constexpr (std::is_same_v<Value, Money>) {  // an investment's purchase price
            out += csv_decimal(
                line.investment ? line.investment->purchase_price.cents : value.cents, 2, language);
          } else if constexpr (std::is_same_v<Value, std::int64_t>) {
            if (!line.investment) out += quantity(value, language);
            out += sep;
            out += csv_decimal(amount.cents, 2, language);
          } else {  // the investment: its rows are its depreciation
            static_assert(std::is_same_v<Value, std::optional<Investment>>);
            if (value) out += nl ? "afschrijving" : "depreciation";
          }
        });
        out += sep;
        out += cofinancing_from;
        out += "\r\n";
      }
    }
  }
  return out;
}

}  // namespace sto
