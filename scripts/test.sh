#!/usr/bin/env bash
# README command 2: installs what is missing, builds everything and runs every test:
# format and dependency checks, core tests natively / under ASan+UBSan / as wasm under node,
# the native-vs-wasm summary comparison, the hostile-file and fuzz checks, the headless UI smoke
# test (under the sanitizers), and the browser end-to-end tests (Chromium as chromium-headless-shell;
# a smoke each in Firefox ESR and WebKit).
# Prints each step's time and the total. Exits non-zero on any failure.
#   scripts/test.sh [--fuzz-seconds N]
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
usage() { echo "usage: scripts/test.sh [--fuzz-seconds N]   (N: whole seconds ≥ 1, default 20)"; }
fuzz_seconds="${STO_FUZZ_SECONDS:-20}"
while [ $# -gt 0 ]; do
  case "$1" in
    --fuzz-seconds)
      [ $# -ge 2 ] || { echo "test.sh: --fuzz-seconds needs a number of seconds" >&2; usage >&2; exit 2; }
      fuzz_seconds="$2"
      shift 2
      ;;
    -h | --help) usage; exit 0 ;;
    *) echo "test.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
done
if ! [[ "$fuzz_seconds" =~ ^[1-9][0-9]*$ ]]; then
  echo "test.sh: the fuzz time must be whole seconds ≥ 1, not '$fuzz_seconds'" >&2
  exit 2
fi

"$root/scripts/setup.sh" || { echo "test.sh: setup failed"; exit 1; }

passed=0
failed=0
failed_steps=()
step() {
  local name="$1"
  shift
  echo
  echo "=== $name"
  local start=$SECONDS
  if "$@"; then
    passed=$((passed + 1))
    echo "--- ok: $name ($((SECONDS - start)) s)"
  else
    failed=$((failed + 1))
    failed_steps+=("$name")
    echo "--- FAILED: $name ($((SECONDS - start)) s)"
  fi
}

# The test programs of a configuration run two at a time (each is one process on one core).
ctest_in() { ctest --test-dir "$@" --output-on-failure --parallel "${STO_JOBS:-2}"; }
total_start=$SECONDS

step "clang-format" scripts/check-format.sh
step "core has no UI or platform includes, its layers point down" scripts/check-deps.sh
# Natively only the core and stoplan: the UI tests run once, under the sanitizers.
step "build native (core, stoplan, core tests)" scripts/build.sh native-core
step "native core tests" ctest_in build/native -R '^core_tests'
step "build with AddressSanitizer + UBSan" scripts/build.sh sanitize
step "sanitizer tests (core + UI smoke)" ctest_in build/sanitize
step "build wasm (app + core tests)" scripts/build.sh wasm
step "wasm core tests under node" ctest_in build/wasm
step "native and wasm summaries are byte-identical" tests/cli/compare_wasm.sh build/native/stoplan build/wasm/stoplan.js
step "stoplan diff and merge, native and wasm alike" tests/cli/diff_merge.sh build/native/stoplan build/wasm/stoplan.js
step "hostile plan files: stoplan check exits 2 (native)" tests/cli/hostile.sh build/native/stoplan
step "hostile plan files: stoplan check exits 2 (wasm)" tests/cli/hostile.sh node --no-experimental-fetch build/wasm/stoplan.js
step "CSV export opened by LibreOffice gives the engine's totals" tests/cli/libreoffice_totals.sh build/native/stoplan
step "fuzz the loader and edit commands (${fuzz_seconds} s each)" tests/fuzz/run.sh "$fuzz_seconds"
# Two test files at a time (each has its own browser, server and storage; the browsers draw with
# SwiftShader, on the CPU, so two keep both cores busy). Run alone afterwards, one at a time: the
# leave-the-page tests (they want the page's unload on time, which a machine this busy once
# delayed) and Chromium's --screenshot under virtual time (its time budget ran out on a busy
# machine). STO_E2E_CONCURRENCY=1 runs every file alone.
e2e_tests() {
  local files=() alone=(tests/e2e/storage_leave.test.mjs tests/e2e/screenshot.test.mjs) file status=0
  for file in tests/e2e/*.test.mjs; do
    [[ " ${alone[*]} " == *" $file "* ]] || files+=("$file")
  done
  node --test --test-concurrency="${STO_E2E_CONCURRENCY:-2}" "${files[@]}" || status=1
  node --test --test-concurrency=1 "${alone[@]}" || status=1
  return $status
}
step "browser end-to-end tests (Chromium, Firefox ESR, WebKit)" e2e_tests

echo
for name in "${failed_steps[@]}"; do echo "failed step: $name"; done
echo "test.sh: total $((SECONDS - total_start)) s for the steps ($SECONDS s with setup)"
echo "test.sh: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
