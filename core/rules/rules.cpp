// Rule checks; see rules.h. Codes are stable: tests, the CLI and saved reports rely on them.
// Every code's rule, severity, schemes and source (document and the Dutch sentence) and the test
// that covers it are in core/RULES.md, one row per code; a new or changed rule changes that table.
// The codes, each with its severity and where the app shows it: core/rules/finding_codes.cpp.
#include "rules/rules.h"

#include <algorithm>
#include <cstdint>
#include <set>
#include <utility>

#include "model/hash.h"
#include "model/labels.h"
#include "rules/finding_codes.h"

namespace sto {

namespace {

std::string nl_money(Money m) {
  return format_money(m, Language::nl);
}
std::string en_money(Money m) {
  return format_money(m, Language::en);
}

// The severity the finding-code table gives `code`; a code missing from the table is a defect the
// rule tests catch (test_rules.cpp), reported as an error meanwhile.
Severity code_severity(std::string_view code) {
  const FindingCode* row = finding_code(code);
  return row != nullptr ? row->severity : Severity::error;
}

std::string index_path(const char* field, std::size_t i) {
  return std::string(field) + "[" + std::to_string(i) + "]";
}

// A budget line's path and name for messages, built only when a finding needs them.
struct LineText {
  const BudgetLine& line;
  const std::string& activity_path;  // "activities[a]"
  std::size_t index;                 // of the line in its activity
  std::string& buffer;               // reused between lines
  bool built = false;
  const std::string& path() {
    if (!built) {
      buffer.assign(activity_path).append(".lines[").append(std::to_string(index)).append("]");
      built = true;
    }
    return buffer;
  }
  // The description, or the path when there is none.
  const std::string& name() { return line.description.empty() ? path() : line.description; }
};

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}

const char* kind_name(OrganisationKind kind, Language language) {
  const bool nl = language == Language::nl;
  switch (kind) {
    case OrganisationKind::vmbo: return "vmbo";
    case OrganisationKind::vso: return "vso";
    case OrganisationKind::praktijkonderwijs:
      return nl ? "praktijkonderwijs" : "practical education";
    case OrganisationKind::mbo: return "mbo";
    case OrganisationKind::primary: return nl ? "basisschool" : "primary school";
    case OrganisationKind::business: return nl ? "bedrijf" : "business";
    case OrganisationKind::municipality: return nl ? "gemeente" : "municipality";
    case OrganisationKind::other: return nl ? "overig" : "other";
  }
  return "";
}

// Ids seen so far, for duplicates: an open-addressing table of hashes (sorting the ids
// instead was a fifth of analyse() on 10,000 lines). Keeps views of the ids: they must outlive it.
class IdTable {
 public:
  explicit IdTable(std::size_t ids) {
    slots_.reserve(ids);
    ids_.reserve(ids);
  }
  // False when `id` was added before; else adds it.
  bool add(std::string_view id) {
    const auto same = [&](std::size_t i) { return same_text(ids_[i], id); };
    if (slots_.find_or_add(hash_text(id), ids_.size(), same) != HashSlots::npos) return false;
    ids_.push_back(id);
    return true;
  }

 private:
  HashSlots slots_;
  std::vector<std::string_view> ids_;
};

// Investments already seen, for double funding: organisation, description, price and purchase
// date identify one (its one line books every year of its depreciation, engine.h). A hash table (a
// std::map of tuples was a quarter of analyse()).
class InvestmentIndex {
 public:
  using Where = std::pair<std::size_t, std::size_t>;  // activity and line index
  // Where an earlier investment with the same identity is, or nullptr after recording this one at
  // `where`.
  const Where* find_or_add(const BudgetLine& line, Where where) {
    const Investment& inv = line.investment.value();
    const Entry entry{line.organisation_id, line.description, inv.purchase_price.cents,
                      inv.purchase_date, where};
    std::uint64_t hash = hash_text(entry.description, hash_text(entry.organisation));
    hash = hash_mix(hash, static_cast<std::uint64_t>(entry.price));
    hash = hash_mix(hash, static_cast<std::uint64_t>(entry.date.year * 10000 +
                                                     entry.date.month * 100 + entry.date.day));
    const std::size_t found =
        slots_.find_or_add(finish_hash(hash), entries_.size(), [&](std::size_t i) {
          const Entry& other = entries_[i];
          return other.price == entry.price && other.date == entry.date &&
                 same_text(other.organisation, entry.organisation) &&
                 same_text(other.description, entry.description);
        });
    if (found != HashSlots::npos) return &entries_[found].where;
    entries_.push_back(entry);
    return nullptr;
  }

 private:
  struct Entry {
    std::string_view organisation, description;
    std::int64_t price;
    Date date;
    Where where;
  };
  HashSlots slots_;
  std::vector<Entry> entries_;
};

class Checker {
 public:
  Checker(const Plan& plan, const Scheme& scheme, const Evaluation& evaluation)
      : plan_(plan), scheme_(scheme), eval_(evaluation) {
    for (const auto& o : plan_.organisations) organisations_.emplace_back(o.id, &o);
    // Stable: with duplicate ids the first organisation wins, as in a linear search.
    std::stable_sort(organisations_.begin(), organisations_.end(),
                     [](const auto& x, const auto& y) { return x.first < y.first; });
  }

