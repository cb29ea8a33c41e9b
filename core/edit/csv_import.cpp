// CSV import of budget lines; see csv_import.h.
//   [SECTION] Cells        the separator, blank rows (csv_reader.h splits the text)
//   [SECTION] Columns      header names in both languages
//   [SECTION] Values       numbers, dates, enum labels, text cells
//   [SECTION] Import       rows to budget lines, commands
#include "edit/csv_import.h"

#include <algorithm>
#include <optional>
#include <string>
#include <type_traits>
#include <unordered_set>
#include <vector>

#include "format/csv_reader.h"
#include "format/file_format.h"
#include "format/validate.h"
#include "model/dates.h"
#include "model/investment_years.h"
#include "model/labels.h"
#include "model/schema.h"
#include "rules/scheme.h"

namespace sto {

namespace {

// [SECTION] Cells

// The separator of the header row: whichever of ';' ',' TAB occurs most outside quotes.
char detect_separator(std::string_view text) {
  std::size_t semicolons = 0, commas = 0, tabs = 0;
  bool quoted = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n' || c == '\r') break;
    semicolons += c == ';';
    commas += c == ',';
    tabs += c == '\t';
  }
  if (tabs > semicolons && tabs > commas) return '\t';
  return commas > semicolons ? ',' : ';';
}

bool is_blank_row(const CsvRow& row) {
  return std::all_of(row.cells.begin(), row.cells.end(), [](const std::string& c) {
    return c.find_first_not_of(" \t") == std::string::npos;
  });
}

// [SECTION] Columns

// A column of the budget CSV: its headers (names[0] Dutch and names[1] English, as the export
// writes them and messages name them; then others accepted, compared case-insensitively after
// trimming) and the field it fills, a budget line's or its investment's row in
// core/model/schema.h; the activity and the amount fill none.
struct Column {
  std::vector<std::string> names;
  const char* field = nullptr;
  bool of_investment = false;
  bool required = false;
};

// "Prijs (EUR)" -> "Prijs": a header is also accepted without its unit; "" when it has none.
std::string without_unit(const std::string& header) {
  const std::size_t open = header.find(" (");
  return open == std::string::npos ? std::string() : header.substr(0, open);
}

template <class Field>
Column column_of(const Field& f, bool of_investment) {
  using schema::Kind;
  Column column{{f.csv_nl, f.csv_en}, f.id, of_investment, false};
  // A line needs every field that is not free text, its id or its investment.
  column.required =
      !of_investment && f.kind != Kind::id && f.kind != Kind::text && f.kind != Kind::record;
  // The plan file's key names the same value, except where the file counts in cents,
  // thousandths or basis points.
  if (f.kind != Kind::money && f.kind != Kind::milli && f.kind != Kind::basis_points)
    column.names.emplace_back(f.file);
  return column;
}

struct Columns {
  std::vector<Column> list;
  std::size_t index_of(std::string_view field) const {
    for (std::size_t i = 0; i < list.size(); ++i)
      if (list[i].field != nullptr && field == list[i].field) return i;
    return list.size();
  }
};

// The columns in the export's order: the activity, the line's fields with a CSV header in their
// table's order with the amount after the quantity, then the investment's.
const Columns& csv_columns() {
  static const Columns columns = [] {
    Columns c;
    c.list.push_back({{"Activiteit", "Activity", "activity_id"}, nullptr, false, true});
    schema::for_each_field<BudgetLine>([&](const auto& f) {
      if (f.csv_nl == nullptr) return;
      c.list.push_back(column_of(f, false));
      if (f.kind == schema::Kind::milli)
        c.list.push_back({{"Bedrag (EUR)", "Amount (EUR)"}, nullptr, false, false});
    });
    schema::for_each_field<Investment>([&](const auto& f) {
      if (f.csv_nl != nullptr) c.list.push_back(column_of(f, true));
    });
    for (Column& column : c.list)
      for (std::size_t k = 0; k < 2; ++k)
        if (std::string bare = without_unit(column.names[k]); !bare.empty())
          column.names.push_back(std::move(bare));
    // Headers other tools write.
    c.list[c.index_of("id")].names.emplace_back("line_id");
    c.list[c.index_of("organisation")].names.emplace_back("Organization");
    return c;
  }();
  return columns;
}

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t");
  return s.substr(first, last - first + 1);
}

