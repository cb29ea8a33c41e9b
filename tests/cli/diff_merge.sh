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
  const price = j.changes.flatMap((c) => c.fields).find((f) => f.field === "price");
  const brin = j.changes.flatMap((c) => c.fields).find((f) => f.field === "brin");
  if (j.identical !== false || j.changes.length !== 3 || price.raw_before !== 40000000 ||
      price.raw_after !== 42000000 || brin.raw_after !== "99ZB01") process.exit(1);' \
  "$work/native/different_json/stdout" || fail "different_json: not the JSON expected"
run unreadable_diff 2 diff "$data/base.json" "$data/missing.json"
contains unreadable_diff stderr "kan bestand niet lezen"
run not_a_plan 2 diff "$data/base.json" "$root/tests/data/hostile/not_json.txt"

merge_id=d0d0d0d000000005  # the merged file's revision (tests/core/test_merge.cpp: kMergeId)
run merged 0 merge "$data/base.json" "$data/ours.json" "$data/theirs.json" --output out.json --revision "$merge_id"
contains merged stdout "Samengevoegd: 3 wijziging(en) overgenomen"
[ -f "$work/native/merged/out.json" ] || fail "merged: nothing written"
count=$((count + 1))
if "$native" diff "$work/native/merged/out.json" "$data/merged.json" >/dev/null; then
  echo "ok: the merged file has the content of tests/data/merge/merged.json"
else
  fail "merged: the written file differs from merged.json"
fi
count=$((count + 1))
cmp -s "$work/native/merged/out.json" "$data/merged.json" || fail "merged: not byte-identical to merged.json"
node -e 'const l = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).plan.lineage;
  if (l.revision !== "d0d0d0d000000005" || l.parents.join() !== "a0a0a0a000000004,c0c0c0c000000004")
    process.exit(1);' "$work/native/merged/out.json" || fail "merged: not a revision made from ours and theirs"
run merged_json 0 merge "$data/base.json" "$data/ours.json" "$data/theirs.json" --output out.json --revision "$merge_id" --json
node -e 'const j = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const price = j.changes.flatMap((c) => c.fields).find((f) => f.field === "price");
  if (!j.merged || j.written_to !== "out.json" || j.revision !== "d0d0d0d000000005" ||
      j.parents.length !== 2 || j.changes.length !== 3 || j.conflicts.length !== 0 ||
      price.raw_after !== 42000000 || price.after !== "€ 420.000,00") process.exit(1);' \
  "$work/native/merged_json/stdout" || fail "merged_json: not the JSON expected"
run conflict_json 1 merge "$data/base.json" "$data/ours.json" "$data/theirs_conflict.json" --output out.json --revision "$merge_id" --json
node -e 'const j = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const c = j.conflicts[0];
  if (j.merged || j.written_to !== null || j.conflicts.length !== 1 || c.ours !== "€ 52,00" ||
      c.theirs !== "€ 54,00" || c.take_theirs.fields[0].raw_after !== 5400) process.exit(1);' \
  "$work/native/conflict_json/stdout" || fail "conflict_json: not the JSON expected"
[ ! -e "$work/native/conflict_json/out.json" ] || fail "conflict_json: a file was written"

# A base that is not an ancestor of both (here: ours itself) offers changes that undo work.
run not_ancestor 2 merge "$data/ours.json" "$data/ours.json" "$data/theirs.json" --output out.json --revision "$merge_id"
contains not_ancestor stderr "geen versie waarvan zowel OURS als THEIRS is afgeleid"
contains not_ancestor stderr "De laatste gemeenschappelijke versie is revisie b0b0b0b"
[ ! -e "$work/native/not_ancestor/out.json" ] || fail "not_ancestor: a file was written"
run forced 0 merge "$data/ours.json" "$data/ours.json" "$data/theirs.json" --output out.json --revision "$merge_id" --force
# The second round: the partner edited their copy again; its base is the partner's first copy,
# which the merged plan descends from: our changes stay, the partner's new one is taken.
run round2 0 merge "$data/theirs.json" "$data/merged.json" "$data/theirs_round2.json" --output out.json --revision e0e0e0e000000007
contains round2 stdout "Samengevoegd: 1 wijziging(en) overgenomen"
grep -q '"price_cents": 5200' "$work/native/round2/out.json" || fail "round2: our price undone"
grep -q '"name": "Tweede ronde ROC"' "$work/native/round2/out.json" || fail "round2: their change not taken"
run round2_old_base 0 merge "$data/base.json" "$data/merged.json" "$data/theirs_round2.json" --output out.json --revision e0e0e0e000000007
grep -q '"price_cents": 5200' "$work/native/round2_old_base/out.json" || fail "round2_old_base: our price undone"
run round2_wrong_base 2 merge "$data/ours.json" "$data/merged.json" "$data/theirs_round2.json" --output out.json

# stamp: as a download does; two copies stamped from one base carry different revisions.
run stamp 0 stamp "$data/base.json" --output out.json --revision f0f0f0f000000008
contains stamp stdout "Gestempeld als revisie f0f0f0f, gemaakt van revisie b0b0b0b"
count=$((count + 1))
"$native" stamp "$data/base.json" --output "$work/copy1.json" >/dev/null &&
  "$native" stamp "$data/base.json" --output "$work/copy2.json" >/dev/null &&
  node -e 'const fs = require("fs");
    const [a, b] = process.argv.slice(1).map((f) => JSON.parse(fs.readFileSync(f, "utf8")).plan.lineage);
    if (a.revision === b.revision || a.parents[0] !== "b0b0b0b000000003" || b.parents[0] !== a.parents[0])
      process.exit(1);' "$work/copy1.json" "$work/copy2.json" ||
  fail "stamp: two copies of one base did not get different revisions made from it"
run stamp_bad_id 64 stamp "$data/base.json" --output out.json --revision 12

run conflict 1 merge "$data/base.json" "$data/ours.json" "$data/theirs_conflict.json" --output out.json
contains conflict stdout "› prijs"
contains conflict stdout "eigen versie:   € 52,00"
contains conflict stdout "andere versie:  € 54,00"
contains conflict stderr "niets geschreven"
[ ! -e "$work/native/conflict/out.json" ] || fail "conflict: a file was written"
run prefer_theirs 0 merge "$data/base.json" "$data/ours.json" "$data/theirs_conflict.json" --output out.json --prefer theirs --revision "$merge_id"
grep -q '"price_cents": 5400' "$work/native/prefer_theirs/out.json" || fail "prefer_theirs: price not theirs"
run prefer_ours 0 merge "$data/base.json" "$data/ours.json" "$data/theirs_conflict.json" --output out.json --prefer ours --lang en --revision "$merge_id"
contains prefer_ours stdout "kept ours"
grep -q '"price_cents": 5200' "$work/native/prefer_ours/out.json" || fail "prefer_ours: price not ours"
run unreadable_merge 2 merge "$data/base.json" "$data/missing.json" "$data/theirs.json" --output out.json
[ ! -e "$work/native/unreadable_merge/out.json" ] || fail "unreadable_merge: a file was written"
run report_changes 0 report "$data/ours.json" --base "$data/base.json"
contains report_changes stdout "<h2>Wijzigingen ten opzichte van versie b0b0b0b</h2>"
contains report_changes stdout "<li>prijs: € 50,00 → € 52,00</li>"
run no_output 64 merge "$data/base.json" "$data/ours.json" "$data/theirs.json"

echo "diff_merge.sh: $count checks, $failures failed"
[ "$failures" -eq 0 ]
