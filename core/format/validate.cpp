// Record-by-record validation and repair of a parsed plan. Index:
//   [SECTION] Text helpers      UTF-8 check and quoting of user text in messages
//   [SECTION] Record            one JSON object checked against its field list
//   [SECTION] Validator         the walk over the plan in cereal's load order
// The walk visits records in the order cereal reads them so that the first surviving record of
// each type can carry "cereal_class_version", which cereal reads only from the first instance.
#include "format/validate.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>
#include <optional>
#include <string_view>
#include <unordered_set>

#include "format/serialize.h"
#include "format/string_archive.h"
#include "model/dates.h"
#include "model/hash.h"
#include "model/override_kinds.h"
#include "model/revision_id.h"
#include "model/schema.h"

namespace sto {

// [SECTION] Text helpers

bool is_valid_utf8(const char* text, std::size_t length) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text);
  std::size_t i = 0;
  while (i < length) {
    // Most of a plan's text is ASCII: eight bytes at a time while no byte has its high bit set.
    for (std::uint64_t word; length - i >= 8; i += 8) {
      std::memcpy(&word, bytes + i, 8);
      if (word & 0x8080808080808080u) break;
    }
    if (i == length) break;
    const unsigned char lead = bytes[i];
    if (lead < 0x80) {
      ++i;
      continue;
    }
    std::size_t extra = 0;
    std::uint32_t code = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
      extra = 1;
      code = lead & 0x1Fu;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      extra = 2;
      code = lead & 0x0Fu;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      extra = 3;
      code = lead & 0x07u;
    } else {
      return false;  // a continuation byte, an overlong two-byte lead (C0, C1) or beyond F4
    }
    if (length - i <= extra) return false;
    for (std::size_t k = 1; k <= extra; ++k) {
      const unsigned char next = bytes[i + k];
      if ((next & 0xC0u) != 0x80u) return false;
      code = (code << 6) | (next & 0x3Fu);
    }
    if ((extra == 2 && code < 0x800) || (extra == 3 && code < 0x10000) || code > 0x10FFFF ||
        (code >= 0xD800 && code <= 0xDFFF))
      return false;
    i += extra + 1;
  }
  return true;
}

std::string printable_text(const char* text, std::size_t length) {
  std::string out;
  std::size_t i = 0;
  while (i < length && out.size() < 40) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t size = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
    if (size > length - i || !is_valid_utf8(text + i, size) || lead < 0x20 || lead == 0x7F) {
      out += '?';
      ++i;
      continue;
    }
    out.append(text + i, size);
    i += size;
  }
  if (i < length) out += "…";
  return out;
}

std::string quote_for_message(const char* text, std::size_t length) {
  return "\"" + printable_text(text, length) + "\"";
}

namespace {

using Value = rapidjson::Value;
using Allocator = rapidjson::Document::AllocatorType;

// The persisted types, each with its cereal class version.
enum class Kind {
  plan,
  region,
  organisation,
  student_count,
  goal,
  indicator,
  year_value,
  activity,
  budget_line,
  investment,
  scenario,
  scenario_override,
  lineage,
  revision_node
};
constexpr int kKindCount = 14;

std::uint32_t current_version(Kind kind) {
  using cereal::detail::Version;
  switch (kind) {
    case Kind::plan: return Version<Plan>::version;
    case Kind::region: return Version<Region>::version;
    case Kind::organisation: return Version<Organisation>::version;
    case Kind::student_count: return Version<StudentCount>::version;
    case Kind::goal: return Version<Goal>::version;
    case Kind::indicator: return Version<Indicator>::version;
    case Kind::year_value: return Version<YearValue>::version;
    case Kind::activity: return Version<Activity>::version;
    case Kind::budget_line: return Version<BudgetLine>::version;
    case Kind::investment: return Version<Investment>::version;
    case Kind::scenario: return Version<Scenario>::version;
    case Kind::scenario_override: return Version<ScenarioOverride>::version;
    case Kind::lineage: return Version<Lineage>::version;
    case Kind::revision_node: return Version<RevisionNode>::version;
  }
  return 0;
}

constexpr const char* kVersionField = "cereal_class_version";
constexpr std::size_t kVersionFieldLength = std::char_traits<char>::length(kVersionField);

// A record's field names with their lengths: a name in the file is told apart by its length
// before its letters are compared.
template <std::size_t N>
struct FieldList {
  std::array<const char*, N> names;
  std::array<std::size_t, N> lengths;
};
template <std::size_t N>
constexpr FieldList<N> with_lengths(const std::array<const char*, N>& names) {
  FieldList<N> out{names, {}};
  for (std::size_t i = 0; i < N; ++i) out.lengths[i] = std::char_traits<char>::length(names[i]);
  return out;
}

// Each record's fields, in the order serialize.h writes them: the file keys of its table in
// core/model/schema.h (a budget line also has "is_investment" before its investment).
template <class R>
constexpr auto kFieldsOf = with_lengths(schema::file_keys<R>());
constexpr auto budget_line_fields() {
  constexpr auto keys = schema::file_keys<BudgetLine>();
  std::array<const char*, keys.size() + 1> out{};
  std::size_t n = 0;
  for (const char* key : keys) {
    if (std::string_view(key) == "investment") out[n++] = schema::kBudgetLineIsInvestment;
    out[n++] = key;
  }
  return out;
}
constexpr auto kBudgetLineFields = with_lengths(budget_line_fields());
bool name_is(const Value& name, const char* expected, std::size_t expected_length) {
  return same_text({name.GetString(), name.GetStringLength()}, {expected, expected_length});
}

// "path.field", or "field" at the top. One allocation: these run for every record of a plan.
std::string join(const std::string& path, std::string_view field) {
  std::string out;
  out.reserve(path.size() + 1 + field.size());
  if (!path.empty()) out.append(path).push_back('.');
  out.append(field);
  return out;
}
// "path.array[index]".
std::string indexed(const std::string& path, const char* array, std::size_t index) {
  char digits[24];
  const std::size_t digit_count =
      static_cast<std::size_t>(std::to_chars(digits, digits + sizeof digits, index).ptr - digits);
  const std::string_view name(array);
  std::string out;
  out.reserve(path.size() + 1 + name.size() + digit_count + 2);
  if (!path.empty()) out.append(path).push_back('.');
  out.append(name).append(1, '[').append(digits, digit_count).push_back(']');
  return out;
}

template <std::size_t N>
std::string name_list(const char* const (&names)[N]) {
  std::string list;
  for (std::size_t i = 0; i < N; ++i) list += (i ? ", " : "") + std::string(names[i]);
  return list;
}

class Validator;

// [SECTION] Record: one JSON object checked against its field list. The first problem found makes
// the record bad; later checks return defaults without adding problems.
class Record {
 public:
  // `path` is the caller's and outlives the record (a copy per record was a fifth of its
  // allocations): a temporary does not compile.
  template <std::size_t N>
  Record(Validator& validator, Value& object, const std::string& path, Kind kind,
         const FieldList<N>& fields)
      : Record(validator, object, path, nullptr, kind, fields.names.data(), fields.lengths.data(),
               N) {
    static_assert(N <= kMaxFields, "raise kMaxFields");
  }
  template <std::size_t N>
  Record(Validator&, Value&, std::string&&, Kind, const FieldList<N>&) = delete;
  // The record in field `name` of the record at `path`: its path is joined only for a message.
  template <std::size_t N>
  Record(Validator& validator, Value& object, const std::string& path, const char* name, Kind kind,
         const FieldList<N>& fields)
      : Record(validator, object, path, name, kind, fields.names.data(), fields.lengths.data(), N) {
    static_assert(N <= kMaxFields, "raise kMaxFields");
  }
  template <std::size_t N>
  Record(Validator&, Value&, std::string&&, const char*, Kind, const FieldList<N>&) = delete;

