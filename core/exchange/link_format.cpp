// The share-link format (link_format.h). One description of the plan's fields in order
// (plan_fields and the functions above it) drives both the Writer and the Reader, so the two can
// never disagree. Integers are LEB128 varints, signed ones zigzag-encoded; texts are a byte count
// and the bytes; lists a count and the items; enums their index in enum_names.h. Three packings
// save what deflate cannot: a reference to an organisation or goal is its index, a budget line id
// that continues the previous line's numbering ("r7" after "r6") is a single byte, and a line's
// year is the difference from the previous line's.
#include "exchange/link_format.h"

#include <limits>
#include <map>
#include <new>
#include <type_traits>
#include <unordered_map>

#include "model/enum_names.h"
#include "model/investment_years.h"
#include "model/revision_id.h"
#include "model/schema.h"

namespace sto {

namespace {

// [SECTION] Writing.

std::uint64_t zigzag(std::int64_t value) {
  return (static_cast<std::uint64_t>(value) << 1) ^ (value < 0 ? ~std::uint64_t{0} : 0);
}

std::int64_t unzigzag(std::uint64_t value) {
  return static_cast<std::int64_t>(value >> 1) ^ -static_cast<std::int64_t>(value & 1);
}

// The id that continues `id`'s numbering: its trailing decimal digits plus one ("r9" → "r10");
// "" when it ends in no digit.
std::string next_id(const std::string& id) {
  std::string next = id;
  std::size_t at = next.size();
  while (at > 0 && next[at - 1] == '9') next[--at] = '0';
  if (at > 0 && next[at - 1] >= '0' && next[at - 1] <= '8') {
    ++next[at - 1];
    return next;
  }
  // All trailing digits were 9 (now 0): one more digit in front, if there were any digits.
  if (at == id.size()) return "";
  next.insert(at, 1, '1');
  return next;
}

class Writer {
 public:
  std::string bytes;

  void unsigned_number(std::uint64_t value) {
    while (value >= 0x80) {
      bytes.push_back(static_cast<char>((value & 0x7F) | 0x80));
      value >>= 7;
    }
    bytes.push_back(static_cast<char>(value));
  }
  void number(const std::int64_t& value) { unsigned_number(zigzag(value)); }
  void number(const int& value) { unsigned_number(zigzag(value)); }
  // Cents and thousandths are mostly whole euros and whole units: those are written divided by
  // `unit` (low bit 0), the rest as they are (low bit 1). Exact below 2^62, far above the limits.
  void scaled(const std::int64_t& value, std::int64_t unit) {
    if (value % unit == 0)
      unsigned_number(zigzag(value / unit) << 1);
    else
      unsigned_number(zigzag(value) << 1 | 1);
  }
  void money(const Money& money) { scaled(money.cents, 100); }
  void text(const std::string& text) {
    unsigned_number(text.size());
    bytes += text;
  }
  void flag(const bool& value) { bytes.push_back(value ? 1 : 0); }
  // 0 for "", 1 and the text for an id no record has, else 2 + the index of the first record with
  // that id.
  template <typename Record>
  void reference(const std::string& id, const std::vector<Record>& records) {
    if (id.empty()) {
      unsigned_number(0);
      return;
    }
    auto& index = indexes_[&records];
    if (index.empty())
      for (std::size_t i = 0; i < records.size(); ++i) index.emplace(records[i].id, i);
    const auto found = index.find(id);
    if (found == index.end()) {
      unsigned_number(1);
      text(id);
    } else {
      unsigned_number(2 + found->second);
    }
  }
  // 0 for the id after the previous one's (next_id), else 1 + the byte count and the bytes.
  void sequential_id(const std::string& id) {
    const std::string expected = next_id(previous_id_);
    if (!expected.empty() && id == expected) {
      unsigned_number(0);
    } else {
      unsigned_number(id.size() + 1);
      bytes += id;
    }
    previous_id_ = id;
  }
  // The difference from the previous year written this way (from 0 for the first).
  void year_step(const int& year) {
    number(static_cast<std::int64_t>(year) - previous_year_);
    previous_year_ = year;
  }
  // 0 for "not set", else YYYY·512 + MM·32 + DD: three bytes for any date of the format.
  void date(const Date& date) {
    unsigned_number(date.is_set() ? static_cast<std::uint64_t>(date.year) * 512 +
                                        static_cast<std::uint64_t>(date.month) * 32 +
                                        static_cast<std::uint64_t>(date.day)
                                  : 0);
  }
  template <typename Enum, std::size_t N>
  void choice(const Enum& value, const char* const (&)[N], const char*) {
    unsigned_number(static_cast<std::uint64_t>(value));
  }
  template <typename T, typename Each>
  void list(const std::vector<T>& items, Each each) {
    unsigned_number(items.size());
    for (const T& item : items) each(item);
  }
  template <typename T, typename Each>
  void optional(const std::optional<T>& value, Each each) {
    flag(value.has_value());
    if (value) each(*value);
  }

