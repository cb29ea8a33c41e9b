// libFuzzer target: decode_link_plan on arbitrary bytes (inflated share-link data) must never
// crash, must always explain a failure in both languages, and whatever it opens must survive
// encode → decode unchanged. Built and run by tests/fuzz/run.sh.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "exchange/link_format.h"
#include "format/file_format.h"
#include "model/plan_equal.h"

namespace {
[[noreturn]] void fail(const char* what, const std::string& detail) {
  std::fprintf(stderr, "fuzz_link: %s\n%s\n", what, detail.c_str());
  std::abort();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const sto::LoadResult opened = sto::decode_link_plan(bytes);
  if (!opened.usable()) {
    if (opened.error.nl.empty() || opened.error.en.empty()) fail("failure without a message", "");
    return 0;
  }
  if (opened.status == sto::LoadStatus::repaired && opened.skipped.empty())
    fail("repaired without a list of what was left out", opened.error.en);
  const std::string encoded = sto::encode_link_plan(opened.plan);
  const sto::LoadResult again = sto::decode_link_plan(encoded);
  if (!again.ok()) fail("an opened plan does not open cleanly after encoding", again.error.en);
  if (!sto::equal_plans(opened.plan, again.plan))
    fail("encode → decode changed the plan", sto::plan_difference(opened.plan, again.plan));
  if (sto::encode_link_plan(again.plan) != encoded) fail("encoding twice gives other bytes", "");
  return 0;
}