  std::vector<Finding> run() {
    check_money();
    check_partners();
    check_organisations();
    check_student_counts();
    check_goals();
    check_extension();
    check_activities();
    return std::move(out_);
  }

 private:
  const Plan& plan_;
  const Scheme& scheme_;
  const Evaluation& eval_;
  std::vector<Finding> out_;
  std::vector<std::pair<std::string_view, const Organisation*>> organisations_;  // sorted by id

  // A finding with its code's severity (core/rules/finding_codes.h).
  void add(const char* code, std::string path, std::string nl, std::string en) {
    add_as(code, code_severity(code), std::move(path), std::move(nl), std::move(en));
  }
  // A finding of a code whose severity varies by case (FindingCode::varies).
  void add_as(const char* code, Severity severity, std::string path, std::string nl,
              std::string en) {
    out_.push_back(
        Finding{code, severity, std::move(path), LocalizedText{std::move(nl), std::move(en)}});
  }

  const Organisation* organisation(std::string_view id) const {
    auto it =
        std::lower_bound(organisations_.begin(), organisations_.end(), id,
                         [](const auto& entry, std::string_view key) { return entry.first < key; });
    return it != organisations_.end() && it->first == id ? it->second : nullptr;
  }
  // The organisation of the flat-index line `k`: from the evaluation when `known`, else looked up.
  const Organisation* organisation_of_line(const BudgetLine& line, std::size_t k,
                                           bool known) const {
    if (!known) return organisation(line.organisation_id);
    const std::size_t index = eval_.line_organisation[k];
    return index < plan_.organisations.size() ? &plan_.organisations[index] : nullptr;
  }
  bool goal_exists(std::string_view id) const {
    for (const auto& g : plan_.goals)
      if (g.id == id) return true;
    return false;
  }

  void unknown_organisation(const std::string& path, const std::string& id) {
    add("UNKNOWN_ORGANISATION", path, "Verwijst naar een onbekende organisatie '" + id + "'.",
        "Refers to an unknown organisation '" + id + "'.");
  }

