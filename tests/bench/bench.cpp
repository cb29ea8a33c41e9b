// sto_bench: the core's speed and memory on generated plans, one program for native and wasm
// (scripts/bench.sh runs both in one go and prints the ratios). One JSON object per figure on
// stdout. Uses only the core's public API; under Emscripten also node's JSON.parse as a peer.
//   sto_bench --lines N [--reps R] [--only analyse|save|load|edit|versions] [--write FILE]
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include <rapidjson/document.h>
#include <rapidjson/reader.h>

#include "../core/cereal_save.h"
#include "edit/document.h"
#include "format/file_format.h"
#include "format/text_delta.h"
#include "model/assets.h"
#include "rules/rules.h"

#ifdef __EMSCRIPTEN__
#include <emscripten/emscripten.h>
#include <emscripten/heap.h>
#else
#include <sys/resource.h>
#endif

// [SECTION] Counting allocator: every malloc/free of the process (operator new, rapidjson's
// allocator and the C library all end here) adds to a live-byte count with a resettable peak.
// glibc and Emscripten's dlmalloc both export the real allocator as __libc_malloc & co.
extern "C" {
void* __libc_malloc(std::size_t);
void __libc_free(void*);
void* __libc_calloc(std::size_t, std::size_t);
void* __libc_realloc(void*, std::size_t);
std::size_t malloc_usable_size(void*);
}

namespace {
std::size_t g_live = 0;  // bytes (usable size) currently allocated
std::size_t g_peak = 0;  // highest g_live since reset_peak()
inline void note_alloc(void* p) {
  if (p == nullptr) return;
  g_live += malloc_usable_size(p);
  if (g_live > g_peak) g_peak = g_live;
}
inline void note_free(void* p) {
  if (p != nullptr) g_live -= malloc_usable_size(p);
}
}  // namespace

extern "C" {
void* malloc(std::size_t size) {
  void* p = __libc_malloc(size);
  note_alloc(p);
  return p;
}
void free(void* p) {
  note_free(p);
  __libc_free(p);
}
void* calloc(std::size_t n, std::size_t size) {
  void* p = __libc_calloc(n, size);
  note_alloc(p);
  return p;
}
void* realloc(void* old, std::size_t size) {
  note_free(old);
  void* p = __libc_realloc(old, size);
  note_alloc(p != nullptr ? p : (size == 0 ? nullptr : old));
  return p;
}
}