  bool ok() const { return !problem_; }
  const Localized& problem() const { return *problem_; }
  std::string path() const { return field_in_parent_ ? join(path_, field_in_parent_) : path_; }

  // Reports a problem with one field ("path.field: message").
  void fail(const std::string& field, const std::string& nl, const std::string& en) {
    if (problem_) return;
    const std::string where = join(path(), field);
    problem_ = Localized{where + ": " + nl, where + ": " + en};
  }

  std::string_view text(const char* name, std::size_t max_bytes = kMaxTextBytes);
  std::string_view id(const char* name);  // non-empty text
  std::int64_t integer(const char* name, std::int64_t min, std::int64_t max);
  void boolean(const char* name);
  template <std::size_t N>
  void enumeration(const char* name, const char* const (&names)[N], bool allow_empty = false) {
    const std::string_view value = text(name);
    if (!ok() || (allow_empty && value.empty())) return;
    for (const char* candidate : names)
      if (value == candidate) return;
    const std::string shown = quote_for_message(value.data(), value.size());
    fail(name, "onbekende waarde " + shown + " (mogelijk: " + name_list(names) + ")",
         "unknown value " + shown + " (expected one of: " + name_list(names) + ")");
  }
  void date(const char* name);
  Value* array(const char* name);
  Value* object(const char* name);

  // The record is kept: give it the class version if it is the first kept one of its type.
  // Call after its children are done (adding a member may move this object's members).
  void keep();

 private:
  static constexpr std::size_t kMaxFields = 16;
  Record(Validator& validator, Value& object, const std::string& path, const char* field_in_parent,
         Kind kind, const char* const* fields, const std::size_t* lengths, std::size_t field_count);
  Value* field(const char* name);

  Validator& validator_;
  Value& object_;
  const std::string& path_;
  const char* field_in_parent_;  // or nullptr: the record is at path_ itself
  Kind kind_;
  const char* const* fields_;  // a static list: the record's fields in the order cereal writes them
  const std::size_t* lengths_;  // theirs
  std::size_t field_count_;
  Value* values_[kMaxFields] = {};
  std::size_t next_field_ = 0;  // the field after the one field() found last
  bool has_version_ = false;
  std::optional<Localized> problem_;
};

// Ids seen so far, each with the path of its record for messages: an open-addressing table. A
// std::unordered_map allocated a node per id, and hashed each id once to look and once to add.
class IdPaths {
  // Whether entry `i` has `id` (defined before its use, which deduces its type).
  auto same_id(std::string_view id) const {
    return [this, id](std::size_t e) { return same_text(entries_[e].id, id); };
  }

 public:
  // The path of the record with `id`, or nullptr.
  const std::string* find(std::string_view id) const {
    const std::size_t found = slots_.find(hash_text(id), same_id(id));
    return found == HashSlots::npos ? nullptr : &entries_[found].path;
  }
  bool contains(std::string_view id) const { return find(id) != nullptr; }
  bool empty() const { return entries_.empty(); }
  // Adds `id` unless it is there: the first record with an id keeps it.
  void add(std::string_view id, std::string path) {
    if (slots_.find_or_add(hash_text(id), entries_.size(), same_id(id)) == HashSlots::npos)
      entries_.push_back({std::string(id), std::move(path)});
  }

 private:
  struct Entry {
    std::string id;
    std::string path;
  };

