// One table per record of the plan (plan.h): each field's names, its label in Dutch and English,
// the member that holds it and what kind of value it is. Equality, the loader's field lists and
// the differences between two plans are derived from these tables, so a new field is a row here
// (and its line in serialize.h, the file format); a record that gains a member without a row
// fails to compile (the static_asserts at the end).
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "model/enum_names.h"
#include "model/limits.h"
#include "model/plan.h"

namespace sto::schema {

// What a field holds, beyond its C++ type: how it is shown and checked.
enum class Kind {
  id,             // a record's id, unique in its list
  text,           // free text (kMaxTextBytes)
  long_text,      // the plan's notes and request texts (kMaxNotesBytes)
  money,          // euro cents, 0 … kMaxAmountCents
  milli,          // thousandths (a quantity, an indicator value)
  count,          // a whole number (students, a scenario value)
  year,           // a calendar year
  months,         // a number of months
  basis_points,   // 1/100 of a percent of full use
  flag,           // yes / no
  date,           // a calendar date, or none
  choice,         // one value of an enum
  organisation,   // the id of an organisation of the plan
  organisations,  // ids of organisations of the plan
  goals,          // ids of goals of the plan
  revision,       // a revision id (lineage.h)
  revisions,      // revision ids
  scheme,         // a scheme id of the shipped scheme table
  scheme_option,  // an option id of the plan's scheme
  round,          // a submission round id of the plan's scheme
  years,          // a list of calendar years
  yearly_values,  // a value per year, shown and changed as a whole (an indicator's targets)
  records,        // a list of records of their own table
  record,         // one record of its own table
};

// One field of `Record`, held in `Record::*member`.
template <class Record, class Value>
struct Field {
  // The stable id of the field in differences and merges ("quantity").
  const char* id;
  // Its name in a finding's path ("activities[0].lines[2].quantity").
  const char* path;
  // Its key in the plan file (serialize.h: "quantity_milli").
  const char* file;
  const char* nl;
  const char* en;
  Value Record::*member;
  Kind kind;
  // Part of what identifies the record in differences (an id; a student count's organisation,
  // learning path and profile): a change there is another record, not a changed field.
  bool identifies;
  // The least and greatest value a number may have (limits.h).
  std::int64_t min;
  std::int64_t max;
  // Its column header in the budget CSV (csv_export.cpp, csv_import.cpp), or none.
  const char* csv_nl = nullptr;
  const char* csv_en = nullptr;
  using record_type = Record;
  using value_type = Value;
  const Value& of(const Record& r) const { return r.*member; }
  Value& of(Record& r) const { return r.*member; }
  // The same field as a column of the budget CSV.
  constexpr Field in_csv(const char* nl_header, const char* en_header) const {
    Field f = *this;
    f.csv_nl = nl_header;
    f.csv_en = en_header;
    return f;
  }
  // The same field with other limits than its kind's.
  constexpr Field within(std::int64_t least, std::int64_t most) const {
    Field f = *this;
    f.min = least;
    f.max = most;
    return f;
  }
};

// The limits of a number of `kind` (limits.h) unless its field says otherwise.
constexpr std::pair<std::int64_t, std::int64_t> limits_of(Kind kind) {
  switch (kind) {
    case Kind::money: return {0, kMaxAmountCents};
    case Kind::milli: return {0, kMaxQuantityMilli};
    case Kind::count: return {0, kMaxStudents};
    case Kind::year: return {kMinPlanYear, kMaxPlanYear};
    case Kind::months: return {0, kMaxEconomicLifeMonths};
    case Kind::basis_points: return {0, kMaxProjectUseBp};
    default: return {0, 0};
  }
}

// A field whose id, path and file key are one name.
template <class Record, class Value>
constexpr Field<Record, Value> field(const char* name, const char* nl, const char* en,
                                     Value Record::*member, Kind kind) {
  return {name,
          name,
          name,
          nl,
          en,
          member,
          kind,
          kind == Kind::id,
          limits_of(kind).first,
          limits_of(kind).second};
}
// A field named differently in differences, paths and the file.
template <class Record, class Value>
constexpr Field<Record, Value> field(const char* id, const char* path, const char* file,
                                     const char* nl, const char* en, Value Record::*member,
                                     Kind kind) {
  return {id,
          path,
          file,
          nl,
          en,
          member,
          kind,
          kind == Kind::id,
          limits_of(kind).first,
          limits_of(kind).second};
}
// A field that identifies its record together with others (Field::identifies).
template <class Record, class Value>
constexpr Field<Record, Value> key_field(const char* name, const char* nl, const char* en,
                                         Value Record::*member, Kind kind) {
  return {
      name, name, name, nl, en, member, kind, true, limits_of(kind).first, limits_of(kind).second};
}

// The table of a record type: found by argument-dependent lookup on a null pointer of it.
// clang-format off
constexpr auto fields_of(const Organisation*) {
  using R = Organisation;
  return std::make_tuple(
      field("id", "id", "id", &R::id, Kind::id),
      field("name", "naam", "name", &R::name, Kind::text),
      field("kind", "soort", "kind", &R::kind, Kind::choice),
      field("brin", "BRIN", "BRIN", &R::brin, Kind::text),
      field("penvoerder", "penvoerder", "penvoerder", &R::penvoerder, Kind::flag),
      field("partner", "partner", "partner", &R::partner, Kind::flag),
      field("counts_as_business", "telt als bedrijf", "counts as a business", &R::counts_as_business, Kind::choice));
}
constexpr auto fields_of(const StudentCount*) {
  using R = StudentCount;
  return std::make_tuple(
      key_field("organisation_id", "organisatie", "organisation", &R::organisation_id, Kind::organisation),
      key_field("path", "leerweg", "learning path", &R::path, Kind::choice),
      key_field("profile", "profiel", "profile", &R::profile, Kind::text),
      field("count_date", "teldatum", "count date", &R::count_date, Kind::date),
      field("students", "aantal leerlingen", "number of students", &R::students, Kind::count));
}
constexpr auto fields_of(const YearValue*) {
  using R = YearValue;
  return std::make_tuple(
      field("year", "jaar", "year", &R::year, Kind::year),
      field("value_milli", "waarde", "value", &R::value_milli, Kind::milli).within(-kMaxIndicatorMilli, kMaxIndicatorMilli));
}
constexpr auto fields_of(const Indicator*) {
  using R = Indicator;
  return std::make_tuple(
      field("id", "id", "id", &R::id, Kind::id),
      field("name", "naam", "name", &R::name, Kind::text),
      field("unit", "eenheid", "unit", &R::unit, Kind::text),
      field("baseline_year", "jaar van de nulmeting", "baseline year", &R::baseline_year, Kind::year),
      field("baseline", "baseline", "baseline_milli", "nulmeting", "baseline", &R::baseline_milli, Kind::milli).within(-kMaxIndicatorMilli, kMaxIndicatorMilli),
      field("targets", "streefwaarden", "targets", &R::targets, Kind::yearly_values));
}
constexpr auto fields_of(const Goal*) {
  using R = Goal;
  return std::make_tuple(
      field("id", "id", "id", &R::id, Kind::id),
      field("title", "titel", "title", &R::title, Kind::text),
      field("theme", "thema", "theme", &R::theme, Kind::text),
      field("indicators", "indicatoren", "indicators", &R::indicators, Kind::records));
}
constexpr auto fields_of(const Investment*) {
  using R = Investment;
  return std::make_tuple(
      field("purchase_price", "purchase_price", "purchase_price_cents", "aanschafprijs", "purchase price", &R::purchase_price, Kind::money),
      field("purchase_date", "aanschafdatum", "purchase date", &R::purchase_date, Kind::date).in_csv("Aankoopdatum", "Purchase date"),
      field("economic_life_months", "economische levensduur", "economic life", &R::economic_life_months, Kind::months).in_csv("Levensduur (maanden)", "Economic life (months)"),
      field("project_use_bp", "projectgebruik", "project use", &R::project_use_bp, Kind::basis_points).in_csv("Projectgebruik (%)", "Project use (%)"));
}
// In the file's order (serialize.h), which is not the member order: an investment is written
// as "is_investment" and an "investment" object (kBudgetLineIsInvestment).
constexpr auto fields_of(const BudgetLine*) {
  using R = BudgetLine;
  return std::make_tuple(
      field("id", "id", "id", &R::id, Kind::id).in_csv("Regel", "Line"),
      field("organisation", "organisation_id", "organisation_id", "organisatie", "organisation", &R::organisation_id, Kind::organisation).in_csv("Organisatie", "Organisation"),
      field("year", "jaar", "year", &R::year, Kind::year).in_csv("Jaar", "Year"),
      field("category", "categorie", "category", &R::category, Kind::choice).in_csv("Kostensoort", "Cost category"),
      field("description", "omschrijving", "description", &R::description, Kind::text).in_csv("Omschrijving", "Description"),
      field("unit", "eenheid", "unit", &R::unit, Kind::text).in_csv("Eenheid", "Unit"),
      field("price", "price", "price_cents", "prijs", "price", &R::price, Kind::money).in_csv("Prijs (EUR)", "Price (EUR)"),
      field("quantity", "quantity", "quantity_milli", "aantal", "quantity", &R::quantity_milli, Kind::milli).in_csv("Aantal", "Quantity"),
      field("funding", "financiering", "funding", &R::funding, Kind::choice).in_csv("Financiering", "Funding"),
      field("other_funding", "andere subsidie", "other subsidy", &R::other_funding, Kind::text).in_csv("Andere financiering", "Other funding"),
      field("investment", "investering", "investment", &R::investment, Kind::record).in_csv("Investering", "Investment"));
}
constexpr auto fields_of(const Activity*) {
  using R = Activity;
  return std::make_tuple(
      field("id", "id", "id", &R::id, Kind::id),
      field("title", "titel", "title", &R::title, Kind::text),
      field("theme", "thema", "theme", &R::theme, Kind::text),
      field("lead", "lead_organisation_id", "lead_organisation_id", "trekker", "lead organisation", &R::lead_organisation_id, Kind::organisation),
      field("partners", "partner_ids", "partner_ids", "partners", "partners", &R::partner_ids, Kind::organisations),
      field("goals", "goal_ids", "goal_ids", "doelen", "goals", &R::goal_ids, Kind::goals),
      field("years", "jaren", "years", &R::years, Kind::years),
      field("lines", "begroting", "budget", &R::lines, Kind::records));
}
constexpr auto fields_of(const Region*) {
  using R = Region;
  return std::make_tuple(
      field("region_name", "name", "name", "regionaam", "region name", &R::name, Kind::text),
      field("region_type", "type", "type", "soort regio", "region type", &R::type, Kind::choice),
      field("previous_grant", "previous_grant", "previous_grant_cents", "toekenning 2020–2023", "2020–2023 grant", &R::previous_grant, Kind::money),
      field("fixed_maximum", "fixed_maximum", "fixed_maximum_cents", "maximumbedrag uit de bijlage", "maximum from the annex", &R::fixed_maximum, Kind::money));
}
constexpr auto fields_of(const ScenarioOverride*) {
  using R = ScenarioOverride;
  return std::make_tuple(
      field("kind", "soort", "kind", &R::kind, Kind::choice),
      field("target", "doel", "target", &R::target, Kind::text),
      field("value", "waarde", "value", &R::value, Kind::count),
      field("replaces", "vervangt", "replaces", &R::replaces, Kind::money));
}
constexpr auto fields_of(const Scenario*) {
  using R = Scenario;
  return std::make_tuple(
      field("id", "id", "id", &R::id, Kind::id),
      field("name", "naam", "name", &R::name, Kind::text),
      field("overrides", "aanpassingen", "changes", &R::overrides, Kind::records));
}
constexpr auto fields_of(const RevisionNode*) {
  using R = RevisionNode;
  return std::make_tuple(
      field("id", "versie", "revision", &R::id, Kind::id),
      field("parents", "gemaakt uit", "made from", &R::parents, Kind::revisions));
}
constexpr auto fields_of(const Lineage*) {
  using R = Lineage;
  return std::make_tuple(
      field("plan_id", "plan-id", "plan id", &R::plan_id, Kind::id),
      field("revision", "versie", "revision", &R::revision, Kind::revision),
      field("parents", "gemaakt uit", "made from", &R::parents, Kind::revisions),
      field("history", "eerdere versies", "earlier revisions", &R::history, Kind::records));
}
// In the file's order (serialize.h).
constexpr auto fields_of(const Plan*) {
  using R = Plan;
  return std::make_tuple(
      field("title", "titel", "title", &R::title, Kind::text),
      field("is_example", "voorbeeld", "example", &R::is_example, Kind::flag),
      field("region", "regio", "region", &R::region, Kind::record),
      field("scheme", "scheme_id", "scheme_id", "regeling", "scheme", &R::scheme_id, Kind::scheme),
      field("cofinancing_option", "cofinancieringsoptie", "cofinancing option", &R::cofinancing_option, Kind::scheme_option),
      field("cofinancing_base", "grondslag cofinanciering", "cofinancing base", &R::cofinancing_base, Kind::choice),
      field("submission_round", "indienen voor", "submission round", &R::submission_round, Kind::round),
      field("organisations", "partners", "partners", &R::organisations, Kind::records),
      field("student_counts", "leerlingaantallen", "student counts", &R::student_counts, Kind::records),
      field("goals", "doelen", "goals", &R::goals, Kind::records),
      field("activities", "activiteiten", "activities", &R::activities, Kind::records),
      field("notes", "notities", "notes", &R::notes, Kind::long_text),
      field("changes_since_original_plan", "wijzigingen t.o.v. het oorspronkelijke activiteitenplan", "changes since the original activity plan", &R::changes_since_original_plan, Kind::long_text),
      field("earlier_grant_activities", "activiteiten vóór 1 augustus 2024 (eerdere subsidie)", "activities before 1 August 2024 (earlier grant)", &R::earlier_grant_activities, Kind::long_text),
      field("scenarios", "scenario's", "scenarios", &R::scenarios, Kind::records),
      field("lineage", "herkomst", "lineage", &R::lineage, Kind::record));
}
// clang-format on

// The budget line's second file key for its investment, written before "investment".
inline constexpr const char* kBudgetLineIsInvestment = "is_investment";

// [SECTION] Using the tables

// The names of an enum's values in files and links (enum_names.h), by the enum.
inline const auto& names_of(RegionType) {
  return enum_names::region_type;
}
inline const auto& names_of(OrganisationKind) {
  return enum_names::organisation_kind;
}
inline const auto& names_of(BusinessStatus) {
  return enum_names::business_status;
}
inline const auto& names_of(LearningPath) {
  return enum_names::learning_path;
}
inline const auto& names_of(CostCategory) {
  return enum_names::cost_category;
}
inline const auto& names_of(FundingSource) {
  return enum_names::funding_source;
}
inline const auto& names_of(OverrideKind) {
  return enum_names::override_kind;
}
inline const auto& names_of(CofinancingBase) {
  return enum_names::cofinancing_base;
}

template <class Record, class = void>
struct has_table : std::false_type {};
template <class Record>
struct has_table<Record, std::void_t<decltype(fields_of(static_cast<const Record*>(nullptr)))>>
    : std::true_type {};
template <class Record>
inline constexpr bool has_table_v = has_table<Record>::value;

// Built once, at compile time: visiting a table built on each call copied its rows every time
// (most of reading a budget line from a file).
template <class Record>
inline constexpr auto kTable = fields_of(static_cast<const Record*>(nullptr));
template <class Record>
constexpr const auto& table() {
  return kTable<Record>;
}
template <class Record>
inline constexpr std::size_t field_count =
    std::tuple_size_v<std::decay_t<decltype(table<Record>())>>;

// Calls `visit(field)` for each field of `Record`'s table, in the table's order.
template <class Record, class Visit>
constexpr void for_each_field(Visit&& visit) {
  std::apply([&](const auto&... f) { (visit(f), ...); }, table<Record>());
}

// The file keys of `Record`'s fields, in the table's order.
template <class Record>
constexpr std::array<const char*, field_count<Record>> file_keys() {
  std::array<const char*, field_count<Record>> keys{};
  std::size_t i = 0;
  for_each_field<Record>([&](const auto& f) { keys[i++] = f.file; });
  return keys;
}

// The row of `member` in its record's table: the field's id, its name in paths, its labels.
struct RowNames {
  const char* id = nullptr;
  const char* path = nullptr;
  const char* nl = nullptr;
  const char* en = nullptr;
  Kind kind = Kind::text;
};
template <class Record, class Value>
constexpr RowNames row_of(Value Record::*member) {
  RowNames names;
  for_each_field<Record>([&](const auto& f) {
    if constexpr (std::is_same_v<typename std::decay_t<decltype(f)>::value_type, Value>)
      if (f.member == member) names = {f.id, f.path, f.nl, f.en, f.kind};
  });
  return names;
}

// Two values equal: records field by field by their tables, optionals and lists of them too.
template <class T>
bool equal(const T& a, const T& b);
template <class T>
bool equal(const std::optional<T>& a, const std::optional<T>& b) {
  return a.has_value() == b.has_value() && (!a || equal(*a, *b));
}
template <class T>
bool equal(const std::vector<T>& a, const std::vector<T>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (!equal(a[i], b[i])) return false;
  return true;
}
template <class T>
bool equal(const T& a, const T& b) {
  if constexpr (has_table_v<T>) {
    bool same = true;
    for_each_field<T>([&](const auto& f) { same = same && equal(f.of(a), f.of(b)); });
    return same;
  } else {
    return a == b;
  }
}

// [SECTION] Every member in a table: a record's member count, counted as the number of values
// it can be brace-initialised from (C++17 has no reflection).
namespace detail {
struct AnyValue {
  template <class T>
  operator T&() const noexcept {  // only named in unevaluated operands: never called
    static T* never = nullptr;
    return *never;
  }
};
template <class T, class Indices, class = void>
struct initialisable_from : std::false_type {};
template <class T, std::size_t... I>
struct initialisable_from<T, std::index_sequence<I...>,
                          std::void_t<decltype(T{(void(I), AnyValue{})...})>> : std::true_type {};
template <class T, std::size_t N = 0>
constexpr std::size_t member_count() {
  if constexpr (initialisable_from<T, std::make_index_sequence<N + 1>>::value)
    return member_count<T, N + 1>();
  else
    return N;
}
}  // namespace detail

#define STO_EVERY_MEMBER_IN_TABLE(R)                         \
  static_assert(detail::member_count<R>() == field_count<R>, \
                #R " has a member without a row in core/model/schema.h")
STO_EVERY_MEMBER_IN_TABLE(Organisation);
STO_EVERY_MEMBER_IN_TABLE(StudentCount);
STO_EVERY_MEMBER_IN_TABLE(YearValue);
STO_EVERY_MEMBER_IN_TABLE(Indicator);
STO_EVERY_MEMBER_IN_TABLE(Goal);
STO_EVERY_MEMBER_IN_TABLE(Investment);
STO_EVERY_MEMBER_IN_TABLE(BudgetLine);
STO_EVERY_MEMBER_IN_TABLE(Activity);
STO_EVERY_MEMBER_IN_TABLE(Region);
STO_EVERY_MEMBER_IN_TABLE(ScenarioOverride);
STO_EVERY_MEMBER_IN_TABLE(Scenario);
STO_EVERY_MEMBER_IN_TABLE(RevisionNode);
STO_EVERY_MEMBER_IN_TABLE(Lineage);
STO_EVERY_MEMBER_IN_TABLE(Plan);
#undef STO_EVERY_MEMBER_IN_TABLE

}  // namespace sto::schema