namespace {

using Clock = std::chrono::steady_clock;

// [SECTION] Node's own JSON.parse on the same text (wasm only): the peer figure for loading.
#ifdef __EMSCRIPTEN__
// Median milliseconds of `reps` JSON.parse calls of the UTF-8 text at `text`.
EM_JS(double, js_json_parse_ms, (const char* text, int reps), {
  var s = UTF8ToString(text);
  var warmUpStart = performance.now();  // the same warm-up as median_ms()
  for (var runs = 1;; ++runs) {
    JSON.parse(s);
    if (runs >= 2 && performance.now() - warmUpStart > 1000) break;
  }
  var times = [];
  for (var i = 0; i < reps; ++i) {
    var t0 = performance.now();
    var v = JSON.parse(s);
    times.push(performance.now() - t0);
    if (!v) throw new Error('JSON.parse');
  }
  times.sort(function(a, b) { return a - b; });
  return times[times.length >> 1];
});
#endif

// Median milliseconds of runs of `fn` after a warm-up; `peak` gets the largest allocation
// high-water mark of one run above what was live before it, the first run included (later runs
// may reuse what it kept, such as the undo history's storage). The warm-up (at least two runs and
// one second) measures the steady state a running page is in: V8 first runs wasm functions as
// baseline (Liftoff) code and swaps in optimised code, compiled in the background (late on a busy
// 2-core machine: 300 ms was once too short), on later calls.
double median_ms(int reps, const std::function<void()>& fn, std::size_t* peak = nullptr) {
  std::size_t worst = 0;
  const auto warm_up_start = Clock::now();
  for (int runs = 1;; ++runs) {
    const std::size_t before = g_live;
    g_peak = g_live;
    fn();
    worst = std::max(worst, g_peak - before);
    if (runs >= 2 && Clock::now() - warm_up_start > std::chrono::milliseconds(1000)) break;
  }
  std::vector<double> times;
  // At least `reps` runs, and short figures until 300 ms were measured: more samples, a steadier
  // median on a busy machine.
  double measured = 0;
  for (int i = 0; i < reps || (measured < 300 && i < 5000); ++i) {
    const std::size_t before = g_live;
    g_peak = g_live;
    const auto start = Clock::now();
    fn();
    const auto end = Clock::now();
    worst = std::max(worst, g_peak - before);
    times.push_back(std::chrono::duration<double, std::milli>(end - start).count());
    measured += times.back();
  }
  std::sort(times.begin(), times.end());
  if (peak != nullptr) *peak = worst;
  return times[times.size() / 2];
}

// A realistic plan of `lines` budget lines: the shipped sample region (organisations, counts,
// goals, scheme) with its activities repeated so each has about 100 lines, and its lines
// repeated across them with unique ids and varied amounts. Deterministic.
sto::Plan generated_plan(int lines) {
  const sto::LoadResult sample =
      sto::load_plan(sto::assets::embedded_file("samples/voorbeeldregio.json"));
  if (!sample.ok()) {
    std::fprintf(stderr, "sto_bench: the sample plan does not load\n");
    std::exit(1);
  }
  sto::Plan plan = sample.plan;
  std::vector<sto::BudgetLine> pattern;
  for (const sto::Activity& a : plan.activities)
    pattern.insert(pattern.end(), a.lines.begin(), a.lines.end());
  const std::vector<sto::Activity> base = plan.activities;
  const int activity_count = std::max(static_cast<int>(base.size()), lines / 100);
  plan.activities.clear();
  int next = 0;
  for (int i = 0; i < activity_count; ++i) {
    sto::Activity activity = base[static_cast<std::size_t>(i) % base.size()];
    activity.id = "act-" + std::to_string(i);
    activity.title += " " + std::to_string(i / static_cast<int>(base.size()) + 1);
    activity.lines.clear();
    const int own = lines / activity_count + (i < lines % activity_count ? 1 : 0);
    for (int j = 0; j < own; ++j, ++next) {
      sto::BudgetLine line = pattern[static_cast<std::size_t>(next) % pattern.size()];
      line.id = "line-" + std::to_string(next);
      line.price.cents += next % 997;  // no two neighbours alike
      // A copied investment is another machine, not the same one funded twice (DOUBLE_FUNDING).
      if (line.investment) line.investment->purchase_price.cents += next;
      activity.lines.push_back(std::move(line));
    }
    plan.activities.push_back(std::move(activity));
  }
  return plan;
}

struct Options {
  int lines = 10000;
  int reps = 0;  // 0: chosen by size
  std::string only;
  std::string write;  // also write the saved file here
};

void print(const char* metric, int lines, double ms, double bytes, std::size_t peak,
           const char* extra = "") {
#ifdef __EMSCRIPTEN__
  const char* platform = "wasm";
#else
  const char* platform = "native";
#endif
  std::printf(
      "{\"platform\":\"%s\",\"lines\":%d,\"metric\":\"%s\",\"ms\":%.4f,\"bytes\":%.0f,"
      "\"peak_bytes\":%zu%s}\n",
      platform, lines, metric, ms, bytes, peak, extra);
  std::fflush(stdout);
}

std::size_t process_peak_bytes() {
#ifdef __EMSCRIPTEN__
  return emscripten_get_heap_size();  // the wasm memory, which only grows
#else
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<std::size_t>(usage.ru_maxrss) * 1024u;
#endif
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const char* value = i + 1 < argc ? argv[i + 1] : "";
    if (arg == "--lines")
      options.lines = std::atoi(value), ++i;
    else if (arg == "--reps")
      options.reps = std::atoi(value), ++i;
    else if (arg == "--only")
      options.only = value, ++i;
    else if (arg == "--write")
      options.write = value, ++i;
    else {
      std::fprintf(stderr, "usage: sto_bench --lines N [--reps R] [--only WHAT] [--write FILE]\n");
      return 2;
    }
  }
  const int n = options.lines;
  const int reps = options.reps > 0 ? options.reps : (n <= 1000 ? 31 : n <= 10000 ? 11 : 5);
  const auto want = [&](const char* what) { return options.only.empty() || options.only == what; };

  const sto::Plan plan = generated_plan(n);
  const std::string text = sto::save_plan(plan);
  const double file_bytes = static_cast<double>(text.size());
  if (!options.write.empty()) std::ofstream(options.write, std::ios::binary) << text;
  print("file", n, 0, file_bytes, g_live);

