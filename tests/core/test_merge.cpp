// Merging (core/exchange/merge.h): accepted changes applied as edit commands (one undo step), and
// the three-way merge of two copies of a plan against the version both came from.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "edit/document.h"
#include "exchange/merge.h"
#include "format/file_format.h"
#include "model/plan_equal.h"
#include "sample_plans.h"
#include "test_helpers.h"
#include "test_roundtrip_gen.h"

using namespace sto;

namespace {

// The revision id a merge in these tests gets (tests/cli/diff_merge.sh passes it as --revision).
const std::string kMergeId = "d0d0d0d000000005";

Plan base_plan() {
  Plan p = test::minimal_plan();
  StudentCount c;
  c.organisation_id = "v1";
  c.path = LearningPath::kb;
  c.profile = "PIE";
  c.students = 120;
  p.student_counts.push_back(c);
  Scenario s;
  s.id = "s1";
  s.name = "Krap";
  s.overrides = {{OverrideKind::subsidy_scale, "", 9000, 0}};
  p.scenarios.push_back(s);
  return p;
}

// A second version with changes in every record type, each made where accepting it puts it
// (added records at the end of their list), so accepting everything gives exactly this plan.
Plan changed_plan(const Plan& before) {
  Plan after = before;
  after.title = "Versie 2";
  after.cofinancing_base = CofinancingBase::subsidy;
  after.organisations[3].name = "Techniek BV";
  after.organisations.erase(after.organisations.begin() + 4);
  after.organisations.push_back(test::org("b2", OrganisationKind::business));
  after.student_counts[0].students = 135;
  after.goals[0].title = "Meer meisjes";
  after.goals[0].indicators[0].targets.push_back({2027, 20000});
  Goal goal;
  goal.id = "g2";
  goal.title = "Docenten";
  goal.indicators.push_back({"i9", "Bijgeschoolde docenten", "fte", 0, 0, {}});
  after.goals.push_back(goal);
  after.activities[0].title = "Techniekweek 2025";
  after.activities[0].lines[0].price = Money{5500};
  after.activities[0].lines[0].investment = Investment{Money{900000}, {2025, 3, 1}, 60, 5000};
  after.activities[0].lines.erase(after.activities[0].lines.begin() + 1);
  Activity added;
  added.id = "a2";
  added.title = "Lasstraat";
  added.lead_organisation_id = "b2";
  added.years = {2026};
  added.lines = {test::line("l7", "b2", 2026, 250000, 2000, FundingSource::cofinancing_cash)};
  after.activities.push_back(added);
  after.scenarios[0].name = "Krapper";
  after.scenarios[0].overrides.clear();
  after.scenarios[0].overrides.push_back({OverrideKind::price_index, "", 300, 0});
  return after;
}

}  // namespace

TEST_CASE("accepting every change of a difference gives the other plan", "[merge]") {
  const Plan before = base_plan();
  const Plan after = changed_plan(before);
  const std::vector<RecordChange> changes = diff_records(before, after);
  REQUIRE(changes.size() > 10);
  Plan merged = before;
  const ApplyChangesResult result = apply_changes(merged, changes);
  CHECK(result.refused.empty());
  CHECK(result.applied == changes.size());
  INFO(plan_difference(merged, after));
  CHECK(equal_plans(merged, after));
}

TEST_CASE("accepting changes of random plans leaves no difference", "[merge]") {
  test::Rng rng(2026);
  for (int i = 0; i < 40; ++i) {
    const Plan a = test::random_plan(rng);
    const Plan b = test::random_plan(rng);
    Plan merged = a;
    const ApplyChangesResult result = apply_changes(merged, diff_records(a, b));
    INFO("pair " << i);
    std::string refused;
    for (const RefusedChange& r : result.refused) refused += r.reason.en + "; ";
    INFO("refused: " << refused);
    std::string left;
    for (const RecordChange& c : diff_records(merged, b))
      left += std::string(change_kind_id(c.kind)) + " " + c.key + "; ";
    INFO("left: " << left);
    CHECK(result.refused.empty());
    CHECK(left.empty());
  }
}