char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// A header as a message names its value: without its unit, in lower case ("levensduur").
std::string value_name(const std::string& header) {
  std::string name = without_unit(header);
  if (name.empty()) name = header;
  for (char& c : name) c = ascii_lower(c);
  return name;
}

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  return true;
}

// [SECTION] Values

LocalizedText text2(std::string nl, std::string en) {
  return LocalizedText{std::move(nl), std::move(en)};
}

std::string shown(std::string_view text) {
  return quote_for_message(text.data(), text.size());
}

// The export's formula guard: ' before = + - @ TAB CR is removed.
std::string unguard(std::string_view cell) {
  if (cell.size() >= 2 && cell[0] == '\'' &&
      (cell[1] == '=' || cell[1] == '+' || cell[1] == '-' || cell[1] == '@' || cell[1] == '\t' ||
       cell[1] == '\r'))
    cell.remove_prefix(1);
  return std::string(cell);
}

// A text cell as the model accepts it (valid UTF-8, no NUL, at most kMaxTextBytes); else a reason.
std::optional<LocalizedText> check_text(std::string_view text, const char* nl, const char* en) {
  if (text.size() > kMaxTextBytes)
    return text2(std::string(nl) + " is langer dan " + std::to_string(kMaxTextBytes) + " bytes",
                 std::string(en) + " is longer than " + std::to_string(kMaxTextBytes) + " bytes");
  if (!is_valid_utf8(text.data(), text.size()))
    return text2(std::string(nl) + " is geen geldige UTF-8-tekst",
                 std::string(en) + " is not valid UTF-8 text");
  if (text.find('\0') != std::string_view::npos)
    return text2(std::string(nl) + " bevat een NUL-teken",
                 std::string(en) + " contains a NUL character");
  return std::nullopt;
}

// A whole number in [min, max] written with digits only (spaces around allowed).
std::optional<std::int64_t> parse_integer(std::string_view text, std::int64_t min,
                                          std::int64_t max) {
  text = trim(text);
  if (text.empty() || text.size() > 12) return std::nullopt;
  std::int64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  if (value < min || value > max) return std::nullopt;
  return value;
}

// ISO "2025-09-01"; with Dutch numbers also "1-9-2025" and "1/9/2025" (how Dutch Excel re-saves
// dates). Years 1900–2200, as the loader accepts.
std::optional<Date> parse_date(std::string_view text, Language format) {
  text = trim(text);
  Date date;
  if (parse_iso_date(text, date)) {
    if (date.year < kMinDateYear || date.year > kMaxDateYear) return std::nullopt;
    return date;
  }
  if (format != Language::nl) return std::nullopt;
  int parts[3] = {0, 0, 0};
  std::size_t part = 0, digits = 0;
  char separator = 0;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      if (++digits > 4) return std::nullopt;
      parts[part] = parts[part] * 10 + (c - '0');
    } else if ((c == '-' || c == '/') && digits > 0 && part < 2 &&
               (separator == 0 || separator == c)) {
      separator = c;
      ++part;
      digits = 0;
    } else {
      return std::nullopt;
    }
  }
  if (part != 2 || digits != 4) return std::nullopt;
  date = Date{parts[2], parts[1], parts[0]};
  if (date.year < kMinDateYear || date.year > kMaxDateYear || date.month < 1 || date.month > 12 ||
      date.day < 1 || date.day > days_in_month(date.year, date.month))
    return std::nullopt;
  return date;
}

// An enum value by its label in either language or its stable id, ignoring case.
template <class Enum, class Label, class Id>
std::optional<Enum> parse_enum(std::string_view text, int count, Label label, Id id) {
  text = trim(text);
  for (int i = 0; i < count; ++i) {
    const auto value = static_cast<Enum>(i);
    if (equal_ignoring_case(text, label(value, Language::nl)) ||
        equal_ignoring_case(text, label(value, Language::en)) ||
        equal_ignoring_case(text, id(value)))
      return value;
  }
  return std::nullopt;
}

