// A message in both languages the product speaks.
#pragma once
#include <string>

#include "money.h"

namespace sto {

struct Localized {
  std::string nl;
  std::string en;
  const std::string& in(Language language) const { return language == Language::nl ? nl : en; }
};

}  // namespace sto
