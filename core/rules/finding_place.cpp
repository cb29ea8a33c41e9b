// Finding paths in the user's words (core/rules/finding_place.h). A path is fields joined by '.', a
// field optionally indexed ("lines[6]"); the lists with names (organisations, student counts,
// goals, indicators, activities, budget lines, scenarios) are named from the plan.
#include "rules/finding_place.h"

#include <cstddef>
#include <iterator>
#include <string>
#include <vector>

#include "model/schema.h"
#include "model/text.h"

namespace sto {

namespace {

struct Segment {
  std::string_view field;
  bool indexed = false;
  std::size_t index = 0;
};

// "lines[6]" -> {lines, true, 6}; a malformed index leaves the segment unindexed.
Segment parse_segment(std::string_view text) {
  Segment s{text};
  const std::size_t open = text.find('[');
  if (open == std::string_view::npos || text.back() != ']' || open + 2 > text.size() - 1) return s;
  std::size_t value = 0;
  for (std::size_t i = open + 1; i + 1 < text.size(); ++i) {
    const char c = text[i];
    if (c < '0' || c > '9' || value > 100000000) return s;
    value = value * 10 + static_cast<std::size_t>(c - '0');
  }
  s.field = text.substr(0, open);
  s.indexed = true;
  s.index = value;
  return s;
}

struct Words {
  const char* field;
  const char* nl;
  const char* en;
};

// Fields in lower case, as they follow an item; the first part of a place is capitalised. Each
// is the label of its field in core/model/schema.h (the first record whose field has that name
// in paths); a few places name no field of a record.
// clang-format off
const Words kPlaces[] = {
    {"cofinancing", "cofinanciering", "cofinancing"},
};
// clang-format on

// The words of every field name in a path: the places above, then the tables' fields.
std::vector<Words> field_words() {
  std::vector<Words> out(std::begin(kPlaces), std::end(kPlaces));
  auto add = [&](const auto& f) {
    for (const Words& w : out)
      if (std::string_view(w.field) == f.path) return;
    out.push_back({f.path, f.nl, f.en});
  };
  schema::for_each_field<Plan>(add);
  schema::for_each_field<Organisation>(add);
  schema::for_each_field<StudentCount>(add);
  schema::for_each_field<Goal>(add);
  schema::for_each_field<Indicator>(add);
  schema::for_each_field<YearValue>(add);
  schema::for_each_field<Activity>(add);
  schema::for_each_field<BudgetLine>(add);
  schema::for_each_field<Investment>(add);
  schema::for_each_field<Scenario>(add);
  schema::for_each_field<ScenarioOverride>(add);
  schema::for_each_field<Region>(add);  // last: "region.name" reads "regio › naam", as any name
  return out;
}
const std::vector<Words>& fields_in_words() {
  static const std::vector<Words> words = field_words();
  return words;
}

// One item of an indexed list: its word before the name or number.
const Words kItems[] = {
    {"organisations", "organisatie", "organisation"},
    {"student_counts", "leerlingaantal", "student count"},
    {"goals", "doel", "goal"},
    {"indicators", "indicator", "indicator"},
    {"activities", "activiteit", "activity"},
    {"lines", "regel", "line"},
    {"scenarios", "scenario", "scenario"},
    {"goal_ids", "doel", "goal"},
    {"partner_ids", "partner", "partner"},
    {"overrides", "aanpassing", "change"},
    {"targets", "streefwaarde", "target"},
    {"years", "jaar", "year"},
};
// clang-format on

const Words* find_words(const Words* table, std::size_t size, std::string_view field) {
  for (std::size_t i = 0; i < size; ++i)
    if (field == table[i].field) return &table[i];
  return nullptr;
}

template <class T>
const T* at(const std::vector<T>& items, std::size_t index) {
  return index < items.size() ? &items[index] : nullptr;
}

const Organisation* organisation_by_id(const Plan& plan, const std::string& id) {
  for (const Organisation& o : plan.organisations)
    if (o.id == id) return &o;
  return nullptr;
}

class Builder {
 public:
  void append(const std::string& nl, const std::string& en) {
    if (!nl_.empty()) {
      nl_ += " › ";
      en_ += " › ";
    }
    nl_ += nl;
    en_ += en;
  }
  // "<word> '<name>'", or "<word> <number>" without a name.
  void item(const Words& words, std::size_t index, const std::string& name) {
    const std::string suffix = name.empty() ? " " + std::to_string(index + 1) : " '" + name + "'";
    append(words.nl + suffix, words.en + suffix);
  }
  LocalizedText done() {
    // Capitalised in place: g++ 12 -O3 warns (falsely) that a moved-into temporary may be
    // uninitialized, which failed the Release build of scripts/bench.sh.
    LocalizedText text{std::move(nl_), std::move(en_)};
    text.nl = capitalised(text.nl);
    text.en = capitalised(text.en);
    return text;
  }