  // [SECTION] Money: overflow, maximum, cofinancing
  void check_money() {
    const Evaluation& e = eval_;
    if (e.overflow) {
      add("MONEY_OVERFLOW", e.overflow_path,
          "Een bedrag is te groot om te rekenen; de totalen kloppen niet. Controleer prijs en "
          "aantal.",
          "An amount is too large to compute; the totals are invalid. Check price and quantity.");
    }
    const Money subsidy = e.total.subsidy;
    const bool luwe = plan_.region.type == RegionType::techniekluwe && scheme_.luwe_cap.cents > 0;
    if (!e.max_known && scheme_.ranked_region(plan_.region.type)) {
      // Not a missing figure: the sources give this region type no maximum of its own.
      add("MAXIMUM_UNKNOWN", "region.type",
          "Het maximum is onbekend: " + e.max_rule.nl +
              ". Gebruik het toegekende bedrag als u dat kent; STO Planner toetst de subsidie niet "
              "aan een maximum.",
          "The maximum is unknown: " + e.max_rule.en +
              ". Use the granted amount if you know it; STO Planner does not check the subsidy "
              "against a maximum.");
    } else if (!e.max_known) {
      std::string path = "region.fixed_maximum", nl, en;
      switch (scheme_.allocation) {
        case AllocationMode::per_student:
          path = "student_counts";
          nl = "Er zijn geen meetellende leerlingen ingevuld; het maximum is daarom onbekend.";
          en = "No counted students are entered, so the maximum subsidy is unknown.";
          break;
        case AllocationMode::previous_grant_share:
          path = "region.previous_grant";
          nl = "Vul het toegekende bedrag 2020-2023 in; het maximum is daarom nog onbekend.";
          en = "Enter the 2020-2023 grant; until then the maximum subsidy is unknown.";
          break;
        case AllocationMode::fixed_table:
          nl = "Vul het maximumbedrag uit de bijlage van de regeling in; het maximum is daarom nog "
               "onbekend.";
          en = "Enter the maximum from the scheme's annex table; until then the maximum subsidy is "
               "unknown.";
          break;
      }
      add("MAXIMUM_UNKNOWN", path, nl, en);
    }
    if (luwe && subsidy > scheme_.luwe_cap) {
      add("LUWE_ABOVE_CAP", "region.type",
          "Een techniekluwe mag ten hoogste " + nl_money(scheme_.luwe_cap) +
              " aanvragen; gevraagd is " + nl_money(subsidy) + ".",
          "A techniekluwe region may request at most " + en_money(scheme_.luwe_cap) +
              "; the plan requests " + en_money(subsidy) + ".");
    } else if (e.max_known && subsidy > e.max_subsidy) {
      const Money over = checked_sub(subsidy, e.max_subsidy).value_or(Money{});
      add("SUBSIDY_ABOVE_MAXIMUM", "region",
          "De gevraagde subsidie " + nl_money(subsidy) + " is " + nl_money(over) +
              " hoger dan het maximum " + nl_money(e.max_subsidy) + " (" + e.max_rule.nl + ").",
          "The requested subsidy " + en_money(subsidy) + " is " + en_money(over) +
              " above the maximum " + en_money(e.max_subsidy) + " (" + e.max_rule.en + ").");
    }
    if (!scheme_.submission_rounds.empty() && !plan_.submission_round.empty() &&
        !scheme_.submission_round(plan_.submission_round)) {
      add("SUBMISSION_ROUND_UNKNOWN", "submission_round",
          "De regeling kent geen indieningsronde '" + plan_.submission_round +
              "'; de standaardronde (" + scheme_.submission_round("")->id + ") wordt gebruikt.",
          "The scheme has no submission round '" + plan_.submission_round +
              "'; the default round (" + scheme_.submission_round("")->id + ") is used.");
    }
    // An option or base the scheme does not (or no longer) offer: the plan keeps loading and is
    // evaluated with the scheme's own; choosing again in Instellingen clears this.
    const CofinancingOption* standard = scheme_.cofinancing_option("");
    if (!plan_.cofinancing_option.empty() &&
        !scheme_.cofinancing_option(plan_.cofinancing_option) && standard != nullptr) {
      add("COFIN_OPTION_UNKNOWN", "cofinancing_option",
          "De regeling kent geen cofinancieringsoptie '" + plan_.cofinancing_option +
              "' (meer); gerekend wordt met " + standard->name.nl +
              ". Kies de optie in Instellingen om deze melding op te lossen.",
          "The scheme has no (longer a) cofinancing option '" + plan_.cofinancing_option +
              "'; the figures use " + standard->name.en +
              ". Choose the option in Settings to resolve this.");
    }
    if (plan_.cofinancing_base && !scheme_.offers_cofinancing_base(*plan_.cofinancing_base)) {
      add("COFIN_OPTION_UNKNOWN", "cofinancing_base",
          std::string("De regeling kent geen grondslag '") +
              base_label(*plan_.cofinancing_base, Language::nl) +
              "' voor de cofinanciering (geen bron noemt die); gerekend wordt met '" +
              base_label(scheme_.cofinancing_base, Language::nl) + "'" +
              ". Kies de grondslag in Instellingen om deze melding op te lossen.",
          std::string("The scheme has no cofinancing base '") +
              base_label(*plan_.cofinancing_base, Language::en) +
              "' (no source names it); the figures use '" +
              base_label(scheme_.cofinancing_base, Language::en) + "'" +
              ". Choose the base in Settings to resolve this.");
    }
    const CofinancingCheck& c = e.cofinancing;
    if (!c.met) {
      // Only businesses' cofinancing counts toward the minimum (core/RULES.md).
      const bool costs = c.base == CofinancingBase::total_costs;
      std::string other_nl, other_en;
      if (c.other.cents != 0) {
        other_nl = " Andere cofinanciering (" + nl_money(c.other) +
                   ", niet van bedrijven) telt niet mee voor het minimum, wel als projectkosten.";
        other_en = " Other cofinancing (" + en_money(c.other) +
                   ", not from businesses) does not count toward the minimum; it is still a "
                   "project cost.";
      }
      add("COFIN_BELOW_MINIMUM", "cofinancing",
          "De cofinanciering door bedrijven " + nl_money(c.actual) + " (" +
              cofinancing_percent_text(c, Language::nl) + ") is lager dan het minimum van " +
              format_percent_bp(c.minimum_bp, Language::nl) + " van " +
              (costs ? "de totale kosten " : "de subsidie ") + nl_money(c.base_amount) + ": " +
              nl_money(c.required) + " nodig, " + nl_money(c.shortfall) +
              " tekort (gemeten over de hele periode)." + other_nl,
          "Business cofinancing " + en_money(c.actual) + " (" +
              cofinancing_percent_text(c, Language::en) + ") is below the minimum of " +
              format_percent_bp(c.minimum_bp, Language::en) + " of " +
              (costs ? "total costs " : "the subsidy ") + en_money(c.base_amount) + ": " +
              en_money(c.required) + " required, " + en_money(c.shortfall) +
              " short (measured over the whole period)." + other_en);
    }
  }

  // A vso school under a scheme whose sources name only vmbo schools (core/RULES.md).
  void vso_not_counted(std::size_t i) {
    const Organisation& o = plan_.organisations[i];
    const std::string penvoerder_nl =
        o.penvoerder ? " Als penvoerder telt het bestuur alleen als het ook een vmbo-vestiging in "
                       "de regio heeft."
                     : "";
    const std::string penvoerder_en =
        o.penvoerder ? " As penvoerder its board counts only if it also runs a vmbo-vestiging in "
                       "the region."
                     : "";
    add("VSO_NOT_COUNTED", index_path("organisations", i) + ".kind",
        "'" + o.name +
            "' is vso: de bronnen van deze regeling spreken van vmbo-vestigingen (\"De penvoerder "
            "is het bevoegd gezag van een vmbo-vestiging in een regio\"), dus deze school telt "
            "niet mee als vmbo-school." +
            penvoerder_nl,
        "'" + o.name +
            "' is vso: this scheme's sources speak of vmbo schools (\"De penvoerder is het "
            "bevoegd gezag van een vmbo-vestiging in een regio\"), so this school does not count "
            "as a vmbo school." +
            penvoerder_en);
  }