// Finds a record by name (exact), then by id (exact), then by name ignoring case and spaces.
// Returns the index; `ambiguous` when a name matches more than one record.
template <class T, class Name>
std::optional<std::size_t> resolve(const std::vector<T>& items, std::string_view key, Name name,
                                   bool& ambiguous) {
  ambiguous = false;
  auto unique_match = [&](auto matches) -> std::optional<std::size_t> {
    std::optional<std::size_t> found;
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (!matches(items[i])) continue;
      if (found) {
        ambiguous = true;
        return std::nullopt;
      }
      found = i;
    }
    return found;
  };
  if (auto i = unique_match([&](const T& t) { return name(t) == key; })) return i;
  const bool name_ambiguous = ambiguous;
  ambiguous = false;
  if (auto i = unique_match([&](const T& t) { return t.id == key; })) return i;
  if (name_ambiguous) {
    ambiguous = true;
    return std::nullopt;
  }
  const std::string_view trimmed = trim(key);
  return unique_match([&](const T& t) { return equal_ignoring_case(trim(name(t)), trimmed); });
}

// [SECTION] Import

class Importer {
 public:
  Importer(const Plan& plan, CsvImportResult& result) : plan_(plan), result_(result) {
    for (const Activity& a : plan.activities)
      for (const BudgetLine& l : a.lines) used_ids_.insert(l.id);
  }

  void run(std::string_view text) {
    if (text.size() > kMaxFileBytes) {
      result_.file_error =
          text2("Het CSV-bestand is groter dan 64 MB.", "The CSV file is larger than 64 MB.");
      return;
    }
    text = without_bom(text);
    result_.separator = detect_separator(text);
    const std::vector<CsvRow> rows = read_csv(text, result_.separator);
    std::size_t header = 0;
    while (header < rows.size() && is_blank_row(rows[header])) ++header;
    if (header == rows.size()) {
      result_.file_error = text2("Het CSV-bestand is leeg.", "The CSV file is empty.");
      return;
    }
    if (!read_header(rows[header])) return;
    for (std::size_t r = header + 1; r < rows.size(); ++r) {
      if (is_blank_row(rows[r])) continue;
      LocalizedText reason;
      if (!read_row(rows[r], reason)) add_error(rows[r].line, std::move(reason));
    }
  }

 private:
  bool read_header(const CsvRow& row) {
    const std::vector<Column>& list = columns_.list;
    positions_.assign(list.size(), kMissing);
    bool dutch_names = false, english_names = false;
    for (std::size_t i = 0; i < row.cells.size(); ++i) {
      const std::string_view name = trim(row.cells[i]);
      for (std::size_t c = 0; c < list.size(); ++c) {
        const std::vector<std::string>& names = list[c].names;
        for (std::size_t k = 0; k < names.size(); ++k) {
          if (!equal_ignoring_case(name, names[k])) continue;
          if (positions_[c] == kMissing) positions_[c] = i;
          dutch_names |= k == 0;
          english_names |= k == 1;
        }
      }
    }
    // ';' is the Dutch Excel list separator (decimal comma), ',' the English one (decimal point);
    // a tab says nothing, then the header's language decides.
    if (result_.separator == ';')
      result_.number_format = Language::nl;
    else if (result_.separator == ',')
      result_.number_format = Language::en;
    else
      result_.number_format = english_names && !dutch_names ? Language::en : Language::nl;

    std::string missing_nl, missing_en;
    for (std::size_t c = 0; c < list.size(); ++c) {
      if (!list[c].required || positions_[c] != kMissing) continue;
      missing_nl += (missing_nl.empty() ? "" : ", ") + list[c].names[0];
      missing_en += (missing_en.empty() ? "" : ", ") + list[c].names[1];
    }
    if (!missing_nl.empty()) {
      result_.file_error =
          text2("De kopregel (regel " + std::to_string(row.line) +
                    ") mist de kolommen: " + missing_nl + ". Is dit een begroting uit STO Planner?",
                "The header row (line " + std::to_string(row.line) +
                    ") lacks the columns: " + missing_en + ". Is this a budget from STO Planner?");
      return false;
    }
    header_width_ = row.cells.size();
    return true;
  }

  std::string_view cell(const CsvRow& row, std::size_t column) const {
    const std::size_t i = positions_[column];
    return i < row.cells.size() ? std::string_view(row.cells[i]) : std::string_view();
  }

