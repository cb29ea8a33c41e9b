// Every UI string, in Dutch and English, in one table (text/strings.def, and
// text/strings_editor.def for the editing sections). The smoke test fails when an entry lacks
// either text.
#pragma once
#include "model/money.h"

namespace sto::ui {

enum class Str {
#define STO_STRING(id, nl, en) id,
#include "text/strings.def"
#include "text/strings_compare.def"
#include "text/strings_editor.def"
#include "text/strings_scenarios.def"
#undef STO_STRING
  count  // keep last
};

struct Translation {
  const char* nl;
  const char* en;
};

// The translation table, indexed by Str.
const Translation& translation(Str id);
const char* tr(Str id, Language language);

}  // namespace sto::ui