  // [SECTION] Mandatory partners and the penvoerder
  void check_partners() {
    std::set<std::string> vmbo_brins;
    bool mbo = false, business = false, primary = false;
    std::size_t penvoerders = 0;
    for (std::size_t i = 0; i < plan_.organisations.size(); ++i) {
      const auto& o = plan_.organisations[i];
      if (scheme_.counts_as_vmbo(o.kind) && is_vestiging_brin(o.brin)) vmbo_brins.insert(o.brin);
      if (o.kind == OrganisationKind::vso && !scheme_.counts_as_vmbo(o.kind)) vso_not_counted(i);
      mbo = mbo || o.kind == OrganisationKind::mbo;
      business = business || is_business_for_cofinancing(o);
      primary = primary || o.kind == OrganisationKind::primary;
      if (o.penvoerder) {
        if (++penvoerders == 2)
          add("MULTIPLE_PENVOERDERS", index_path("organisations", i),
              "Er is meer dan een penvoerder; een regio heeft er precies een.",
              "There is more than one penvoerder; a region has exactly one.");
        // A vso penvoerder where vso does not count: a warning (VSO_NOT_COUNTED) above, as its
        // board may also run a vmbo-vestiging.
        if (!scheme_.counts_as_vmbo(o.kind) && o.kind != OrganisationKind::vso)
          add("PENVOERDER_NOT_VMBO", index_path("organisations", i),
              "De penvoerder is het bevoegd gezag van een vmbo-school; '" + o.name + "' is " +
                  kind_name(o.kind, Language::nl) + ".",
              "The penvoerder is the board of a vmbo school; '" + o.name + "' is " +
                  kind_name(o.kind, Language::en) + ".");
      }
    }
    const auto vmbo_count = static_cast<int>(vmbo_brins.size());
    if (vmbo_count < scheme_.min_vmbo_schools)
      add("TOO_FEW_VMBO", "organisations",
          "Er zijn " + std::to_string(vmbo_count) +
              " vmbo-vestigingen met een eigen BRIN van 6 tekens; minimaal " +
              std::to_string(scheme_.min_vmbo_schools) + " nodig.",
          "There are " + std::to_string(vmbo_count) +
              " vmbo schools with their own 6-character BRIN; at least " +
              std::to_string(scheme_.min_vmbo_schools) + " are required.");
    if (scheme_.requires_mbo && !mbo)
      add("NO_MBO", "organisations", "Er doet geen mbo-instelling mee; dat is verplicht.",
          "No mbo institution takes part; one is required.");
    if (scheme_.requires_business && !business)
      add("NO_BUSINESS", "organisations", "Er doen geen bedrijven mee; dat is verplicht.",
          "No businesses take part; they are required.");
    if (scheme_.primary == PartnerRequirement::mandatory && !primary)
      add_as("NO_PRIMARY", Severity::error, "organisations",
             "Er doet geen basisschool mee; in deze regeling is primair onderwijs een verplichte "
             "partner.",
             "No primary school takes part; under this scheme primary education is a mandatory "
             "partner.");
    else if (scheme_.primary == PartnerRequirement::recommended && !primary)
      add_as("NO_PRIMARY", Severity::warning, "organisations",
             "Er doet geen basisschool mee; deze regeling noemt de verbinding met het primair "
             "onderwijs van belang, maar niet verplicht.",
             "No primary school takes part; this scheme calls the link with primary education "
             "important, not mandatory.");
    if (penvoerders == 0)
      add("NO_PENVOERDER", "organisations",
          "Geen penvoerder aangewezen; de penvoerder vraagt aan en legt verantwoording af voor de "
          "regio.",
          "No penvoerder is set; the penvoerder applies and accounts for the whole region.");
  }

  // Reports an empty id or the second use of an id within one list.
  template <class Items, class Path>
  void check_ids(const Items& items, Path path_of, const char* what_nl, const char* what_en) {
    std::set<std::string_view> seen;
    for (std::size_t i = 0; i < items.size(); ++i) {
      const std::string& id = items[i].id;
      if (id.empty()) {
        add("MISSING_ID", path_of(i) + ".id", std::string(what_nl) + " zonder id.",
            std::string(what_en) + " without an id.");
      } else if (!seen.insert(id).second) {
        add("DUPLICATE_ID", path_of(i) + ".id",
            std::string(what_nl) + ": id '" + id + "' komt vaker voor.",
            std::string(what_en) + ": id '" + id + "' is used more than once.");
      }
    }
  }