 private:
  std::string nl_, en_;
};

}  // namespace

std::optional<LinePlace> line_place(std::string_view path) {
  const std::size_t first_dot = path.find('.');
  if (first_dot == std::string_view::npos) return std::nullopt;
  const Segment activity = parse_segment(path.substr(0, first_dot));
  const std::string_view rest = path.substr(first_dot + 1);
  const Segment line = parse_segment(rest.substr(0, rest.find('.')));
  if (activity.field != "activities" || !activity.indexed || line.field != "lines" || !line.indexed)
    return std::nullopt;
  return LinePlace{activity.index, line.index};
}

LocalizedText finding_place(const Plan& plan, std::string_view path) {
  Builder out;
  if (path.empty()) {
    out.append("het hele plan", "the whole plan");
    return out.done();
  }
  const Goal* goal = nullptr;  // the goal just named, whose indicators may follow
  bool top = true;             // the first segment is a field of the plan itself
  while (!path.empty()) {
    const std::size_t dot = path.find('.');
    const Segment s = parse_segment(path.substr(0, dot));
    path = dot == std::string_view::npos ? std::string_view{} : path.substr(dot + 1);
    const Goal* parent_goal = goal;
    goal = nullptr;
    const Words* field = find_words(fields_in_words().data(), fields_in_words().size(), s.field);
    const Words* item = s.indexed ? find_words(kItems, std::size(kItems), s.field) : nullptr;
    if (!item) {
      std::string nl = field ? field->nl : std::string(s.field);
      std::string en = field ? field->en : std::string(s.field);
      if (s.indexed) {
        nl += " " + std::to_string(s.index + 1);
        en += " " + std::to_string(s.index + 1);
      }
      out.append(nl, en);
      top = false;
      continue;
    }
    const std::size_t i = s.index;
    std::string name;
    if (top && s.field == "organisations") {
      if (const Organisation* o = at(plan.organisations, i)) name = o->name;
    } else if (top && s.field == "student_counts") {
      // A count is named by its organisation: "Leerlingaantal 2 van 'Het Technicum'".
      const StudentCount* c = at(plan.student_counts, i);
      const Organisation* o = c ? organisation_by_id(plan, c->organisation_id) : nullptr;
      if (o && !o->name.empty()) {
        const std::string number = " " + std::to_string(i + 1);
        out.append(item->nl + number + " van '" + o->name + "'",
                   item->en + number + " of '" + o->name + "'");
        top = false;
        continue;
      }
    } else if (top && s.field == "goals") {
      goal = at(plan.goals, i);
      if (goal) name = goal->title;
    } else if (parent_goal && s.field == "indicators") {
      if (const Indicator* k = at(parent_goal->indicators, i)) name = k->name;
    } else if (top && s.field == "activities") {
      if (const Activity* a = at(plan.activities, i)) name = a->title;
    } else if (top && s.field == "scenarios") {
      if (const Scenario* sc = at(plan.scenarios, i)) name = sc->name;
    }
    // Budget lines, references and overrides are named by number, as in the tables.
    out.item(*item, i, name);
    top = false;
  }
  return out.done();
}

namespace {

// `message` with its leading "path: " replaced by the place in `language`.
std::string with_place_in_words(const Plan& plan, const std::string& message, Language language) {
  const std::size_t colon = message.find(": ");
  if (colon == std::string::npos || colon == 0) return message;
  const std::string_view path(message.data(), colon);
  const bool is_path =
      path.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_.[]") == std::string_view::npos;
  if (!is_path) return message;
  return finding_place(plan, path).in(language) + message.substr(colon);
}

}  // namespace

LocalizedText message_in_words(const Plan& plan, const LocalizedText& message) {
  return {with_place_in_words(plan, message.nl, Language::nl),
          with_place_in_words(plan, message.en, Language::en)};
}

}  // namespace sto
