// libFuzzer target: load_plan on arbitrary bytes must never crash, must always explain a failure
// in both languages, and whatever it loads must survive save → load unchanged.
// Built and run by tests/fuzz/run.sh (clang with -fsanitize=fuzzer,address,undefined).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "format/file_format.h"
#include "model/plan_equal.h"

namespace {
[[noreturn]] void fail(const char* what, const std::string& detail) {
  std::fprintf(stderr, "fuzz_load_plan: %s\n%s\n", what, detail.c_str());
  std::abort();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const sto::LoadResult loaded = sto::load_plan(text);
  if (!loaded.usable()) {
    if (loaded.error.nl.empty() || loaded.error.en.empty()) fail("failure without a message", "");
    return 0;
  }
  if (loaded.status == sto::LoadStatus::repaired && loaded.skipped.empty())
    fail("repaired without a list of what was left out", loaded.error.en);
  const std::string saved = sto::save_plan(loaded.plan);
  const sto::LoadResult again = sto::load_plan(saved);
  if (!again.ok()) fail("a loaded plan does not load cleanly after saving", again.error.en);
  if (!sto::equal_plans(loaded.plan, again.plan))
    fail("save → load changed the plan", sto::plan_difference(loaded.plan, again.plan));
  if (sto::save_plan(again.plan) != saved) fail("saving twice gives different text", "");
  return 0;
}