  // [SECTION] Organisations
  void check_organisations() {
    check_ids(
        plan_.organisations, [](std::size_t i) { return index_path("organisations", i); },
        "Organisatie", "Organisation");
    for (std::size_t i = 0; i < plan_.organisations.size(); ++i) {
      const auto& o = plan_.organisations[i];
      const std::string path = index_path("organisations", i);
      BrinCheck brin = check_brin(o.brin, o.kind, o.name, scheme_);
      if (brin.code == "BRIN_FORMAT")
        add("BRIN_FORMAT", path + ".brin", std::move(brin.message.nl), std::move(brin.message.en));
      else if (brin.code == "VMBO_WITHOUT_BRIN")
        add("VMBO_WITHOUT_BRIN", path + ".brin", std::move(brin.message.nl),
            std::move(brin.message.en));
    }
  }

  // [SECTION] Student counts
  void check_student_counts() {
    for (std::size_t i = 0; i < plan_.student_counts.size(); ++i) {
      const auto& c = plan_.student_counts[i];
      const std::string path = index_path("student_counts", i);
      if (!organisation(c.organisation_id))
        unknown_organisation(path + ".organisation_id", c.organisation_id);
      if (c.students < 0)
        add("STUDENT_COUNT_NEGATIVE", path + ".students",
            "Een leerlingaantal kan niet negatief zijn.", "A student count cannot be negative.");
      if (scheme_.allocation == AllocationMode::per_student && c.count_date.is_set() &&
          !(c.count_date == scheme_.count_date))
        add("STUDENT_COUNT_DATE", path + ".count_date",
            "Teldatum " + format_iso_date(c.count_date) +
                " wijkt af van de teldatum van de regeling (" +
                format_iso_date(scheme_.count_date) + ").",
            "Count date " + format_iso_date(c.count_date) +
                " differs from the scheme's count date (" + format_iso_date(scheme_.count_date) +
                ").");
    }
  }

  // True when `text` contains `word` (ASCII letters compared without case).
  static bool contains_word(std::string_view text, std::string_view word) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
    for (std::size_t i = 0; i + word.size() <= text.size(); ++i) {
      std::size_t k = 0;
      while (k < word.size() && lower(text[i + k]) == word[k]) ++k;
      if (k == word.size()) return true;
    }
    return false;
  }

  // True when `text` holds nothing but spaces, tabs and line breaks.
  static bool is_blank(std::string_view text) {
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
  }

  // [SECTION] The 2024 extension's required parts (core/RULES.md)
  void check_extension() {
    if (scheme_.requires_extension_texts) {
      if (is_blank(plan_.changes_since_original_plan))
        add("EXTENSION_CHANGES_MISSING", "changes_since_original_plan",
            "De beschrijving van de wijzigingen ten opzichte van het oorspronkelijke "
            "activiteitenplan (met de regionale arbeidsmarkt en de gemaakte keuzes) is leeg. De "
            "aanvraag 2024 moet haar bevatten.",
            "The description of the changes since the original activity plan (with the regional "
            "labour market and the choices made) is empty. The 2024 request must contain it.");
      if (is_blank(plan_.earlier_grant_activities))
        add("EARLIER_GRANT_ACTIVITIES_MISSING", "earlier_grant_activities",
            "Het overzicht van de activiteiten die vóór 1 augustus 2024 met de eerder toegekende "
            "subsidie worden uitgevoerd is leeg. De aanvraag 2024 moet het bevatten.",
            "The overview of the activities carried out before 1 August 2024 with the earlier "
            "grant is empty. The 2024 request must contain it.");
    }
    const std::size_t planning = static_cast<std::size_t>(CostCategory::planning);
    if (scheme_.requires_planning_reservation && eval_.by_category[planning].costs.cents <= 0)
      add("PLANNING_RESERVATION_MISSING", "activities",
          "Het plan bevat geen reservering voor het opstellen van het plan voor de volgende "
          "regeling (geen begrotingsregel met kostensoort 'planvorming'). De aanvraag 2024 vraagt "
          "\"een reservering voor het opstellen van een plan voor de aangekondigde "
          "vervolgsubsidie\".",
          "The plan holds no reservation for drafting the plan for the next scheme (no budget line "
          "with cost category 'planning'). The 2024 request requires \"een reservering voor het "
          "opstellen van een plan voor de aangekondigde vervolgsubsidie\" (a reservation for "
          "drafting a plan for the announced follow-up subsidy).");
    if (scheme_.requires_coverage_goal) {
      bool found = false;
      for (const Goal& g : plan_.goals)
        found = found || contains_word(g.theme, "dekking") || contains_word(g.title, "dekking") ||
                contains_word(g.theme, "coverage") || contains_word(g.title, "coverage");
      if (!found)
        add("COVERAGE_GOAL_MISSING", "goals",
            "Geen regionaal doel voor de dekking en kwaliteit van het technisch vmbo (een doel met "
            "'dekking' in thema of titel). De aanvraag 2024 vraagt een regionaal doel voor de "
            "dekking en kwaliteit van het technisch vmbo.",
            "No regional goal on the coverage and quality of technical vmbo (a goal with "
            "'dekking' or 'coverage' in its theme or title). The 2024 request requires a regional "
            "goal on the coverage (\"dekking\") and quality of technical vmbo.");
    }
  }