  std::vector<Entry> entries_;
  HashSlots slots_;
};

// [SECTION] Validator: the walk over the plan.
class Validator {
 public:
  explicit Validator(Allocator& allocator) : allocator_(allocator) {}

  ValidationReport run(Value& plan);

  // A record, reference or field left out.
  void note(std::string path, const Localized& reason) {
    ++report_.problem_count;
    if (report_.skipped.size() < kMaxSkippedListed)
      report_.skipped.push_back({std::move(path), reason});
  }
  void fatal(const Localized& error) {
    if (report_.fatal) return;
    report_.fatal = true;
    report_.error = error;
  }
  void newer_class_version(const std::string& path, std::uint32_t version) {
    if (report_.fatal) return;
    fatal({"Dit bestand is gemaakt met een nieuwere versie van STO Planner (" + path +
               " heeft versie " + std::to_string(version) + "). Werk de app bij om het te openen.",
           "This file was made with a newer version of STO Planner (" + path + " has version " +
               std::to_string(version) + "). Update the app to open it."});
    report_.too_new = true;
  }

  Allocator& allocator_;
  ValidationReport report_;
  bool version_placed_[kKindCount] = {};
  std::uint32_t version_seen_[kKindCount] = {};  // 0: none seen yet

 private:
  // Keeps the elements of `array` for which keep(element, index, path) is true, in order, in one
  // linear pass; paths keep the file's original indexes.
  template <typename Keep>
  void filter(Value& array, const std::string& path, const char* name, Keep keep) {
    const rapidjson::SizeType size = array.Size();
    rapidjson::SizeType kept = 0;
    for (rapidjson::SizeType i = 0; i < size && !report_.fatal; ++i) {
      if (!keep(array[i], indexed(path, name, i))) continue;
      if (kept != i) array[kept].Swap(array[i]);
      ++kept;
    }
    if (kept != size) {
      array.Erase(array.Begin() + kept, array.End());
      report_.changed = true;
    }
  }
  void skip(const Record& record) { note(record.path(), record.problem()); }

 public:
  // One record each, in the context of the ids registered so far (the maps below).
  bool organisation(Value& value, const std::string& path);
  bool student_count(Value& value, const std::string& path);
  bool goal(Value& value, const std::string& path);
  bool activity(Value& value, const std::string& path);
  bool budget_line(Value& value, std::string path);  // kept in lines_
  bool scenario(Value& value, const std::string& path);

  // The first problem noted, or nothing.
  std::optional<Localized> first_problem() const {
    if (report_.fatal) return report_.error;
    if (report_.problem_count == 0) return std::nullopt;
    return report_.skipped.front().reason;
  }

 private:
  // Drops list entries that are not ids of `known` (or repeat one); `what` names the target.
  void reference_list(Value& list, const std::string& path, const char* name, const IdPaths& known,
                      const char* what_nl, const char* what_en);

