// The place a finding is about, in the user's words instead of its internal path:
// "activities[4].lines[6].quantity" becomes "Activiteit 'Girls' Day' › regel 7 › aantal".
// Pure C++17: reads the plan for names, never changes it.
#pragma once
#include <cstddef>
#include <optional>
#include <string_view>

#include "model/plan.h"
#include "model/text.h"

namespace sto {

// The place of `path` (a Finding's path, see rules.h) in `plan`, in Dutch and English: items by
// their name ("Doel 'Meer meisjes kiezen techniek'") or, without one, by their number counted
// from 1; parts joined by " › ". "" is the whole plan. An index past the end of its list is named
// by number; an unknown field keeps its own name. Never fails.
LocalizedText finding_place(const Plan& plan, std::string_view path);

// The budget line a path is in ("activities[2].lines[5].price" is line 5 of activity 2), read
// with the same parser as finding_place, for the views that highlight it; nullopt for a path
// that is not in a line.
struct LinePlace {
  std::size_t activity = 0;
  std::size_t line = 0;
};
std::optional<LinePlace> line_place(std::string_view path);

// A loader or command-boundary message ("student_counts[0].count_date: geen datum …") with its
// leading path put in words ("Leerlingaantal 1 van 'ROC' › teldatum: geen datum …"); a message that
// does not start with a path is returned unchanged.
LocalizedText message_in_words(const Plan& plan, const LocalizedText& message);

}  // namespace sto
