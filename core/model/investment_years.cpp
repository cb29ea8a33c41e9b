// Joining the one-line-per-year investments of older plans; see investment_years.h.
#include "model/investment_years.h"

#include <string>

#include "model/schema.h"

namespace sto {

namespace {

std::string year_list(const std::vector<int>& years) {
  std::string text;
  for (const int year : years) text += (text.empty() ? "" : ", ") + std::to_string(year);
  return text;
}

}  // namespace

bool same_investment_item(const BudgetLine& a, const BudgetLine& b) {
  return a.organisation_id == b.organisation_id && a.description == b.description &&
         schema::equal(*a.investment, *b.investment);
}

std::vector<LocalizedText> join_yearly_investments(Plan& plan) {
  std::vector<LocalizedText> notes;
  for (Activity& activity : plan.activities) {
    std::vector<BudgetLine>& lines = activity.lines;
    for (std::size_t first = 0; first < lines.size(); ++first) {
      if (!lines[first].investment) continue;
      std::vector<int> years{lines[first].year};
      bool differed = false;
      std::size_t kept = first + 1;
      for (std::size_t l = first + 1; l < lines.size(); ++l) {
        if (lines[l].investment && same_investment_item(lines[first], lines[l])) {
          years.push_back(lines[l].year);
          differed = differed || lines[l].funding != lines[first].funding ||
                     lines[l].category != lines[first].category;
          continue;
        }
        if (kept != l) lines[kept] = std::move(lines[l]);
        ++kept;
      }
      if (years.size() == 1) continue;
      lines.resize(kept);
      const BudgetLine& line = lines[first];
      const std::string count = std::to_string(years.size());
      LocalizedText note{
          "Investering '" + line.description + "' (" + activity.title + ") stond in " + count +
              " regels, één per jaar (" + year_list(years) +
              "). Die zijn samengevoegd tot één investering: haar afschrijving telt nu in elk jaar "
              "van de periode, één keer.",
          "Investment '" + line.description + "' (" + activity.title + ") was in " + count +
              " lines, one per year (" + year_list(years) +
              "). They are joined into one investment: its depreciation now counts in every year "
              "of the period, once."};
      if (differed) {
        note.nl += " De regels verschilden in financiering of kostensoort; die van " +
                   std::to_string(line.year) + " geldt nu voor alle jaren.";
        note.en += " The lines differed in funding or cost category; that of " +
                   std::to_string(line.year) + " now holds for every year.";
      }
      notes.push_back(std::move(note));
    }
  }
  return notes;
}

}  // namespace sto