TEST_CASE("accepted changes are one undo step in a document", "[merge]") {
  const Plan before = base_plan();
  const Plan after = changed_plan(before);
  Document doc(before);
  const std::vector<RecordChange> changes = diff_records(before, after);
  // As the app does it: the commands worked out first, then executed as one group.
  const ChangeCommands result = changes_to_commands(doc.plan(), changes);
  CHECK(result.refused.empty());
  CHECK(result.applied == changes.size());
  CHECK(equal_plans(doc.plan(), before));  // working them out changes nothing
  doc.begin_group({"Wijzigingen overgenomen", "Changes accepted"});
  for (const Command& c : result.commands) REQUIRE(doc.execute(c).ok());
  doc.end_group();
  CHECK(equal_plans(doc.plan(), after));
  REQUIRE(doc.history().steps().size() == 1);
  CHECK(doc.history().undo_label().nl == "Wijzigingen overgenomen");
  REQUIRE(doc.undo());
  CHECK(equal_plans(doc.plan(), before));
  CHECK(!doc.can_undo());
  REQUIRE(doc.redo());
  CHECK(equal_plans(doc.plan(), after));
}

TEST_CASE("accepting some changes and rejecting others", "[merge]") {
  const Plan before = base_plan();
  Plan after = before;
  after.activities[0].lines[0].price = Money{7000};
  after.activities[0].lines[1].quantity_milli = 1000;
  after.organisations[1].name = "Het Technicum";
  const std::vector<RecordChange> changes = diff_records(before, after);
  REQUIRE(changes.size() == 3);
  std::vector<RecordChange> accepted;
  for (const RecordChange& c : changes)
    if (c.key != "lines/l2") accepted.push_back(c);
  Plan merged = before;
  CHECK(apply_changes(merged, accepted).applied == 2);
  CHECK(merged.activities[0].lines[0].price == Money{7000});
  CHECK(merged.activities[0].lines[1].quantity_milli ==
        before.activities[0].lines[1].quantity_milli);
  CHECK(merged.organisations[1].name == "Het Technicum");
}

TEST_CASE("a change whose activity is gone is refused and changes nothing", "[merge]") {
  const Plan before = base_plan();
  Plan after = before;
  after.activities[0].lines.push_back(test::line("l9", "v1", 2026, 100, 1000));
  const std::vector<RecordChange> changes = diff_records(before, after);
  REQUIRE(changes.size() == 1);
  Plan target = before;
  target.activities.clear();
  const Plan untouched = target;
  const ApplyChangesResult result = apply_changes(target, changes);
  CHECK(result.applied == 0);
  REQUIRE(result.refused.size() == 1);
  CHECK(result.refused[0].reason.nl == "De activiteit 'a1' staat niet (meer) in het plan.");
  CHECK(equal_plans(target, untouched));
  // The same change gives no commands, the others still do.
  Plan other = after;
  other.title = "Andere titel";
  const ChangeCommands commands = changes_to_commands(target, diff_records(before, other));
  CHECK(commands.applied == 1);
  REQUIRE(commands.refused.size() == 1);
  REQUIRE(commands.commands.size() == 1);
  CHECK(std::holds_alternative<SetField<&Plan::title>>(commands.commands[0]));
}

TEST_CASE("a change refused halfway leaves no commands of it behind", "[merge]") {
  const Plan before = base_plan();
  Plan after = before;
  after.title = "Nieuw";
  after.activities[0].lines[0].price = Money{7000};
  after.activities[0].lines[0].unit = "dag";
  std::vector<RecordChange> changes = diff_records(before, after);
  REQUIRE(changes.size() == 2);
  // The line's second field (the unit, set after the price) is too long and refused at the
  // command boundary: the price command already applied on the copy must be taken back.
  for (RecordChange& c : changes)
    if (auto* line = std::get_if<LineRecord>(&c.after)) line->line.unit = std::string(20000, 'x');
  const ChangeCommands result = changes_to_commands(before, changes);
  CHECK(result.applied == 1);
  REQUIRE(result.refused.size() == 1);
  REQUIRE(result.commands.size() == 1);
  CHECK(std::holds_alternative<SetField<&Plan::title>>(result.commands[0]));
}