 private:
  std::map<const void*, std::unordered_map<std::string_view, std::size_t>> indexes_;
  std::string previous_id_;
  std::int64_t previous_year_ = 0;
};

// [SECTION] Reading. Every check that fails throws Malformed, caught in decode_link_plan.

struct Malformed {
  const char* nl;
  const char* en;
  const char* field = nullptr;  // the field's name in a plan file, where it helps
};

class Reader {
 public:
  explicit Reader(std::string_view bytes)
      : at_(reinterpret_cast<const unsigned char*>(bytes.data())), end_(at_ + bytes.size()) {}

  bool at_end() const { return at_ == end_; }

  std::uint64_t unsigned_number() {
    std::uint64_t value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      const unsigned char byte = next();
      if (shift == 63 && byte > 1)
        throw Malformed{"een getal is te groot", "a number is too large"};
      value |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
      if ((byte & 0x80) == 0) return value;
    }
    throw Malformed{"een getal is te groot", "a number is too large"};
  }
  void number(std::int64_t& value) { value = unzigzag(unsigned_number()); }
  void number(int& value) {
    const std::int64_t wide = unzigzag(unsigned_number());
    if (wide < std::numeric_limits<int>::min() || wide > std::numeric_limits<int>::max())
      throw Malformed{"een getal is te groot", "a number is too large"};
    value = static_cast<int>(wide);
  }
  void scaled(std::int64_t& value, std::int64_t unit) {
    const std::uint64_t raw = unsigned_number();
    value = unzigzag(raw >> 1);
    if ((raw & 1) != 0) return;
    if (value > std::numeric_limits<std::int64_t>::max() / unit ||
        value < std::numeric_limits<std::int64_t>::min() / unit)
      throw Malformed{"een bedrag of aantal is te groot", "an amount or quantity is too large"};
    value *= unit;
  }
  void money(Money& money) { scaled(money.cents, 100); }
  void text(std::string& text) { take_text(text, unsigned_number()); }
  template <typename Record>
  void reference(std::string& id, const std::vector<Record>& records) {
    const std::uint64_t code = unsigned_number();
    if (code == 0) {
      id.clear();
    } else if (code == 1) {
      text(id);
    } else if (code - 2 < records.size()) {
      id = records[static_cast<std::size_t>(code - 2)].id;
    } else {
      throw Malformed{"een verwijzing wijst naar niets", "a reference points to nothing"};
    }
  }
  void sequential_id(std::string& id) {
    const std::uint64_t code = unsigned_number();
    if (code == 0) {
      id = next_id(previous_id_);
      if (id.empty()) throw Malformed{"een id volgt op niets", "an id follows nothing"};
    } else {
      take_text(id, code - 1);
    }
    previous_id_ = id;
  }
  void year_step(int& year) {
    std::int64_t step = 0;
    number(step);
    if (step > std::numeric_limits<int>::max() - previous_year_ ||
        step < std::numeric_limits<int>::min() - previous_year_)
      throw Malformed{"een getal is te groot", "a number is too large"};
    year = static_cast<int>(previous_year_ + step);
    previous_year_ = year;
  }
  void flag(bool& value) {
    const unsigned char byte = next();
    if (byte > 1) throw Malformed{"een ja/nee-waarde is ongeldig", "a yes/no value is invalid"};
    value = byte == 1;
  }
  // The loader checks the calendar (a "2025-02-30" is refused there); this only keeps the parts in
  // their fields, so that the date text it gets is exactly what the bytes say.
  void date(Date& date) {
    const std::uint64_t packed = unsigned_number();
    if (packed == 0) {
      date = {};
      return;
    }
    if (packed < 512 || packed >= 10000 * 512)
      throw Malformed{"een datum is ongeldig", "a date is invalid"};
    date = {static_cast<int>(packed / 512), static_cast<int>(packed / 32 % 16),
            static_cast<int>(packed % 32)};
  }
  template <typename Enum, std::size_t N>
  void choice(Enum& value, const char* const (&)[N], const char* what) {
    const std::uint64_t index = unsigned_number();
    if (index >= N)
      throw Malformed{"een keuzewaarde is ongeldig", "a choice value is invalid", what};
    value = static_cast<Enum>(index);
  }
  // Items are added one by one as they are read: a count larger than the data is refused before
  // anything is allocated for it, and memory grows only with what the bytes really hold.
  template <typename T, typename Each>
  void list(std::vector<T>& items, Each each) {
    const std::uint64_t count = unsigned_number();
    if (count > remaining())  // every item takes at least one byte
      throw Malformed{"een lijst is langer dan de gegevens", "a list is longer than the data"};
    items.clear();
    for (std::uint64_t i = 0; i < count; ++i) each(items.emplace_back());
  }
  template <typename T, typename Each>
  void optional(std::optional<T>& value, Each each) {
    bool present = false;
    flag(present);
    value.reset();
    if (present) each(value.emplace());
  }

