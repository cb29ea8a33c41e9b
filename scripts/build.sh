#!/usr/bin/env bash
# Builds one or more configurations: native | native-core | sanitize | wasm (default: native wasm).
#   native    core, stoplan, core tests, UI smoke test (RelWithDebInfo)  -> build/native
#   native-core  of those only stoplan and the core tests (the test command: the UI tests run
#             under the sanitizers, where they are stricter)                -> build/native
#   sanitize  the same under AddressSanitizer + UBSan (clang), and the fuzzers -> build/sanitize
#   wasm      the web app (Release) and the core tests for node          -> build/wasm, site in build/wasm/site
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
jobs="${STO_JOBS:-2}"

# Line tables only (-g1) in the optimised native build: backtraces keep file and line, and the
# build takes about a third less time than with full debug info (-g).
native_flags="-O2 -g1 -DNDEBUG"

build_native() {  # [targets...], default all
  cmake -S . -B build/native -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=$native_flags" "-DCMAKE_C_FLAGS_RELWITHDEBINFO=$native_flags" >/dev/null
  cmake --build build/native -j"$jobs" ${1:+--target "$@"}
}

# clang, so the fuzzers (libFuzzer) link the same core objects as the sanitizer tests; -O1 as
# ASan advises (and the fuzzers run at), line tables for the reports' file and line.
sanitize_flags="-O1 -g1"

build_sanitize() {
  # A tree configured with another compiler (an older checkout used g++) starts again.
  if [ -f build/sanitize/CMakeCache.txt ] && ! grep -q '^CMAKE_CXX_COMPILER:.*clang++' build/sanitize/CMakeCache.txt; then
    rm -rf build/sanitize
  fi
  CC=clang CXX=clang++ cmake -S . -B build/sanitize -DCMAKE_BUILD_TYPE=Debug -DSTO_SANITIZE=ON \
    "-DCMAKE_CXX_FLAGS_DEBUG=$sanitize_flags" "-DCMAKE_C_FLAGS_DEBUG=$sanitize_flags" >/dev/null
  cmake --build build/sanitize -j"$jobs"
}

build_wasm() {
  # Debian's Emscripten needs its acorn module on node's path, and its frozen cache as is.
  export NODE_PATH=/usr/share/nodejs
  emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release \
    "-DCMAKE_CROSSCOMPILING_EMULATOR=/usr/bin/node;--no-experimental-fetch" >/dev/null
  cmake --build build/wasm -j"$jobs"
}

targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(native wasm)
for target in "${targets[@]}"; do
  case "$target" in
    native) build_native ;;
    native-core) build_native stoplan core_tests ;;
    sanitize) build_sanitize ;;
    wasm) build_wasm ;;
    *) echo "build.sh: unknown configuration '$target' (native | native-core | sanitize | wasm)" >&2; exit 2 ;;
  esac
done
