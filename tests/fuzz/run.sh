#!/bin/sh
# Runs the three fuzzers (libFuzzer + ASan + UBSan) for a bounded time each: the plan loader over
# a corpus seeded from tests/data, the share-link decoder (fuzz_link.cpp) seeded with the link
# golden files, and edit-command sequences on the sample plans (fuzz_commands.cpp). They are
# built in the sanitizer configuration (scripts/build.sh sanitize, clang), over the same core
# objects as its tests; this script builds them there when they are missing or stale. Exits
# non-zero when one finds a crash (the input is left in build/fuzz/<fuzzer>-crash-*, e.g.
# load_plan-crash-…; keep a loader crash as a regression file in tests/data/hostile/).
#   usage: tests/fuzz/run.sh [seconds]     (default 20, for each of the three)
set -eu
cd "$(dirname "$0")/../.."
seconds=${1:-20}
out=build/fuzz
built=build/sanitize
mkdir -p "$out/corpus" "$out/seeds"

[ -f "$built/CMakeCache.txt" ] || scripts/build.sh sanitize
cmake --build "$built" -j"${STO_JOBS:-2}" --target fuzz_load_plan fuzz_link fuzz_commands

# Seeds: every committed plan file, good and hostile (the 64 MB and 10 MB cases stay out: the
# fuzzer's inputs are capped at 64 kB).
rm -f "$out"/seeds/*
for file in tests/data/v1/*.json tests/data/accepted/* tests/data/hostile/*; do
  case "$file" in *.py | *.md) continue ;; esac
  cp "$file" "$out/seeds/$(basename "$file")"
done

# A UBSan finding stops the run (the build does not recover from one); its stack is printed.
UBSAN_OPTIONS="print_stacktrace=1"
export UBSAN_OPTIONS

# fuzz NAME ARGS...: one fuzzer for the given time, its output kept in $out/NAME.log; show NAME
# prints it afterwards (two running at once would interleave) and fails when the fuzzer did.
fuzz() {
  name=$1
  shift
  if timeout $((seconds + 120)) "$built/$name" -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=2048 -artifact_prefix="$out/${name#fuzz_}-" -print_final_stats=1 "$@" \
    > "$out/$name.log" 2>&1; then
    echo 0 > "$out/$name.status"
  else
    echo $? > "$out/$name.status"
  fi
}
show() {
  echo "=== $1 (exit $(cat "$out/$1.status"))"
  cat "$out/$1.log"
  [ "$(cat "$out/$1.status")" -eq 0 ]
}

mkdir -p "$out/link_corpus" "$out/commands_corpus"
# Two at a time, one per core (each fuzzer is one process): the loader and the share-link
# decoder together, then the command sequences (their inputs are choices, not files: libFuzzer
# starts from nothing).
fuzz fuzz_load_plan -max_len=65536 -dict=tests/fuzz/plan.dict "$out/corpus" "$out/seeds" &
fuzz fuzz_link -max_len=65536 "$out/link_corpus" tests/data/links/v1
wait
fuzz fuzz_commands -max_len=4096 "$out/commands_corpus"
failed=0
for name in fuzz_load_plan fuzz_link fuzz_commands; do show $name || failed=1; done
exit $failed