 private:
  std::size_t remaining() const { return static_cast<std::size_t>(end_ - at_); }
  void take_text(std::string& text, std::uint64_t size) {
    if (size > remaining())
      throw Malformed{"een tekst loopt voorbij het einde van de gegevens",
                      "a text runs past the end of the data"};
    text.assign(reinterpret_cast<const char*>(at_), static_cast<std::size_t>(size));
    at_ += text.size();
  }
  unsigned char next() {
    if (at_ == end_) throw Malformed{"de gegevens houden te vroeg op", "the data ends too early"};
    return *at_++;
  }

  const unsigned char* at_;
  const unsigned char* end_;
  std::string previous_id_;
  std::int64_t previous_year_ = 0;
};

// [SECTION] The plan's fields, in link format version 1's order (the lineage apart, below). `T` is
// the record type, const when writing. Changing anything here means a new kLinkFormatVersion (and
// reading the old one).

// A record's fields in its table's order (core/model/schema.h, the file's order), each written as
// its kind: a budget line's id and year as steps from the line before.
template <typename Io, typename P, typename T>
void record_fields(Io& io, P& p, T& record) {
  using Model = std::remove_const_t<T>;
  schema::for_each_field<Model>([&](const auto& f) {
    auto& value = f.of(record);
    using V = std::remove_const_t<std::remove_reference_t<decltype(value)>>;
    constexpr bool line = std::is_same_v<Model, BudgetLine>;
    if constexpr (std::is_enum_v<V>) {
      io.choice(value, schema::names_of(V{}), f.file);
    } else if constexpr (std::is_same_v<V, Money>) {
      io.money(value);
    } else if constexpr (std::is_same_v<V, Date>) {
      io.date(value);
    } else if constexpr (std::is_same_v<V, bool>) {
      io.flag(value);
    } else if constexpr (std::is_same_v<V, std::string>) {
      if (line && f.kind == schema::Kind::id)
        io.sequential_id(value);
      else if (f.kind == schema::Kind::organisation)
        io.reference(value, p.organisations);
      else
        io.text(value);
    } else if constexpr (std::is_same_v<V, std::optional<Investment>>) {
      io.optional(value, [&](auto& investment) { record_fields(io, p, investment); });
    } else if constexpr (std::is_same_v<V, int>) {
      if (line && f.kind == schema::Kind::year)
        io.year_step(value);
      else
        io.number(value);
    } else {
      static_assert(std::is_same_v<V, std::int64_t>, "a field kind the link format cannot write");
      if (f.kind == schema::Kind::milli)
        io.scaled(value, 1000);
      else
        io.number(value);
    }
  });
}

template <typename Io, typename T>
void goal_fields(Io& io, T& g) {
  io.text(g.id);
  io.text(g.title);
  io.text(g.theme);
  io.list(g.indicators, [&](auto& i) {
    io.text(i.id);
    io.text(i.name);
    io.text(i.unit);
    io.number(i.baseline_year);
    io.scaled(i.baseline_milli, 1000);
    io.list(i.targets, [&](auto& t) {
      io.number(t.year);
      io.scaled(t.value_milli, 1000);
    });
  });
}

template <typename Io, typename P, typename T>
void activity_fields(Io& io, P& p, T& a) {
  io.text(a.id);
  io.text(a.title);
  io.text(a.theme);
  io.reference(a.lead_organisation_id, p.organisations);
  io.list(a.partner_ids, [&](auto& id) { io.reference(id, p.organisations); });
  io.list(a.goal_ids, [&](auto& id) { io.reference(id, p.goals); });
  io.list(a.years, [&](auto& year) { io.number(year); });
  io.list(a.lines, [&](auto& l) { record_fields(io, p, l); });
}

template <typename Io, typename T>
void scenario_fields(Io& io, T& s) {
  io.text(s.id);
  io.text(s.name);
  io.list(s.overrides, [&](auto& o) {
    io.choice(o.kind, enum_names::override_kind, "kind");
    io.text(o.target);
    io.number(o.value);
    io.number(o.replaces);
  });
}

template <typename Io, typename T>
void plan_fields(Io& io, T& p) {
  io.text(p.title);
  io.flag(p.is_example);
  io.text(p.region.name);
  io.choice(p.region.type, enum_names::region_type, "type");
  io.money(p.region.previous_grant);
  io.money(p.region.fixed_maximum);
  io.text(p.scheme_id);
  io.text(p.cofinancing_option);
  io.optional(p.cofinancing_base, [&](auto& base) {
    io.choice(base, enum_names::cofinancing_base, "cofinancing_base");
  });
  io.text(p.submission_round);
  io.list(p.organisations, [&](auto& o) { record_fields(io, p, o); });
  io.list(p.student_counts, [&](auto& s) { record_fields(io, p, s); });
  io.list(p.goals, [&](auto& g) { goal_fields(io, g); });
  io.list(p.activities, [&](auto& a) { activity_fields(io, p, a); });
  io.text(p.notes);
  io.list(p.scenarios, [&](auto& s) { scenario_fields(io, s); });
}

// The lineage, after the plan's other fields: from link format version 2 on, revision ids with
// their parents and history (core/exchange/lineage.h).
template <typename Io, typename T>
void lineage_fields(Io& io, T& l) {
  io.text(l.plan_id);
  io.text(l.revision);
  io.list(l.parents, [&](auto& id) { io.text(id); });
  io.list(l.history, [&](auto& node) {
    io.text(node.id);
    io.list(node.parents, [&](auto& id) { io.text(id); });
  });
}

// The 2024 extension request's texts, after the lineage: from link format version 4 on.
template <typename Io, typename T>
void extension_fields(Io& io, T& p) {
  io.text(p.changes_since_original_plan);
  io.text(p.earlier_grant_activities);
}

// Link format version 1 carried revision numbers: they become ids as in a v5 file (migrate.cpp).
void read_numbered_lineage(Reader& reader, Lineage& l) {
  reader.text(l.plan_id);
  std::int64_t revision = 0;
  std::int64_t derived_from = 0;
  reader.number(revision);
  reader.number(derived_from);
  for (const std::int64_t number : {revision, derived_from})
    if (number < 0 || number > kMaxLegacyRevision)
      throw Malformed{"een versienummer is ongeldig", "a revision number is invalid", "lineage"};
  l.revision = revision == 0 ? "" : legacy_revision_id(l.plan_id, revision);
  l.parents.clear();
  if (derived_from > 0) l.parents.push_back(legacy_revision_id(l.plan_id, derived_from));
}

LoadResult link_failure(LoadStatus status, std::string nl, std::string en) {
  LoadResult result;
  result.status = status;
  result.error = {std::move(nl), std::move(en)};
  return result;
}

}  // namespace