  // [SECTION] Goals and indicators
  void check_goals() {
    check_ids(
        plan_.goals, [](std::size_t i) { return index_path("goals", i); }, "Doel", "Goal");
    for (std::size_t g = 0; g < plan_.goals.size(); ++g) {
      const auto& goal = plan_.goals[g];
      const std::string path = index_path("goals", g);
      if (goal.indicators.empty())
        add("GOAL_WITHOUT_INDICATOR", path,
            "Doel '" + goal.title +
                "' heeft geen indicator; zonder indicator is de voortgang niet te meten.",
            "Goal '" + goal.title +
                "' has no indicator; without one its progress cannot be measured.");
      for (std::size_t k = 0; k < goal.indicators.size(); ++k) {
        const auto& ind = goal.indicators[k];
        if (ind.targets.empty())
          add("INDICATOR_WITHOUT_TARGET", path + "." + index_path("indicators", k),
              "Indicator '" + ind.name + "' heeft geen streefwaarden per jaar.",
              "Indicator '" + ind.name + "' has no yearly targets.");
      }
    }
  }

  // [SECTION] Activities and budget lines
  void check_activities() {
    check_ids(
        plan_.activities, [](std::size_t i) { return index_path("activities", i); }, "Activiteit",
        "Activity");
    std::size_t line_count = 0;
    for (const auto& act : plan_.activities) line_count += act.lines.size();
    IdTable line_ids(line_count);  // a line id already in it is used again (DUPLICATE_ID)
    InvestmentIndex investments;
    // Each line's organisation as evaluate() found it, when the evaluation is of this plan.
    const bool known_orgs = eval_.line_organisation.size() == line_count;
    std::size_t flat = 0;
    std::string buffer;
    const int first = scheme_.first_year(), last = scheme_.last_spend_year();
    const int last_detailed = scheme_.last_detailed_year(plan_.submission_round);
    for (std::size_t a = 0; a < plan_.activities.size(); ++a) {
      const auto& act = plan_.activities[a];
      const std::string apath = index_path("activities", a);
      if (act.goal_ids.empty())
        add("ACTIVITY_WITHOUT_GOAL", apath + ".goal_ids",
            "Activiteit '" + act.title + "' draagt aan geen enkel doel bij.",
            "Activity '" + act.title + "' does not contribute to any goal.");
      for (std::size_t k = 0; k < act.goal_ids.size(); ++k)
        if (!goal_exists(act.goal_ids[k]))
          add("UNKNOWN_GOAL", apath + "." + index_path("goal_ids", k),
              "Verwijst naar een onbekend doel '" + act.goal_ids[k] + "'.",
              "Refers to an unknown goal '" + act.goal_ids[k] + "'.");
      if (!act.lead_organisation_id.empty() && !organisation(act.lead_organisation_id))
        unknown_organisation(apath + ".lead_organisation_id", act.lead_organisation_id);
      for (std::size_t k = 0; k < act.partner_ids.size(); ++k)
        if (!organisation(act.partner_ids[k]))
          unknown_organisation(apath + "." + index_path("partner_ids", k), act.partner_ids[k]);

      for (std::size_t l = 0; l < act.lines.size(); ++l) {
        const BudgetLine& line = act.lines[l];
        LineText text{line, apath, l, buffer};
        const bool duplicate = !line_ids.add(line.id);
        if (line.id.empty())
          add("MISSING_ID", text.path() + ".id", "Begrotingsregel zonder id.",
              "Budget line without an id.");
        else if (duplicate)
          add("DUPLICATE_ID", text.path() + ".id",
              "Begrotingsregel: id '" + line.id + "' komt vaker voor.",
              "Budget line: id '" + line.id + "' is used more than once.");
        const Organisation* org = organisation_of_line(line, flat++, known_orgs);
        if (!org) unknown_organisation(text.path() + ".organisation_id", line.organisation_id);
        if (line.year < first || line.year > last) {
          const std::string& name = text.name();
          add("LINE_OUTSIDE_PERIOD", text.path() + ".year",
              "'" + name + "' valt in " + std::to_string(line.year) + ", buiten de periode " +
                  std::to_string(first) + "-" + std::to_string(last) + " (uitgeven tot " +
                  format_iso_date(scheme_.spend_deadline) + "); deze kosten tellen niet mee.",
              "'" + name + "' falls in " + std::to_string(line.year) + ", outside the period " +
                  std::to_string(first) + "-" + std::to_string(last) + " (spending until " +
                  format_iso_date(scheme_.spend_deadline) + "); these costs do not count.");
        }
        if (line.funding != FundingSource::subsidy && line.funding != FundingSource::own && org &&
            !is_business_for_cofinancing(*org))
          add("COFIN_NOT_FROM_BUSINESS", text.path() + ".funding",
              "Alleen cofinanciering van bedrijven telt mee voor het minimum; '" + org->name +
                  "' is " + kind_name(org->kind, Language::nl) +
                  " en telt niet als bedrijf. Deze regel blijft projectkosten. Oefent de "
                  "organisatie economische activiteiten uit, zet dan 'telt als bedrijf voor de "
                  "cofinanciering' aan.",
              "Only cofinancing from businesses counts toward the minimum; '" + org->name +
                  "' is " + kind_name(org->kind, Language::en) +
                  " and does not count as a business. This line remains a project cost. If the "
                  "organisation carries out economic activities, switch on 'counts as a business "
                  "for cofinancing'.");
        if (!line.other_funding.empty()) {
          const std::string& name = text.name();
          add("DOUBLE_FUNDING", text.path() + ".other_funding",
              "'" + name + "' wordt ook betaald uit '" + line.other_funding +
                  "'; dubbele financiering is niet toegestaan.",
              "'" + name + "' is also paid from '" + line.other_funding +
                  "'; double funding is not allowed.");
        }
        if (line.investment) {
          check_investment(line, a, text, investments);
        } else {
          if (line.price.cents < 0 || line.quantity_milli < 0) {
            const std::string& name = text.name();
            add("NEGATIVE_AMOUNT", text.path() + (line.price.cents < 0 ? ".price" : ".quantity"),
                "'" + name + "' heeft een negatieve prijs of hoeveelheid.",
                "'" + name + "' has a negative price or quantity.");
          } else if (line.price.cents == 0 || line.quantity_milli == 0) {
            const std::string& name = text.name();
            const bool concrete = line.year <= last_detailed;
            const LocalizedText why =
                concrete ? detailed_years_reason(last_detailed) : LocalizedText{".", "."};
            add_as("LINE_WITHOUT_PRICE_OR_QUANTITY", concrete ? Severity::error : Severity::warning,
                   text.path() + (line.price.cents == 0 ? ".price" : ".quantity"),
                   "'" + name + "' heeft geen prijs of hoeveelheid" + why.nl,
                   "'" + name + "' has no price or quantity" + why.en);
          }
        }
      }
    }
  }

