// What the views remember between frames (a grid's filters, a wizard's step, a figure worked out
// once per change): owned by the App, as Dear ImGui keeps its state outside the functions that
// draw, instead of in function-local statics. A new App starts with none (each headless test makes
// its own), and a view's state type stays private to the view that defines it.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <unordered_map>
#include <utility>

#include "model/money.h"

namespace sto::ui {

class ViewState {
 public:
  // The one `State` of this App, made (value-initialised) on first use.
  template <class State>
  State& get() {
    std::shared_ptr<void>& slot = slots_[&Key<State>::address];
    if (!slot) slot = std::make_shared<State>();
    return *static_cast<State*>(slot.get());
  }

 private:
  // One address per type, also for two views' private types of the same name: a type in an
  // unnamed namespace makes its own Key. (std::type_index would not do: clang's type names of
  // such types are equal across files, and libstdc++ compares type_info by name.)
  template <class State>
  struct Key {
    static constexpr char address = 0;
  };
  std::unordered_map<const void*, std::shared_ptr<void>> slots_;
};

// A value worked out from the plan, kept until the plan's revision or the UI language changes:
// one key for every view's cache, so none forgets the language (a sort by translated labels).
template <class Value>
class Memo {
 public:
  template <class Build>
  const Value& get(std::uint64_t revision, Language language, Build&& build) {
    if (!key_ || key_->first != revision || key_->second != language) {
      value_ = build();
      key_ = std::make_pair(revision, language);
    }
    return value_;
  }

 private:
  std::optional<std::pair<std::uint64_t, Language>> key_;
  Value value_{};
};

}  // namespace sto::ui