  // One row to a budget line; false with `reason` when the row is left out.
  bool read_row(const CsvRow& row, LocalizedText& reason) {
    const Language format = result_.number_format;
    if (row.unterminated) {
      reason = text2(
          "een aanhalingsteken wordt nergens gesloten (de rest van het bestand is "
          "overgeslagen)",
          "a quote is never closed (the rest of the file was skipped)");
      return false;
    }
    for (std::size_t i = header_width_; i < row.cells.size(); ++i) {
      if (trim(row.cells[i]).empty()) continue;
      reason = text2("de rij heeft " + std::to_string(row.cells.size()) + " cellen, de kopregel " +
                         std::to_string(header_width_) +
                         " (scheidingsteken in een tekst zonder "
                         "aanhalingstekens?)",
                     "the row has " + std::to_string(row.cells.size()) + " cells, the header row " +
                         std::to_string(header_width_) + " (a separator in unquoted text?)");
      return false;
    }
    // Text cells first: a bad one (invalid UTF-8, too long) is named before anything else.
    const std::vector<Column>& list = columns_.list;
    std::vector<std::string> text(list.size());
    for (std::size_t c = 0; c < list.size(); ++c) {
      if (positions_[c] == kMissing) continue;
      text[c] = unguard(cell(row, c));
      if (auto problem = check_text(text[c], list[c].names[0].c_str(), list[c].names[1].c_str())) {
        reason = text2("kolom " + problem->nl, "column " + problem->en);
        return false;
      }
    }

    BudgetLine line;
    bool ambiguous = false;
    const std::string& activity_key = text[kActivity];
    if (trim(activity_key).empty()) {
      reason = text2("geen activiteit ingevuld", "no activity given");
      return false;
    }
    const auto activity = resolve(
        plan_.activities, activity_key,
        [](const Activity& a) -> const std::string& { return a.title; }, ambiguous);
    if (!activity) {
      reason = ambiguous ? text2("activiteit " + shown(activity_key) +
                                     " is niet eenduidig: meer activiteiten heten zo",
                                 "activity " + shown(activity_key) +
                                     " is ambiguous: several activities have that name")
                         : text2("onbekende activiteit " + shown(activity_key),
                                 "unknown activity " + shown(activity_key));
      return false;
    }

    const std::string& organisation_key = text[col_organisation_];
    if (!trim(organisation_key).empty()) {
      const auto organisation = resolve(
          plan_.organisations, organisation_key,
          [](const Organisation& o) -> const std::string& { return o.name; }, ambiguous);
      if (!organisation) {
        reason = ambiguous ? text2("organisatie " + shown(organisation_key) +
                                       " is niet eenduidig: meer organisaties heten zo",
                                   "organisation " + shown(organisation_key) +
                                       " is ambiguous: several organisations have that name")
                           : text2("onbekende organisatie " + shown(organisation_key),
                                   "unknown organisation " + shown(organisation_key));
        return false;
      }
      line.organisation_id = plan_.organisations[*organisation].id;
    }

    const auto year = parse_integer(text[col_year_], kMinPlanYear, kMaxPlanYear);
    if (!year) {
      reason = text2("jaar " + shown(text[col_year_]) + " is geen jaartal 2000–2100",
                     "year " + shown(text[col_year_]) + " is not a year 2000–2100");
      return false;
    }
    line.year = static_cast<int>(*year);

    const auto category =
        parse_enum<CostCategory>(text[col_category_], kCategoryCount, category_label, category_id);
    if (!category) {
      reason = text2("onbekende kostensoort " + shown(text[col_category_]),
                     "unknown cost category " + shown(text[col_category_]));
      return false;
    }
    line.category = *category;

    const auto funding =
        parse_enum<FundingSource>(text[col_funding_], kFundingCount, funding_label, funding_id);
    if (!funding) {
      reason = text2("onbekende financieringsbron " + shown(text[col_funding_]),
                     "unknown funding source " + shown(text[col_funding_]));
      return false;
    }
    line.funding = *funding;

    // The line's free texts as they are.
    schema::for_each_field<BudgetLine>([&](const auto& f) {
      if constexpr (std::is_same_v<typename std::decay_t<decltype(f)>::value_type, std::string>)
        if (f.kind == schema::Kind::text && f.csv_nl != nullptr)
          f.of(line) = text[columns_.index_of(f.id)];
    });

    const auto price = parse_money(text[col_price_], format);
    if (!price || price->cents < 0 || price->cents > kMaxAmountCents) {
      reason = text2("prijs " + shown(text[col_price_]) + " is geen bedrag ≥ 0",
                     "price " + shown(text[col_price_]) + " is not an amount ≥ 0");
      return false;
    }

    if (!trim(text[col_investment_]).empty()) {
      if (!read_investment(text, *price, line, reason)) return false;
    } else {
      const auto quantity = parse_fixed(text[col_quantity_], 3, format);
      if (!quantity || *quantity < 0 || *quantity > kMaxQuantityMilli) {
        reason = text2(
            "aantal " + shown(text[col_quantity_]) + " is geen getal ≥ 0 met hoogstens 3 decimalen",
            "quantity " + shown(text[col_quantity_]) +
                " is not a number ≥ 0 with at most 3 decimals");
        return false;
      }
      line.price = *price;
      line.quantity_milli = *quantity;
    }

    // A spreadsheet made the old way lists a machine once per year: one investment line books
    // every year of its depreciation, so the later rows join the first instead of counting it
    // again (investment_years.h).
    if (line.investment)
      for (const ImportedLine& earlier : result_.lines)
        if (earlier.activity == *activity && earlier.line.investment &&
            same_investment_item(earlier.line, line)) {
          result_.notes.push_back(CsvRowProblem{
              row.line, text2("investering " + shown(line.description) + " staat al in CSV-regel " +
                                  std::to_string(earlier.source_line) +
                                  "; één investering boekt de afschrijving van alle jaren, deze "
                                  "rij is daarmee samengevoegd",
                              "investment " + shown(line.description) + " is already in CSV line " +
                                  std::to_string(earlier.source_line) +
                                  "; one investment books the depreciation of every year, so this "
                                  "row is joined with it")});
          return true;
        }
    assign_id(text[col_line_], row.line, line);
    result_.lines.push_back(ImportedLine{*activity, std::move(line), row.line});
    return true;
  }

