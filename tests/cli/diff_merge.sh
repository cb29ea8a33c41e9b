#!/usr/bin/env bash
# `stoplan diff`, `stoplan merge` and `stoplan report --base` on the files in tests/data/merge/ (written by
# core_tests "[write-merge-data]"): exit codes, what they print and write, and the native and wasm
# builds giving byte-identical output.
#   tests/cli/diff_merge.sh NATIVE_STOPLAN WASM_STOPLAN_JS
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
native="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
wasm="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
data="$root/tests/data/merge"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT INT TERM
failures=0
count=0

fail() {
  echo "FAILED: $*"
  failures=$((failures + 1))
}

# run NAME EXPECTED_EXIT ARGS...: runs both builds in their own folder (so a written file has
# the same name in both outputs), checks the exit code and that both print the same.
run() {
  local name="$1" expected="$2"
  shift 2
  count=$((count + 1))
  mkdir -p "$work/native/$name" "$work/wasm/$name"
  (cd "$work/native/$name" && "$native" "$@" >stdout 2>stderr; echo $? >status)
  (cd "$work/wasm/$name" && node --no-experimental-fetch "$wasm" "$@" >stdout 2>stderr; echo $? >status)
  local status
  status="$(cat "$work/native/$name/status")"
  [ "$status" = "$expected" ] || fail "$name: native exit $status, expected $expected"
  [ "$(cat "$work/wasm/$name/status")" = "$expected" ] ||
    fail "$name: wasm exit $(cat "$work/wasm/$name/status"), expected $expected"
  for stream in stdout stderr; do
    cmp -s "$work/native/$name/$stream" "$work/wasm/$name/$stream" ||
      { fail "$name: native and wasm $stream differ"; diff "$work/native/$name/$stream" "$work/wasm/$name/$stream" | head -10; }
  done
  [ ! -f "$work/native/$name/out.json" ] || cmp -s "$work/native/$name/out.json" "$work/wasm/$name/out.json" ||
    fail "$name: native and wasm wrote different files"
  echo "ok: $name (exit $status)"
}
# contains NAME STREAM TEXT: the native output of NAME holds TEXT.
contains() {
  grep -qF -- "$3" "$work/native/$1/$2" || fail "$1: $2 lacks '$3'"
}

run identical 0 diff "$data/base.json" "$data/base.json"
contains identical stdout "Geen verschillen."
run different 1 diff "$data/base.json" "$data/ours.json"
contains different stdout "Begroting"
contains different stdout "prijs: € 50,00 → € 52,00"
contains different stdout "Organisatie 'Techniekbedrijf Fictief Holding BV' gewijzigd"
contains different stdout "Totale kosten: "
run different_en 1 diff "$data/base.json" "$data/theirs.json" --lang en
contains different_en stdout "Line 'Regel r-partner-1' 2024 in activity 'Borgen en overdragen' added"
contains different_en stdout "Total costs: "
run different_json 1 diff "$data/base.json" "$data/theirs.json" --json
node -e 'const j = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  if (j.identical !== false || j.changes.length !== 3) process.exit(1);' \
  "$work/native/different_json/stdout" || fail "different_json: not the JSON expected"
run unreadable_diff 2 diff "$data/base.json" "$data/missing.json"
contains unreadable_diff stderr "kan bestand niet lezen"
run not_a_plan 2 diff "$data/base.json" "$root/tests/data/hostile/not_json.txt"

run merged 0 merge "$data/base.json" "$data/ours.json" "$data/theirs.json" --output out.json
contains merged stdout "Samengevoegd: 3 wijziging(en) overgenomen"
[ -f "$work/native/merged/out.json" ] || fail "merged: nothing written"
count=$((count + 1))
if "$native" diff "$work/native/merged/out.json" "$data/merged.json" >/dev/null; then
  echo "ok: the merged file has the content of tests/data/merge/merged.json"
else
  fail "merged: the written file differs from merged.json"
fi
grep -q '"revision": 5' "$work/native/merged/out.json" || fail "merged: not revision 5"

run conflict 1 merge "$data/base.json" "$data/ours.json" "$data/theirs_conflict.json" --output out.json
contains conflict stdout "› prijs"
contains conflict stdout "eigen versie:   € 52,00"
contains conflict stdout "andere versie:  € 54,00"
contains conflict stderr "niets geschreven"
[ ! -e "$work/native/conflict/out.json" ] || fail "conflict: a file was written"
run prefer_theirs 0 merge "$data/base.json" "$data/ours.json" "$data/theirs_conflict.json" --output out.json --prefer theirs
grep -q '"price_cents": 5400' "$work/native/prefer_theirs/out.json" || fail "prefer_theirs: price not theirs"
run prefer_ours 0 merge "$data/base.json" "$data/ours.json" "$data/theirs_conflict.json" --output out.json --prefer ours --lang en
contains prefer_ours stdout "kept ours"
grep -q '"price_cents": 5200' "$work/native/prefer_ours/out.json" || fail "prefer_ours: price not ours"
run unreadable_merge 2 merge "$data/base.json" "$data/missing.json" "$data/theirs.json" --output out.json
[ ! -e "$work/native/unreadable_merge/out.json" ] || fail "unreadable_merge: a file was written"
run report_changes 0 report "$data/ours.json" --base "$data/base.json"
contains report_changes stdout "<h2>Wijzigingen ten opzichte van versie 3</h2>"
contains report_changes stdout "<li>prijs: € 50,00 → € 52,00</li>"
run no_output 64 merge "$data/base.json" "$data/ours.json" "$data/theirs.json"

echo "diff_merge.sh: $count checks, $failures failed"
[ "$failures" -eq 0 ]