 public:
  // Ids seen so far: id → path of its record.
  IdPaths organisations_;
  IdPaths goals_;
  IdPaths activities_;
  IdPaths lines_;
  IdPaths scenarios_;
};

Record::Record(Validator& validator, Value& object, const std::string& path,
               const char* field_in_parent, Kind kind, const char* const* fields,
               const std::size_t* lengths, std::size_t field_count)
    : validator_(validator),
      object_(object),
      path_(path),
      field_in_parent_(field_in_parent),
      kind_(kind),
      fields_(fields),
      lengths_(lengths),
      field_count_(field_count) {
  if (!object_.IsObject()) {
    problem_ = Localized{this->path() + ": moet een object {…} zijn",
                         this->path() + ": must be an object {…}"};
    return;
  }
  std::size_t expected = 0;  // the field after the last one found
  for (auto member = object_.MemberBegin(); member != object_.MemberEnd();) {
    const Value& name = member->name;
    if (name_is(name, kVersionField, kVersionFieldLength)) {
      const Value& version = member->value;
      const std::uint32_t current = current_version(kind_);
      if (!version.IsUint() || version.GetUint() == 0) {
        fail(kVersionField, "moet een geheel getal ≥ 1 zijn", "must be a whole number ≥ 1");
      } else if (version.GetUint() > current) {
        const std::string where = this->path();
        validator_.newer_class_version(where.empty() ? "plan" : where, version.GetUint());
        fail(kVersionField, "te nieuw", "too new");
      } else {
        has_version_ = true;
        auto& seen = validator_.version_seen_[static_cast<int>(kind_)];
        if (seen == 0) seen = version.GetUint();
      }
      ++member;
      continue;
    }
    // Files written by STO Planner have the fields in list order: try the next one first.
    std::size_t index = expected;
    bool known = false;
    for (std::size_t tried = 0; tried < field_count_ && !known; ++tried) {
      known = name_is(name, fields_[index], lengths_[index]);
      if (!known) index = index + 1 == field_count_ ? 0 : index + 1;
    }
    if (!known) {
      // Unknown fields are removed so that cereal never sees them (it matches names up to a NUL
      // byte, so "id\u0000x" could otherwise stand in for "id").
      const std::string field = printable_text(name.GetString(), name.GetStringLength());
      const std::string where = join(this->path(), field);
      validator_.note(where,
                      {where + ": onbekend veld, weggelaten", where + ": unknown field, left out"});
      member = object_.RemoveMember(member);
      validator_.report_.changed = true;
      continue;
    }
    if (values_[index]) {
      fail(fields_[index], "komt twee keer voor", "appears twice");
    } else {
      values_[index] = &member->value;
    }
    expected = index + 1 == field_count_ ? 0 : index + 1;
    ++member;
  }
}

Value* Record::field(const char* name) {
  if (problem_) return nullptr;
  // Callers pass the same literals as the field lists, mostly in their order: try the field after
  // the last one asked for, then compare addresses, then texts.
  std::size_t index = next_field_ < field_count_ && fields_[next_field_] == name ? next_field_ : 0;
  while (index < field_count_ && fields_[index] != name) ++index;
  if (index == field_count_) {
    index = 0;
    while (index < field_count_ && std::strcmp(fields_[index], name) != 0) ++index;
  }
  if (index == field_count_ || !values_[index]) {
    fail(name, "ontbreekt", "is missing");
    return nullptr;
  }
  next_field_ = index + 1;
  return values_[index];
}

std::string_view Record::text(const char* name, std::size_t max_bytes) {
  const Value* value = field(name);
  if (!value) return {};
  if (!value->IsString()) {
    fail(name, "moet tekst zijn", "must be text");
    return {};
  }
  const std::string_view text(value->GetString(), value->GetStringLength());
  if (text.size() > max_bytes) {
    fail(name, "is langer dan " + std::to_string(max_bytes) + " bytes",
         "is longer than " + std::to_string(max_bytes) + " bytes");
  } else if (!is_valid_utf8(text.data(), text.size())) {
    fail(name, "is geen geldige UTF-8-tekst", "is not valid UTF-8 text");
  } else if (text.find('\0') != std::string_view::npos) {
    fail(name, "bevat een NUL-teken", "contains a NUL character");
  } else {
    return text;
  }
  return {};
}

std::string_view Record::id(const char* name) {
  const std::string_view value = text(name);
  if (ok() && value.empty()) fail(name, "mag niet leeg zijn", "must not be empty");
  return value;
}

std::int64_t Record::integer(const char* name, std::int64_t min, std::int64_t max) {
  const Value* value = field(name);
  if (!value) return 0;
  // The bounds as text only for a message: building them for every number was a tenth of load.
  const auto low = [min] { return std::to_string(min); };
  const auto high = [max] { return std::to_string(max); };
  if (value->IsInt64()) {
    const std::int64_t number = value->GetInt64();
    if (number < min) {
      fail(name, "moet ≥ " + low() + " zijn", "must be ≥ " + low());
    } else if (number > max) {
      fail(name, "moet ≤ " + high() + " zijn", "must be ≤ " + high());
    } else {
      return number;
    }
  } else if (value->IsUint64()) {  // above INT64_MAX
    fail(name, "moet ≤ " + high() + " zijn", "must be ≤ " + high());
  } else if (value->IsDouble()) {
    // Compared as doubles, never converted to an integer: 1e308 must not become UB.
    const double number = value->GetDouble();
    if (number < static_cast<double>(min)) {
      fail(name, "moet ≥ " + low() + " zijn", "must be ≥ " + low());
    } else if (number > static_cast<double>(max)) {
      fail(name, "moet ≤ " + high() + " zijn", "must be ≤ " + high());
    } else {
      fail(name, "moet een geheel getal zijn, zonder decimale punt of exponent",
           "must be a whole number, without a decimal point or exponent");
    }
  } else {
    fail(name, "moet een getal zijn", "must be a number");
  }
  return 0;
}

void Record::boolean(const char* name) {
  const Value* value = field(name);
  if (value && !value->IsBool()) fail(name, "moet true of false zijn", "must be true or false");
}

void Record::date(const char* name) {
  const std::string_view value = text(name);
  if (!ok()) return;
  Date parsed;
  if (!parse_date_text(std::string(value), parsed)) {
    const std::string shown = quote_for_message(value.data(), value.size());
    const std::string years = std::to_string(kMinDateYear) + "–" + std::to_string(kMaxDateYear);
    fail(name, "geen datum (JJJJ-MM-DD, jaar " + years + "): " + shown,
         "not a date (YYYY-MM-DD, year " + years + "): " + shown);
  }
}

Value* Record::array(const char* name) {
  Value* value = field(name);
  if (value && !value->IsArray()) {
    fail(name, "moet een lijst […] zijn", "must be a list […]");
    return nullptr;
  }
  return value;
}

Value* Record::object(const char* name) {
  Value* value = field(name);
  if (value && !value->IsObject()) {
    fail(name, "moet een object {…} zijn", "must be an object {…}");
    return nullptr;
  }
  return value;
}

void Record::keep() {
  const int kind = static_cast<int>(kind_);
  if (validator_.version_placed_[kind]) return;
  validator_.version_placed_[kind] = true;
  if (has_version_) return;
  const std::uint32_t seen = validator_.version_seen_[kind];
  object_.AddMember(rapidjson::StringRef(kVersionField),
                    Value(seen ? seen : current_version(kind_)), validator_.allocator_);
  validator_.report_.changed = true;
}

// Years of the plan: 2000–2100.
std::int64_t year(Record& record, const char* name) {
  return record.integer(name, kMinPlanYear, kMaxPlanYear);
}

// Checks the fields of model record M in `r` that hold a plain value (text, a number within its
// limits, a flag, a choice, a date) as M's table in core/model/schema.h describes them, in the
// file's order; ids, references, years, lists and nested records are the caller's.
template <class M>
void check_plain_fields(Record& r) {
  using schema::Kind;
  schema::for_each_field<M>([&](const auto& f) {
    using FieldValue = typename std::decay_t<decltype(f)>::value_type;
    if constexpr (std::is_enum_v<FieldValue>) {
      r.enumeration(f.file, schema::names_of(FieldValue{}));
    } else {
      switch (f.kind) {
        case Kind::text: r.text(f.file); break;
        case Kind::flag: r.boolean(f.file); break;
        case Kind::date: r.date(f.file); break;
        case Kind::money:
        case Kind::milli:
        case Kind::count:
        case Kind::months:
        case Kind::basis_points: r.integer(f.file, f.min, f.max); break;
        default: break;
      }
    }
  });
}

// A revision id (revision_id.h: is_revision_id), or "" where `allow_empty`.
void revision_id(Record& record, const char* name, std::string_view value, bool allow_empty) {
  if (!record.ok() || (allow_empty && value.empty()) || is_revision_id(value)) return;
  const std::string shown = quote_for_message(value.data(), value.size());
  record.fail(
      name, "geen versie-id (" + std::to_string(kRevisionIdLength) + " tekens 0-9 a-f): " + shown,
      "not a revision id (" + std::to_string(kRevisionIdLength) + " characters 0-9 a-f): " + shown);
}

// A list of at most kMaxRevisionParents different revision ids.
void revision_ids(Record& record, const Value& list, const char* name) {
  if (list.Size() > kMaxRevisionParents)
    record.fail(name, "heeft meer dan " + std::to_string(kMaxRevisionParents) + " versies",
                "has more than " + std::to_string(kMaxRevisionParents) + " versions");
  for (rapidjson::SizeType i = 0; i < list.Size() && record.ok(); ++i) {
    const std::string field = std::string(name) + "[" + std::to_string(i) + "]";
    if (!list[i].IsString()) {
      record.fail(field, "moet tekst zijn", "must be text");
      break;
    }
    const std::string_view id(list[i].GetString(), list[i].GetStringLength());
    revision_id(record, field.c_str(), id, false);
    if (i == 1 && record.ok() && list[0] == list[1])
      record.fail(field, "staat er twee keer", "appears twice");
  }
}

// A duplicate id fails the record; otherwise the id is registered with the record's path.
void unique_id(Record& record, const char* field, std::string_view id, IdPaths& known) {
  if (!record.ok()) return;
  const std::string* found = known.find(id);
  if (found == nullptr) return;
  const std::string shown = quote_for_message(id.data(), id.size());
  record.fail(field, "dubbel id " + shown + " (al gebruikt door " + *found + ")",
              "duplicate id " + shown + " (already used by " + *found + ")");
}

bool Validator::organisation(Value& value, const std::string& path) {
  Record r(*this, value, path, Kind::organisation, kFieldsOf<Organisation>);
  const std::string_view id = r.id("id");
  check_plain_fields<Organisation>(r);
  unique_id(r, "id", id, organisations_);
  if (!r.ok()) {
    skip(r);
    return false;
  }
  organisations_.add(id, path);
  r.keep();
  return true;
}

bool Validator::student_count(Value& value, const std::string& path) {
  Record r(*this, value, path, Kind::student_count, kFieldsOf<StudentCount>);
  const std::string_view organisation_id = r.id("organisation_id");
  check_plain_fields<StudentCount>(r);
  if (r.ok() && !organisations_.contains(organisation_id)) {
    const std::string shown = quote_for_message(organisation_id.data(), organisation_id.size());
    r.fail("organisation_id", "verwijst naar organisatie " + shown + ", die niet in het plan staat",
           "refers to organisation " + shown + ", which is not in the plan");
  }
  if (!r.ok()) {
    skip(r);
    return false;
  }
  r.keep();
  return true;
}

bool Validator::goal(Value& value, const std::string& path) {
  Record r(*this, value, path, Kind::goal, kFieldsOf<Goal>);
  const std::string_view id = r.id("id");
  r.text("title");
  r.text("theme");
  Value* indicators = r.array("indicators");
  unique_id(r, "id", id, goals_);
  if (!r.ok()) {
    skip(r);
    return false;
  }
  goals_.add(id, path);

  IdPaths indicator_ids;  // unique within the goal
  filter(*indicators, path, "indicators", [&](Value& item, const std::string& item_path) {
    Record ind(*this, item, item_path, Kind::indicator, kFieldsOf<Indicator>);
    const std::string_view indicator_id = ind.text("id");
    ind.text("name");
    ind.text("unit");
    const std::int64_t baseline_year = ind.integer("baseline_year", 0, kMaxPlanYear);
    if (baseline_year != 0 && baseline_year < kMinPlanYear)
      ind.fail("baseline_year", "moet 0 (niet ingevuld) of 2000–2100 zijn",
               "must be 0 (not set) or 2000–2100");
    ind.integer("baseline_milli", -kMaxIndicatorMilli, kMaxIndicatorMilli);
    Value* targets = ind.array("targets");
    if (!indicator_id.empty()) unique_id(ind, "id", indicator_id, indicator_ids);
    if (!ind.ok()) {
      skip(ind);
      return false;
    }
    if (!indicator_id.empty()) indicator_ids.add(indicator_id, item_path);

    std::unordered_set<std::int64_t> years;
    filter(*targets, item_path, "targets", [&](Value& target, const std::string& target_path) {
      Record t(*this, target, target_path, Kind::year_value, kFieldsOf<YearValue>);
      const std::int64_t target_year = year(t, "year");
      t.integer("value_milli", -kMaxIndicatorMilli, kMaxIndicatorMilli);
      if (t.ok() && !years.insert(target_year).second)
        t.fail("year", "komt twee keer voor in deze indicator", "appears twice in this indicator");
      if (!t.ok()) {
        skip(t);
        return false;
      }
      t.keep();
      return true;
    });
    ind.keep();
    return true;
  });
  r.keep();
  return true;
}

void Validator::reference_list(Value& list, const std::string& path, const char* name,
                               const IdPaths& known, const char* what_nl, const char* what_en) {
  std::unordered_set<std::string> seen;
  filter(list, path, name, [&](Value& item, const std::string& item_path) {
    if (!item.IsString()) {
      note(item_path, {item_path + ": moet tekst (een id) zijn, weggelaten",
                       item_path + ": must be text (an id), left out"});
      return false;
    }
    const std::string_view id(item.GetString(), item.GetStringLength());
    const std::string shown = quote_for_message(id.data(), id.size());
    if (!known.contains(id)) {
      note(item_path, {item_path + ": verwijst naar " + what_nl + " " + shown +
                           ", die niet in het plan staat; verwijzing weggelaten",
                       item_path + ": refers to " + what_en + " " + shown +
                           ", which is not in the plan; reference left out"});
      return false;
    }
    if (!seen.insert(std::string(id)).second) {
      note(item_path, {item_path + ": " + shown + " staat er twee keer in; weggelaten",
                       item_path + ": " + shown + " is listed twice; left out"});
      return false;
    }
    return true;
  });
}

bool Validator::activity(Value& value, const std::string& path) {
  Record r(*this, value, path, Kind::activity, kFieldsOf<Activity>);
  const std::string_view id = r.id("id");
  r.text("title");
  r.text("theme");
  const std::string_view lead = r.text("lead_organisation_id");
  Value* partners = r.array("partner_ids");
  Value* goals = r.array("goal_ids");
  Value* years = r.array("years");
  Value* lines = r.array("lines");
  unique_id(r, "id", id, activities_);
  if (!r.ok()) {
    skip(r);
    return false;
  }
  activities_.add(id, path);

  if (!lead.empty() && !organisations_.contains(lead)) {
    const std::string where = join(path, "lead_organisation_id");
    const std::string shown = quote_for_message(lead.data(), lead.size());
    note(where, {where + ": verwijst naar organisatie " + shown +
                     ", die niet in het plan staat; penvoerende organisatie leeggemaakt",
                 where + ": refers to organisation " + shown +
                     ", which is not in the plan; lead organisation cleared"});
    value["lead_organisation_id"].SetString(rapidjson::StringRef(""));
    report_.changed = true;
  }
  reference_list(*partners, path, "partner_ids", organisations_, "organisatie", "organisation");
  reference_list(*goals, path, "goal_ids", goals_, "doel", "goal");
  std::unordered_set<std::int64_t> seen_years;
  filter(*years, path, "years", [&](Value& item, const std::string& item_path) {
    if (!item.IsInt() || item.GetInt() < kMinPlanYear || item.GetInt() > kMaxPlanYear) {
      note(item_path, {item_path + ": moet een jaar 2000–2100 zijn, weggelaten",
                       item_path + ": must be a year 2000–2100, left out"});
      return false;
    }
    if (!seen_years.insert(item.GetInt()).second) {
      note(item_path, {item_path + ": jaar staat er twee keer in; weggelaten",
                       item_path + ": year is listed twice; left out"});
      return false;
    }
    return true;
  });
  filter(*lines, path, "lines", [&](Value& line, std::string&& line_path) {
    return budget_line(line, std::move(line_path));
  });
  r.keep();
  return true;
}

bool Validator::budget_line(Value& value, std::string path) {
  Record r(*this, value, path, Kind::budget_line, kBudgetLineFields);
  const std::string_view id = r.id("id");
  const std::string_view organisation_id = r.text("organisation_id");
  year(r, "year");
  check_plain_fields<BudgetLine>(r);
  r.boolean(schema::kBudgetLineIsInvestment);
  Value* investment = r.object("investment");
  unique_id(r, "id", id, lines_);
  if (r.ok() && !organisation_id.empty() && !organisations_.contains(organisation_id)) {
    const std::string shown = quote_for_message(organisation_id.data(), organisation_id.size());
    r.fail("organisation_id", "verwijst naar organisatie " + shown + ", die niet in het plan staat",
           "refers to organisation " + shown + ", which is not in the plan");
  }
  if (!r.ok()) {
    skip(r);
    return false;
  }
  Record inv(*this, *investment, path, "investment", Kind::investment, kFieldsOf<Investment>);
  check_plain_fields<Investment>(inv);
  if (!inv.ok()) {
    note(path, inv.problem());  // the line goes with its investment
    return false;
  }
  // The path moves into the table rather than being copied, one allocation fewer per line. r and
  // inv still refer to it but no longer read it; the id is copied before keep() moves members.
  lines_.add(id, std::move(path));
  inv.keep();
  r.keep();
  return true;
}

// Scenarios (plan v2). An override naming a line or student count that is not in the plan is
// kept: base edits may remove its target, and core/rules/scenario.cpp reports it instead.
bool Validator::scenario(Value& value, const std::string& path) {
  Record r(*this, value, path, Kind::scenario, kFieldsOf<Scenario>);
  const std::string_view id = r.id("id");
  r.text("name");
  Value* overrides = r.array("overrides");
  unique_id(r, "id", id, scenarios_);
  if (!r.ok()) {
    skip(r);
    return false;
  }
  scenarios_.add(id, path);
  std::unordered_set<std::string> keys;  // kind (+ target where the kind has one): one each
  // Contradictory bases (files before v5 keyed them by target): the last one is kept.
  const Value* last_base = nullptr;
  for (const Value& item : overrides->GetArray())
    if (item.IsObject() && item.HasMember("kind") && item["kind"] == "cofinancing_base")
      last_base = &item;
  filter(*overrides, path, "overrides", [&](Value& item, const std::string& item_path) {
    Record o(*this, item, item_path, Kind::scenario_override, kFieldsOf<ScenarioOverride>);
    o.enumeration("kind", enum_names::override_kind);
    // The kind's row of core/model/override_kinds.h: its value's range and whether it needs a
    // target.
    const OverrideKindInfo* info = nullptr;
    if (o.ok()) {
      const Value& name = item["kind"];  // read with its length: it need not end in a NUL
      info = find_override_kind({name.GetString(), name.GetStringLength()});
    }
    const std::string_view kind = info != nullptr ? info->id : "";
    const std::string_view target = o.text("target");
    o.integer("value", info != nullptr ? info->min_value : 0,
              info != nullptr ? info->max_value : 0);
    o.integer("replaces", 0, info != nullptr ? info->max_replaces : 0);
    if (o.ok() && info != nullptr && info->needs_target && target.empty())
      o.fail("target", "mag niet leeg zijn bij " + std::string(kind),
             "must not be empty for " + std::string(kind));
    if (o.ok() && kind == "cofinancing_base" && &item != last_base)
      o.fail("kind", "een latere grondslag in dit scenario geldt; deze is weggelaten",
             "a later cofinancing base in this scenario applies; this one was left out");
    const std::string key =
        std::string(kind) + '\n' +
        std::string(info != nullptr && info->needs_target ? target : std::string_view());
    if (o.ok() && !keys.insert(key).second)
      o.fail("kind", "staat al eerder in dit scenario (zelfde soort en doel)",
             "already appears in this scenario (same kind and target)");
    if (!o.ok()) {
      skip(o);
      return false;
    }
    o.keep();
    return true;
  });
  r.keep();
  return true;
}

ValidationReport Validator::run(Value& plan) {
  const std::string top;  // the plan's own fields have no path before them
  Record p(*this, plan, top, Kind::plan, kFieldsOf<Plan>);
  p.text("title");
  p.boolean("is_example");
  Value* region = p.object("region");
  p.text("scheme_id");
  p.text("cofinancing_option");
  p.enumeration("cofinancing_base", enum_names::cofinancing_base, true);
  p.text("submission_round");
  Value* organisations = p.array("organisations");
  Value* student_counts = p.array("student_counts");
  Value* goals = p.array("goals");
  Value* activities = p.array("activities");
  p.text("notes", kMaxNotesBytes);
  p.text("changes_since_original_plan", kMaxNotesBytes);
  p.text("earlier_grant_activities", kMaxNotesBytes);
  Value* scenarios = p.array("scenarios");
  Value* lineage = p.object("lineage");
  if (!p.ok()) fatal(p.problem());
  if (report_.fatal) return std::move(report_);

  const std::string region_path = "region";
  Record r(*this, *region, region_path, Kind::region, kFieldsOf<Region>);
  r.text("name");
  r.enumeration("type", enum_names::region_type);
  r.integer("previous_grant_cents", 0, kMaxAmountCents);
  r.integer("fixed_maximum_cents", 0, kMaxAmountCents);
  if (!r.ok()) fatal(r.problem());
  if (report_.fatal) return std::move(report_);
  r.keep();

  // A lineage that is not what this build writes is refused whole: merging against a made-up
  // ancestry could offer changes that undo the user's own work.
  const std::string lineage_path = "lineage";
  Record l(*this, *lineage, lineage_path, Kind::lineage, kFieldsOf<Lineage>);
  l.text("plan_id");
  revision_id(l, "revision", l.text("revision"), true);
  Value* parents = l.array("parents");
  Value* history = l.array("history");
  if (parents) revision_ids(l, *parents, "parents");
  if (history && history->Size() > kMaxLineageHistory)
    l.fail("history", "heeft meer dan " + std::to_string(kMaxLineageHistory) + " versies",
           "has more than " + std::to_string(kMaxLineageHistory) + " versions");
  if (history && l.ok()) {
    for (rapidjson::SizeType i = 0; i < history->Size() && l.ok(); ++i) {
      Value& item = (*history)[i];
      const std::string item_path = "lineage.history[" + std::to_string(i) + "]";
      if (!item.IsObject()) {
        l.fail("history[" + std::to_string(i) + "]", "moet een object {…} zijn",
               "must be an object {…}");
        break;
      }
      Record node(*this, item, item_path, Kind::revision_node, kFieldsOf<RevisionNode>);
      revision_id(node, "id", node.text("id"), false);
      Value* node_parents = node.array("parents");
      if (node_parents) revision_ids(node, *node_parents, "parents");
      if (!node.ok()) {
        fatal(node.problem());
        break;
      }
      node.keep();
    }
  }
  if (!l.ok()) fatal(l.problem());
  if (report_.fatal) return std::move(report_);
  l.keep();

  filter(*organisations, "", "organisations",
         [this](Value& v, const std::string& path) { return organisation(v, path); });
  filter(*student_counts, "", "student_counts",
         [this](Value& v, const std::string& path) { return student_count(v, path); });
  filter(*goals, "", "goals", [this](Value& v, const std::string& path) { return goal(v, path); });
  filter(*activities, "", "activities",
         [this](Value& v, const std::string& path) { return activity(v, path); });
  filter(*scenarios, "", "scenarios",
         [this](Value& v, const std::string& path) { return scenario(v, path); });
  if (report_.fatal) return std::move(report_);
  p.keep();  // last: adding a member to the plan object may move its members

  if (report_.problem_count > report_.skipped.size()) {
    const std::string more = std::to_string(report_.problem_count - report_.skipped.size());
    report_.skipped.push_back(
        {"", {"… en nog " + more + " problemen", "… and " + more + " more problems"}});
  }
  return std::move(report_);
}

}  // namespace

