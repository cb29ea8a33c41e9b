#!/usr/bin/env bash
# Benchmarks (README "Performance"): builds sto_bench natively and as wasm (Release, separate
# build folders), runs both on generated plans of 1,000 / 10,000 / 100,000 budget lines in this
# one run and prints the figures with their wasm/native ratios, node's JSON.parse as the peer for
# loading, and the targets met or missed. Then the app figures in headless Chromium
# (tests/bench/browser_bench.mjs) over the app built in build/bench-wasm/site.
#   scripts/bench.sh [--sizes "1000 10000"] [--no-browser]
# Times vary between runs and machines: read the ratios, not the milliseconds.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
jobs="${STO_JOBS:-2}"
sizes="1000 10000 100000"
browser=1
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes="$2"; shift 2 ;;
    --no-browser) browser=0; shift ;;
    *) echo "bench.sh: unknown option '$1'" >&2; exit 2 ;;
  esac
done

# Like the README's two commands, it installs what is missing first (Debian packages, Dear ImGui's
# sources, and the browser bench's npm packages through npm ci in tests/e2e).
"$root/scripts/setup.sh" >&2 || { echo "bench.sh: setup failed" >&2; exit 1; }

# Both at -O3 (Release) so the ratio compares the platforms, not the build types. Warnings do not
# stop a measurement: the test command's builds keep them at zero, and -O3 alone has given g++
# false "maybe uninitialized" ones (e470763).
echo "== building sto_bench (native, wasm)" >&2
cmake -S . -B build/bench-native -DCMAKE_BUILD_TYPE=Release -DSTO_WERROR=OFF >/dev/null
cmake --build build/bench-native -j"$jobs" --target sto_bench >/dev/null
export NODE_PATH=/usr/share/nodejs  # Debian's Emscripten needs its acorn module
emcmake cmake -S . -B build/bench-wasm -DCMAKE_BUILD_TYPE=Release -DSTO_SYMBOL_MAP=ON -DSTO_WERROR=OFF \
  "-DCMAKE_CROSSCOMPILING_EMULATOR=/usr/bin/node;--no-experimental-fetch" >/dev/null
cmake --build build/bench-wasm -j"$jobs" --target sto_bench >/dev/null

results="$(mktemp /tmp/sto-bench.XXXXXX)"
trap 'rm -f "$results"' EXIT
for n in $sizes; do
  echo "== $n lines" >&2
  # One process per size and platform: the process peak belongs to that size alone.
  build/bench-native/sto_bench --lines "$n" --write "/tmp/sto-bench-$n.json" >>"$results"
  node --no-experimental-fetch build/bench-wasm/sto_bench.js --lines "$n" >>"$results"
  ls -l "/tmp/sto-bench-$n.json" | awk '{printf "   file %s: %d bytes\n", $9, $5}' >&2
done

