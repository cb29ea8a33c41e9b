// stoplan: the command-line tool over the core, for coordinators and tests.
//   stoplan check FILE            findings, one per line; exit 0 ok, 1 rule errors, 2 unreadable
//   stoplan summary FILE [--json] derived figures (JSON: deterministic, see summary_json.h)
//   stoplan export-csv FILE       budget lines as CSV (Dutch: ';' and decimal comma)
//   stoplan combine FILE... [--json] an overview of several plan files with totals
//   stoplan report FILE           a printable, self-contained HTML report
//   stoplan diff A B [--json]     what changed from A to B; exit 0 identical, 1 different
//   stoplan merge BASE OURS THEIRS --output OUT [--prefer ours|theirs]  three-way merge
//   stoplan stamp FILE --output OUT  a new revision of FILE, as a download in the app writes
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "exchange/combine.h"
#include "exchange/csv_export.h"
#include "exchange/diff.h"
#include "exchange/lineage.h"
#include "exchange/merge.h"
#include "exchange/report_html.h"
#include "exchange/summary_json.h"
#include "format/file_format.h"
#include "model/labels.h"
#include "rules/rules.h"

namespace {

using namespace sto;

constexpr int kExitOk = 0, kExitRuleErrors = 1, kExitUnreadable = 2, kExitUsage = 64;

const char* const kHelp =
    "stoplan - STO Planner command-line tool\n"
    "\n"
    "Usage:\n"
    "  stoplan check FILE [--lang nl|en]\n"
    "      Prints every finding as 'SEVERITY CODE path: message'.\n"
    "      Exit 0 without errors, 1 with rule errors, 2 when FILE cannot be read.\n"
    "  stoplan summary FILE [--json] [--lang nl|en]\n"
    "      Totals, maximum, cofinancing and settlement; --json gives one deterministic JSON "
    "object.\n"
    "  stoplan export-csv FILE [--lang nl|en] [--output OUT]\n"
    "      Budget lines as CSV: nl uses ';' and a decimal comma, en ',' and a decimal point.\n"
    "  stoplan combine FILE... [--json] [--lang nl|en]\n"
    "      One row per plan file (region, costs, subsidy, maximum, cofinancing, errors,\n"
    "      warnings, or why it did not load) and the totals. Exit 0 when every file loaded,\n"
    "      2 when one did not.\n"
    "  stoplan report FILE [--base BASE.json] [--lang nl|en] [--output OUT]\n"
    "      A printable HTML report of every section of the plan (no scripts, no external\n"
    "      resources), e.g. stoplan report plan.json > report.html. With --base it opens with\n"
    "      the changes since that version.\n"
    "  stoplan diff A.json B.json [--json] [--lang nl|en]\n"
    "      What changed from A to B, record by record and grouped by section, with the effect\n"
    "      on the key figures and the findings. Exit 0 when identical in content, 1 when\n"
    "      different, 2 when a file cannot be read.\n"
    "  stoplan merge BASE.json OURS.json THEIRS.json --output OUT.json [--prefer ours|theirs]\n"
    "               [--json] [--force]\n"
    "      Adds to OURS what THEIRS changed since BASE (the version both were made from).\n"
    "      The written plan is a new revision made from both OURS and THEIRS. Exit 0 when\n"
    "      merged and written; 1 when the same field was changed differently on both sides:\n"
    "      the conflicts are listed and nothing is written, unless --prefer says which side\n"
    "      wins; 2 when a file cannot be read or written, or when BASE is not an ancestor of\n"
    "      both by their lineage (a wrong base offers changes that undo work; --force merges\n"
    "      anyway). --json reports the changes and conflicts as one JSON object.\n"
    "  stoplan stamp FILE --output OUT.json\n"
    "      Writes FILE as a new revision made from it (a new revision id, FILE's revision as\n"
    "      its parent), as a download in the app does; a plan without a plan id gets one.\n"
    "  --revision ID (merge, stamp) gives the new revision this id (16 digits 0-9 a-f) instead\n"
    "      of a random one, for reproducible scripts.\n"
    "  stoplan --help\n"
    "\n"
    "Messages are Dutch by default; --lang en switches to English.\n";

struct Options {
  std::string command, file, output;
  std::vector<std::string> more_files;  // combine, diff, merge: every FILE after the first
  std::string prefer;                   // merge: "", "ours" or "theirs"
  std::string base;                     // report: the version to list the changes since
  std::string revision;                 // merge, stamp: the new revision's id ("" = random)
  bool json = false;
  bool force = false;  // merge: also with a base that is not an ancestor of both
  Language language = Language::nl;
};

bool read_file(const std::string& path, std::string& out, std::string& reason) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    reason = std::strerror(errno);
    return false;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) {
    reason = "read error";
    return false;
  }
  out = buffer.str();
  return true;
}