ValidationReport validate_plan(rapidjson::Value& plan,
                               rapidjson::Document::AllocatorType& allocator) {
  Validator validator(allocator);
  return validator.run(plan);
}

// [SECTION] One record of a plan in memory

namespace {

// The record as a plan file holds it, parsed back: the loader's checks then run on exactly what a
// save would write.
template <class T>
rapidjson::Document record_dom(const T& record) {
  // The bytes cereal's JSON archive writes, without an ostream: constructing one (its locale) cost
  // more in wasm than the rest of an edit's check.
  const std::string text = compact_json(cereal::make_nvp("record", record));
  rapidjson::Document dom;
  dom.Parse<rapidjson::kParseNoFlags>(text.data(), text.size());  // written here: well-formed
  return dom;
}

std::string line_path(std::size_t activity, std::size_t line) {
  return indexed(indexed("", "activities", activity), "lines", line);
}

// Registers the ids of `items` but the one at `except` under their paths, as the loader would have
// seen them.
template <class T>
void know_ids(IdPaths& known, const std::vector<T>& items, const char* array, std::size_t except) {
  for (std::size_t i = 0; i < items.size(); ++i)
    if (i != except) known.add(items[i].id, indexed("", array, i));
}

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

// The edit-boundary check of one record: `record` as a save would write it, validated by
// `validate(validator, dom)` (which registers the ids it is checked against); the first problem.
template <class T, class Validate>
std::optional<Localized> check_record(const T& record, Validate validate) {
  rapidjson::Document dom = record_dom(record);
  Validator validator(dom.GetAllocator());
  validate(validator, dom["record"]);
  return validator.first_problem();
}

}  // namespace