  if (want("analyse")) {
    std::size_t findings = 0, peak = 0;
    const double ms = median_ms(
        reps, [&] { findings = sto::analyse(plan).findings.size(); }, &peak);
    char extra[64];
    std::snprintf(extra, sizeof extra, ",\"findings\":%zu", findings);
    print("analyse", n, ms, 0, peak, extra);
  }
  if (want("save")) {
    std::size_t peak = 0, size = 0;
    const double ms = median_ms(
        reps, [&] { size = sto::save_plan(plan).size(); }, &peak);
    print("save", n, ms, static_cast<double>(size), peak);
    // The same file through cereal's own JSON archive, as saving was before (the ratio).
    const double cereal_ms = median_ms(
        reps, [&] { size = sto::test::save_plan_with_cereal(plan).size(); }, &peak);
    print("save_cereal", n, cereal_ms, static_cast<double>(size), peak);
  }
  if (want("versions")) {
    // 20 versions, each one price edit after the one before, as "Mijn plannen" keeps them: 20
    // whole copies, or as web/app/plan_store.cpp stores them (the newest two whole, each older
    // one a delta against the next newer one). The figure's time is one delta made; applying
    // one is in "apply_ms".
    std::vector<std::string> texts;
    sto::Plan edited = plan;
    for (std::size_t v = 0; v < 20; ++v) {
      edited.activities[(v * 7) % edited.activities.size()].lines.at(0).price.cents += 1;
      texts.push_back(sto::save_plan(edited));
    }
    std::size_t whole = 0, stored = texts[18].size() + texts[19].size();
    for (const std::string& t : texts) whole += t.size();
    for (std::size_t v = 0; v + 2 < texts.size(); ++v)
      stored += sto::make_delta(texts[v + 1], texts[v]).size();
    std::size_t peak = 0;
    std::string delta;
    const double make_ms = median_ms(
        reps, [&] { delta = sto::make_delta(texts[19], texts[18]); }, &peak);
    const double apply_ms =
        median_ms(reps, [&] { (void)sto::apply_delta(texts[19], delta).value().size(); });
    char extra[96];
    std::snprintf(extra, sizeof extra, ",\"stored_bytes\":%zu,\"apply_ms\":%.4f", stored, apply_ms);
    print("versions", n, make_ms, static_cast<double>(whole), peak, extra);
  }
  if (want("load")) {
    std::size_t peak = 0;
    sto::LoadStatus status = sto::LoadStatus::ok;
    const double ms = median_ms(
        reps, [&] { status = sto::load_plan(text).status; }, &peak);
    if (status == sto::LoadStatus::ok) {
      print("load", n, ms, file_bytes, peak);
    } else {
      // E.g. too_large: a file above kMaxFileBytes (64 MB).
      std::fprintf(stderr, "sto_bench: the generated %d-line plan (%.0f bytes) does not load: %s\n",
                   n, file_bytes, sto::load_plan(text).error.en.c_str());
    }
#ifdef __EMSCRIPTEN__
    print("json_parse", n, js_json_parse_ms(text.c_str(), reps), file_bytes, 0);
#endif
    // The parser's share of a load: rapidjson's DOM of the text, with load_plan's flags; and its
    // reader over the text with nothing done per value, the least a loader that read straight
    // into the model (no DOM) would take with this parser.
    std::size_t parse_peak = 0;
    bool parsed = false;
    const double dom_ms = median_ms(
        reps,
        [&] {
          rapidjson::Document dom;
          dom.Parse<rapidjson::kParseNoFlags>(text.data(), text.size());
          parsed = !dom.HasParseError();
        },
        &parse_peak);
    if (parsed) print("parse_dom", n, dom_ms, file_bytes, parse_peak);
    const double read_ms = median_ms(
        reps,
        [&] {
          rapidjson::Reader reader;
          rapidjson::BaseReaderHandler<> nothing;
          rapidjson::MemoryStream stream(text.data(), text.size());
          parsed = !reader.Parse<rapidjson::kParseNoFlags>(stream, nothing).IsError();
        },
        &parse_peak);
    if (parsed) print("parse_read", n, read_ms, file_bytes, parse_peak);
  }
  if (want("edit")) {
    // 1,000 price edits and their undos through the Document, in two rounds of 500 (the history
    // keeps 500 steps). The analysis the UI redraws after an edit is the "analyse" figure.
    std::size_t peak = 0;
    const std::size_t activities = plan.activities.size();
    sto::Document document(plan);  // copying the plan in is not part of the figure
    const double ms = median_ms(
        reps,
        [&] {
          for (int round = 0; round < 2; ++round) {
            for (int e = 0; e < 500; ++e) {
              const std::size_t a = static_cast<std::size_t>(e * 7 + round) % activities;
              const std::size_t l =
                  static_cast<std::size_t>(e * 13) % plan.activities[a].lines.size();
              if (!document
                       .execute(
                           sto::SetField<&sto::BudgetLine::price>{{a, l}, sto::Money{1000 + e}})
                       .ok())
                std::abort();
            }
            while (document.undo()) {
            }
          }
        },
        &peak);
    print("edit", n, ms, 0, peak);
  }
  print("process", n, 0, 0, process_peak_bytes());
  return 0;
}