  // Why a year through `last_detailed` must be priced, naming the submission round when the
  // scheme has rounds ("indienen voor", core/RULES.md); starts with "; ".
  LocalizedText detailed_years_reason(int last_detailed) const {
    const std::string through = std::to_string(last_detailed);
    const SubmissionRound* round = scheme_.submission_round_in_force(plan_.submission_round);
    if (round == nullptr)
      return {"; de eerste jaren (tot en met " + through +
                  ") moeten concreet begroot zijn (prijs × hoeveelheid).",
              "; the first years (through " + through +
                  ") must be budgeted concretely (price × quantity)."};
    return {"; indienen voor " + round->name.nl + ": de jaren tot en met " + through +
                " moeten concreet begroot zijn (prijs × hoeveelheid).",
            "; submission round " + round->name.en + ": the years through " + through +
                " must be budgeted concretely (price × quantity)."};
  }

  void check_investment(const BudgetLine& line, std::size_t activity, LineText& text,
                        InvestmentIndex& investments) {
    const Investment& inv = line.investment.value();
    const Date& d = inv.purchase_date;
    const bool date_ok = d.year >= 1900 && d.year <= 9999 && d.month >= 1 && d.month <= 12 &&
                         d.day >= 1 && d.day <= days_in_month(d.year, d.month);
    if (inv.purchase_price.cents <= 0 || !date_ok || inv.economic_life_months <= 0 ||
        inv.project_use_bp <= 0 || inv.project_use_bp > 10000) {
      const std::string& name = text.name();
      add("INVESTMENT_INCOMPLETE", text.path() + ".investment",
          "Investering '" + name +
              "' mist aanschafprijs, aanschafdatum, economische levensduur of een projectgebruik "
              "tussen 0 en 100%.",
          "Investment '" + name +
              "' lacks a purchase price, purchase date, economic life or a project use between 0 "
              "and 100%.");
      return;
    }
    // The life ends at the start of month purchase + life; it may not be cut to the project end.
    const std::int64_t end_month =
        static_cast<std::int64_t>(d.year) * 12 + (d.month - 1) + inv.economic_life_months;
    const std::int64_t period_end_month =
        static_cast<std::int64_t>(scheme_.period_end.year) * 12 + scheme_.period_end.month;
    if (end_month <= period_end_month) {
      const std::string& name = text.name();
      add("INVESTMENT_LIFE_SHORTENED", text.path() + ".investment.economic_life_months",
          "De economische levensduur van '" + name + "' (" +
              std::to_string(inv.economic_life_months) +
              " maanden) eindigt binnen de regelingsperiode. Afschrijven gaat over de echte "
              "levensduur, niet "
              "ingekort tot het einde van het project.",
          "The economic life of '" + name + "' (" + std::to_string(inv.economic_life_months) +
              " months) ends within the scheme period. Depreciation follows the real economic "
              "life; it may not be "
              "shortened to the project end.");
    }
    if (depreciation_months_in_period(inv, scheme_) == 0) {
      const std::string& name = text.name();
      const std::string period =
          std::to_string(scheme_.first_year()) + "–" + std::to_string(scheme_.last_spend_year());
      add("INVESTMENT_NO_DEPRECIATION", text.path() + ".investment.purchase_date",
          "Investering '" + name + "' heeft in de periode " + period +
              " geen afschrijving (aangeschaft na de periode, of de levensduur is voorbij voor "
              "de periode begint); deze investering kost het project niets.",
          "Investment '" + name + "' has no depreciation in the period " + period +
              " (bought after the period, or its life ends before the period starts); this "
              "investment costs the project nothing.");
    }
    if (const InvestmentIndex::Where* where =
            investments.find_or_add(line, {activity, text.index})) {
      const std::string& name = text.name();
      const Activity& activity_before = plan_.activities[where->first];
      const BudgetLine& before = activity_before.lines[where->second];
      const std::string earlier = "'" + activity_before.title + "', " + std::to_string(before.year);
      add("DOUBLE_FUNDING", text.path() + ".investment",
          "Investering '" + name + "' staat ook al in de begroting (" + earlier +
              "): één investeringsregel boekt de afschrijving van alle jaren, zo telt zij dubbel.",
          "Investment '" + name + "' is already in the budget (" + earlier +
              "): one investment line books the depreciation of every year, so it counts twice.");
    }
  }
};

}  // namespace

