// The printable HTML report; see report_html.h.
//   [SECTION] Text       escaping, number and date formats, the page's words in two languages
//   [SECTION] Style      the inline stylesheet (screen and print)
//   [SECTION] Sections   one function per section of the report
//   [SECTION] Page       report_html
#include "exchange/report_html.h"

#include <algorithm>
#include <limits>
#include <type_traits>

#include "exchange/diff.h"
#include "format/validate.h"
#include "model/labels.h"
#include "model/schema.h"
#include "model/text.h"
#include "rules/engine.h"
#include "rules/finding_codes.h"
#include "rules/finding_place.h"
#include "rules/scheme.h"

namespace sto {

// [SECTION] Text

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead >= 0x80) {
      const std::size_t size = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
      if (size > 1 && size <= text.size() - i && is_valid_utf8(text.data() + i, size)) {
        out.append(text.data() + i, size);
        i += size;
      } else {
        out += "\xEF\xBF\xBD";  // U+FFFD for a byte that starts no valid character
        ++i;
      }
      continue;
    }
    switch (text[i]) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '\t':
      case '\n': out += text[i]; break;
      default:
        if (lead < 0x20 || lead == 0x7F)
          out += "\xEF\xBF\xBD";
        else
          out += text[i];
    }
    ++i;
  }
  return out;
}

namespace {

struct Words {
  const char* nl;
  const char* en;
};

struct SectionTitle {
  const char* id;
  Words title;
};
const SectionTitle kSectionTitles[] = {
    {"region", {"Regio en regeling", "Region and scheme"}},
    {"partners", {"Partners", "Partners"}},
    {"students", {"Leerlingaantallen", "Student counts"}},
    {"goals", {"Doelen en indicatoren", "Goals and indicators"}},
    {"activities", {"Activiteiten", "Activities"}},
    {"budget", {"Begroting per jaar en kostensoort", "Budget by year and cost category"}},
    {"funding", {"Financiering en cofinanciering", "Funding and cofinancing"}},
    {"maximum",
     {"Maximale subsidie en vaststelling (schatting)",
      "Maximum subsidy and settlement (estimate)"}},
    {"findings", {"Bevindingen", "Findings"}},
    {"notes", {"Notities", "Notes"}},
};

class Page {
 public:
  explicit Page(Language language) : l_(language) {}

  const char* w(const char* nl, const char* en) const { return l_ == Language::nl ? nl : en; }
  Language language() const { return l_; }
  std::string& out() { return out_; }

  Page& raw(std::string_view html) {
    out_ += html;
    return *this;
  }
  Page& text(std::string_view plain) {
    out_ += html_escape(plain);
    return *this;
  }
  // <tag class="…">escaped text</tag>
  Page& element(const char* tag, std::string_view plain, const char* css_class = nullptr) {
    out_ += '<';
    out_ += tag;
    if (css_class) {
      out_ += " class=\"";
      out_ += css_class;
      out_ += '"';
    }
    out_ += '>';
    text(plain);
    out_ += "</";
    out_ += tag;
    out_ += '>';
    return *this;
  }
  Page& cell(std::string_view plain) { return element("td", plain); }
  Page& number(std::string_view plain) { return element("td", plain, "num"); }
  Page& money(Money amount) { return number(format_money(amount, l_)); }
  Page& head(std::string_view plain, bool numeric = false) {
    return element("th", plain, numeric ? "num" : nullptr);
  }

  void begin_section(const char* id) {
    out_ += "<section id=\"";
    out_ += id;
    out_ += "\">\n<h2>";
    text(report_section_title(id, l_));
    out_ += "</h2>\n";
  }
  void end_section() { out_ += "</section>\n"; }
  void empty_note(const char* nl, const char* en) { element("p", w(nl, en), "empty"); }

