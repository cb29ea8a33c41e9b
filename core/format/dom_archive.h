// A cereal input archive over a rapidjson DOM that is already in memory, so that a plan file is
// parsed once: file_format.cpp parses and validates the DOM, then loads it through the cereal
// functions of serialize.h with this archive instead of having cereal parse the text again.
// It reads exactly what cereal::JSONInputArchive reads (named fields, searched when out of order;
// cereal_class_version on a type's first object; lists as JSON arrays), following cereal 1.3.2's
// archives/json.hpp (BSD-3-Clause, W. Shane Grant and Randolph Voorhies). Names match exactly
// (cereal's own archive stops comparing at a NUL byte). No platform headers.
#pragma once
#include <cereal/archives/json.hpp>  // rapidjson with cereal's throwing RAPIDJSON_ASSERT
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "model/hash.h"

namespace sto {

struct BudgetLine;

// Whether member `i` of `object` is named `key`.
inline bool member_is(const rapidjson::Value& object, rapidjson::SizeType i, std::string_view key) {
  const rapidjson::Value& name = object.MemberBegin()[i].name;
  return same_text({name.GetString(), name.GetStringLength()}, key);
}

// The index of the first member of `object` named `key`; throws as cereal's archive does when
// there is none.
rapidjson::SizeType search_member(const rapidjson::Value& object, std::string_view key);

// The index of the member of `object` named `key`: `at` first (a file written by the app has its
// fields in the order they are read), else searched.
inline rapidjson::SizeType member_index(const rapidjson::Value& object, std::string_view key,
                                        rapidjson::SizeType at) {
  if (object.IsObject() && at < object.MemberCount() && member_is(object, at, key)) return at;
  return search_member(object, key);
}

class DomInputArchive : public cereal::InputArchive<DomInputArchive>,
                        public cereal::traits::TextArchive {
 public:
  // `root` (an object) must outlive the archive. Type errors throw cereal::RapidJSONException
  // (RAPIDJSON_ASSERT) and missing names cereal::Exception, as with cereal's JSON archive.
  explicit DomInputArchive(const rapidjson::Value& root)
      : cereal::InputArchive<DomInputArchive>(this) {
    stack_.emplace_back(root);
  }

  // [SECTION] The interface cereal's prologue/epilogue functions below use.
  void startNode() {
    search();
    const rapidjson::Value& node = stack_.back().value();
    stack_.emplace_back(node);
  }
  void finishNode() {
    stack_.pop_back();
    ++stack_.back();
  }
  void setNextName(const char* name) { next_name_ = name; }

  template <class T,
            cereal::traits::EnableIf<std::is_signed<T>::value, sizeof(T) < sizeof(std::int64_t)> =
                cereal::traits::sfinae>
  void loadValue(T& value) {
    value = static_cast<T>(next().GetInt());
  }
  template <class T,
            cereal::traits::EnableIf<std::is_unsigned<T>::value, sizeof(T) < sizeof(std::uint64_t),
                                     !std::is_same<bool, T>::value> = cereal::traits::sfinae>
  void loadValue(T& value) {
    value = static_cast<T>(next().GetUint());
  }
  void loadValue(bool& value) { value = next().GetBool(); }
  void loadValue(std::int64_t& value) { value = next().GetInt64(); }
  void loadValue(std::uint64_t& value) { value = next().GetUint64(); }
  void loadValue(double& value) { value = next().GetDouble(); }
  void loadValue(std::string& value) {
    const rapidjson::Value& text = next();
    value.assign(text.GetString(), text.GetStringLength());
  }
  void loadValue(std::nullptr_t&) {
    if (!next().IsNull()) throw cereal::Exception("expected null");
  }
  // The size of the list whose node was just started.
  void loadSize(cereal::size_type& size) { size = stack_.back().node().Size(); }
  // The object or list whose node was just started.
  const rapidjson::Value& node() const { return stack_.back().node(); }

 private:
  // The children of one object or array, read in order; named reads jump to the name.
  class Cursor {
   public:
    explicit Cursor(const rapidjson::Value& node) : node_(&node) {}
    const rapidjson::Value& node() const { return *node_; }
    const rapidjson::Value& value() const {
      if (node_->IsArray()) {
        if (index_ >= node_->Size()) throw cereal::Exception("No more values in the list");
        return (*node_)[index_];
      }
      if (node_->IsObject()) {
        if (index_ >= node_->MemberCount()) throw cereal::Exception("No more fields in the object");
        return node_->MemberBegin()[index_].value;
      }
      throw cereal::Exception("Expected an object or a list");
    }
    // Moves to the field named `name`.
    void search(std::string_view name) { index_ = member_index(*node_, name, index_); }
    Cursor& operator++() {
      ++index_;
      return *this;
    }

   private:
    const rapidjson::Value* node_;
    rapidjson::SizeType index_ = 0;
  };

  // Moves to the field named by the last setNextName, if any.
  void search() {
    const char* name = next_name_;
    next_name_ = nullptr;
    if (name) stack_.back().search(name);
  }
  const rapidjson::Value& next() {
    search();
    const rapidjson::Value& value = stack_.back().value();
    ++stack_.back();
    return value;
  }

  const char* next_name_ = nullptr;
  std::vector<Cursor> stack_;
};

// [SECTION] cereal's hooks for this archive, as cereal/archives/json.hpp defines them for its own.
// Found by argument-dependent lookup; more specialised than cereal's generic ones.

template <class T>
void prologue(DomInputArchive&, const cereal::NameValuePair<T>&) {}
template <class T>
void epilogue(DomInputArchive&, const cereal::NameValuePair<T>&) {}
template <class T>
void prologue(DomInputArchive&, const cereal::DeferredData<T>&) {}
template <class T>
void epilogue(DomInputArchive&, const cereal::DeferredData<T>&) {}
template <class T>
void prologue(DomInputArchive&, const cereal::SizeTag<T>&) {}
template <class T>
void epilogue(DomInputArchive&, const cereal::SizeTag<T>&) {}

// Objects and lists open a node; minimal types (enums, Money, Date) and plain values do not.
template <class T,
          cereal::traits::EnableIf<
              !std::is_arithmetic<T>::value,
              !cereal::traits::has_minimal_base_class_serialization<
                  T, cereal::traits::has_minimal_input_serialization, DomInputArchive>::value,
              !cereal::traits::has_minimal_input_serialization<T, DomInputArchive>::value> =
              cereal::traits::sfinae>
void prologue(DomInputArchive& archive, const T&) {
  archive.startNode();
}
template <class T,
          cereal::traits::EnableIf<
              !std::is_arithmetic<T>::value,
              !cereal::traits::has_minimal_base_class_serialization<
                  T, cereal::traits::has_minimal_input_serialization, DomInputArchive>::value,
              !cereal::traits::has_minimal_input_serialization<T, DomInputArchive>::value> =
              cereal::traits::sfinae>
void epilogue(DomInputArchive& archive, const T&) {
  archive.finishNode();
}

inline void prologue(DomInputArchive&, const std::nullptr_t&) {}
inline void epilogue(DomInputArchive&, const std::nullptr_t&) {}
template <class T, cereal::traits::EnableIf<std::is_arithmetic<T>::value> = cereal::traits::sfinae>
void prologue(DomInputArchive&, const T&) {}
template <class T, cereal::traits::EnableIf<std::is_arithmetic<T>::value> = cereal::traits::sfinae>
void epilogue(DomInputArchive&, const T&) {}
template <class CharT, class Traits, class Alloc>
void prologue(DomInputArchive&, const std::basic_string<CharT, Traits, Alloc>&) {}
template <class CharT, class Traits, class Alloc>
void epilogue(DomInputArchive&, const std::basic_string<CharT, Traits, Alloc>&) {}

template <class T>
void CEREAL_LOAD_FUNCTION_NAME(DomInputArchive& archive, cereal::NameValuePair<T>& pair) {
  archive.setNextName(pair.name);
  archive(pair.value);
}
inline void CEREAL_LOAD_FUNCTION_NAME(DomInputArchive& archive, std::nullptr_t& value) {
  archive.loadValue(value);
}
template <class T, cereal::traits::EnableIf<std::is_arithmetic<T>::value> = cereal::traits::sfinae>
void CEREAL_LOAD_FUNCTION_NAME(DomInputArchive& archive, T& value) {
  archive.loadValue(value);
}
inline void CEREAL_LOAD_FUNCTION_NAME(DomInputArchive& archive, std::string& value) {
  archive.loadValue(value);
}
template <class T>
void CEREAL_LOAD_FUNCTION_NAME(DomInputArchive& archive, cereal::SizeTag<T>& tag) {
  archive.loadSize(tag.size);
}

// A plan's budget lines, read from the DOM without cereal (dom_records.cpp): preferred to
// cereal's load of a vector as it is no template.
void load(DomInputArchive& archive, std::vector<BudgetLine>& lines);

}  // namespace sto

CEREAL_REGISTER_ARCHIVE(sto::DomInputArchive)

// cereal checks load_minimal against the matching output archive's save_minimal: files are written
// with its JSON archive. (Only this direction: JSONOutputArchive keeps JSONInputArchive as its
// pair.)
namespace cereal::traits::detail {
template <>
struct get_output_from_input<sto::DomInputArchive> {
  using type = cereal::JSONOutputArchive;
};
}  // namespace cereal::traits::detail