std::string encode_link_plan(const Plan& plan) {
  Writer writer;
  writer.bytes.push_back(static_cast<char>(kLinkFormatVersion));
  plan_fields(writer, plan);
  lineage_fields(writer, plan.lineage);
  extension_fields(writer, plan);
  return std::move(writer.bytes);
}

LoadResult decode_link_plan(std::string_view bytes) {
  if (bytes.size() > kMaxLinkBytes)
    return link_failure(LoadStatus::too_large,
                        "De link is te groot (meer dan " + std::to_string(kMaxLinkBytes >> 20) +
                            " MB aan plangegevens); een plan is veel kleiner.",
                        "The link is too large (over " + std::to_string(kMaxLinkBytes >> 20) +
                            " MB of plan data); a plan is much smaller.");
  if (bytes.empty())
    return link_failure(LoadStatus::corrupt, "De link is leeg.", "The link is empty.");
  const auto version = static_cast<std::uint8_t>(bytes.front());
  if (version > kLinkFormatVersion)
    return link_failure(LoadStatus::too_new,
                        "Deze link is gemaakt met een nieuwere versie van STO Planner. Werk de "
                        "app bij om hem te openen.",
                        "This link was made with a newer version of STO Planner. Update the app "
                        "to open it.");
  if (version < kMinLinkFormatVersion)
    return link_failure(
        LoadStatus::corrupt,
        "Dit is geen deellink van STO Planner (onbekende versie " + std::to_string(version) + ").",
        "This is not an STO Planner share link (unknown version " + std::to_string(version) + ").");
  Plan plan;
  try {
    Reader reader(bytes.substr(1));
    plan_fields(reader, plan);
    if (version == 1)
      read_numbered_lineage(reader, plan.lineage);
    else
      lineage_fields(reader, plan.lineage);
    if (version >= 4) extension_fields(reader, plan);
    if (!reader.at_end())
      throw Malformed{"er staan gegevens na het plan", "there is data after the plan"};
  } catch (const Malformed& malformed) {
    const std::string field = malformed.field ? std::string(" (") + malformed.field + ")" : "";
    return link_failure(
        LoadStatus::corrupt,
        std::string("De link is beschadigd of onvolledig: ") + malformed.nl + field + ".",
        std::string("The link is damaged or incomplete: ") + malformed.en + field + ".");
  } catch (const std::bad_alloc&) {
    return link_failure(LoadStatus::too_large, "Er is niet genoeg geheugen om deze link te openen.",
                        "There is not enough memory to open this link.");
  }
  // The loader's own checks and repairs, with its messages: a link can carry nothing a file could
  // not. A linear round trip through the file text, small next to what the user waits for.
  // Before version 3 an investment was one line per year, as in a file before format 7.
  std::vector<LocalizedText> joined;
  if (version < 3) joined = join_yearly_investments(plan);
  LoadResult result = load_plan(save_plan(plan));
  result.notes = std::move(joined);
  result.file_version = 0;  // not a file
  result.app_version.clear();
  return result;
}

}  // namespace sto
