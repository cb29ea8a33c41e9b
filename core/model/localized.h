// Kept for the file-format code: a message in both languages is a LocalizedText (text.h).
#pragma once
#include "model/text.h"

namespace sto {
using Localized = LocalizedText;
}  // namespace sto