// Loads `file`; on failure prints the reason and returns false (exit code 2).
bool load_file(const std::string& file, Language language, Plan& plan) {
  const bool nl = language == Language::nl;
  std::string text, reason;
  if (!read_file(file, text, reason)) {
    std::cerr << "stoplan: " << (nl ? "kan bestand niet lezen: " : "cannot read file: ") << file
              << ": " << reason << "\n";
    return false;
  }
  LoadResult loaded = load_plan(text);
  if (!loaded.ok()) {
    std::cerr << "stoplan: " << file << ": " << loaded.error.in(language) << "\n";
    return false;
  }
  plan = std::move(loaded.plan);
  return true;
}
bool load(const Options& o, Plan& plan) {
  return load_file(o.file, o.language, plan);
}

// Writes `text` to `path`; on failure prints the reason and returns false (exit code 2).
bool write_text(const std::string& path, const std::string& text, bool nl) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) {
    std::cerr << "stoplan: " << (nl ? "kan niet schrijven: " : "cannot write ") << path << ": "
              << std::strerror(errno) << "\n";
    return false;
  }
  return true;
}

std::string new_revision_id(const Options& o) {
  return o.revision.empty() ? random_revision_id() : o.revision;
}

// True when `base` is an ancestor of both sides by their lineage; otherwise says why and which
// revision would be the base.
bool base_is_common_ancestor(const Lineage& base, const Lineage& ours, const Lineage& theirs,
                             bool nl) {
  const bool same_plan =
      !base.plan_id.empty() && base.plan_id == ours.plan_id && base.plan_id == theirs.plan_id;
  if (same_plan && descends_from(ours, base.revision) && descends_from(theirs, base.revision))
    return true;
  std::cerr << "stoplan: "
            << (nl ? "BASE is volgens de herkomst (lineage) van de bestanden geen versie waarvan "
                     "zowel OURS als THEIRS is afgeleid; samenvoegen tegen die basis zou "
                     "wijzigingen aanbieden die eigen werk ongedaan maken. Niets geschreven."
                   : "by the files' lineage BASE is not a version both OURS and THEIRS were made "
                     "from; merging against it would offer changes that undo work. Nothing "
                     "written.");
  const std::vector<std::string> common = common_ancestors(ours, theirs);
  if (!common.empty())
    std::cerr << (nl ? " De laatste gemeenschappelijke versie is revisie "
                     : " The latest common version is revision ")
              << short_revision_id(common.front()) << ".";
  std::cerr << (nl ? " Met --force toch samenvoegen." : " Use --force to merge anyway.") << "\n";
  return false;
}

int run_check(const Options& o) {
  Plan plan;
  if (!load(o, plan)) return kExitUnreadable;
  const Analysis a = analyse(plan);
  std::size_t errors = 0, warnings = 0;
  for (const Finding& f : a.findings) {
    std::string severity = severity_name(f.severity);
    for (char& c : severity) c = static_cast<char>(c - 'a' + 'A');
    std::cout << severity << ' ' << f.code << ' ' << (f.path.empty() ? "plan" : f.path) << ": "
              << f.message.in(o.language) << "\n";
    if (f.severity == Severity::error) ++errors;
    if (f.severity == Severity::warning) ++warnings;
  }
  std::cerr << o.file << ": " << severity_count(errors, Severity::error, o.language) << ", "
            << severity_count(warnings, Severity::warning, o.language) << "\n";
  return errors > 0 ? kExitRuleErrors : kExitOk;
}

