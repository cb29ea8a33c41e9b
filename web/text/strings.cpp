// The UI string table, built from text/strings.def.
#include "text/strings.h"

namespace sto::ui {

namespace {
constexpr Translation table[] = {
#define STO_STRING(id, nl, en) {nl, en},
#include "text/strings.def"
#include "text/strings_compare.def"
#include "text/strings_editor.def"
#include "text/strings_scenarios.def"
#undef STO_STRING
};
static_assert(sizeof(table) / sizeof(table[0]) == static_cast<int>(Str::count));
}  // namespace

const Translation& translation(Str id) {
  return table[static_cast<int>(id)];
}

const char* tr(Str id, Language language) {
  const Translation& t = translation(id);
  return language == Language::nl ? t.nl : t.en;
}

}  // namespace sto::ui
