// The printable HTML report: every section present, self-contained, plan text escaped.
#include <catch2/catch.hpp>
#include <string>

#include "exchange/report_html.h"
#include "model/labels.h"
#include "rules/rules.h"
#include "sample_plans.h"
#include "test_helpers.h"

using namespace sto;

namespace {

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// No script, frame or embedded element, no linked resource. `text_free` also bans the words
// that hostile plan text may carry harmlessly once escaped (src=, https://, onerror).
// The print button's script, exactly once, is the only script (the CSP allows only its hash).
void check_self_contained(std::string html, bool text_free) {
  const std::string print = std::string("<script>") + kPrintScript + "</script>";
  const std::size_t at = html.find(print);
  REQUIRE(at != std::string::npos);
  html.erase(at, print.size());
  CHECK(html.find(print) == std::string::npos);
  for (const char* banned : {"<script", "<iframe", "<img", "<link", "<object", "<embed", "<svg",
                             "<base", "<meta http-equiv=\"refresh", "url(", "@import"})
    CHECK_FALSE(contains(html, banned));
  if (!text_free) return;
  for (const char* banned : {"src=", "href=", "http://", "https://", " onload", " onerror"})
    CHECK_FALSE(contains(html, banned));
}

}  // namespace

TEST_CASE("Report: every section of the sample plans, in both languages", "[report]") {
  for (const Plan& plan :
       {samples::voorbeeldregio(), samples::klein_voorbeeld_2020(), samples::verlenging_2024()}) {
    const Analysis analysis = analyse(plan);
    for (Language l : {Language::nl, Language::en}) {
      INFO(plan.title << (l == Language::nl ? " nl" : " en"));
      const std::string html = report_html(plan, analysis, l);
      CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"", 0) == 0);
      CHECK(contains(html, l == Language::nl ? "lang=\"nl\"" : "lang=\"en\""));
      CHECK(contains(html, "@media print"));
      CHECK(contains(html, "</html>\n"));
      std::size_t last = 0;
      for (const char* id : kReportSections) {
        const std::string heading = std::string("<section id=\"") + id + "\">\n<h2>" +
                                    html_escape(report_section_title(id, l)) + "</h2>";
        INFO(heading);
        const std::size_t at = html.find(heading);
        REQUIRE(at != std::string::npos);
        CHECK(at > last);  // in order
        last = at;
      }
      check_self_contained(html, true);
      const Evaluation& e = analysis.evaluation;
      CHECK(contains(html, format_money(e.total.costs, l)));
      CHECK(contains(html, format_money(e.cofinancing.required, l)));
      CHECK(contains(html, format_money(e.settlement.allowed, l)));
      CHECK(contains(html, format_percent_bp(e.cofinancing.minimum_bp, l)));
      CHECK(contains(html, base_label(e.cofinancing.base, l)));
      for (const Organisation& o : plan.organisations) CHECK(contains(html, html_escape(o.name)));
      for (const Activity& a : plan.activities) CHECK(contains(html, html_escape(a.title)));
      for (const Finding& f : analysis.findings) CHECK(contains(html, f.code));
      CHECK(report_html(plan, analysis, l) == html);  // deterministic
    }
  }
  // Dutch figures in the Dutch report: the sample's total costs and an indicator target.
  const Plan sample = samples::voorbeeldregio();
  const std::string nl = report_html(sample, analyse(sample), Language::nl);
  CHECK(contains(nl, "Begroting per jaar en kostensoort"));
  CHECK(contains(nl, "99XA00"));
  CHECK(contains(nl, ">19,5 (2024)<"));  // baseline 19.5 % in 2024
  CHECK(contains(nl, "Doel 2028"));
  CHECK(contains(nl, "Waarschuwing ("));
  // Each investment with price, date, life, use and its yearly depreciation: the CNC machine,
  // € 85.000 from 1-9-2025 over 120 months at 60 %, € 1.700 in 2025 and € 5.100 a year after.
  CHECK(contains(nl, "<h3>Investeringen en hun afschrijving</h3>"));
  CHECK(contains(nl, "<tr><td>CNC-freesmachine ("));
  CHECK(contains(nl,
                 "<td class=\"num\">€ 85.000,00</td><td>01-09-2025</td><td class=\"num\">120"
                 "</td><td class=\"num\">60,00%</td><td class=\"num\">€ 1.700,00</td><td "
                 "class=\"num\">€ 5.100,00</td><td class=\"num\">€ 5.100,00</td><td "
                 "class=\"num\">€ 5.100,00</td><td class=\"num\">€ 17.000,00</td></tr>"));
}