  // An investment row: purchase price from the price column; the investment's other fields from
  // their own columns (schema.h), each read by what it holds.
  bool read_investment(const std::vector<std::string>& text, Money price, BudgetLine& line,
                       LocalizedText& reason) const {
    std::vector<std::size_t> own;  // the investment's columns
    for (std::size_t c = 0; c < columns_.list.size(); ++c)
      if (columns_.list[c].of_investment) own.push_back(c);
    if (std::any_of(own.begin(), own.end(),
                    [&](std::size_t c) { return positions_[c] == kMissing; })) {
      std::string nl, en;
      for (std::size_t i = 0; i < own.size(); ++i) {
        const char* joint_nl = i == 0 ? "" : i + 1 == own.size() ? " en " : ", ";
        const char* joint_en = i == 0 ? "" : i + 1 == own.size() ? " and " : ", ";
        nl += joint_nl + columns_.list[own[i]].names[0];
        en += joint_en + columns_.list[own[i]].names[1];
      }
      reason = text2("een investering heeft de kolommen " + nl +
                         " nodig; voeg die toe of voer de investering in de app in",
                     "an investment needs the columns " + en +
                         "; add them or enter the investment in the app");
      return false;
    }
    const Language format = result_.number_format;
    Investment investment;
    bool read = true;
    schema::for_each_field<Investment>([&](const auto& f) {
      if (!read) return;
      auto& value = f.of(investment);
      using Value = std::decay_t<decltype(value)>;
      if constexpr (std::is_same_v<Value, Money>) {
        value = price;
      } else {
        const std::size_t c = columns_.index_of(f.id);
        // The column's header without its unit names the value in a message: "levensduur".
        const std::string what_nl = value_name(columns_.list[c].names[0]);
        const std::string what_en = value_name(columns_.list[c].names[1]);
        read = read_value(f.kind, text[c], format, value);
        if (read) return;
        const std::string given = " " + shown(text[c]);
        if (f.kind == schema::Kind::date)
          reason = text2(what_nl + given + " is geen datum (JJJJ-MM-DD)",
                         what_en + given + " is not a date (YYYY-MM-DD)");
        else if (f.kind == schema::Kind::months)
          reason = text2(what_nl + given + " is geen aantal maanden 1–" + std::to_string(f.max),
                         what_en + given + " is not a number of months 1–" + std::to_string(f.max));
        else
          reason = text2(what_nl + given + " is geen percentage 0–100",
                         what_en + given + " is not a percentage 0–100");
      }
    });
    if (!read) return false;
    line.investment = investment;
    line.price = Money{};  // an investment's cost is its depreciation, not price × quantity
    line.quantity_milli = 0;
    return true;
  }

