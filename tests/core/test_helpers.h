// Small plans for the core tests: a minimal plan that passes every rule, and line builders.
#pragma once
#include <string>

#include "model/plan.h"

namespace sto::test {

inline Organisation org(std::string id, OrganisationKind kind, std::string brin = {},
                        bool penvoerder = false) {
  Organisation o;
  o.id = id;
  o.name = "Org " + id;
  o.kind = kind;
  o.brin = std::move(brin);
  o.penvoerder = penvoerder;
  return o;
}

inline BudgetLine line(std::string id, std::string organisation, int year, std::int64_t price_cents,
                       std::int64_t quantity_milli, FundingSource funding = FundingSource::subsidy,
                       CostCategory category = CostCategory::internal_staff) {
  BudgetLine l;
  l.id = std::move(id);
  l.organisation_id = std::move(organisation);
  l.year = year;
  l.category = category;
  l.description = "Regel " + l.id;
  l.unit = "uur";
  l.price = Money{price_cents};
  l.quantity_milli = quantity_milli;
  l.funding = funding;
  return l;
}

// A 2025–2028 plan with every mandatory partner, a goal with an indicator and one activity whose
// lines cost € 6.000 (€ 5.000 subsidy, € 1.000 in-kind cofinancing). No findings at all.
inline Plan minimal_plan() {
  Plan p;
  p.title = "Testplan";
  p.scheme_id = "sto-2025-2028";
  p.region.name = "Testregio";
  p.region.fixed_maximum = Money{100000000};  // € 1.000.000
  p.organisations = {
      org("v1", OrganisationKind::vmbo, "99XA00", true),
      org("v2", OrganisationKind::vmbo, "99XB00"), org("m1", OrganisationKind::mbo, "99XC"),
      org("b1", OrganisationKind::business), org("p1", OrganisationKind::primary, "99XD00")};
  Goal g;
  g.id = "g1";
  g.title = "Meer instroom techniek";
  Indicator ind;
  ind.id = "i1";
  ind.name = "Aandeel techniekleerlingen";
  ind.unit = "%";
  ind.baseline_year = 2024;
  ind.baseline_milli = 19000;
  ind.targets = {{2025, 19500}, {2028, 21000}};
  g.indicators.push_back(ind);
  p.goals.push_back(g);
  Activity a;
  a.id = "a1";
  a.title = "Techniekweek";
  a.lead_organisation_id = "v1";
  a.goal_ids = {"g1"};
  a.years = {2025};
  a.lines = {line("l1", "v1", 2025, 5000, 100000),
             line("l2", "b1", 2025, 2000, 50000, FundingSource::cofinancing_in_kind)};
  p.activities.push_back(a);
  return p;
}

}  // namespace sto::test