 private:
  Language l_;
  std::string out_;
};

// Thousandths without needless zeros: 19500 -> "19,5", 42000 -> "42".
std::string milli(std::int64_t value, Language language) {
  return format_trimmed(value, 3, language);
}

std::string whole(std::int64_t value, Language language) {
  return format_fixed(value, 0, language);
}

// "01-10-2024" (nl) or "2024-10-01" (en); "—" when not set.
std::string date_text(Date date, Language language) {
  if (!date.is_set()) return "—";
  if (language == Language::en) return format_iso_date(date);
  auto two = [](int v) { return (v < 10 ? "0" : "") + std::to_string(v); };
  return two(date.day) + "-" + two(date.month) + "-" + std::to_string(date.year);
}

const char* path_label(LearningPath path) {
  switch (path) {
    case LearningPath::bb: return "BB";
    case LearningPath::kb: return "KB";
    case LearningPath::gl: return "GL";
    case LearningPath::tl: return "TL";
  }
  return "?";
}

std::string organisation_name(const Plan& plan, const std::string& id) {
  for (const Organisation& o : plan.organisations)
    if (o.id == id) return o.name.empty() ? id : o.name;
  return id;
}

template <class T, class Title>
std::string joined_names(const std::vector<std::string>& ids, const std::vector<T>& items,
                         Title title) {
  std::string out;
  for (const std::string& id : ids) {
    std::string name = id;
    for (const T& item : items)
      if (item.id == id) name = title(item);
    out += (out.empty() ? "" : ", ") + name;
  }
  return out.empty() ? "—" : out;
}

// [SECTION] Style

// Screen: a readable single column; print: A4, tables kept together where they fit, headings
// never alone at the bottom of a page, table headers repeated on every page.
const char* const kStyle = R"css(
:root { color-scheme: light; }
body { font: 11pt/1.45 "DejaVu Sans", "Segoe UI", Arial, sans-serif; color: #1a1a1a;
       max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6em; margin: 0 0 .2em; }
h2 { font-size: 1.2em; margin: 1.6em 0 .5em; padding-bottom: .2em; border-bottom: 2px solid #2b5797; }
h3 { font-size: 1em; margin: 1em 0 .3em; }
p.sub { margin: 0; color: #555; }
p.example { border: 1px solid #c98a00; background: #fff6dc; padding: .4em .6em; }
p.empty { color: #666; font-style: italic; }
table { border-collapse: collapse; width: 100%; margin: .3em 0 .8em; font-size: .92em; }
th, td { border: 1px solid #bbb; padding: .25em .45em; text-align: left; vertical-align: top; }
th { background: #eef2f8; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.total td, tr.total th { font-weight: bold; background: #f4f4f4; }
dl.facts { display: grid; grid-template-columns: max-content auto; gap: .15em 1.2em; margin: .3em 0; }
dl.facts dt { color: #444; }
dl.facts dd { margin: 0; }
.ok { color: #1c6b2a; }
.miss { color: #a61b1b; font-weight: bold; }
ul.findings { padding-left: 1.2em; }
ul.findings li { margin: .2em 0; }
ul.findings code { font-size: .85em; color: #555; }
ul.findings .where { color: #333; }
ul.findings .source { font-size: .85em; color: #555; }
.sev-error h3 { color: #a61b1b; }
.sev-warning h3 { color: #8a5a00; }
.notes { white-space: pre-wrap; }
footer { margin-top: 2em; color: #666; font-size: .85em; }
p.actions { margin: .6em 0 0; }
p.actions button { font: inherit; padding: .3em 1.1em; cursor: pointer; }
table.lines td:first-child { min-width: 12em; }
td.pq { white-space: nowrap; }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  p.actions { display: none; }
  body { margin: 0; max-width: none; font-size: 9.5pt; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  table, dl.facts, li { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  th { background: #eee !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
)css";

// [SECTION] Sections

void region_section(Page& p, const Plan& plan, const Scheme* scheme) {
  p.begin_section("region");
  const Language l = p.language();
  p.raw("<dl class=\"facts\">\n");
  auto fact = [&](const char* nl, const char* en, std::string_view value) {
    p.element("dt", p.w(nl, en)).element("dd", value).raw("\n");
  };
  fact("Regio", "Region", plan.region.name.empty() ? "—" : plan.region.name);
  fact("Soort regio", "Region type", region_type_label(plan.region.type, l));
  std::string penvoerder;
  for (const Organisation& o : plan.organisations)
    if (o.penvoerder) penvoerder += (penvoerder.empty() ? "" : ", ") + o.name;
  fact("Penvoerder", "Lead applicant", penvoerder.empty() ? "—" : penvoerder);
  if (scheme) {
    fact("Regeling", "Scheme", scheme->name.in(l));
    fact("Periode", "Period",
         date_text(scheme->period_start, l) + " – " + date_text(scheme->period_end, l));
    fact("Uitgeven tot", "Spend by", date_text(scheme->spend_deadline, l));
    if (scheme->regulation_expires.is_set())
      fact("Regeling vervalt (geen bestedingsperiode)",
           "Regulation expires (not a spending period)", date_text(scheme->regulation_expires, l));
    fact("Peildatum leerlingen", "Student count date", date_text(scheme->count_date, l));
  } else {
    fact("Regeling", "Scheme",
         plan.scheme_id + (l == Language::nl ? " (onbekende regeling)" : " (unknown scheme)"));
  }
  if (plan.region.previous_grant.cents != 0)
    fact("Toekenning vorige periode", "Previous grant",
         format_money(plan.region.previous_grant, l));
  if (plan.region.fixed_maximum.cents != 0)
    fact("Bedrag uit de bijlage", "Annex table amount", format_money(plan.region.fixed_maximum, l));
  p.raw("</dl>\n");
  p.end_section();
}

void partners_section(Page& p, const Plan& plan, const Evaluation& e) {
  p.begin_section("partners");
  if (plan.organisations.empty()) {
    p.empty_note("Nog geen organisaties.", "No organisations yet.");
    p.end_section();
    return;
  }
  const Language l = p.language();
  p.raw("<table>\n<thead><tr>");
  p.head(p.w("Organisatie", "Organisation"))
      .head(p.w("Soort", "Kind"))
      .head("BRIN")
      .head(p.w("Rol", "Role"))
      .head(p.w("Kosten", "Costs"), true);
  p.raw("</tr></thead>\n<tbody>\n");
  for (std::size_t i = 0; i < plan.organisations.size(); ++i) {
    const Organisation& o = plan.organisations[i];
    std::string role = o.penvoerder ? p.w("penvoerder", "lead applicant") : "";
    if (o.partner) role += std::string(role.empty() ? "" : ", ") + p.w("partner", "partner");
    p.raw("<tr>")
        .cell(o.name)
        .cell(organisation_kind_label(o.kind, l))
        .cell(o.brin.empty() ? "—" : o.brin)
        .cell(role.empty() ? "—" : role);
    if (i < e.by_organisation.size())
      p.money(e.by_organisation[i].costs);
    else
      p.number("—");
    p.raw("</tr>\n");
  }
  p.raw("</tbody>\n</table>\n");
  p.end_section();
}

void students_section(Page& p, const Plan& plan) {
  p.begin_section("students");
  if (plan.student_counts.empty()) {
    p.empty_note("Geen leerlingaantallen ingevuld.", "No student counts entered.");
    p.end_section();
    return;
  }
  const Language l = p.language();
  p.raw("<table>\n<thead><tr>");
  p.head(p.w("Organisatie", "Organisation"))
      .head(p.w("Leerweg", "Learning path"))
      .head(p.w("Profiel", "Profile"))
      .head(p.w("Peildatum", "Count date"))
      .head(p.w("Leerlingen", "Students"), true);
  p.raw("</tr></thead>\n<tbody>\n");
  std::int64_t total = 0;
  for (const StudentCount& c : plan.student_counts) {
    p.raw("<tr>")
        .cell(organisation_name(plan, c.organisation_id))
        .cell(path_label(c.path))
        .cell(c.profile.empty() ? "—" : c.profile)
        .cell(date_text(c.count_date, l))
        .number(whole(c.students, l))
        .raw("</tr>\n");
    if (c.students > 0 && c.students <= std::numeric_limits<std::int64_t>::max() - total)
      total += c.students;
  }
  p.raw("</tbody>\n<tfoot><tr class=\"total\"><td colspan=\"4\">");
  p.text(p.w("Totaal", "Total")).raw("</td>").number(whole(total, l)).raw("</tr></tfoot>\n");
  p.raw("</table>\n");
  p.end_section();
}

void goals_section(Page& p, const Plan& plan) {
  p.begin_section("goals");
  if (plan.goals.empty()) {
    p.empty_note("Nog geen doelen.", "No goals yet.");
    p.end_section();
    return;
  }
  const Language l = p.language();
  for (const Goal& g : plan.goals) {
    p.raw("<h3>").text(g.title.empty() ? g.id : g.title);
    if (!g.theme.empty()) p.raw(" <span class=\"sub\">(").text(g.theme).raw(")</span>");
    p.raw("</h3>\n");
    if (g.indicators.empty()) {
      p.empty_note("Geen indicator bij dit doel.", "No indicator for this goal.");
      continue;
    }
    // One column per year that any indicator of this goal has a target for, in order.
    std::vector<int> years;
    for (const Indicator& ind : g.indicators)
      for (const YearValue& t : ind.targets)
        if (std::find(years.begin(), years.end(), t.year) == years.end()) years.push_back(t.year);
    std::sort(years.begin(), years.end());
    p.raw("<table>\n<thead><tr>");
    p.head(p.w("Indicator", "Indicator")).head(p.w("Eenheid", "Unit"));
    p.head(p.w("Nulmeting", "Baseline"), true);
    for (int y : years) p.head(p.w("Doel ", "Target ") + std::to_string(y), true);
    p.raw("</tr></thead>\n<tbody>\n");
    for (const Indicator& ind : g.indicators) {
      p.raw("<tr>")
          .cell(ind.name.empty() ? ind.id : ind.name)
          .cell(ind.unit.empty() ? "—" : ind.unit);
      p.number(ind.baseline_year
                   ? milli(ind.baseline_milli, l) + " (" + std::to_string(ind.baseline_year) + ")"
                   : milli(ind.baseline_milli, l));
      for (int y : years) {
        std::string value = "—";
        for (const YearValue& t : ind.targets)
          if (t.year == y) value = milli(t.value_milli, l);
        p.number(value);
      }
      p.raw("</tr>\n");
    }
    p.raw("</tbody>\n</table>\n");
  }
  p.end_section();
}

// The 2024 request's written parts (core/RULES.md), for a scheme that asks for them or a plan that
// has them; "—" marks an empty one, which Controle reports as an error.
void extension_texts(Page& p, const Plan& plan, const Scheme* scheme) {
  if (!(scheme && scheme->requires_extension_texts) && plan.changes_since_original_plan.empty() &&
      plan.earlier_grant_activities.empty())
    return;
  const auto part = [&](const char* nl, const char* en, const std::string& text) {
    p.raw("<h3>").text(p.w(nl, en)).raw("</h3>\n");
    p.element("div", text.empty() ? "—" : text, "notes").raw("\n");
  };
  part("Wijzigingen ten opzichte van het oorspronkelijke activiteitenplan",
       "Changes since the original activity plan", plan.changes_since_original_plan);
  part("Activiteiten vóór 1 augustus 2024 met de eerder toegekende subsidie",
       "Activities before 1 August 2024 with the earlier grant", plan.earlier_grant_activities);
}

// "€ 1.250,00 × 40 uur": a line's price times its quantity; an investment's cost is its
// depreciation (the investments table under the budget shows how).
std::string price_times_quantity(const Page& p, const BudgetLine& line) {
  const Language l = p.language();
  if (line.investment)
    return p.w("investering: afschrijving in de periode", "investment: depreciation in the period");
  std::string text = format_money(line.price, l) + " × " + milli(line.quantity_milli, l);
  if (!line.unit.empty()) text += " " + line.unit;
  return text;
}

// The budget lines of activity `a`: what each costs, for whom, in which year and category, paid
// from which source, as price × quantity; the amounts are the engine's.
void activity_lines(Page& p, const Plan& plan, const Evaluation& e, std::size_t a) {
  const Activity& activity = plan.activities[a];
  const Language l = p.language();
  p.raw("<h3>")
      .text(std::string(p.w("Begrotingsregels: ", "Budget lines: ")) +
            (activity.title.empty() ? activity.id : activity.title))
      .raw("</h3>\n");
  if (activity.lines.empty()) {
    p.empty_note("Geen begrotingsregels.", "No budget lines.");
    return;
  }
  p.raw("<table class=\"lines\">\n<thead><tr>");
  p.head(p.w("Omschrijving", "Description"))
      .head(p.w("Organisatie", "Organisation"))
      .head(p.w("Jaar", "Year"), true)
      .head(p.w("Kostensoort", "Cost category"))
      .head(p.w("Financiering", "Funding"))
      .head(p.w("Prijs × aantal", "Price × quantity"))
      .head(p.w("Bedrag", "Amount"), true);
  p.raw("</tr></thead>\n<tbody>\n");
  const bool counted = a < e.by_activity.size();
  for (std::size_t i = 0; i < activity.lines.size(); ++i) {
    const BudgetLine& line = activity.lines[i];
    p.raw("<tr>")
        .cell(line.description.empty() ? "—" : line.description)
        .cell(line.organisation_id.empty() ? "—" : organisation_name(plan, line.organisation_id))
        .number(std::to_string(line.year))
        .cell(category_label(line.category, l))
        .cell(funding_label(line.funding, l));
    // Price × quantity on one line: a browser would break it at any blank, also after "€".
    p.element("td", price_times_quantity(p, line), line.investment ? nullptr : "pq");
    if (counted)
      p.money(e.cost_of(a, i));
    else
      p.number("—");
    p.raw("</tr>\n");
  }
  p.raw("</tbody>\n<tfoot><tr class=\"total\"><td colspan=\"6\">");
  p.text(p.w("Totaal", "Total")).raw("</td>");
  if (counted)
    p.money(e.by_activity[a].costs);
  else
    p.number("—");
  p.raw("</tr></tfoot>\n</table>\n");
}

void activities_section(Page& p, const Plan& plan, const Scheme* scheme, const Evaluation& e) {
  p.begin_section("activities");
  extension_texts(p, plan, scheme);
  if (plan.activities.empty()) {
    p.empty_note("Nog geen activiteiten.", "No activities yet.");
    p.end_section();
    return;
  }
  p.raw("<table>\n<thead><tr>");
  p.head(p.w("Activiteit", "Activity"))
      .head(p.w("Thema", "Theme"))
      .head(p.w("Trekker", "Lead"))
      .head(p.w("Partners", "Partners"))
      .head(p.w("Doelen", "Goals"))
      .head(p.w("Jaren", "Years"))
      .head(p.w("Regels", "Lines"), true)
      .head(p.w("Kosten", "Costs"), true);
  p.raw("</tr></thead>\n<tbody>\n");
  for (std::size_t i = 0; i < plan.activities.size(); ++i) {
    const Activity& a = plan.activities[i];
    std::string years;
    for (int y : a.years) years += (years.empty() ? "" : ", ") + std::to_string(y);
    p.raw("<tr>")
        .cell(a.title.empty() ? a.id : a.title)
        .cell(a.theme.empty() ? "—" : a.theme)
        .cell(a.lead_organisation_id.empty() ? "—"
                                             : organisation_name(plan, a.lead_organisation_id))
        .cell(joined_names(a.partner_ids, plan.organisations,
                           [](const Organisation& o) { return o.name; }))
        .cell(joined_names(a.goal_ids, plan.goals, [](const Goal& g) { return g.title; }))
        .cell(years.empty() ? "—" : years)
        .number(std::to_string(a.lines.size()));
    if (i < e.by_activity.size())
      p.money(e.by_activity[i].costs);
    else
      p.number("—");
    p.raw("</tr>\n");
  }
  p.raw("</tbody>\n</table>\n");
  for (std::size_t i = 0; i < plan.activities.size(); ++i) activity_lines(p, plan, e, i);
  p.end_section();
}

// Each investment with its purchase, life and project use, and its depreciation per year of the
// period (the engine's schedule): what a grant office checks an investment line against.
void investments_table(Page& p, const Plan& plan, const Evaluation& e) {
  const Language l = p.language();
  bool any = false;
  for (std::size_t a = 0; a < plan.activities.size(); ++a)
    for (std::size_t i = 0; i < plan.activities[a].lines.size(); ++i) {
      const BudgetLine& line = plan.activities[a].lines[i];
      const Money* schedule = e.schedule_of(a, i);
      if (!line.investment || schedule == nullptr) continue;
      if (!any) {
        p.raw("<h3>").text(p.w("Investeringen en hun afschrijving",
                               "Investments and their "
                               "depreciation"));
        p.raw("</h3>\n<table>\n<thead><tr>").head(p.w("Investering", "Investment"));
        // The investment's fields as its table in core/model/schema.h lists them.
        schema::for_each_field<Investment>([&](const auto& f) {
          std::string label = capitalised(p.w(f.nl, f.en));
          if (f.kind == schema::Kind::months) label += p.w(" (maanden)", " (months)");
          p.head(label, f.kind != schema::Kind::date);
        });
        for (int y = 0; y < e.year_count; ++y) p.head(std::to_string(e.first_year + y), true);
        p.head(p.w("Totaal", "Total"), true).raw("</tr></thead>\n<tbody>\n");
        any = true;
      }
      const Investment& inv = *line.investment;
      p.raw("<tr>").cell(line.description + " (" + organisation_name(plan, line.organisation_id) +
                         ")");
      schema::for_each_field<Investment>([&](const auto& f) {
        const auto& value = f.of(inv);
        if constexpr (std::is_same_v<std::decay_t<decltype(value)>, Money>)
          p.money(value);
        else if constexpr (std::is_same_v<std::decay_t<decltype(value)>, Date>)
          p.cell(date_text(value, l));
        else if (f.kind == schema::Kind::basis_points)
          p.number(format_percent_bp(value, l));
        else
          p.number(whole(value, l));
      });
      for (int y = 0; y < e.year_count; ++y) p.money(schedule[y]);
      p.money(e.cost_of(a, i)).raw("</tr>\n");
    }
  if (any) p.raw("</tbody>\n</table>\n");
}

void budget_section(Page& p, const Plan& plan, const Evaluation& e) {
  p.begin_section("budget");
  const Language l = p.language();
  if (!e.scheme_found || e.year_count <= 0) {
    p.empty_note("Geen berekening: de regeling van het plan is onbekend.",
                 "No figures: the plan's scheme is unknown.");
    p.end_section();
    return;
  }
  p.raw("<table>\n<thead><tr>").head(p.w("Kostensoort", "Cost category"));
  for (int y = 0; y < e.year_count; ++y) p.head(std::to_string(e.first_year + y), true);
  p.head(p.w("Totaal", "Total"), true).raw("</tr></thead>\n<tbody>\n");
  for (int c = 0; c < kCategoryCount; ++c) {
    const auto category = static_cast<CostCategory>(c);
    p.raw("<tr>").cell(category_label(category, l));
    for (int y = 0; y < e.year_count; ++y) {
      MoneySum sum;
      for (int f = 0; f < kFundingCount; ++f)
        sum.add(e.cell(e.first_year + y, category, static_cast<FundingSource>(f)));
      if (sum.overflowed())
        p.number("—");
      else
        p.money(sum.total());
    }
    p.money(e.by_category[static_cast<std::size_t>(c)].costs).raw("</tr>\n");
  }
  p.raw("</tbody>\n<tfoot><tr class=\"total\">").cell(p.w("Totaal", "Total"));
  for (int y = 0; y < e.year_count; ++y)
    p.money(static_cast<std::size_t>(y) < e.by_year.size()
                ? e.by_year[static_cast<std::size_t>(y)].costs
                : Money{});
  p.money(e.total.costs).raw("</tr></tfoot>\n</table>\n");
  investments_table(p, plan, e);
  if (e.outside_period.costs.cents != 0) {
    p.raw("<p>")
        .text(p.w("Buiten de periode begroot (telt niet mee): ",
                  "Budgeted outside the period (not counted): "))
        .text(format_money(e.outside_period.costs, l))
        .raw("</p>\n");
  }
  if (e.overflow) {
    p.raw("<p class=\"miss\">")
        .text(p.w("Een som past niet in het bereik van bedragen; de cijfers zijn ongeldig (",
                  "A sum does not fit the range of amounts; the figures are invalid ("))
        .text(e.overflow_path)
        .raw(").</p>\n");
  }
  p.end_section();
}

void funding_section(Page& p, const Evaluation& e) {
  p.begin_section("funding");
  const Language l = p.language();
  if (!e.scheme_found) {
    p.empty_note("Geen berekening: de regeling van het plan is onbekend.",
                 "No figures: the plan's scheme is unknown.");
    p.end_section();
    return;
  }
  p.raw("<table>\n<thead><tr>").head(p.w("Financieringsbron", "Funding source"));
  for (int y = 0; y < e.year_count; ++y) p.head(std::to_string(e.first_year + y), true);
  p.head(p.w("Totaal", "Total"), true).raw("</tr></thead>\n<tbody>\n");
  auto row = [&](FundingSource source, Money Totals::*field) {
    p.raw("<tr>").cell(funding_label(source, l));
    for (const Totals& t : e.by_year) p.money(t.*field);
    p.money(e.total.*field).raw("</tr>\n");
  };
  row(FundingSource::subsidy, &Totals::subsidy);
  row(FundingSource::cofinancing_cash, &Totals::cofinancing_cash);
  row(FundingSource::cofinancing_in_kind, &Totals::cofinancing_in_kind);
  row(FundingSource::own, &Totals::own);
  p.raw("</tbody>\n<tfoot><tr class=\"total\">").cell(p.w("Totale kosten", "Total costs"));
  for (const Totals& t : e.by_year) p.money(t.costs);
  p.money(e.total.costs).raw("</tr></tfoot>\n</table>\n");

  const CofinancingCheck& c = e.cofinancing;
  p.raw("<h3>").text(
      p.w("Cofinanciering over de hele periode", "Cofinancing over the whole period"));
  p.raw("</h3>\n<dl class=\"facts\">\n");
  auto fact = [&](const char* nl, const char* en, const std::string& value) {
    p.element("dt", p.w(nl, en)).element("dd", value).raw("\n");
  };
  fact("Minimum", "Minimum",
       format_percent_bp(c.minimum_bp, l) + p.w(" van de ", " of the ") + base_label(c.base, l));
  fact("Grondslag", "Base",
       std::string(base_label(c.base, l)) + ": " + format_money(c.base_amount, l));
  fact("Vereist", "Required", format_money(c.required, l));
  fact("Door bedrijven (telt mee)", "From businesses (counts)",
       format_money(c.business, l) + " (" + cofinancing_percent_text(c, l) + ")");
  fact("Overige cofinanciering (telt niet mee, wel projectkosten)",
       "Other cofinancing (does not count; still project costs)", format_money(c.other, l));
  p.element("dt", p.w("Oordeel", "Verdict"))
      .raw("<dd class=\"")
      .raw(c.met ? "ok" : "miss")
      .raw("\">");
  if (c.met)
    p.text(p.w("voldoet aan het minimum", "meets the minimum"));
  else
    p.text(p.w("tekort: ", "shortfall: ") + format_money(c.shortfall, l));
  p.raw("</dd>\n</dl>\n");
  p.end_section();
}

void maximum_section(Page& p, const Evaluation& e) {
  p.begin_section("maximum");
  const Language l = p.language();
  if (!e.scheme_found) {
    p.empty_note("Geen berekening: de regeling van het plan is onbekend.",
                 "No figures: the plan's scheme is unknown.");
    p.end_section();
    return;
  }
  p.raw("<dl class=\"facts\">\n");
  auto fact = [&](const char* nl, const char* en, const std::string& value) {
    p.element("dt", p.w(nl, en)).element("dd", value).raw("\n");
  };
  fact("Maximale subsidie", "Maximum subsidy",
       e.max_known ? format_money(e.max_subsidy, l) : p.w("onbekend", "unknown"));
  fact("Berekening", "Computation", e.max_rule.in(l).empty() ? "—" : e.max_rule.in(l));
  fact("Aangevraagde subsidie", "Subsidy requested", format_money(e.settlement.requested, l));
  fact("Korting boven het maximum", "Cut above the maximum",
       format_money(e.settlement.maximum_cut, l));
  fact("Korting voor tekort cofinanciering (schatting)",
       "Cut for the cofinancing shortfall (estimate)",
       format_money(e.settlement.cofinancing_cut, l));
  fact("Vast te stellen subsidie (schatting)", "Subsidy that would be granted (estimate)",
       format_money(e.settlement.allowed, l));
  p.raw("</dl>\n");
  if (!e.settlement.rule.in(l).empty()) p.element("p", e.settlement.rule.in(l), "sub").raw("\n");
  p.end_section();
}

void findings_section(Page& p, const Plan& plan, const std::vector<Finding>& findings) {
  p.begin_section("findings");
  const Language l = p.language();
  if (findings.empty()) {
    p.empty_note("Geen bevindingen: het plan voldoet aan alle controles.",
                 "No findings: the plan passes every check.");
    p.end_section();
    return;
  }
  for (Severity severity : {Severity::error, Severity::warning, Severity::info}) {
    std::size_t count = 0;
    for (const Finding& f : findings) count += f.severity == severity ? 1 : 0;
    if (count == 0) continue;
    p.raw("<div class=\"sev-").raw(severity_name(severity)).raw("\">\n<h3>");
    p.text(capitalised(severity_label(severity, l)) + " (" + std::to_string(count) + ")")
        .raw("</h3>\n<ul class=\"findings\">\n");
    for (const Finding& f : findings) {
      if (f.severity != severity) continue;
      // The message, then its place in the user's words (the internal path as a tooltip) with
      // the code, then the source of the rule.
      p.raw("<li>").text(f.message.in(l)).raw("<br><span class=\"where\" title=\"");
      p.text(f.path).raw("\">").text(finding_place(plan, f.path).in(l));
      p.raw("</span> <code>").text(f.code).raw("</code>");
      const std::string source = source_line(f.code, l);
      if (!source.empty()) p.raw("<br><span class=\"source\">").text(source).raw("</span>");
      p.raw("</li>\n");
    }
    p.raw("</ul>\n</div>\n");
  }
  p.end_section();
}

void changes_section(Page& p, const PlanDiff& d, const std::string& version, Language l) {
  p.raw("<section id=\"changes\">\n<h2>");
  p.text(std::string(p.w("Wijzigingen ten opzichte van versie ", "Changes since version ")) +
         version);
  p.raw("</h2>\n");
  if (d.empty()) p.empty_note("Geen wijzigingen.", "No changes.");
  for (std::size_t s = 0; s < kDiffSectionCount; ++s) {
    const auto section = static_cast<DiffSection>(s);
    bool open = false;
    for (const RecordChange& c : d.changes) {
      if (c.section != section) continue;
      if (!open) p.element("h3", diff_section_label(section, l)).raw("\n<ul class=\"changes\">\n");
      open = true;
      p.raw("<li>").text(change_headline(c).in(l));
      if (!c.fields.empty()) {
        p.raw("<ul>");
        for (const FieldChange& f : c.fields)
          p.raw("<li>")
              .text(f.label.in(l) + ": " + f.before.in(l) + " → " + f.after.in(l))
              .raw("</li>");
        p.raw("</ul>");
      }
      p.raw("</li>\n");
    }
    if (open) p.raw("</ul>\n");
  }
  const DiffEffect& e = d.effect;
  p.raw("<table>\n<thead><tr>");
  p.head(p.w("Kerncijfer", "Key figure")).head(p.w("Was", "Was"), true);
  p.head(p.w("Nu", "Now"), true)
      .head(p.w("Verschil", "Change"), true)
      .raw("</tr></thead>\n<tbody>\n");
  for (const Figure f : {Figure::costs, Figure::subsidy, Figure::maximum,
                         Figure::cofinancing_actual, Figure::cofinancing_percent,
                         Figure::cofinancing_required, Figure::errors, Figure::warnings}) {
    auto shown = [&](std::int64_t value) {
      switch (figure_unit(f)) {
        case FigureUnit::cents: return format_money(Money{value}, l);
        case FigureUnit::basis_points: return format_percent_bp(value, l);
        case FigureUnit::count: break;
      }
      return std::to_string(value);
    };
    std::string name = figure_label(f, l);
    if (f == Figure::cofinancing_percent)  // a percentage says what it is of
      name += std::string(p.w(" (van ", " (of ")) +
              base_label(e.after.evaluation.cofinancing.base, l) + ")";
    const std::int64_t delta = e.after.delta(f).absolute;
    std::string change = delta == 0 ? "—" : std::string(delta > 0 ? "+" : "") + shown(delta);
    if (delta != 0 && figure_unit(f) == FigureUnit::basis_points)
      change = std::string(delta > 0 ? "+" : "") + format_fixed(delta, 2, l) +
               p.w(" procentpunt", " percentage points");
    p.raw("<tr>").cell(name).number(shown(e.before.value(f))).number(shown(e.after.value(f)));
    p.number(change).raw("</tr>\n");
  }
  p.raw("</tbody>\n</table>\n");
  bool any = false;
  for (const ComparedFinding& f : e.after.findings) {
    if (!f.is_new) continue;
    if (!any) p.raw("<ul class=\"findings\">\n");
    any = true;
    p.raw("<li>").text(std::string(p.w("Nieuw: ", "New: ")) + f.finding.message.in(l));
    p.raw("</li>\n");
  }
  for (const Finding& f : e.after.resolved_findings) {
    if (!any) p.raw("<ul class=\"findings\">\n");
    any = true;
    p.raw("<li>").text(std::string(p.w("Opgelost: ", "Resolved: ")) + f.message.in(l));
    p.raw("</li>\n");
  }
  if (any) p.raw("</ul>\n");
  p.raw("</section>\n");
}

void notes_section(Page& p, const Plan& plan) {
  p.begin_section("notes");
  if (plan.notes.empty())
    p.empty_note("Geen notities.", "No notes.");
  else
    p.element("div", plan.notes, "notes").raw("\n");
  p.end_section();
}

}  // namespace

const char* report_section_title(std::string_view id, Language language) {
  for (const SectionTitle& s : kSectionTitles)
    if (id == s.id) return language == Language::nl ? s.title.nl : s.title.en;
  return "";
}

// [SECTION] Page

std::string report_html(const Plan& plan, const Analysis& analysis, Language language) {
  return report_html(plan, analysis, language, ReportBase{});
}

std::string report_html(const Plan& plan, const Analysis& analysis, Language language,
                        const ReportBase& base) {
  const Evaluation& e = analysis.evaluation;
  const Scheme* scheme = builtin_schemes().find(plan.scheme_id);
  Page p(language);
  const std::string title = plan.title.empty() ? p.w("Regioplan", "Regional plan") : plan.title;
  p.raw("<!DOCTYPE html>\n<html lang=\"").raw(language == Language::nl ? "nl" : "en");
  // No scripts, no outside resources: the policy says so to the browser as well.
  p.raw(
      "\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'; img-src data:; script-src '");
  p.raw(kPrintScriptHash)
      .raw(
          "'\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
  p.text(title).raw("</title>\n<style>").raw(kStyle).raw("</style>\n</head>\n<body>\n<header>\n");
  p.element("h1", title).raw("\n");
  p.element("p", plan.region.name + (scheme ? " · " + scheme->name.in(language) : ""), "sub");
  p.raw("\n");
  if (plan.is_example)
    p.element("p", p.w("Dit is een fictief voorbeeldplan.", "This is a fictional example plan."),
              "example")
        .raw("\n");
  p.raw("<p class=\"actions\"><button type=\"button\" id=\"print\">")
      .text(p.w("Afdrukken", "Print"))
      .raw("</button></p>\n</header>\n<main>\n");
  if (base.plan) changes_section(p, diff_plans(*base.plan, plan), base.version, language);
  region_section(p, plan, scheme);
  partners_section(p, plan, e);
  students_section(p, plan);
  goals_section(p, plan);
  activities_section(p, plan, scheme, e);
  budget_section(p, plan, e);
  funding_section(p, e);
  maximum_section(p, e);
  findings_section(p, plan, analysis.findings);
  notes_section(p, plan);
  p.raw("</main>\n<footer>");
  p.text(p.w("Gemaakt met STO Planner ", "Made with STO Planner ")).text(STO_APP_VERSION);
  p.text(p.w(". Bedragen in euro; berekend volgens de regels van de gekozen regeling.",
             ". Amounts in euro; computed under the rules of the chosen scheme."));
  p.raw("</footer>\n<script>").raw(kPrintScript).raw("</script>\n</body>\n</html>\n");
  return std::move(p.out());
}

}  // namespace sto