std::optional<Localized> check_plan_fields(const Plan& plan) {
  Plan fields;  // the plan without its records: they have checks of their own
  fields.title = plan.title;
  fields.region = plan.region;
  fields.scheme_id = plan.scheme_id;
  fields.cofinancing_option = plan.cofinancing_option;
  fields.cofinancing_base = plan.cofinancing_base;
  fields.submission_round = plan.submission_round;
  fields.notes = plan.notes;
  fields.changes_since_original_plan = plan.changes_since_original_plan;
  fields.earlier_grant_activities = plan.earlier_grant_activities;
  fields.is_example = plan.is_example;
  rapidjson::Document dom = record_dom(fields);
  Validator validator(dom.GetAllocator());
  const ValidationReport report = validator.run(dom["record"]);  // run() hands its report over
  if (report.fatal) return report.error;
  if (report.problem_count > 0) return report.skipped.front().reason;
  return std::nullopt;
}

std::optional<Localized> check_organisation(const Plan& plan, std::size_t index) {
  return check_record(plan.organisations[index], [&](Validator& v, Value& record) {
    know_ids(v.organisations_, plan.organisations, "organisations", index);
    v.organisation(record, indexed("", "organisations", index));
  });
}

std::optional<Localized> check_student_count(const Plan& plan, std::size_t index) {
  return check_record(plan.student_counts[index], [&](Validator& v, Value& record) {
    know_ids(v.organisations_, plan.organisations, "organisations", kNone);
    v.student_count(record, indexed("", "student_counts", index));
  });
}