TEST_CASE("three-way: changes on both sides that do not overlap are merged", "[merge]") {
  const Plan base = base_plan();
  Plan ours = base;
  ours.activities[0].lines[0].price = Money{5200};  // l1 price
  ours.organisations[3].name = "Techniek BV";
  Plan theirs = base;
  theirs.activities[0].lines[0].quantity_milli = 80000;  // l1 quantity: another field
  theirs.activities[0].lines.push_back(test::line("l5", "m1", 2026, 4000, 3000));
  theirs.student_counts[0].students = 140;
  theirs.organisations[3].kind = OrganisationKind::other;  // b1: another field than ours

  Plan expected = ours;
  expected.lineage = merged_lineage(ours.lineage, theirs.lineage, kMergeId);
  expected.activities[0].lines[0].quantity_milli = 80000;
  expected.activities[0].lines.push_back(test::line("l5", "m1", 2026, 4000, 3000));
  expected.student_counts[0].students = 140;
  expected.organisations[3].kind = OrganisationKind::other;

  const ThreeWayMerge proposal = three_way(base, ours, theirs);
  CHECK(proposal.conflicts.empty());
  CHECK(proposal.ready.size() == 4);
  const MergeResult result = merge_plans(base, ours, theirs, MergePreference::none, kMergeId);
  REQUIRE(result.merged);
  CHECK(result.refused.empty());
  INFO(plan_difference(result.plan, expected));
  CHECK(equal_plans(result.plan, expected));
  const LoadResult reloaded = load_plan(save_plan(result.plan));
  REQUIRE(reloaded.ok());
  CHECK(equal_plans(reloaded.plan, expected));
}

TEST_CASE("three-way: the same field changed differently is a conflict", "[merge]") {
  const Plan base = base_plan();
  Plan ours = base;
  ours.activities[0].lines[0].price = Money{5200};
  Plan theirs = base;
  theirs.activities[0].lines[0].price = Money{6100};
  theirs.student_counts[0].students = 140;  // no conflict

  const MergeResult result = merge_plans(base, ours, theirs, MergePreference::none, kMergeId);
  CHECK(!result.merged);
  CHECK(equal_plans(result.plan, ours));  // nothing applied
  REQUIRE(result.proposal.conflicts.size() == 1);
  const MergeConflict& c = result.proposal.conflicts[0];
  CHECK(c.key == "lines/l1");
  CHECK(c.field.nl == "prijs");
  CHECK(c.base.nl == "€ 50,00");
  CHECK(c.ours.nl == "€ 52,00");
  CHECK(c.theirs.nl == "€ 61,00");
  CHECK(conflicts_text(result.proposal.conflicts, Language::nl) ==
        "Regel 'Regel l1' 2025 in activiteit 'Techniekweek' › prijs\n"
        "  basis:          € 50,00\n"
        "  eigen versie:   € 52,00\n"
        "  andere versie:  € 61,00\n");

  const MergeResult keep_ours = merge_plans(base, ours, theirs, MergePreference::ours, kMergeId);
  REQUIRE(keep_ours.merged);
  CHECK(keep_ours.plan.activities[0].lines[0].price == Money{5200});
  CHECK(keep_ours.plan.student_counts[0].students == 140);
  const MergeResult take_theirs =
      merge_plans(base, ours, theirs, MergePreference::theirs, kMergeId);
  REQUIRE(take_theirs.merged);
  CHECK(take_theirs.plan.activities[0].lines[0].price == Money{6100});
  CHECK(take_theirs.plan.student_counts[0].students == 140);
  CHECK(load_plan(save_plan(take_theirs.plan)).ok());
}

TEST_CASE("three-way: removed on one side and changed on the other is a conflict", "[merge]") {
  const Plan base = base_plan();
  Plan ours = base;
  ours.organisations[3].name = "Techniek BV";                        // b1 changed
  ours.activities[0].lines.erase(ours.activities[0].lines.begin());  // l1 removed
  Plan theirs = base;
  theirs.organisations[3].brin = "";
  theirs.organisations[3].name = "Bedrijf";          // b1 changed differently: a field conflict
  theirs.activities[0].lines[0].price = Money{100};  // l1 changed

  const ThreeWayMerge m = three_way(base, ours, theirs);
  REQUIRE(m.conflicts.size() == 2);
  CHECK(m.conflicts[0].key == "organisations/b1");
  CHECK(m.conflicts[1].key == "lines/l1");
  CHECK(m.conflicts[1].ours.nl == "(verwijderd)");
  CHECK(m.conflicts[1].theirs.nl == "(gewijzigd)");
  const MergeResult theirs_wins =
      merge_plans(base, ours, theirs, MergePreference::theirs, kMergeId);
  REQUIRE(theirs_wins.merged);
  CHECK(theirs_wins.refused.empty());
  CHECK(theirs_wins.plan.organisations[3].name == "Bedrijf");
  const Activity& a = theirs_wins.plan.activities[0];
  REQUIRE(a.lines.size() == 2);
  CHECK(a.lines[1].id == "l1");  // added back, at the end
  CHECK(a.lines[1].price == Money{100});
}