void print_summary_text(const Plan& plan, const Analysis& a, Language l) {
  const Evaluation& e = a.evaluation;
  const bool nl = l == Language::nl;
  auto money = [&](Money m) { return format_money(m, l); };
  std::cout << plan.title << " (" << plan.scheme_id << ")\n";
  if (!e.scheme_found) return;
  std::cout << (nl ? "Maximale subsidie:   " : "Maximum subsidy:     ")
            << (e.max_known ? money(e.max_subsidy) : std::string(nl ? "onbekend" : "unknown"))
            << "  (" << e.max_rule.in(l) << ")\n";
  std::cout << (nl ? "Totale kosten:       " : "Total costs:         ") << money(e.total.costs)
            << "\n";
  std::cout << (nl ? "Subsidie:            " : "Subsidy:             ") << money(e.total.subsidy)
            << "\n";
  std::cout << (nl ? "Cofinanciering:      " : "Cofinancing:         ")
            << money(e.total.cofinancing) << "\n";
  std::cout << (nl ? "  door bedrijven:    " : "  from businesses:   ")
            << money(e.cofinancing.business) << " (" << cofinancing_percent_text(e.cofinancing, l)
            << (nl ? " van " : " of ") << base_label(e.cofinancing.base, l) << ", minimum "
            << format_percent_bp(e.cofinancing.minimum_bp, l) << " = "
            << money(e.cofinancing.required) << ")\n";
  std::cout << (nl ? "  overig:            " : "  other:             ")
            << money(e.cofinancing.other)
            << (nl ? " (telt niet mee voor het minimum, wel projectkosten)\n"
                   : " (does not count toward the minimum; still project costs)\n");
  std::cout << (nl ? "Eigen bijdrage:      " : "Own contribution:    ") << money(e.total.own)
            << "\n";
  for (std::size_t y = 0; y < e.by_year.size(); ++y)
    std::cout << "  " << e.first_year + static_cast<int>(y) << ": " << money(e.by_year[y].costs)
              << (nl ? " kosten, " : " costs, ") << money(e.by_year[y].subsidy)
              << (nl ? " subsidie\n" : " subsidy\n");
  std::cout << (nl ? "Vaststelling (schatting): " : "Settlement (estimate): ")
            << money(e.settlement.allowed) << "\n  " << e.settlement.rule.in(l) << "\n";
  std::cout << findings_count(a.findings.size(), l) << "\n";
}

int run_summary(const Options& o) {
  Plan plan;
  if (!load(o, plan)) return kExitUnreadable;
  const Analysis a = analyse(plan);
  if (o.json)
    std::cout << summary_json(plan, a, o.language) << "\n";
  else
    print_summary_text(plan, a, o.language);
  return kExitOk;
}

int run_export_csv(const Options& o) {
  Plan plan;
  if (!load(o, plan)) return kExitUnreadable;
  const Analysis a = analyse(plan);
  const std::string csv = export_csv(plan, a.evaluation, o.language);
  if (o.output.empty()) {
    std::cout << csv;
    return kExitOk;
  }
  std::ofstream out(o.output, std::ios::binary);
  out << csv;
  if (!out) {
    std::cerr << "stoplan: cannot write " << o.output << ": " << std::strerror(errno) << "\n";
    return kExitUnreadable;
  }
  return kExitOk;
}

int run_report(const Options& o) {
  Plan plan, base;
  if (!load(o, plan)) return kExitUnreadable;
  if (!o.base.empty() && !load_file(o.base, o.language, base)) return kExitUnreadable;
  // The base is named by its revision when the file has one, else by its file name.
  const std::string version =
      base.lineage.revision.empty() ? o.base : short_revision_id(base.lineage.revision);
  const std::string html =
      o.base.empty() ? report_html(plan, analyse(plan), o.language)
                     : report_html(plan, analyse(plan), o.language, ReportBase{&base, version});
  if (o.output.empty()) {
    std::cout << html;
    return kExitOk;
  }
  std::ofstream out(o.output, std::ios::binary);
  out << html;
  if (!out) {
    std::cerr << "stoplan: cannot write " << o.output << ": " << std::strerror(errno) << "\n";
    return kExitUnreadable;
  }
  return kExitOk;
}

