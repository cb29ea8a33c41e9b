// Enum ids (enum_names.h) and labels; see labels.h. Tables are indexed by the enum's value
// (order of plan.h).
#include "model/labels.h"

#include "model/enum_names.h"

namespace sto {

namespace {
using enum_names::to_name;

const char* const kCategoryNl[] = {
    "Intern personeel",    "Extern personeel",        "Inventaris en machines", "Materialen",
    "Professionalisering", "Activiteiten en vervoer", "Projectleiding",         "Overhead",
    "Planvorming"};
const char* const kCategoryEn[] = {
    "Internal staff",       "External staff", "Equipment", "Materials", "Professional development",
    "Events and transport", "Coordination",   "Overhead",  "Planning"};
const char* const kFundingNl[] = {"Subsidie", "Cofinanciering geld", "Cofinanciering natura",
                                  "Eigen bijdrage"};
const char* const kFundingEn[] = {"Subsidy", "Cofinancing cash", "Cofinancing in kind",
                                  "Own contribution"};
const char* const kBaseNl[] = {"totale kosten", "subsidie"};
const char* const kBaseEn[] = {"total costs", "subsidy"};
const char* const kRegionNl[] = {"techniekregio", "techniekluwe", "techniekarme regio"};
const char* const kRegionEn[] = {"technology region", "techniekluwe region",
                                 "low-technology region"};
const char* const kKindNl[] = {"vmbo-vestiging", "vso",     "praktijkonderwijs", "mbo",
                               "basisschool",    "bedrijf", "gemeente",          "overig"};
const char* const kKindEn[] = {
    "vmbo school",    "special secondary", "practical education", "mbo",
    "primary school", "business",          "municipality",        "other"};
}  // namespace

const char* category_id(CostCategory c) {
  return to_name(c, enum_names::cost_category);
}
const char* funding_id(FundingSource f) {
  return to_name(f, enum_names::funding_source);
}
const char* base_id(CofinancingBase b) {
  return to_name(b, enum_names::cofinancing_base);
}
const char* region_type_id(RegionType t) {
  return to_name(t, enum_names::region_type);
}
const char* organisation_kind_id(OrganisationKind k) {
  return to_name(k, enum_names::organisation_kind);
}

const char* category_label(CostCategory c, Language l) {
  return l == Language::nl ? to_name(c, kCategoryNl) : to_name(c, kCategoryEn);
}
const char* funding_label(FundingSource f, Language l) {
  return l == Language::nl ? to_name(f, kFundingNl) : to_name(f, kFundingEn);
}
const char* base_label(CofinancingBase b, Language l) {
  return l == Language::nl ? to_name(b, kBaseNl) : to_name(b, kBaseEn);
}
const char* region_type_label(RegionType t, Language l) {
  return l == Language::nl ? to_name(t, kRegionNl) : to_name(t, kRegionEn);
}
const char* organisation_kind_label(OrganisationKind k, Language l) {
  return l == Language::nl ? to_name(k, kKindNl) : to_name(k, kKindEn);
}

}  // namespace sto
