// The UI string table, built from ui/strings.def.
#include "ui/strings.h"

namespace sto::ui {

namespace {
constexpr Translation table[] = {
#define STO_STRING(id, nl, en) {nl, en},
#include "ui/strings.def"
#include "ui/strings_compare.def"
#include "ui/strings_editor.def"
#include "ui/strings_scenarios.def"
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