const char* severity_name(Severity severity) {
  switch (severity) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "info";
  }
  return "error";
}

const char* severity_label(Severity severity, Language language) {
  if (language == Language::en) return severity_name(severity);
  switch (severity) {
    case Severity::error: return "fout";
    case Severity::warning: return "waarschuwing";
    case Severity::info: return "info";
  }
  return "fout";
}

std::string severity_count(std::size_t count, Severity severity, Language language) {
  const bool one = count == 1;
  const bool nl = language == Language::nl;
  const char* noun = "info";
  switch (severity) {
    case Severity::error: noun = nl ? (one ? "fout" : "fouten") : (one ? "error" : "errors"); break;
    case Severity::warning:
      noun = nl ? (one ? "waarschuwing" : "waarschuwingen") : (one ? "warning" : "warnings");
      break;
    case Severity::info: break;
  }
  return std::to_string(count) + " " + noun;
}

std::string findings_count(std::size_t count, Language language) {
  const bool one = count == 1;
  const char* noun = language == Language::nl ? (one ? "bevinding" : "bevindingen")
                                              : (one ? "finding" : "findings");
  return std::to_string(count) + " " + noun;
}

bool is_board_brin(std::string_view brin) {
  return brin.size() == 4 && is_digit(brin[0]) && is_digit(brin[1]) && is_upper(brin[2]) &&
         is_upper(brin[3]);
}

bool is_vestiging_brin(std::string_view brin) {
  return brin.size() == 6 && is_board_brin(brin.substr(0, 4)) &&
         (is_digit(brin[4]) || is_upper(brin[4])) && (is_digit(brin[5]) || is_upper(brin[5]));
}

BrinCheck check_brin(std::string_view brin, OrganisationKind kind, const std::string& name,
                     const Scheme& scheme) {
  const std::string text(brin);
  const std::string length = std::to_string(brin.size());
  if (!brin.empty() && !is_vestiging_brin(brin) && !is_board_brin(brin))
    return {"BRIN_FORMAT",
            {"BRIN '" + text + "' (" + length +
                 " tekens) heeft niet de vorm van een vestiging, 6 tekens (twee cijfers, twee "
                 "letters, twee cijfers of letters: 99XA00), of van een bestuur, 4 tekens (99XA).",
             "BRIN '" + text + "' (" + length +
                 " characters) is neither a school's, 6 characters (two digits, two letters, two "
                 "digits or letters: 99XA00), nor a board's, 4 characters (99XA)."}};
  if (scheme.counts_as_vmbo(kind) && !is_vestiging_brin(brin))
    return {"VMBO_WITHOUT_BRIN",
            {"'" + name + "' heeft " +
                 (brin.empty() ? std::string("geen BRIN") : "BRIN '" + text + "' van een bestuur") +
                 "; een vmbo-vestiging telt mee met een eigen vestigings-BRIN van 6 tekens "
                 "(cijfers en letters, zoals 99XA00).",
             "'" + name + "' has " +
                 (brin.empty() ? std::string("no BRIN") : "BRIN '" + text + "', a board's") +
                 "; a vmbo school counts with its own school BRIN of 6 characters (digits and "
                 "letters, such as 99XA00)."}};
  return {};
}

std::vector<Finding> check_plan(const Plan& plan, const Scheme& scheme,
                                const Evaluation& evaluation) {
  return Checker(plan, scheme, evaluation).run();
}

bool has_errors(const std::vector<Finding>& findings) {
  return std::any_of(findings.begin(), findings.end(),
                     [](const Finding& f) { return f.severity == Severity::error; });
}

Analysis analyse(const Plan& plan, const SchemeTable& schemes) {
  Analysis a;
  const Scheme* scheme = schemes.find(plan.scheme_id);
  if (!scheme) {
    a.evaluation.scheme_id = plan.scheme_id;
    a.findings.push_back(Finding{"SCHEME_UNKNOWN",
                                 code_severity("SCHEME_UNKNOWN"),
                                 "scheme_id",
                                 {"Onbekende regeling '" + plan.scheme_id + "'; kies een regeling.",
                                  "Unknown scheme '" + plan.scheme_id + "'; choose a scheme."}});
    return a;
  }
  a.evaluation = evaluate(plan, *scheme);
  a.findings = check_plan(plan, *scheme, a.evaluation);
  return a;
}

}  // namespace sto