  // A date, a number of months (at least 1) or a percentage with 2 decimals (basis points).
  static bool read_value(schema::Kind, const std::string& text, Language format, Date& out) {
    const auto date = parse_date(text, format);
    if (date) out = *date;
    return date.has_value();
  }
  static bool read_value(schema::Kind kind, const std::string& text, Language format, int& out) {
    if (kind == schema::Kind::months) {
      const auto months = parse_integer(text, 1, kMaxEconomicLifeMonths);
      if (months) out = static_cast<int>(*months);
      return months.has_value();
    }
    std::string_view percent = trim(text);
    if (!percent.empty() && percent.back() == '%') percent.remove_suffix(1);
    const auto share = parse_fixed(percent, 2, format);  // percent with 2 decimals = basis points
    if (!share || *share < 0 || *share > kMaxProjectUseBp) return false;
    out = static_cast<int>(*share);
    return true;
  }

  // Keeps the row's line id when it is new to the plan and the file, else makes a fresh one.
  void assign_id(const std::string& wanted, std::size_t source_line, BudgetLine& line) {
    const std::string_view trimmed = trim(wanted);
    if (!trimmed.empty() && used_ids_.insert(std::string(trimmed)).second) {
      line.id = std::string(trimmed);
      return;
    }
    do {
      line.id = "csv-" + std::to_string(++next_id_);
    } while (!used_ids_.insert(line.id).second);
    if (trimmed.empty()) return;
    result_.notes.push_back(CsvRowProblem{
        source_line,
        text2("regel-id " + shown(trimmed) + " bestond al; nieuw id " + shown(line.id),
              "line id " + shown(trimmed) + " was already used; new id " + shown(line.id))});
  }

  void add_error(std::size_t line, LocalizedText reason) {
    ++result_.error_count;
    if (result_.errors.size() < CsvImportResult::kMaxListed)
      result_.errors.push_back(CsvRowProblem{line, std::move(reason)});
  }

  static constexpr std::size_t kMissing = static_cast<std::size_t>(-1);
  const Plan& plan_;
  CsvImportResult& result_;
  const Columns& columns_ = csv_columns();
  // Where each of columns_ is in the file's rows, or kMissing.
  std::vector<std::size_t> positions_;
  static constexpr std::size_t kActivity = 0;
  const std::size_t col_line_ = columns_.index_of("id");
  const std::size_t col_organisation_ = columns_.index_of("organisation");
  const std::size_t col_year_ = columns_.index_of("year");
  const std::size_t col_category_ = columns_.index_of("category");
  const std::size_t col_price_ = columns_.index_of("price");
  const std::size_t col_quantity_ = columns_.index_of("quantity");
  const std::size_t col_funding_ = columns_.index_of("funding");
  const std::size_t col_investment_ = columns_.index_of("investment");
  std::size_t header_width_ = 0;
  std::unordered_set<std::string> used_ids_;
  std::size_t next_id_ = 0;
};

}  // namespace

CsvImportResult import_csv(std::string_view text, const Plan& plan) {
  CsvImportResult result;
  Importer(plan, result).run(text);
  return result;
}

std::vector<Command> csv_import_commands(const Plan& plan, const CsvImportResult& result) {
  std::vector<std::size_t> next(plan.activities.size());
  for (std::size_t a = 0; a < plan.activities.size(); ++a)
    next[a] = plan.activities[a].lines.size();
  std::vector<Command> commands;
  commands.reserve(result.lines.size());
  for (const ImportedLine& imported : result.lines) {
    if (imported.activity >= next.size()) continue;  // a result for another plan
    commands.emplace_back(
        AddLine{LineRef{imported.activity, next[imported.activity]++}, imported.line});
  }
  return commands;
}

std::size_t apply_csv_import(Document& document, const CsvImportResult& result) {
  const std::vector<Command> commands = csv_import_commands(document.plan(), result);
  if (commands.empty()) return 0;
  const std::string n = std::to_string(commands.size());
  document.begin_group(
      text2("CSV geïmporteerd (" + n + " regels)", "CSV imported (" + n + " lines)"));
  std::size_t added = 0;
  for (const Command& command : commands) added += document.execute(command).ok() ? 1 : 0;
  document.end_group();
  return added;
}

std::string describe(const CsvRowProblem& problem, Language language) {
  return (language == Language::nl ? "CSV-regel " : "CSV line ") + std::to_string(problem.line) +
         ": " + problem.reason.in(language);
}

}  // namespace sto
