// National view; see national.h. Index: [SECTION] Budgets, [SECTION] Allocation,
// [SECTION] CSV import, [SECTION] CSV export, [SECTION] JSON table.
#include "exchange/national.h"

#include <rapidjson/document.h>

#include <algorithm>
#include <utility>

#include "exchange/csv_export.h"
#include "format/csv_reader.h"
#include "format/file_format.h"
#include "format/validate.h"
#include "model/assets.h"
#include "model/enum_names.h"
#include "model/labels.h"
#include "rules/engine.h"

namespace sto {

namespace {

__extension__ typedef __int128 Int128;  // GCC/Clang extension: exact maximum × budget products

LocalizedText text(std::string nl, std::string en) {
  return LocalizedText{std::move(nl), std::move(en)};
}

constexpr Money euros(std::int64_t e) {
  return Money{e * 100};
}

}  // namespace

// [SECTION] Budgets

const std::vector<NationalBudget>& national_budget_presets() {
  using T = RegionType;
  static const std::vector<NationalBudget> presets = {
      {"sto-2025-2028",
       text("Regeling 2025-2028: € 368.640.080 techniekregio's + € 4 mln per techniekluwe",
            "Scheme 2025-2028: €368,640,080 for technology regions + €4M per techniekluwe region"),
       "sto-2025-2028",
       {{text("Techniekregio's", "Technology regions"),
         {T::techniekregio, T::techniekarm},
         euros(368'640'080),
         false,
         Money{}},
        {text("Techniekluwe regio's", "Techniekluwe regions"),
         {T::techniekluwe},
         Money{},
         false,
         euros(4'000'000)}}},
      {"97-mln-per-jaar",
       text("€ 97 mln per jaar vanaf 2024", "€97M a year from 2024"),
       "sto-2025-2028",
       {{text("Alle regio's", "All regions"),
         {T::techniekregio, T::techniekluwe, T::techniekarm},
         euros(97'000'000),
         true,
         Money{}}}},
      {"2023-86,5-mln",
       text("€ 86,5 mln voor de regio's (2023), per jaar", "€86.5M for the regions (2023), a year"),
       "sto-2020-2023",
       {{text("Alle regio's", "All regions"),
         {T::techniekregio, T::techniekluwe, T::techniekarm},
         euros(86'500'000),
         true,
         Money{}}}}};
  return presets;
}

const NationalBudget* find_national_budget(std::string_view id) {
  for (const NationalBudget& b : national_budget_presets())
    if (b.id == id) return &b;
  return nullptr;
}

NationalBudget single_budget(Money amount) {
  NationalBudget b;
  b.id = "custom";
  b.name = text("Eigen bedrag", "Custom amount");
  b.pools.push_back({text("Alle regio's", "All regions"),
                     {RegionType::techniekregio, RegionType::techniekluwe, RegionType::techniekarm},
                     amount,
                     false,
                     Money{}});
  return b;
}

std::optional<NationalBudget> budget_from_ceilings(const Scheme& scheme) {
  if (scheme.national_ceilings.empty()) return std::nullopt;
  NationalBudget b;
  b.id = "ceilings-" + scheme.id;
  b.scheme_id = scheme.id;
  std::string total_nl, total_en;
  for (RegionType type :
       {RegionType::techniekregio, RegionType::techniekarm, RegionType::techniekluwe}) {
    MoneySum sum;
    std::string years_nl, years_en;
    for (const NationalCeiling& c : scheme.national_ceilings) {
      if (c.region_type != type) continue;
      sum.add(c.amount);
      if (c.year == 0) continue;  // the whole period: no yearly figure to list
      years_nl += (years_nl.empty() ? "" : " + ") + std::to_string(c.year) + " " +
                  format_money(c.amount, Language::nl);
      years_en += (years_en.empty() ? "" : " + ") + std::to_string(c.year) + " " +
                  format_money(c.amount, Language::en);
    }
    if (sum.total() == Money{} && years_nl.empty()) continue;  // no ceiling for this type
    const std::string label_nl = region_type_label(type, Language::nl);
    const std::string label_en = region_type_label(type, Language::en);
    LocalizedText name = text("Plafond " + label_nl, "Ceiling " + label_en);
    if (!years_nl.empty()) {
      name.nl += " (" + years_nl + ")";
      name.en += " (" + years_en + ")";
    }
    b.pools.push_back({name, {type}, sum.overflowed() ? Money{} : sum.total(), false, Money{}});
    total_nl +=
        (total_nl.empty() ? "" : ", ") + label_nl + " " + format_money(sum.total(), Language::nl);
    total_en +=
        (total_en.empty() ? "" : ", ") + label_en + " " + format_money(sum.total(), Language::en);
  }
  b.name = text("Plafonds uit de regeling: " + total_nl, "The scheme's ceilings: " + total_en);
  return b;
}

// [SECTION] Allocation

namespace {

// The region as a one-school plan, so the maximum follows exactly the engine's rule.
Plan region_plan(const RegionRow& row, const Scheme& scheme) {
  Plan p;
  p.scheme_id = scheme.id;
  p.region.name = row.name;
  p.region.type = row.type;
  p.region.previous_grant = row.previous_grant;
  p.region.fixed_maximum = row.fixed_amount;
  Organisation school;
  school.id = "vmbo";
  school.kind = OrganisationKind::vmbo;
  p.organisations.push_back(school);
  const std::string profile = scheme.counted_profiles.empty() ? "" : scheme.counted_profiles[0];
  for (auto [path, n] : {std::pair{LearningPath::bb, row.students_bbkb},
                         std::pair{LearningPath::gl, row.students_gl}}) {
    if (n <= 0) continue;
    StudentCount c;
    c.organisation_id = "vmbo";
    c.path = path;
    c.profile = profile;
    c.count_date = scheme.count_date;
    c.students = n;
    p.student_counts.push_back(c);
  }
  return p;
}

}  // namespace

NationalResult allocate_national(const std::vector<RegionRow>& table, const Scheme& scheme,
                                 const NationalBudget& budget) {
  NationalResult r;
  r.scheme_found = true;
  r.period_years = std::max(1, scheme.last_year() - scheme.first_year() + 1);
  r.regions.resize(table.size());
  r.pools.resize(budget.pools.size());
  for (std::size_t p = 0; p < budget.pools.size(); ++p) {
    r.pools[p].name = budget.pools[p].name;
    r.pools[p].budget = budget.pools[p].amount;
    if (budget.pools[p].per_year)
      r.pools[p].budget = scale(r.pools[p].budget, r.period_years, 1).value_or(Money{});
  }

  // Maxima and pools.
  MoneySum total_max;
  for (std::size_t i = 0; i < table.size(); ++i) {
    RegionAllocation& a = r.regions[i];
    a.row = i;
    const MaximumResult m = maximum_subsidy(region_plan(table[i], scheme), scheme);
    if (m.overflow) r.overflow = true;
    a.known = m.known && !m.overflow;
    a.maximum = a.known ? m.amount : Money{};
    a.rule = m.rule;
    a.allocated = a.maximum;
    total_max.add(a.maximum);
    for (std::size_t p = 0; p < budget.pools.size() && a.pool < 0; ++p) {
      const auto& types = budget.pools[p].types;
      if (std::find(types.begin(), types.end(), table[i].type) != types.end())
        a.pool = static_cast<int>(p);
    }
    if (a.pool < 0) {
      a.allocated = Money{};  // no budget covers this region type
      continue;
    }
    PoolResult& pool = r.pools[static_cast<std::size_t>(a.pool)];
    ++pool.regions;
    auto sum = checked_add(pool.total_maximum, a.maximum);
    if (!sum) r.overflow = true;
    pool.total_maximum = sum.value_or(Money{});
  }
  for (std::size_t p = 0; p < budget.pools.size(); ++p) {
    auto extra =
        scale(budget.pools[p].per_region, static_cast<std::int64_t>(r.pools[p].regions), 1);
    auto sum = extra ? checked_add(r.pools[p].budget, *extra) : std::nullopt;
    if (!sum) r.overflow = true;
    r.pools[p].budget = sum.value_or(Money{});
  }

  // Pro-rata cut with largest remainders, per oversubscribed pool.
  for (std::size_t p = 0; p < r.pools.size(); ++p) {
    PoolResult& pool = r.pools[p];
    const std::int64_t total = pool.total_maximum.cents, cap = pool.budget.cents;
    if (total <= cap || total <= 0) {
      pool.allocated = pool.total_maximum;
      continue;
    }
    pool.oversubscribed = true;
    pool.scale_bp = ratio_bp(cap, total).value_or(0);  // 0 < cap < total: always a value
    std::vector<std::pair<std::size_t, std::int64_t>> remainders;  // region, remainder
    std::int64_t given = 0;
    for (RegionAllocation& a : r.regions) {
      if (a.pool != static_cast<int>(p)) continue;
      const Int128 exact = static_cast<Int128>(a.maximum.cents) * cap;
      a.allocated = Money{static_cast<std::int64_t>(exact / total)};
      given += a.allocated.cents;
      remainders.emplace_back(a.row, static_cast<std::int64_t>(exact % total));
    }
    std::sort(remainders.begin(), remainders.end(), [&](const auto& x, const auto& y) {
      if (x.second != y.second) return x.second > y.second;
      const Money mx = r.regions[x.first].maximum, my = r.regions[y.first].maximum;
      if (mx != my) return mx > my;
      return x.first < y.first;
    });
    // Fewer cents left than regions: Σ floor(exact) > cap − regions.
    for (std::size_t k = 0; given < cap && k < remainders.size(); ++k, ++given)
      ++r.regions[remainders[k].first].allocated.cents;
    pool.allocated = Money{given};
  }

  MoneySum allocated, budget_sum;
  for (RegionAllocation& a : r.regions) {
    a.cut = checked_sub(a.maximum, a.allocated).value_or(Money{});
    allocated.add(a.allocated);
  }
  for (const PoolResult& pool : r.pools) budget_sum.add(pool.budget);
  if (total_max.overflowed() || allocated.overflowed() || budget_sum.overflowed())
    r.overflow = true;
  r.total_maximum = total_max.total();
  r.total_allocated = allocated.total();
  // Never negative (no region gets more than its maximum) and never an overflow (both ≥ 0).
  r.total_cut = checked_sub(r.total_maximum, r.total_allocated).value_or(Money{});
  r.total_budget = budget_sum.total();
  for (RegionAllocation& a : r.regions)
    a.share_bp = r.total_allocated.cents > 0
                     ? ratio_bp(a.allocated.cents, r.total_allocated.cents).value_or(0)
                     : 0;

  r.ranking.resize(r.regions.size());
  for (std::size_t i = 0; i < r.ranking.size(); ++i) r.ranking[i] = i;
  std::stable_sort(r.ranking.begin(), r.ranking.end(), [&](std::size_t x, std::size_t y) {
    if (r.regions[x].allocated != r.regions[y].allocated)
      return r.regions[x].allocated > r.regions[y].allocated;
    return table[x].name < table[y].name;
  });
  r.rule = text(
      "Zijn de maxima van een budgetdeel samen hoger dan het budget, dan wordt elk maximum naar "
      "rato verlaagd (budget / totaal). Elke regio krijgt de hele centen van haar aandeel; de "
      "overgebleven centen gaan één voor één naar de grootste resten, zodat de som precies het "
      "budget is.",
      "When the maxima in a budget part add up to more than its budget, every maximum is scaled "
      "down pro rata (budget / total). Each region gets the whole cents of its share; the cents "
      "left over go one each to the largest remainders, so the sum equals the budget exactly.");
  return r;
}

// [SECTION] CSV import

namespace {

std::string trimmed_lower(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

enum Column { kName, kType, kBbkb, kGl, kPrevious, kFixed, kColumnCount };
const char* const kColumnEn[kColumnCount] = {
    "name", "type", "students_bbkb", "students_gl", "previous_grant_eur", "fixed_amount_eur"};
const char* const kColumnNl[kColumnCount] = {
    "naam",           "soort", "leerlingen_bbkb", "leerlingen_gl", "vorige_toekenning_eur",
    "vast_bedrag_eur"};

}  // namespace

RegionTableResult import_regions_csv(std::string_view csv) {
  RegionTableResult result;
  csv = without_bom(csv);
  const std::string_view first_line = csv.substr(0, csv.find('\n'));
  const auto count = [&](char c) { return std::count(first_line.begin(), first_line.end(), c); };
  const char separator = count(';') >= count(',') && count(';') > 0 ? ';' : ',';
  result.detected = separator == ';' ? Language::nl : Language::en;
  const Language language = result.detected;
  auto fatal = [&](std::string nl, std::string en) {
    result.fatal = true;
    result.issues.push_back({1, text(std::move(nl), std::move(en))});
    return result;
  };
  // The page passes the file's bytes unchanged: a spreadsheet saved as "CSV" (Windows-1252) or as
  // UTF-16 would otherwise show region names with replacement characters.
  if (csv.find('\0') != std::string_view::npos || !is_valid_utf8(csv.data(), csv.size()))
    return fatal(
        "Het bestand is geen UTF-8-tekst. Sla het in de spreadsheet op als \"CSV UTF-8\" en "
        "importeer het opnieuw.",
        "The file is not UTF-8 text. Save it from the spreadsheet as \"CSV UTF-8\" and import it "
        "again.");
  std::vector<CsvRow> records = read_csv(csv, separator);
  records.erase(std::remove_if(records.begin(), records.end(),  // empty lines
                               [](const CsvRow& r) {
                                 return r.cells.size() == 1 && r.cells[0].empty() &&
                                        !r.unterminated;
                               }),
                records.end());
  if (records.empty()) return fatal("Het bestand is leeg.", "The file is empty.");

  // Header: map each known column name to its position.
  int position[kColumnCount];
  std::fill(std::begin(position), std::end(position), -1);
  const CsvRow& header = records.front();
  for (std::size_t c = 0; c < header.cells.size(); ++c) {
    const std::string name = trimmed_lower(header.cells[c]);
    for (int k = 0; k < kColumnCount; ++k)
      if (name == kColumnEn[k] || name == kColumnNl[k]) position[k] = static_cast<int>(c);
  }
  std::string missing_nl, missing_en;
  for (int k = 0; k < kFixed; ++k)  // the fixed amount column is optional
    if (position[k] < 0) {
      missing_nl += (missing_nl.empty() ? "" : ", ") + std::string(kColumnNl[k]);
      missing_en += (missing_en.empty() ? "" : ", ") + std::string(kColumnEn[k]);
    }
  if (!missing_en.empty())
    return fatal("Regel 1: de kopregel mist de kolom(men) " + missing_nl +
                     " (verwacht: name;type;students_bbkb;students_gl;previous_grant_eur).",
                 "Line 1: the header lacks the column(s) " + missing_en +
                     " (expected: name;type;students_bbkb;students_gl;previous_grant_eur).");

  for (std::size_t r = 1; r < records.size(); ++r) {
    const CsvRow& record = records[r];
    const std::string where_nl = "Regel " + std::to_string(record.line) + ": ",
                      where_en = "Line " + std::to_string(record.line) + ": ";
    auto bad = [&](const std::string& nl, const std::string& en) {
      result.issues.push_back({record.line, text(where_nl + nl, where_en + en)});
    };
    if (record.unterminated) {
      bad("een aanhalingsteken wordt niet gesloten; regel overgeslagen",
          "a quote is never closed; row skipped");
      continue;
    }
    auto cell = [&](int k) -> std::string {
      const int at = position[k];
      if (at < 0 || static_cast<std::size_t>(at) >= record.cells.size()) return "";
      std::string_view v = record.cells[static_cast<std::size_t>(at)];
      while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
      while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
      return std::string(v);
    };
    if (record.cells.size() < static_cast<std::size_t>(*std::max_element(
                                  std::begin(position), std::begin(position) + kFixed)) +
                                  1) {
      bad("te weinig kolommen (" + std::to_string(record.cells.size()) + "); regel overgeslagen",
          "too few columns (" + std::to_string(record.cells.size()) + "); row skipped");
      continue;
    }
    RegionRow row;
    row.name = cell(kName);
    if (row.name.empty()) {
      bad("de naam ontbreekt; regel overgeslagen", "the name is missing; row skipped");
      continue;
    }
    if (row.name.size() > kMaxTextBytes) {
      bad("de naam is te lang; regel overgeslagen", "the name is too long; row skipped");
      continue;
    }
    const std::string type = trimmed_lower(cell(kType));
    if (!enum_names::from_name(type, enum_names::region_type, row.type)) {
      bad("onbekende soort \"" + cell(kType) +
              "\" (mogelijk: techniekregio, techniekluwe, techniekarm); regel overgeslagen",
          "unknown type \"" + cell(kType) +
              "\" (expected techniekregio, techniekluwe or techniekarm); row skipped");
      continue;
    }
    bool ok = true;
    for (auto [k, out] : {std::pair{kBbkb, &row.students_bbkb}, std::pair{kGl, &row.students_gl}}) {
      const std::string v = cell(k);
      const auto n = v.empty() ? std::optional<std::int64_t>(0) : parse_fixed(v, 0, language);
      if (!n || *n < 0 || *n > kMaxStudents) {
        bad(std::string(kColumnEn[k]) + ": \"" + v +
                "\" is geen aantal leerlingen (geheel getal 0–1.000.000); regel overgeslagen",
            std::string(kColumnEn[k]) + ": \"" + v +
                "\" is not a number of students (whole number 0–1,000,000); row skipped");
        ok = false;
        break;
      }
      *out = *n;
    }
    if (!ok) continue;
    for (auto [k, out] :
         {std::pair{kPrevious, &row.previous_grant}, std::pair{kFixed, &row.fixed_amount}}) {
      const std::string v = cell(k);
      const auto m = v.empty() ? std::optional<Money>(Money{}) : parse_money(v, language);
      if (!m || m->cents < 0 || m->cents > kMaxAmountCents) {
        bad(std::string(kColumnEn[k]) + ": \"" + v + "\" is geen bedrag in euro (" +
                (language == Language::nl ? "bijv. 1234567,89" : "e.g. 1234567.89") +
                "); regel overgeslagen",
            std::string(kColumnEn[k]) + ": \"" + v + "\" is not an amount in euros (" +
                (language == Language::nl ? "e.g. 1234567,89" : "e.g. 1234567.89") +
                "); row skipped");
        ok = false;
        break;
      }
      *out = *m;
    }
    if (!ok) continue;
    result.rows.push_back(std::move(row));
  }
  return result;
}

// [SECTION] CSV export

std::string export_national_csv(const std::vector<RegionRow>& table, const NationalResult& result,
                                Language language) {
  const bool nl = language == Language::nl;
  const char sep = nl ? ';' : ',';
  const std::string s(1, sep);
  std::string out = "\xEF\xBB\xBF";
  out += nl ? "rang;naam;soort;leerlingen_bbkb;leerlingen_gl;vorige_toekenning_eur;"
              "vast_bedrag_eur;maximum_eur;toegekend_eur;korting_eur;aandeel_procent\r\n"
            : "rank,name,type,students_bbkb,students_gl,previous_grant_eur,fixed_amount_eur,"
              "maximum_eur,allocated_eur,cut_eur,share_percent\r\n";
  std::size_t rank = 0;
  for (std::size_t index : result.ranking) {
    const RegionAllocation& a = result.regions[index];
    if (a.row >= table.size()) continue;
    const RegionRow& row = table[a.row];
    out += std::to_string(++rank) + s + csv_text_cell(row.name, sep) + s +
           region_type_id(row.type) + s + std::to_string(row.students_bbkb) + s +
           std::to_string(row.students_gl) + s +
           csv_decimal(row.previous_grant.cents, 2, language) + s +
           csv_decimal(row.fixed_amount.cents, 2, language) + s +
           csv_decimal(a.maximum.cents, 2, language) + s +
           csv_decimal(a.allocated.cents, 2, language) + s + csv_decimal(a.cut.cents, 2, language) +
           s + csv_decimal(a.share_bp, 2, language) + "\r\n";
  }
  return out;
}

// [SECTION] JSON table

RegionTableResult parse_region_table(std::string_view json) {
  RegionTableResult result;
  auto fail = [&](const std::string& en) {
    result.fatal = true;
    result.rows.clear();
    result.issues.push_back(
        {0, text("Regiotabel onleesbaar: " + en, "Region table unreadable: " + en)});
    return result;
  };
  rapidjson::Document doc;
  doc.Parse(json.data(), json.size());
  if (doc.HasParseError() || !doc.IsObject()) return fail("not a JSON object");
  const auto format = doc.FindMember("format");
  if (format == doc.MemberEnd() || !format->value.IsString() ||
      std::string(format->value.GetString()) != "sto-regions")
    return fail("\"format\" is not \"sto-regions\"");
  const auto regions = doc.FindMember("regions");
  if (regions == doc.MemberEnd() || !regions->value.IsArray()) return fail("no \"regions\" list");
  for (const auto& item : regions->value.GetArray()) {
    const std::string where = "regions[" + std::to_string(result.rows.size()) + "]";
    if (!item.IsObject()) return fail(where + " is not an object");
    auto get_int = [&](const char* key, std::int64_t& out) {
      const auto m = item.FindMember(key);
      if (m == item.MemberEnd() || !m->value.IsInt64() || m->value.GetInt64() < 0) return false;
      out = m->value.GetInt64();
      return true;
    };
    RegionRow row;
    const auto name = item.FindMember("name");
    const auto type = item.FindMember("type");
    if (name == item.MemberEnd() || !name->value.IsString() || type == item.MemberEnd() ||
        !type->value.IsString())
      return fail(where + ": name and type must be text");
    row.name = name->value.GetString();
    const std::string t = type->value.GetString();
    if (!enum_names::from_name(t, enum_names::region_type, row.type))
      return fail(where + ": unknown type " + t);
    if (!get_int("students_bbkb", row.students_bbkb) || !get_int("students_gl", row.students_gl) ||
        !get_int("previous_grant_cents", row.previous_grant.cents) ||
        !get_int("fixed_amount_cents", row.fixed_amount.cents))
      return fail(where + ": students and amounts must be whole numbers ≥ 0");
    result.rows.push_back(std::move(row));
  }
  return result;
}

const RegionTableResult& builtin_region_table() {
  static const RegionTableResult table =
      parse_region_table(assets::embedded_file("regions/fictief.json"));
  return table;
}

}  // namespace sto