std::optional<Localized> check_goal(const Plan& plan, std::size_t index) {
  return check_record(plan.goals[index], [&](Validator& v, Value& record) {
    know_ids(v.goals_, plan.goals, "goals", index);
    v.goal(record, indexed("", "goals", index));
  });
}

std::optional<Localized> check_activity(const Plan& plan, std::size_t index) {
  const Activity& activity = plan.activities[index];
  Activity fields;  // without its lines: they are checked one by one
  fields.id = activity.id;
  fields.title = activity.title;
  fields.theme = activity.theme;
  fields.lead_organisation_id = activity.lead_organisation_id;
  fields.partner_ids = activity.partner_ids;
  fields.goal_ids = activity.goal_ids;
  fields.years = activity.years;
  return check_record(fields, [&](Validator& v, Value& record) {
    know_ids(v.activities_, plan.activities, "activities", index);
    know_ids(v.organisations_, plan.organisations, "organisations", kNone);
    know_ids(v.goals_, plan.goals, "goals", kNone);
    v.activity(record, indexed("", "activities", index));
  });
}

std::optional<Localized> check_budget_line(const Plan& plan, std::size_t activity, std::size_t line,
                                           LineId id) {
  const BudgetLine& checked = plan.activities[activity].lines[line];
  return check_record(checked, [&](Validator& v, Value& record) {
    know_ids(v.organisations_, plan.organisations, "organisations", kNone);
    // Only another line with the same id matters: registering all 100,000 would cost
    // milliseconds.
    for (std::size_t a = 0; id == LineId::is_new && a < plan.activities.size() && v.lines_.empty();
         ++a) {
      const std::vector<BudgetLine>& lines = plan.activities[a].lines;
      for (std::size_t l = 0; l < lines.size(); ++l)
        if (lines[l].id == checked.id && (a != activity || l != line)) {
          v.lines_.add(checked.id, line_path(a, l));
          break;
        }
    }
    v.budget_line(record, line_path(activity, line));
  });
}

std::optional<Localized> check_scenario(const Plan& plan, std::size_t index) {
  return check_record(plan.scenarios[index], [&](Validator& v, Value& record) {
    know_ids(v.scenarios_, plan.scenarios, "scenarios", index);
    v.scenario(record, indexed("", "scenarios", index));
  });
}

}  // namespace sto