TEST_CASE("three-way: a change both sides made alike is not proposed again", "[merge]") {
  const Plan base = samples::voorbeeldregio();
  Plan ours = base;
  ours.title = "Nieuwe titel";
  Plan theirs = ours;
  const ThreeWayMerge m = three_way(base, ours, theirs);
  CHECK(m.ready.empty());
  CHECK(m.conflicts.empty());
}

// [SECTION] The files of the command-line test (tests/cli/diff_merge.sh, tests/data/merge/)

namespace {

struct MergeFiles {
  Plan base, ours, theirs, theirs_conflict, merged, theirs_round2;
};

// A coordinator's revision 3 of the 2024 sample sent out; ours is the coordinator's own next
// version, theirs the partner's returned copy; theirs_conflict also changed a price ours changed.
MergeFiles merge_files() {
  MergeFiles f;
  f.base = samples::verlenging_2024();
  f.base.is_example = false;
  f.base.lineage = next_lineage(Lineage{}, "b0b0b0b000000003", "verlenging-voorbeeld");
  f.ours = f.base;
  f.ours.lineage = next_lineage(f.base.lineage, "a0a0a0a000000004", "");
  f.ours.activities[0].lines[0].price = Money{5200};
  f.ours.organisations[3].name = "Techniekbedrijf Fictief Holding BV";
  f.theirs = f.base;
  f.theirs.lineage = next_lineage(f.base.lineage, "c0c0c0c000000004", "");
  f.theirs.activities[0].lines[1].price = Money{42000000};
  f.theirs.activities[0].lines.push_back(test::line("r-partner-1", "vmbo-2", 2024, 7500, 40000,
                                                    FundingSource::subsidy,
                                                    CostCategory::professional_development));
  f.theirs.organisations[1].brin = "99ZB01";
  f.theirs_conflict = f.theirs;
  f.theirs_conflict.activities[0].lines[0].price = Money{5400};
  f.merged = f.ours;
  f.merged.activities[0].lines[1].price = Money{42000000};
  f.merged.activities[0].lines.push_back(f.theirs.activities[0].lines.back());
  f.merged.organisations[1].brin = "99ZB01";
  f.merged.lineage = merged_lineage(f.ours.lineage, f.theirs.lineage, kMergeId);
  // The partner's second round: their copy edited again after sending it.
  f.theirs_round2 = f.theirs;
  f.theirs_round2.lineage = next_lineage(f.theirs.lineage, "c0c0c0c000000006", "");
  f.theirs_round2.organisations[2].name = "Tweede ronde ROC";
  return f;
}

const char* const kMergeFileNames[] = {"base.json",   "ours.json",
                                       "theirs.json", "theirs_conflict.json",
                                       "merged.json", "theirs_round2.json"};

std::vector<const Plan*> merge_file_plans(const MergeFiles& f) {
  return {&f.base, &f.ours, &f.theirs, &f.theirs_conflict, &f.merged, &f.theirs_round2};
}

}  // namespace

// Rewrites tests/data/merge/ from merge_files(): `core_tests "[write-merge-data]"`.
TEST_CASE("write the command-line merge files", "[.][write-merge-data]") {
  const MergeFiles f = merge_files();
  const std::vector<const Plan*> plans = merge_file_plans(f);
  for (std::size_t i = 0; i < plans.size(); ++i) {
    std::ofstream out(std::string(STO_TEST_DATA) + "/merge/" + kMergeFileNames[i],
                      std::ios::binary);
    out << save_plan(*plans[i]);
    REQUIRE(out.good());
  }
}

TEST_CASE("the command-line merge files hold what the test says and merge as expected", "[merge]") {
  const MergeFiles f = merge_files();
  const std::vector<const Plan*> plans = merge_file_plans(f);
  for (std::size_t i = 0; i < plans.size(); ++i) {
    INFO(kMergeFileNames[i]);
    std::ifstream in(std::string(STO_TEST_DATA) + "/merge/" + kMergeFileNames[i], std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    const LoadResult loaded = load_plan(text.str());
    REQUIRE(loaded.ok());
    INFO(plan_difference(loaded.plan, *plans[i]));
    CHECK(equal_plans(loaded.plan, *plans[i]));
  }
  const MergeResult result = merge_plans(f.base, f.ours, f.theirs, MergePreference::none, kMergeId);
  REQUIRE(result.merged);
  INFO(plan_difference(result.plan, f.merged));
  CHECK(equal_plans(result.plan, f.merged));
  CHECK(!merge_plans(f.base, f.ours, f.theirs_conflict, MergePreference::none, kMergeId).merged);
}
