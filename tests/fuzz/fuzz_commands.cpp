// libFuzzer target: any sequence of edit commands on a sample plan. An accepted edit must leave a
// plan that loads cleanly and unchanged (load_plan(save_plan(plan))); a refused one must change
// nothing and say why in both languages. The bytes choose the sample and every command
// (tests/core/command_gen.h). Built and run by tests/fuzz/run.sh.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "command_gen.h"
#include "format/file_format.h"
#include "model/assets.h"
#include "model/plan_equal.h"

namespace {

[[noreturn]] void fail(const char* what, const std::string& detail) {
  std::fprintf(stderr, "fuzz_commands: %s\n%s\n", what, detail.c_str());
  std::abort();
}

const std::vector<sto::Plan>& samples() {
  static const std::vector<sto::Plan> plans = [] {
    std::vector<sto::Plan> loaded;
    for (std::string_view name : sto::assets::embedded_names())
      if (name.rfind("samples/", 0) == 0)
        loaded.push_back(sto::load_plan(sto::assets::embedded_file(name)).plan);
    return loaded;
  }();
  return plans;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0 || samples().empty()) return 0;
  sto::Plan plan = samples()[data[0] % samples().size()];
  std::size_t at = 1;
  // One byte per choice (two for a choice among more than 256); zeros once the input ends.
  const auto below = [&](std::uint64_t n) -> std::uint64_t {
    std::uint64_t value = at < size ? data[at++] : 0;
    if (n > 256) value = (value << 8) | (at < size ? data[at++] : 0);
    return value % n;
  };
  sto::test::CommandGenerator<decltype(below)> commands(plan, below);
  while (at < size) {
    const sto::Command command = commands.next();
    const sto::Plan before = plan;
    sto::ApplyResult result = sto::apply_command(plan, command);
    if (!result.ok()) {
      if (result.error.nl.empty() || result.error.en.empty())
        fail("a refusal without a message", sto::command_name(command));
      if (!sto::equal_plans(before, plan))
        fail("a refused edit changed the plan", sto::command_name(command));
      continue;
    }
    const sto::LoadResult again = sto::load_plan(sto::save_plan(plan));
    if (!again.ok())
      fail("an accepted edit made a plan that does not load cleanly",
           std::string(sto::command_name(command)) + ": " +
               (again.skipped.empty() ? again.error.en : again.skipped.front().reason.en));
    if (!sto::equal_plans(plan, again.plan))
      fail("save → load changed the edited plan", sto::plan_difference(plan, again.plan));
  }
  return 0;
}