node - "$results" <<'EOF'
// Turns sto_bench's JSON lines into tables with ratios and the targets of issue #8.
const fs = require('fs');
const rows = fs.readFileSync(process.argv[2], 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const get = (platform, lines, metric) => rows.find((r) => r.platform === platform && r.lines === lines && r.metric === metric);
const sizes = [...new Set(rows.map((r) => r.lines))].sort((a, b) => a - b);
const mb = (b) => (b / 1e6).toFixed(2) + ' MB';
const pad = (s, w) => String(s).padStart(w);
const verdicts = [];
const target = (ok, text) => verdicts.push(`${ok ? 'met   ' : 'MISSED'}  ${text}`);
for (const n of sizes) {
  const file = get('native', n, 'file');
  console.log(`\n${n} budget lines, plan file ${mb(file.bytes)} (as saved: one tab per level)`);
  console.log(`${'figure'.padEnd(12)}${pad('native ms', 11)}${pad('wasm ms', 11)}${pad('wasm/nat', 10)}  ${'native rate'.padEnd(16)}${'wasm rate'.padEnd(16)}${pad('peak native', 13)}${pad('peak wasm', 12)}`);
  for (const metric of ['analyse', 'save', 'save_cereal', 'load', 'parse_dom', 'parse_read', 'edit']) {
    const a = get('native', n, metric), w = get('wasm', n, metric);
    if (!a || !w) continue;
    const rate = (r) => metric === 'edit' ? `${(r.ms * 1000 / 2000).toFixed(2)} us/step`
      : metric === 'analyse' ? `${(r.ms * 1e6 / n).toFixed(0)} ns/line`
      : `${(r.bytes / 1e6 / (r.ms / 1000)).toFixed(0)} MB/s`;
    console.log(`${metric.padEnd(12)}${pad(a.ms.toFixed(3), 11)}${pad(w.ms.toFixed(3), 11)}${pad((w.ms / a.ms).toFixed(2), 10)}  ${rate(a).padEnd(16)}${rate(w).padEnd(16)}${pad(mb(a.peak_bytes), 13)}${pad(mb(w.peak_bytes), 12)}`);
  }
  const j = get('wasm', n, 'json_parse'), wl = get('wasm', n, 'load');
  const [pd, pr] = [get('wasm', n, 'parse_dom'), get('wasm', n, 'parse_read')];
  if (j && pd && pr) console.log(`the parser's share in wasm: rapidjson's DOM ${(pd.ms / j.ms).toFixed(2)}x JSON.parse, its reader with no work per value ${(pr.ms / j.ms).toFixed(2)}x (the least a load straight into the model would take with this parser)`);
  if (j) console.log(`${'JSON.parse'.padEnd(12)}${pad('', 11)}${pad(j.ms.toFixed(3), 11)}${pad('', 10)}  ${''.padEnd(16)}${((j.bytes / 1e6) / (j.ms / 1000)).toFixed(0).concat(' MB/s').padEnd(16)}   node's own parser; ${wl ? `wasm load = ${(wl.ms / j.ms).toFixed(2)}x JSON.parse` : 'load refused: file over kMaxFileBytes (64 MB)'}`);
  const [sn, sw, cn, cw] = [get('native', n, 'save'), get('wasm', n, 'save'), get('native', n, 'save_cereal'), get('wasm', n, 'save_cereal')];
  if (sn && cn) console.log(`save: the plan writer is ${(cn.ms / sn.ms).toFixed(2)}x cereal's JSON archive natively, ${(cw.ms / sw.ms).toFixed(2)}x in wasm (same bytes)`);
  const vn = get('native', n, 'versions'), vw = get('wasm', n, 'versions');
  if (vn) console.log(`20 versions stored: ${mb(vn.stored_bytes)} as deltas vs ${mb(vn.bytes)} as whole copies (${(vn.stored_bytes / (vn.bytes / 20)).toFixed(2)} copies); one delta made in ${vn.ms.toFixed(1)} ms native, ${vw.ms.toFixed(1)} ms wasm; applied in ${vn.apply_ms.toFixed(1)} / ${vw.apply_ms.toFixed(1)} ms`);
  console.log(`process peak: native ${mb(get('native', n, 'process').peak_bytes)} (maxrss), wasm ${mb(get('wasm', n, 'process').peak_bytes)} (heap size); findings: ${get('native', n, 'analyse').findings}`);
}
if (sizes.includes(10000)) {
  const an = get('native', 10000, 'analyse'), aw = get('wasm', 10000, 'analyse');
  target(an.ms < 1, `evaluate (analyse) 10,000 lines natively under 1 ms: ${an.ms.toFixed(3)} ms`);
  target(aw.ms / an.ms <= 1.3, `analyse wasm/native <= 1.3 (issue 26): ${(aw.ms / an.ms).toFixed(2)}`);
  const wl = get('wasm', 10000, 'load'), j = get('wasm', 10000, 'json_parse');  // both there at 10,000
  target(wl.ms <= 1.5 * j.ms, `load 10,000 lines in wasm <= 1.5x node JSON.parse (issue 26): ${(wl.ms / j.ms).toFixed(2)}x`);
  const ws = get('wasm', 10000, 'save');
  target(ws.bytes / 1e6 / (ws.ms / 1000) >= 200, `save 10,000 lines in wasm >= 200 MB/s: ${(ws.bytes / 1e6 / (ws.ms / 1000)).toFixed(0)} MB/s`);
  const v = get('native', 10000, 'versions');
  if (v) target(v.stored_bytes <= 2.5 * v.bytes / 20, `20 versions of 10,000 lines stored in <= 2.5 copies: ${(v.stored_bytes / (v.bytes / 20)).toFixed(2)}`);
  for (const p of ['native', 'wasm']) {
    const l = get(p, 10000, 'load');
    target(l.peak_bytes <= 3 * l.bytes, `load memory (${p}) <= 3x file size: ${(l.peak_bytes / l.bytes).toFixed(2)}x`);
  }
  if (sizes.includes(100000)) {
    // An edit checks the record it changes, not the plan (issue 26): its time must not grow with it.
    for (const p of ['native', 'wasm']) {
      const big = get(p, 100000, 'edit'), small = get(p, 10000, 'edit');
      if (big && small) target(big.ms <= 2 * small.ms, `an edit, 100,000 / 10,000 lines <= 2x (${p}): ${(big.ms / small.ms).toFixed(2)}x (${(small.ms * 1000 / 2000).toFixed(2)} / ${(big.ms * 1000 / 2000).toFixed(2)} us a step)`);
    }
    for (const p of ['native', 'wasm'])
      for (const metric of ['analyse', 'save', 'load', 'edit']) {
        const big = get(p, 100000, metric), small = get(p, 10000, metric);
        if (!big || !small) { target(false, `100,000 / 10,000 lines <= 12x (${p} ${metric}): not measured (see above)`); continue; }
        target(big.ms <= 12 * small.ms && big.peak_bytes <= 12 * Math.max(small.peak_bytes, 1),
          `100,000 / 10,000 lines <= 12x (${p} ${metric}): time ${(big.ms / small.ms).toFixed(1)}x, memory ${(big.peak_bytes / Math.max(small.peak_bytes, 1)).toFixed(1)}x`);
      }
  }
}
console.log('\nTargets (core):');
for (const v of verdicts) console.log('  ' + v);
EOF

if [ "$browser" = 1 ]; then
  # The app from this tree, built in the bench's own folder (build/wasm may be mid-build).
  echo "== building the app (build/bench-wasm/site)" >&2
  cmake --build build/bench-wasm -j"$jobs" --target sto_planner site_worker >/dev/null
  [ -f /tmp/sto-bench-10000.json ] ||
    build/bench-native/sto_bench --lines 10000 --only none --write /tmp/sto-bench-10000.json >/dev/null
  # With the 100,000-line plan of this run: its 20 versions stored in the browser too.
  huge=""
  case " $sizes " in *" 100000 "*) huge=/tmp/sto-bench-100000.json ;; esac
  STO_SITE_DIR="$root/build/bench-wasm/site" node tests/bench/browser_bench.mjs /tmp/sto-bench-10000.json $huge
fi