int run_combine(const Options& o) {
  std::vector<std::string> names{o.file};
  names.insert(names.end(), o.more_files.begin(), o.more_files.end());
  std::vector<std::string> texts(names.size());
  std::vector<CombineInput> inputs;
  std::vector<std::string> unreadable(names.size());
  for (std::size_t i = 0; i < names.size(); ++i) {
    std::string reason;
    if (!read_file(names[i], texts[i], reason)) {
      unreadable[i] = reason;
      texts[i].clear();
    }
  }
  for (std::size_t i = 0; i < names.size(); ++i) inputs.push_back({names[i], texts[i]});
  CombineResult result = combine_plans(inputs);
  for (std::size_t i = 0; i < names.size(); ++i)
    if (!unreadable[i].empty())
      result.rows[i].load_error = {"kan bestand niet lezen: " + unreadable[i],
                                   "cannot read file: " + unreadable[i]};
  if (o.json)
    std::cout << combine_json(result, o.language) << "\n";
  else
    std::cout << combine_text(result, o.language);
  return result.totals.failed > 0 ? kExitUnreadable : kExitOk;
}

int run_diff(const Options& o) {
  Plan before, after;
  if (!load(o, before) || !load_file(o.more_files[0], o.language, after)) return kExitUnreadable;
  const PlanDiff d = diff_plans(before, after);
  if (o.json)
    std::cout << diff_json(d, o.language) << "\n";
  else
    std::cout << diff_text(d, o.language);
  return d.empty() ? kExitOk : kExitRuleErrors;
}

int run_merge(const Options& o) {
  const bool nl = o.language == Language::nl;
  Plan base, ours, theirs;
  if (!load(o, base) || !load_file(o.more_files[0], o.language, ours) ||
      !load_file(o.more_files[1], o.language, theirs))
    return kExitUnreadable;
  if (!o.force && !base_is_common_ancestor(base.lineage, ours.lineage, theirs.lineage, nl))
    return kExitUnreadable;
  const MergePreference preference = o.prefer == "ours"     ? MergePreference::ours
                                     : o.prefer == "theirs" ? MergePreference::theirs
                                                            : MergePreference::none;
  const MergeResult r = merge_plans(base, ours, theirs, preference, new_revision_id(o));
  const bool written = r.merged && (r.refused.empty() || preference != MergePreference::none);
  if (written && !write_text(o.output, save_plan(r.plan), nl)) return kExitUnreadable;
  if (o.json) {
    std::cout << merge_json(r, written ? o.output : "", base.lineage, ours.lineage, theirs.lineage,
                            o.language)
              << "\n";
    return written ? kExitOk : kExitRuleErrors;
  }
  const std::size_t conflicts = r.proposal.conflicts.size();
  if (conflicts > 0) {
    std::cout << (nl ? "Conflicten (op beide kanten anders gewijzigd):\n"
                     : "Conflicts (changed differently on both sides):\n")
              << conflicts_text(r.proposal.conflicts, o.language);
  }
  for (const RefusedChange& refused : r.refused)
    std::cout << (nl ? "Niet over te nemen: " : "Cannot be applied: ")
              << refused.reason.in(o.language) << "\n";
  if (!written) {
    std::cerr << "stoplan: "
              << (nl ? "niets geschreven; kies met --prefer ours of --prefer theirs welke kant "
                       "wint, of los het op in STO Planner"
                     : "nothing written; choose the side that wins with --prefer ours or "
                       "--prefer theirs, or resolve it in STO Planner")
              << "\n";
    return kExitRuleErrors;
  }
  const std::size_t applied = r.proposal.ready.size() - r.refused.size();
  std::cout << (nl ? "Samengevoegd: " : "Merged: ") << applied
            << (nl ? " wijziging(en) overgenomen" : " change(s) taken over");
  if (conflicts > 0)
    std::cout << ", " << conflicts
              << (nl ? (preference == MergePreference::ours
                            ? " conflict(en): eigen versie behouden"
                            : " conflict(en): andere versie gekozen")
                     : (preference == MergePreference::ours ? " conflict(s): kept ours"
                                                            : " conflict(s): took theirs"));
  std::cout << "; " << (nl ? "geschreven naar " : "written to ") << o.output << "\n";
  return kExitOk;
}

