// Enum ids and labels; see labels.h. Tables are indexed by the enum's value (order of plan.h).
#include "labels.h"

#include <cstddef>

namespace sto {

namespace {
template <class Enum, std::size_t N>
const char* pick(Enum value, const char* const (&table)[N]) {
  const auto i = static_cast<std::size_t>(value);
  return i < N ? table[i] : "?";
}
const char* const kCategoryIds[] = {
    "internal_staff", "external_staff", "equipment", "materials", "professional_development",
    "events",         "coordination",   "overhead",  "planning"};
const char* const kCategoryNl[] = {
    "Intern personeel",    "Extern personeel",        "Inventaris en machines", "Materialen",
    "Professionalisering", "Activiteiten en vervoer", "Projectleiding",         "Overhead",
    "Planvorming"};
const char* const kCategoryEn[] = {
    "Internal staff",       "External staff", "Equipment", "Materials", "Professional development",
    "Events and transport", "Coordination",   "Overhead",  "Planning"};
const char* const kFundingIds[] = {"subsidy", "cofinancing_cash", "cofinancing_in_kind", "own"};
const char* const kFundingNl[] = {"Subsidie", "Cofinanciering geld", "Cofinanciering natura",
                                  "Eigen bijdrage"};
const char* const kFundingEn[] = {"Subsidy", "Cofinancing cash", "Cofinancing in kind",
                                  "Own contribution"};
const char* const kBaseIds[] = {"total_costs", "subsidy"};
const char* const kBaseNl[] = {"totale kosten", "subsidie"};
const char* const kBaseEn[] = {"total costs", "subsidy"};
const char* const kRegionIds[] = {"techniekregio", "techniekluwe", "techniekarm"};
const char* const kRegionNl[] = {"techniekregio", "techniekluwe", "techniekarme regio"};
const char* const kRegionEn[] = {"technology region", "techniekluwe region",
                                 "low-technology region"};
const char* const kKindIds[] = {"vmbo",    "vso",      "praktijkonderwijs", "mbo",
                                "primary", "business", "municipality",      "other"};
const char* const kKindNl[] = {"vmbo-vestiging", "vso",     "praktijkonderwijs", "mbo",
                               "basisschool",    "bedrijf", "gemeente",          "overig"};
const char* const kKindEn[] = {
    "vmbo school",    "special secondary", "practical education", "mbo",
    "primary school", "business",          "municipality",        "other"};
}  // namespace

const char* category_id(CostCategory c) {
  return pick(c, kCategoryIds);
}
const char* funding_id(FundingSource f) {
  return pick(f, kFundingIds);
}
const char* base_id(CofinancingBase b) {
  return pick(b, kBaseIds);
}
const char* region_type_id(RegionType t) {
  return pick(t, kRegionIds);
}
const char* organisation_kind_id(OrganisationKind k) {
  return pick(k, kKindIds);
}

const char* category_label(CostCategory c, Language l) {
  return l == Language::nl ? pick(c, kCategoryNl) : pick(c, kCategoryEn);
}
const char* funding_label(FundingSource f, Language l) {
  return l == Language::nl ? pick(f, kFundingNl) : pick(f, kFundingEn);
}
const char* base_label(CofinancingBase b, Language l) {
  return l == Language::nl ? pick(b, kBaseNl) : pick(b, kBaseEn);
}
const char* region_type_label(RegionType t, Language l) {
  return l == Language::nl ? pick(t, kRegionNl) : pick(t, kRegionEn);
}
const char* organisation_kind_label(OrganisationKind k, Language l) {
  return l == Language::nl ? pick(k, kKindNl) : pick(k, kKindEn);
}

}  // namespace sto
