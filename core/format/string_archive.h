// A cereal output archive that writes exactly the bytes cereal::JSONOutputArchive writes, into a
// rapidjson StringBuffer instead of a std::ostream: cereal's archive puts every character through
// std::ostream::put (a sentry each), which made saving a plan four times slower in wasm. The
// node bookkeeping (objects started lazily, "valueN" names for unnamed fields, lists as arrays)
// follows cereal 1.3.2's archives/json.hpp (BSD-3-Clause, W. Shane Grant and Randolph Voorhies);
// tests/core/test_plan_writer.cpp compares both on every sample and on generated plans.
// No platform headers.
#pragma once
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <cereal/archives/json.hpp>  // rapidjson configured as cereal configures it
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace sto {

class StringOutputArchive : public cereal::OutputArchive<StringOutputArchive>,
                            public cereal::traits::TextArchive {
 public:
  // Indents with `indent_length` copies of `indent_char` per level, as cereal's Options do.
  StringOutputArchive(char indent_char, unsigned indent_length)
      : cereal::OutputArchive<StringOutputArchive>(this), writer_(buffer_) {
    writer_.SetIndent(indent_char, indent_length);
    name_counters_.push_back(0);
    nodes_.push_back(Node::start_object);
  }

  // Closes the root object (cereal's archive does this in its destructor). Call once, last.
  void finish() {
    if (nodes_.back() == Node::in_object) writer_.EndObject();
    if (nodes_.back() == Node::in_array) writer_.EndArray();
  }
  // The text written so far; complete after finish().
  // Valid while the archive lives and writes nothing more.
  std::string_view text() const { return {buffer_.GetString(), buffer_.GetSize()}; }
  std::size_t size() const { return buffer_.GetSize(); }
  // Room for `bytes` more, so a text of megabytes is not copied as it grows.
  void reserve(std::size_t bytes) { buffer_.Reserve(bytes); }

  // [SECTION] The interface the prologue/epilogue functions below use, as in cereal.
  void startNode() {
    writeName();
    nodes_.push_back(Node::start_object);
    name_counters_.push_back(0);
  }
  // Ends the node; an empty one is written as {} or [].
  void finishNode() {
    switch (nodes_.back()) {
      case Node::start_array: writer_.StartArray(); [[fallthrough]];
      case Node::in_array: writer_.EndArray(); break;
      case Node::start_object: writer_.StartObject(); [[fallthrough]];
      case Node::in_object: writer_.EndObject(); break;
    }
    nodes_.pop_back();
    name_counters_.pop_back();
  }
  void setNextName(const char* name) { next_name_ = name; }
  void makeArray() { nodes_.back() = Node::start_array; }

  void saveValue(bool value) { writer_.Bool(value); }
  // Integers as cereal writes them: up to 32 bits as Int/Uint, 64 bits as Int64/Uint64. (cereal
  // writes a `long long` distinct from int64_t as text; the format has none, so it does not
  // compile here.)
  template <class T,
            std::enable_if_t<std::is_integral<T>::value && !std::is_same<T, bool>::value, int> = 0>
  void saveValue(T value) {
    static_assert(sizeof(T) < sizeof(long long) || std::is_same<T, long>::value ||
                      std::is_same<T, unsigned long>::value ||
                      std::is_same<T, std::int64_t>::value || std::is_same<T, std::uint64_t>::value,
                  "cereal writes this integer type as text");
    if constexpr (std::is_signed<T>::value) {
      if constexpr (sizeof(T) <= 4) {
        writer_.Int(static_cast<int>(value));
      } else {
        writer_.Int64(static_cast<std::int64_t>(value));
      }
    } else if constexpr (sizeof(T) <= 4) {
      writer_.Uint(static_cast<unsigned>(value));
    } else {
      writer_.Uint64(static_cast<std::uint64_t>(value));
    }
  }
  // Doubles (timestamps in the storage index) through the same rapidjson call cereal makes, with
  // its default decimal places.
  void saveValue(double value) { writer_.Double(value); }
  void saveValue(const std::string& value) {
    writer_.String(value.c_str(), static_cast<rapidjson::SizeType>(value.size()));
  }
  void saveValue(const char* value) { writer_.String(value); }

  // Opens the current node on its first content and writes the pending name (objects only).
  void writeName() {
    Node& node = nodes_.back();
    if (node == Node::start_array) {
      writer_.StartArray();
      node = Node::in_array;
    } else if (node == Node::start_object) {
      node = Node::in_object;
      writer_.StartObject();
    }
    if (node == Node::in_array) return;
    if (next_name_ == nullptr) {
      saveValue("value" + std::to_string(name_counters_.back()++));
    } else {
      saveValue(next_name_);
      next_name_ = nullptr;
    }
  }

 private:
  enum class Node : unsigned char { start_object, in_object, start_array, in_array };

  rapidjson::StringBuffer buffer_;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> writer_;
  const char* next_name_ = nullptr;
  std::vector<std::uint32_t> name_counters_;
  std::vector<Node> nodes_;
};

// [SECTION] cereal's hooks for this archive, as cereal/archives/json.hpp defines them for its own.

template <class T>
void prologue(StringOutputArchive&, const cereal::NameValuePair<T>&) {}
template <class T>
void epilogue(StringOutputArchive&, const cereal::NameValuePair<T>&) {}
template <class T>
void prologue(StringOutputArchive&, const cereal::DeferredData<T>&) {}
template <class T>
void epilogue(StringOutputArchive&, const cereal::DeferredData<T>&) {}
template <class T>
void prologue(StringOutputArchive& archive, const cereal::SizeTag<T>&) {
  archive.makeArray();
}
template <class T>
void epilogue(StringOutputArchive&, const cereal::SizeTag<T>&) {}

// Objects and lists open a node; minimal types (enums, Money, Date) and plain values do not.
template <class T>
constexpr bool kOpensNode =
    !std::is_arithmetic<T>::value &&
    !cereal::traits::has_minimal_base_class_serialization<
        T, cereal::traits::has_minimal_output_serialization, StringOutputArchive>::value &&
    !cereal::traits::has_minimal_output_serialization<T, StringOutputArchive>::value;

template <class T, cereal::traits::EnableIf<kOpensNode<T>> = cereal::traits::sfinae>
void prologue(StringOutputArchive& archive, const T&) {
  archive.startNode();
}
template <class T, cereal::traits::EnableIf<kOpensNode<T>> = cereal::traits::sfinae>
void epilogue(StringOutputArchive& archive, const T&) {
  archive.finishNode();
}

template <class T, cereal::traits::EnableIf<std::is_arithmetic<T>::value> = cereal::traits::sfinae>
void prologue(StringOutputArchive& archive, const T&) {
  archive.writeName();
}
template <class T, cereal::traits::EnableIf<std::is_arithmetic<T>::value> = cereal::traits::sfinae>
void epilogue(StringOutputArchive&, const T&) {}
template <class CharT, class Traits, class Alloc>
void prologue(StringOutputArchive& archive, const std::basic_string<CharT, Traits, Alloc>&) {
  archive.writeName();
}
template <class CharT, class Traits, class Alloc>
void epilogue(StringOutputArchive&, const std::basic_string<CharT, Traits, Alloc>&) {}

template <class T>
void CEREAL_SAVE_FUNCTION_NAME(StringOutputArchive& archive, const cereal::NameValuePair<T>& pair) {
  archive.setNextName(pair.name);
  archive(pair.value);
}
template <class T, cereal::traits::EnableIf<std::is_arithmetic<T>::value> = cereal::traits::sfinae>
void CEREAL_SAVE_FUNCTION_NAME(StringOutputArchive& archive, const T& value) {
  archive.saveValue(value);
}
inline void CEREAL_SAVE_FUNCTION_NAME(StringOutputArchive& archive, const std::string& value) {
  archive.saveValue(value);
}
template <class T>
void CEREAL_SAVE_FUNCTION_NAME(StringOutputArchive&, const cereal::SizeTag<T>&) {}

// What cereal's JSON archive with Options::NoIndent() writes for `fields` (name-value pairs in the
// root object), without an ostream: constructing one (its locale) costs milliseconds in wasm.
template <class... Fields>
std::string compact_json(Fields&&... fields) {
  StringOutputArchive archive(' ', 0);
  archive(std::forward<Fields>(fields)...);
  archive.finish();
  return std::string(archive.text());
}

}  // namespace sto

CEREAL_REGISTER_ARCHIVE(sto::StringOutputArchive)

// cereal checks save_minimal against the matching input archive's load_minimal.
namespace cereal::traits::detail {
template <>
struct get_input_from_output<sto::StringOutputArchive> {
  using type = cereal::JSONInputArchive;
};
}  // namespace cereal::traits::detail
