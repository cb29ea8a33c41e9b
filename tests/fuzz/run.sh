#!/bin/sh
# Builds the three fuzzers with clang (libFuzzer + ASan + UBSan) into build/fuzz/ and runs each for
# a bounded time: the plan loader over a corpus seeded from tests/data, the share-link decoder
# (fuzz_link.cpp) seeded with the link golden files, and edit-command sequences on the sample plans
# (fuzz_commands.cpp). Exits non-zero when one finds a crash (the input is left in
# build/fuzz/crash-*; keep a loader crash as a regression file in tests/data/hostile/).
#   usage: tests/fuzz/run.sh [seconds]     (default 20, for each of the three)
set -eu
cd "$(dirname "$0")/../.."
seconds=${1:-20}
out=build/fuzz
cxx=${FUZZ_CXX:-clang++}
sources="core/file_format.cpp core/validate.cpp core/migrate.cpp core/revision_id.cpp core/serialize.cpp core/plan_writer.cpp core/dates.cpp core/plan_equal.cpp core/override_kinds.cpp core/investment_years.cpp"
binary=$out/fuzz_load_plan
link_binary=$out/fuzz_link
commands_binary=$out/fuzz_commands
mkdir -p "$out/corpus" "$out/seeds"

# The command fuzzer needs the whole core, with the sample plans and schemes embedded as the
# build embeds them.
assets=$(find assets -name '*.json' | sort)
embedded=$out/embedded_assets.cpp
stale=no
[ -f "$embedded" ] || stale=yes
for file in $assets; do
  [ "$file" -nt "$embedded" ] && stale=yes
done
if [ "$stale" = yes ]; then
  asset_files=$(printf '%s;' $assets)
  asset_names=$(printf '%s;' $assets | sed 's|assets/||g')
  cmake -DOUTPUT="$embedded" -DNAMESPACE=sto::assets \
    "-DFILES=${asset_files%;}" "-DNAMES=${asset_names%;}" -P scripts/embed.cmake
fi

# Every source is compiled once into build/fuzz/obj/ (the three fuzzers share the core's objects),
# two at a time, when it, a header or this script is newer than its object; a fuzzer is linked
# when one of its objects is newer.
mkdir -p "$out/obj"
object_of() { echo "$out/obj/$(echo "$1" | tr / _).o"; }
pairs=""
for source in tests/fuzz/fuzz_load_plan.cpp tests/fuzz/fuzz_link.cpp tests/fuzz/fuzz_commands.cpp \
  core/*.cpp "$embedded"; do
  object=$(object_of "$source")
  stale=no
  [ -f "$object" ] || stale=yes
  for file in tests/fuzz/run.sh "$source" core/*.h tests/core/*.h; do
    [ "$file" -nt "$object" ] && stale=yes
  done
  [ "$stale" = yes ] && pairs="$pairs $source $object"
done
if [ -n "$pairs" ]; then
  echo "fuzz: compiling $(($(echo $pairs | wc -w) / 2)) sources"
  # shellcheck disable=SC2086  # one word per source and object
  printf '%s\n' $pairs | xargs -n 2 -P "${STO_JOBS:-2}" sh -c '"$0" -std=c++17 -g -O1 \
    -fsanitize=fuzzer-no-link,address,undefined -I core -I tests/core -isystem .deps/include \
    -DSTO_APP_VERSION=\"0.1.0\" -c "$1" -o "$2"' "$cxx"
fi

# Links fuzzer $1 from the objects of the sources after it, when one of them is newer.
link_fuzzer() {
  target=$1
  shift
  objects=""
  stale=no
  [ -x "$target" ] || stale=yes
  for source in "$@"; do
    object=$(object_of "$source")
    objects="$objects $object"
    [ "$object" -nt "$target" ] && stale=yes
  done
  if [ "$stale" = yes ]; then
    echo "fuzz: linking $target"
    # shellcheck disable=SC2086
    "$cxx" -fsanitize=fuzzer,address,undefined $objects -o "$target"
  fi
}
link_fuzzer "$binary" tests/fuzz/fuzz_load_plan.cpp $sources
link_fuzzer "$link_binary" tests/fuzz/fuzz_link.cpp core/link_format.cpp $sources
link_fuzzer "$commands_binary" tests/fuzz/fuzz_commands.cpp core/*.cpp "$embedded"

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

# Share-link data: seeded with the link format's golden files (every sample plan).
mkdir -p "$out/link_corpus"
timeout $((seconds + 120)) "$link_binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -max_len=65536 -artifact_prefix="$out/link-" -print_final_stats=1 \
  "$out/link_corpus" tests/data/links/v1

# Command sequences: the inputs are choices, not files; libFuzzer starts from nothing.
mkdir -p "$out/commands_corpus"
timeout $((seconds + 120)) "$commands_binary" -max_total_time="$seconds" -timeout=10 \
  -rss_limit_mb=2048 -max_len=4096 -artifact_prefix="$out/commands-" -print_final_stats=1 \
  "$out/commands_corpus"
