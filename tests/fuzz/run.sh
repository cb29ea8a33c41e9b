#!/bin/sh
# Builds the plan-loader fuzzer with clang (libFuzzer + ASan + UBSan) into build/fuzz/ and runs it
# for a bounded time over a corpus seeded from tests/data. Exits non-zero when it finds a crash
# (the input is left in build/fuzz/crash-*; keep it as a regression file in tests/data/hostile/).
#   usage: tests/fuzz/run.sh [seconds]     (default 20)
set -eu
cd "$(dirname "$0")/../.."
seconds=${1:-20}
out=build/fuzz
cxx=${FUZZ_CXX:-clang++}
sources="core/file_format.cpp core/validate.cpp core/migrate.cpp core/serialize.cpp core/dates.cpp core/plan_equal.cpp"
binary=$out/fuzz_load_plan
mkdir -p "$out/corpus" "$out/seeds"

stale=no
[ -x "$binary" ] || stale=yes
for file in tests/fuzz/run.sh tests/fuzz/fuzz_load_plan.cpp $sources core/*.h; do
  [ "$file" -nt "$binary" ] && stale=yes
done
if [ "$stale" = yes ]; then
  echo "fuzz: building $binary"
  "$cxx" -std=c++17 -g -O1 -fsanitize=fuzzer,address,undefined \
    -I core -isystem .deps/include -DSTO_APP_VERSION='"0.1.0"' \
    tests/fuzz/fuzz_load_plan.cpp $sources -o "$binary"
fi

# Seeds: every committed plan file, good and hostile (the 64 MB and 10 MB cases stay out: the
# fuzzer's inputs are capped at 64 kB).
rm -f "$out"/seeds/*
for file in tests/data/v1/*.json tests/data/accepted/* tests/data/hostile/*; do
  case "$file" in *.py | *.md) continue ;; esac
  cp "$file" "$out/seeds/$(basename "$file")"
done

# UBSan findings stop the run (halt_on_error) except the one suppressed in ubsan.supp.
UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=tests/fuzz/ubsan.supp"
export UBSAN_OPTIONS

# New interesting inputs go to build/fuzz/corpus and are reused by the next run.
timeout $((seconds + 120)) "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -max_len=65536 -dict=tests/fuzz/plan.dict -artifact_prefix="$out/" -print_final_stats=1 \
  "$out/corpus" "$out/seeds"
