// A short user-facing text in both languages of the app. Pure C++17.
#pragma once
#include <string>

#include "model/money.h"

namespace sto {

// One message in Dutch and English; `in(language)` picks one.
struct LocalizedText {
  std::string nl;
  std::string en;
  const std::string& in(Language language) const { return language == Language::nl ? nl : en; }
  bool empty() const { return nl.empty() && en.empty(); }
};

}  // namespace sto