int run_stamp(const Options& o) {
  const bool nl = o.language == Language::nl;
  Plan plan;
  if (!load(o, plan)) return kExitUnreadable;
  const Lineage made_from = plan.lineage;
  plan.lineage = next_lineage(made_from, new_revision_id(o), random_revision_id());
  if (!write_text(o.output, save_plan(plan), nl)) return kExitUnreadable;
  std::cout << (nl ? "Gestempeld als revisie " : "Stamped as revision ")
            << short_revision_id(plan.lineage.revision);
  if (!made_from.revision.empty())
    std::cout << (nl ? ", gemaakt van revisie " : ", made from revision ")
              << short_revision_id(made_from.revision);
  std::cout << "; " << (nl ? "geschreven naar " : "written to ") << o.output << "\n";
  return kExitOk;
}

int usage_error(const std::string& message) {
  std::cerr << "stoplan: " << message << "\n\n" << kHelp;
  return kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  Options o;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--help" || a == "-h") {
      std::cout << kHelp;
      return kExitOk;
    } else if (a == "--json") {
      o.json = true;
    } else if (a == "--force") {
      o.force = true;
    } else if (a == "--lang" || a == "--output" || a == "-o" || a == "--prefer" || a == "--base" ||
               a == "--revision") {
      if (i + 1 >= args.size()) return usage_error(a + " needs a value");
      const std::string& value = args[++i];
      if (a == "--lang") {
        if (value == "nl")
          o.language = Language::nl;
        else if (value == "en")
          o.language = Language::en;
        else
          return usage_error("--lang must be nl or en");
      } else if (a == "--prefer") {
        if (value != "ours" && value != "theirs")
          return usage_error("--prefer must be ours or theirs");
        o.prefer = value;
      } else if (a == "--base") {
        o.base = value;
      } else if (a == "--revision") {
        if (!is_revision_id(value)) return usage_error("--revision must be 16 digits 0-9 a-f");
        o.revision = value;
      } else {
        o.output = value;
      }
    } else if (a.size() > 1 && a[0] == '-') {
      return usage_error("unknown option " + a);
    } else if (o.command.empty()) {
      o.command = a;
    } else if (o.file.empty()) {
      o.file = a;
    } else if (o.command == "combine" || o.command == "diff" || o.command == "merge") {
      o.more_files.push_back(a);
    } else {
      return usage_error("too many arguments");
    }
  }
  if (o.command.empty()) return usage_error("no command given");
  if (o.command != "check" && o.command != "summary" && o.command != "export-csv" &&
      o.command != "combine" && o.command != "report" && o.command != "diff" &&
      o.command != "merge" && o.command != "stamp")
    return usage_error("unknown command " + o.command);
  if (o.file.empty()) return usage_error(o.command + " needs a FILE");
  if (o.command == "diff") {
    if (o.more_files.size() != 1) return usage_error("diff needs two files: A.json B.json");
    return run_diff(o);
  }
  if (o.command == "merge") {
    if (o.more_files.size() != 2)
      return usage_error("merge needs three files: BASE.json OURS.json THEIRS.json");
    if (o.output.empty()) return usage_error("merge needs --output OUT.json");
    return run_merge(o);
  }
  if (o.force) return usage_error("--force is only for merge");
  if (o.command == "stamp") {
    if (o.output.empty()) return usage_error("stamp needs --output OUT.json");
    return run_stamp(o);
  }
  if (!o.revision.empty()) return usage_error("--revision is only for merge and stamp");
  if (!o.prefer.empty()) return usage_error("--prefer is only for merge");
  if (!o.base.empty() && o.command != "report") return usage_error("--base is only for report");
  if (o.command == "check") return run_check(o);
  if (o.command == "summary") return run_summary(o);
  if (o.command == "combine") return run_combine(o);
  if (o.command == "report") return run_report(o);
  return run_export_csv(o);
}
