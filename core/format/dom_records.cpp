// Budget lines read straight from the checked DOM (dom_archive.h). They are nearly all of a plan's
// records; read through cereal, every field of every line cost a name search with its strlen, and
// every line and investment a class-version lookup, an enum or date a string copy. Here each
// field is read by its file key from the tables of core/model/schema.h, into the values
// serialize.h's load gives. validate.cpp has checked every field first: a missing or mistyped
// one here is a bug, and throws as cereal would.
#include <array>
#include <cereal/cereal.hpp>
#include <string_view>
#include <type_traits>

#include "format/dom_archive.h"
#include "format/serialize.h"
#include "model/schema.h"

namespace sto {
namespace {

// The member of `object` named `key`, looked for first where the last one found ended (`next`).
const rapidjson::Value& member(const rapidjson::Value& object, std::string_view key,
                               rapidjson::SizeType& next) {
  const rapidjson::SizeType i = member_index(object, key, next);
  next = i + 1;
  return object.MemberBegin()[i].value;
}

// schema.h's file keys of `Record` with their lengths, worked out at compile time.
template <class Record>
constexpr auto keys_with_lengths() {
  constexpr auto keys = schema::file_keys<Record>();
  std::array<std::string_view, keys.size()> out{};
  for (std::size_t i = 0; i < keys.size(); ++i) out[i] = keys[i];
  return out;
}
template <class Record>
inline constexpr auto kFileKeys = keys_with_lengths<Record>();

std::string_view text_of(const rapidjson::Value& value) {
  return {value.GetString(), value.GetStringLength()};
}

// One field's value, as serialize.h's load reads it.
template <class Value>
void read_value(const rapidjson::Value& value, Value& out) {
  if constexpr (std::is_same_v<Value, std::string>) {
    out.assign(value.GetString(), value.GetStringLength());
  } else if constexpr (std::is_same_v<Value, Money>) {
    out.cents = value.GetInt64();
  } else if constexpr (std::is_same_v<Value, std::int64_t>) {
    out = value.GetInt64();
  } else if constexpr (std::is_same_v<Value, int>) {
    out = value.GetInt();
  } else if constexpr (std::is_same_v<Value, bool>) {
    out = value.GetBool();
  } else if constexpr (std::is_enum_v<Value>) {
    if (!enum_names::from_name(text_of(value), schema::names_of(Value{}), out))
      throw FormatError("unknown value \"" + std::string(text_of(value)) + "\"");
  } else if constexpr (std::is_same_v<Value, Date>) {
    out = date_from_text(std::string(text_of(value)));
  } else {
    static_assert(sizeof(Value) == 0, "a field of a kind this reader does not read");
  }
}

template <class Record>
void read_fields(const rapidjson::Value& object, Record& record) {
  if (!object.IsObject()) throw cereal::Exception("Expected an object");
  rapidjson::SizeType next = 0;
  std::size_t index = 0;
  schema::for_each_field<Record>([&](const auto& field) {
    const std::string_view key = kFileKeys<Record>[index++];
    using Value = typename std::decay_t<decltype(field)>::value_type;
    if constexpr (std::is_same_v<Value, std::optional<Investment>>) {
      // Written as "is_investment", then an "investment" object (zeros when there is none).
      const bool is_investment = member(object, schema::kBudgetLineIsInvestment, next).GetBool();
      Investment investment;
      read_fields(member(object, key, next), investment);
      field.of(record) = is_investment ? std::optional<Investment>(investment) : std::nullopt;
    } else {
      read_value(member(object, key, next), field.of(record));
    }
  });
}

}  // namespace

// Here rather than inline in dom_archive.h: member_index() stays small enough to inline.
rapidjson::SizeType search_member(const rapidjson::Value& object, std::string_view key) {
  for (rapidjson::SizeType i = 0; object.IsObject() && i < object.MemberCount(); ++i)
    if (member_is(object, i, key)) return i;
  throw cereal::Exception("Field \"" + std::string(key) + "\" not found");
}

void load(DomInputArchive& archive, std::vector<BudgetLine>& lines) {
  const rapidjson::Value& list = archive.node();
  lines.resize(list.Size());
  for (rapidjson::SizeType i = 0; i < list.Size(); ++i) read_fields(list[i], lines[i]);
}

}  // namespace sto
