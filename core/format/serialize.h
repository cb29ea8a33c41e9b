// cereal functions for the plan model: named fields only, a class version on every persisted type.
// Kept out of plan.h so the model stays free of serialization. Include only from .cpp files
// that read or write plan files (file_format.cpp, tests).
// Enums are written as lowercase strings and dates as "YYYY-MM-DD" so files stay readable
// and others can produce them (see README "Plan file format").
#pragma once
#include <cereal/cereal.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>
#include <cstdio>
#include <stdexcept>

#include "model/enum_names.h"
#include "model/plan.h"

namespace sto {

// Thrown while reading a file when a value is not one the format allows; caught in file_format.cpp.
struct FormatError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

namespace enum_names {
template <typename Enum, std::size_t N>
Enum from_name(const std::string& text, const char* const (&names)[N], const char* what) {
  Enum value{};
  if (!from_name(std::string_view(text), names, value))
    throw FormatError(std::string("unknown ") + what + " \"" + text + "\"");
  return value;
}
}  // namespace enum_names

#define STO_ENUM_AS_STRING(Enum, table)                                     \
  template <class Archive>                                                  \
  std::string save_minimal(const Archive&, const Enum& value) {             \
    return enum_names::to_name(value, enum_names::table);                   \
  }                                                                         \
  template <class Archive>                                                  \
  void load_minimal(const Archive&, Enum& value, const std::string& text) { \
    value = enum_names::from_name<Enum>(text, enum_names::table, #table);   \
  }

STO_ENUM_AS_STRING(RegionType, region_type)
STO_ENUM_AS_STRING(OrganisationKind, organisation_kind)
STO_ENUM_AS_STRING(BusinessStatus, business_status)
STO_ENUM_AS_STRING(LearningPath, learning_path)
STO_ENUM_AS_STRING(CofinancingBase, cofinancing_base)
STO_ENUM_AS_STRING(FundingSource, funding_source)
STO_ENUM_AS_STRING(CostCategory, cost_category)
STO_ENUM_AS_STRING(OverrideKind, override_kind)
#undef STO_ENUM_AS_STRING

template <class Archive>
std::int64_t save_minimal(const Archive&, const Money& money) {
  return money.cents;
}
template <class Archive>
void load_minimal(const Archive&, Money& money, const std::int64_t& cents) {
  money.cents = cents;
}

// "YYYY-MM-DD", or "" when not set.
std::string date_to_text(const Date& date);
// Reads "YYYY-MM-DD" (digits and dashes exactly there, a real calendar date, years 1900–2200) or
// "" (not set) into `date`; false for anything else.
bool parse_date_text(const std::string& text, Date& date);
// Throws FormatError for anything but a real calendar date or "".
Date date_from_text(const std::string& text);

template <class Archive>
std::string save_minimal(const Archive&, const Date& date) {
  return date_to_text(date);
}
template <class Archive>
void load_minimal(const Archive&, Date& date, const std::string& text) {
  date = date_from_text(text);
}

// Organisation v2 (file format v3) appends "counts_as_business"; older files get "by_kind" from
// migrate.cpp.
template <class Archive>
void serialize(Archive& ar, Organisation& o, const std::uint32_t) {
  ar(cereal::make_nvp("id", o.id), cereal::make_nvp("name", o.name),
     cereal::make_nvp("kind", o.kind), cereal::make_nvp("brin", o.brin),
     cereal::make_nvp("penvoerder", o.penvoerder), cereal::make_nvp("partner", o.partner),
     cereal::make_nvp("counts_as_business", o.counts_as_business));
}

template <class Archive>
void serialize(Archive& ar, StudentCount& s, const std::uint32_t) {
  ar(cereal::make_nvp("organisation_id", s.organisation_id), cereal::make_nvp("path", s.path),
     cereal::make_nvp("profile", s.profile), cereal::make_nvp("count_date", s.count_date),
     cereal::make_nvp("students", s.students));
}

template <class Archive>
void serialize(Archive& ar, YearValue& v, const std::uint32_t) {
  ar(cereal::make_nvp("year", v.year), cereal::make_nvp("value_milli", v.value_milli));
}

template <class Archive>
void serialize(Archive& ar, Indicator& i, const std::uint32_t) {
  ar(cereal::make_nvp("id", i.id), cereal::make_nvp("name", i.name),
     cereal::make_nvp("unit", i.unit), cereal::make_nvp("baseline_year", i.baseline_year),
     cereal::make_nvp("baseline_milli", i.baseline_milli), cereal::make_nvp("targets", i.targets));
}

template <class Archive>
void serialize(Archive& ar, Goal& g, const std::uint32_t) {
  ar(cereal::make_nvp("id", g.id), cereal::make_nvp("title", g.title),
     cereal::make_nvp("theme", g.theme), cereal::make_nvp("indicators", g.indicators));
}

template <class Archive>
void serialize(Archive& ar, Investment& i, const std::uint32_t) {
  ar(cereal::make_nvp("purchase_price_cents", i.purchase_price),
     cereal::make_nvp("purchase_date", i.purchase_date),
     cereal::make_nvp("economic_life_months", i.economic_life_months),
     cereal::make_nvp("project_use_bp", i.project_use_bp));
}

// An investment is written as "is_investment" plus an "investment" object (zeros when absent):
// cereal's JSON archive has no optional fields.
template <class Archive>
void save(Archive& ar, const BudgetLine& l, const std::uint32_t) {
  ar(cereal::make_nvp("id", l.id), cereal::make_nvp("organisation_id", l.organisation_id),
     cereal::make_nvp("year", l.year), cereal::make_nvp("category", l.category),
     cereal::make_nvp("description", l.description), cereal::make_nvp("unit", l.unit),
     cereal::make_nvp("price_cents", l.price), cereal::make_nvp("quantity_milli", l.quantity_milli),
     cereal::make_nvp("funding", l.funding), cereal::make_nvp("other_funding", l.other_funding),
     cereal::make_nvp("is_investment", l.investment.has_value()),
     cereal::make_nvp("investment", l.investment.value_or(Investment{})));
}
// Loading a plan file reads its lines without this function (dom_records.cpp, by schema.h's
// table): a change here, such as a new class version, goes there too.
template <class Archive>
void load(Archive& ar, BudgetLine& l, const std::uint32_t) {
  bool is_investment = false;
  Investment investment;
  ar(cereal::make_nvp("id", l.id), cereal::make_nvp("organisation_id", l.organisation_id),
     cereal::make_nvp("year", l.year), cereal::make_nvp("category", l.category),
     cereal::make_nvp("description", l.description), cereal::make_nvp("unit", l.unit),
     cereal::make_nvp("price_cents", l.price), cereal::make_nvp("quantity_milli", l.quantity_milli),
     cereal::make_nvp("funding", l.funding), cereal::make_nvp("other_funding", l.other_funding),
     cereal::make_nvp("is_investment", is_investment), cereal::make_nvp("investment", investment));
  l.investment = is_investment ? std::optional<Investment>(investment) : std::nullopt;
}

template <class Archive>
void serialize(Archive& ar, Activity& a, const std::uint32_t) {
  ar(cereal::make_nvp("id", a.id), cereal::make_nvp("title", a.title),
     cereal::make_nvp("theme", a.theme),
     cereal::make_nvp("lead_organisation_id", a.lead_organisation_id),
     cereal::make_nvp("partner_ids", a.partner_ids), cereal::make_nvp("goal_ids", a.goal_ids),
     cereal::make_nvp("years", a.years), cereal::make_nvp("lines", a.lines));
}

template <class Archive>
void serialize(Archive& ar, Region& r, const std::uint32_t) {
  ar(cereal::make_nvp("name", r.name), cereal::make_nvp("type", r.type),
     cereal::make_nvp("previous_grant_cents", r.previous_grant),
     cereal::make_nvp("fixed_maximum_cents", r.fixed_maximum));
}

template <class Archive>
void serialize(Archive& ar, ScenarioOverride& o, const std::uint32_t) {
  ar(cereal::make_nvp("kind", o.kind), cereal::make_nvp("target", o.target),
     cereal::make_nvp("value", o.value), cereal::make_nvp("replaces", o.replaces));
}

template <class Archive>
void serialize(Archive& ar, Scenario& s, const std::uint32_t) {
  ar(cereal::make_nvp("id", s.id), cereal::make_nvp("name", s.name),
     cereal::make_nvp("overrides", s.overrides));
}

template <class Archive>
void serialize(Archive& ar, RevisionNode& n, const std::uint32_t) {
  ar(cereal::make_nvp("id", n.id), cereal::make_nvp("parents", n.parents));
}

// Lineage v2 (file format v6): revision ids, their parents and the history of ancestors.
template <class Archive>
void serialize(Archive& ar, Lineage& l, const std::uint32_t) {
  ar(cereal::make_nvp("plan_id", l.plan_id), cereal::make_nvp("revision", l.revision),
     cereal::make_nvp("parents", l.parents), cereal::make_nvp("history", l.history));
}

// Plan v2 (file format v2) appends "scenarios"; v1 files get an empty list from migrate.cpp.
// Plan v3 (file format v4) appends "lineage"; older files get an empty one.
// The fields before and after "activities" are written by two functions of their own, so that
// plan_writer.cpp can write the activities in slices between them.
// Plan v4 (file format v5) adds "submission_round"; older files get "" (the first round).
// Plan v5 (file format v8) adds the 2024 request's "changes_since_original_plan" and
// "earlier_grant_activities" after "notes"; older files get "".
template <class Archive>
void save_plan_head(Archive& ar, const Plan& p) {
  const std::string base =
      p.cofinancing_base ? enum_names::to_name(*p.cofinancing_base, enum_names::cofinancing_base)
                         : "";
  ar(cereal::make_nvp("title", p.title), cereal::make_nvp("is_example", p.is_example),
     cereal::make_nvp("region", p.region), cereal::make_nvp("scheme_id", p.scheme_id),
     cereal::make_nvp("cofinancing_option", p.cofinancing_option),
     cereal::make_nvp("cofinancing_base", base),
     cereal::make_nvp("submission_round", p.submission_round),
     cereal::make_nvp("organisations", p.organisations),
     cereal::make_nvp("student_counts", p.student_counts), cereal::make_nvp("goals", p.goals));
}
template <class Archive>
void save_plan_tail(Archive& ar, const Plan& p) {
  ar(cereal::make_nvp("notes", p.notes),
     cereal::make_nvp("changes_since_original_plan", p.changes_since_original_plan),
     cereal::make_nvp("earlier_grant_activities", p.earlier_grant_activities),
     cereal::make_nvp("scenarios", p.scenarios), cereal::make_nvp("lineage", p.lineage));
}
template <class Archive>
void save(Archive& ar, const Plan& p, const std::uint32_t) {
  save_plan_head(ar, p);
  ar(cereal::make_nvp("activities", p.activities));
  save_plan_tail(ar, p);
}
template <class Archive>
void load(Archive& ar, Plan& p, const std::uint32_t) {
  std::string base;
  ar(cereal::make_nvp("title", p.title), cereal::make_nvp("is_example", p.is_example),
     cereal::make_nvp("region", p.region), cereal::make_nvp("scheme_id", p.scheme_id),
     cereal::make_nvp("cofinancing_option", p.cofinancing_option),
     cereal::make_nvp("cofinancing_base", base),
     cereal::make_nvp("submission_round", p.submission_round),
     cereal::make_nvp("organisations", p.organisations),
     cereal::make_nvp("student_counts", p.student_counts), cereal::make_nvp("goals", p.goals),
     cereal::make_nvp("activities", p.activities), cereal::make_nvp("notes", p.notes),
     cereal::make_nvp("changes_since_original_plan", p.changes_since_original_plan),
     cereal::make_nvp("earlier_grant_activities", p.earlier_grant_activities),
     cereal::make_nvp("scenarios", p.scenarios), cereal::make_nvp("lineage", p.lineage));
  if (base.empty()) {
    p.cofinancing_base.reset();
  } else {
    p.cofinancing_base = enum_names::from_name<CofinancingBase>(base, enum_names::cofinancing_base,
                                                                "cofinancing_base");
  }
}

}  // namespace sto

CEREAL_CLASS_VERSION(sto::Organisation, 2)  // 2: "counts_as_business"
CEREAL_CLASS_VERSION(sto::StudentCount, 1)
CEREAL_CLASS_VERSION(sto::YearValue, 1)
CEREAL_CLASS_VERSION(sto::Indicator, 1)
CEREAL_CLASS_VERSION(sto::Goal, 1)
CEREAL_CLASS_VERSION(sto::Investment, 1)
CEREAL_CLASS_VERSION(sto::BudgetLine, 1)
CEREAL_CLASS_VERSION(sto::Activity, 1)
CEREAL_CLASS_VERSION(sto::Region, 1)
CEREAL_CLASS_VERSION(sto::ScenarioOverride, 1)
CEREAL_CLASS_VERSION(sto::Scenario, 1)
CEREAL_CLASS_VERSION(sto::RevisionNode, 1)
CEREAL_CLASS_VERSION(sto::Lineage, 2)  // 2: revision ids, "parents", "history" (file format v6)
// Plan: 2 "scenarios"; 3 "lineage"; 4 "submission_round"; 5 the 2024 request's texts
CEREAL_CLASS_VERSION(sto::Plan, 5)
