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

// `text` with its first letter a capital ("prijs" -> "Prijs"); the labels start in ASCII.
inline std::string capitalised(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z')
    text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

}  // namespace sto