TEST_CASE("Report: hostile plan text is escaped", "[report]") {
  Plan plan = test::minimal_plan();
  plan.title = "<script>alert('t')</script>";
  plan.organisations[0].name = "<script>alert(1)</script>";
  plan.organisations[1].brin = "\"><img src=x onerror=alert(2)>";
  plan.activities[0].title = "A & B <b>vet</b> 'quote' \"dq\"";
  plan.goals[0].title = "</style><script src=https://evil.example/x.js></script>";
  plan.goals[0].indicators[0].unit = "<!--";
  plan.notes = "regel 1\n</div><script>alert(3)</script>\x01\xFF";
  plan.region.name = "<style>body{display:none}</style>";
  const std::string html = report_html(plan, analyse(plan), Language::nl);
  check_self_contained(html, false);
  CHECK_FALSE(contains(html, "<script>alert"));
  CHECK_FALSE(contains(html, "<!--"));
  CHECK(contains(html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  CHECK(contains(html, "&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;"));
  CHECK(contains(html, "A &amp; B &lt;b&gt;vet&lt;/b&gt; &#39;quote&#39; &quot;dq&quot;"));
  CHECK(contains(html, "&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"));
  CHECK(contains(html, "regel 1\n&lt;/div&gt;"));
  CHECK(contains(html, "\xEF\xBF\xBD\xEF\xBF\xBD</div>"));  // \x01 and the invalid byte
  // Exactly one <style> element: ours.
  std::size_t styles = 0;
  for (std::size_t at = html.find("<style"); at != std::string::npos;
       at = html.find("<style", at + 1))
    ++styles;
  CHECK(styles == 1);
}

TEST_CASE("Report: the 2024 request's written parts, escaped, and only where asked for",
          "[report]") {
  Plan plan = samples::verlenging_2024();
  plan.earlier_grant_activities = "Techniekweek <februari> & mei";
  std::string html = report_html(plan, analyse(plan), Language::nl);
  CHECK(
      contains(html, "<h3>Wijzigingen ten opzichte van het oorspronkelijke activiteitenplan</h3>"));
  CHECK(contains(html, plan.changes_since_original_plan.substr(0, 40)));
  CHECK(contains(html, "Techniekweek &lt;februari&gt; &amp; mei"));
  plan.changes_since_original_plan.clear();  // empty: shown as missing, not left out
  html = report_html(plan, analyse(plan), Language::en);
  CHECK(
      contains(html, "<h3>Changes since the original activity plan</h3>\n<div class=\"notes\">—"));
  const Plan other = test::minimal_plan();  // 2025-2028 does not ask for them
  CHECK_FALSE(contains(report_html(other, analyse(other), Language::nl), "1 augustus 2024"));
}

TEST_CASE("Report: html_escape", "[report]") {
  CHECK(html_escape("a<b>&\"'") == "a&lt;b&gt;&amp;&quot;&#39;");
  CHECK(html_escape("€ 1.234,56 ë") == "€ 1.234,56 ë");
  CHECK(html_escape(std::string("x\0y", 3)) == "x\xEF\xBF\xBDy");
  CHECK(html_escape("\xC3") == "\xEF\xBF\xBD");                                  // cut sequence
  CHECK(html_escape("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
  CHECK(html_escape("tab\tnl\n") == "tab\tnl\n");
}

TEST_CASE("Report: empty plan, unknown scheme and findings by severity", "[report]") {
  Plan empty;
  empty.scheme_id = "bestaat-niet";
  const Analysis a = analyse(empty);
  for (Language l : {Language::nl, Language::en}) {
    const std::string html = report_html(empty, a, l);
    for (const char* id : kReportSections)
      CHECK(contains(html, std::string("<section id=\"") + id + "\">"));
    CHECK(contains(html, l == Language::nl ? "onbekende regeling" : "unknown scheme"));
    CHECK(contains(html, "SCHEME_UNKNOWN"));
  }
  Plan p = test::minimal_plan();
  p.organisations.pop_back();     // no primary school: an error under 2025–2028
  p.goals[0].indicators.clear();  // a warning
  const Analysis pa = analyse(p);
  REQUIRE(has_errors(pa.findings));
  const std::string html = report_html(p, pa, Language::en);
  const auto errors = html.find("<div class=\"sev-error\">"),
             warnings = html.find("<div class=\"sev-warning\">");
  REQUIRE(errors != std::string::npos);
  REQUIRE(warnings != std::string::npos);
  CHECK(errors < warnings);
  CHECK(contains(html, "<h3>Error ("));
  // Each finding names its place in words (the path as a tooltip) and the source of its rule.
  CHECK(contains(html,
                 "<span class=\"where\" title=\"goals[0]\">Goal &#39;Meer instroom "
                 "techniek&#39;</span> <code>GOAL_WITHOUT_INDICATOR</code>"));
  CHECK(contains(html, "<span class=\"source\">Source: no rule: good practice"));
  CHECK(contains(html, "Source: 2025-2028: Kamerstuk 30 079, nr. 119"));
  CHECK(contains(report_html(p, pa, Language::nl), "Bron: 2025-2028: Kamerstuk 30 079, nr. 119"));
}

TEST_CASE("with a base version the report opens with the changes since it", "[report]") {
  Plan base = samples::verlenging_2024();
  base.lineage = {"plan-1", "5000000000000005", {}, {}};
  Plan plan = base;
  plan.activities[0].lines[0].price = Money{5200};
  plan.organisations[3].name = "Techniekbedrijf <Fictief> BV";
  const std::string html = report_html(plan, analyse(plan), Language::nl, ReportBase{&base, "5"});
  const auto changes = html.find("<section id=\"changes\">");
  REQUIRE(changes != std::string::npos);
  CHECK(changes < html.find("<section id=\"region\">"));
  CHECK(html.find("<h2>Wijzigingen ten opzichte van versie 5</h2>") != std::string::npos);
  CHECK(html.find("<li>prijs: € 50,00 → € 52,00</li>") != std::string::npos);
  CHECK(html.find("Techniekbedrijf &lt;Fictief&gt; BV") != std::string::npos);  // escaped
  CHECK(html.find("<tr><td>Totale kosten</td><td class=\"num\">€ 847.000,00</td><td "
                  "class=\"num\">€ 859.000,00</td><td class=\"num\">+€ 12.000,00</td></tr>") !=
        std::string::npos);
  check_self_contained(html, false);
  // Without a base there is no such section, and the same plan as its own base lists nothing.
  CHECK(report_html(plan, analyse(plan), Language::nl).find("id=\"changes\"") == std::string::npos);
  const std::string same = report_html(plan, analyse(plan), Language::en, ReportBase{&plan, "6"});
  CHECK(same.find("<h2>Changes since version 6</h2>\n<p class=\"empty\">No changes.</p>") !=
        std::string::npos);
}

TEST_CASE("Report: a print button, hidden when printing, allowed by the page's policy",
          "[report]") {
  const Plan plan = samples::voorbeeldregio();
  for (Language l : {Language::nl, Language::en}) {
    const std::string html = report_html(plan, analyse(plan), l);
    CHECK(contains(html, std::string("<p class=\"actions\"><button type=\"button\" id=\"print\">") +
                             (l == Language::nl ? "Afdrukken" : "Print") + "</button></p>"));
    CHECK(contains(html, "@media print {\n  p.actions { display: none; }"));
    CHECK(contains(html, std::string("script-src '") + kPrintScriptHash + "'\">"));
    CHECK(contains(html, std::string("<script>") + kPrintScript + "</script>\n</body>"));
    check_self_contained(html, true);
  }
}

TEST_CASE("Report: the budget lines of every activity, with price × quantity and amount",
          "[report]") {
  const Plan plan = samples::voorbeeldregio();
  const Analysis analysis = analyse(plan);
  const std::string nl = report_html(plan, analysis, Language::nl);
  // A priced line, in Dutch money format: description, organisation, year, category, funding,
  // price × quantity with its unit, amount.
  CHECK(contains(nl, "<h3>Begrotingsregels: Moderne praktijklokalen metaal en installatie</h3>"));
  CHECK(contains(nl,
                 "<tr><td>Materialen praktijklessen</td><td>Techniek College Voorbeeld, vestiging "
                 "Noord</td><td class=\"num\">2025</td><td>" +
                     std::string(category_label(CostCategory::materials, Language::nl)) +
                     "</td><td>" + funding_label(FundingSource::subsidy, Language::nl) +
                     "</td><td class=\"pq\">€ 60.000,00 × 1 jaar</td><td class=\"num\">€ "
                     "60.000,00</td></tr>"));
  // An investment: its depreciation in the period (its schedule is in the investments table).
  CHECK(contains(nl,
                 "<tr><td>CNC-freesmachine</td><td>Techniek College Voorbeeld, vestiging "
                 "Noord</td><td class=\"num\">2025</td>"));
  CHECK(contains(nl,
                 "<td>investering: afschrijving in de periode</td><td class=\"num\">€ "
                 "17.000,00</td></tr>"));
  // Every line of every activity, with the engine's amount, and each activity's total.
  const Evaluation& e = analysis.evaluation;
  for (Language l : {Language::nl, Language::en}) {
    const std::string html = report_html(plan, analysis, l);
    std::size_t rows = 0;
    for (std::size_t a = 0; a < plan.activities.size(); ++a) {
      const Activity& activity = plan.activities[a];
      CHECK(contains(
          html, std::string(l == Language::nl ? "<h3>Begrotingsregels: " : "<h3>Budget lines: ") +
                    html_escape(activity.title) + "</h3>"));
      for (std::size_t i = 0; i < activity.lines.size(); ++i) {
        const BudgetLine& line = activity.lines[i];
        INFO(activity.title << " line " << i);
        CHECK(contains(html, "<tr><td>" + html_escape(line.description) + "</td>"));
        CHECK(
            contains(html, "<td class=\"num\">" + format_money(e.cost_of(a, i), l) + "</td></tr>"));
        ++rows;
      }
      CHECK(contains(html, std::string("<tfoot><tr class=\"total\"><td colspan=\"6\">") +
                               (l == Language::nl ? "Totaal" : "Total") +
                               "</td><td class=\"num\">" + format_money(e.by_activity[a].costs, l) +
                               "</td></tr></tfoot>"));
    }
    CHECK(rows > 60);
    CHECK(contains(html,
                   l == Language::nl ? "<th>Prijs × aantal</th>" : "<th>Price × quantity</th>"));
  }
  // English money format in the English report.
  CHECK(contains(report_html(plan, analysis, Language::en),
                 format_money(Money{6000000}, Language::en) + " × 1 jaar"));
}
