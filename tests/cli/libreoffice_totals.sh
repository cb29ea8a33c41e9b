#!/bin/sh
# Opens `stoplan export-csv` output in LibreOffice Calc (headless) with Dutch settings (';',
# decimal comma, locale nl-NL) and English settings (',', decimal point, en-US), lets Calc sum
# the amount column, and fails unless Calc's sum equals `stoplan summary --json` (totals plus
# lines outside the period, which the CSV also lists) and Calc read every amount as a number.
# Exit 77 (skipped) when LibreOffice is not installed (package libreoffice-calc-nogui).
#   usage: tests/cli/libreoffice_totals.sh STOPLAN [PLAN...]
#   e.g.   tests/cli/libreoffice_totals.sh build/native/stoplan
set -u
if [ $# -lt 1 ]; then
  echo "usage: $0 STOPLAN [PLAN...]" >&2
  exit 64
fi
stoplan=$1
shift
root=$(cd "$(dirname "$0")/../.." && pwd)
[ $# -gt 0 ] || set -- "$root"/assets/samples/*.json
soffice=$(command -v soffice || command -v libreoffice || true)
if [ -z "$soffice" ]; then
  echo "SKIP: LibreOffice is not installed (apt-get install libreoffice-calc-nogui)"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
# A profile of its own: never touch (or wait for) a user's LibreOffice, and no first-start dialogs.
export HOME="$work/home"
mkdir -p "$HOME" "$work/out"

failures=0
count=0
for plan in "$@"; do
  name=$(basename "$plan" .json)
  expected=$(
    "$stoplan" summary "$plan" --json | node -e '
      let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
        const j = JSON.parse(s);
        process.stdout.write(String(BigInt(j.totals.costs_cents) + BigInt(j.outside_period_cents ?? 0)));
      });'
  ) || {
    echo "FAIL $name: stoplan summary --json failed"
    failures=$((failures + 1))
    continue
  }
  # lang  separator  filter separator (ASCII code)  LibreOffice language id
  for setting in "nl ; 59 1043" "en , 44 1033"; do
    set -- $setting
    lang=$1 sep=$2 sep_code=$3 locale=$4
    count=$((count + 1))
    csv="$work/$name-$lang.csv"
    if ! "$stoplan" export-csv "$plan" --lang "$lang" > "$csv"; then
      echo "FAIL $name ($lang): stoplan export-csv failed"
      failures=$((failures + 1))
      continue
    fi
    last=$(wc -l < "$csv")  # header on line 1, budget lines on 2..last
    # A total row under the table: the number of numeric amounts (column I) and their sum in
    # cents (column J). Cents keep the result a whole number however Calc formats it.
    printf 'TOTAL%s%s%s%s%s%s%s%s=COUNT(J2:J%d)%s=SUM(J2:J%d)*100\r\n' \
      "$sep" "$sep" "$sep" "$sep" "$sep" "$sep" "$sep" "$sep" "$last" "$sep" "$last" >> "$csv"
    filter="$sep_code,34,76,1,,$locale"  # separator, quote, UTF-8, from line 1, -, locale
    if ! "$soffice" --headless --norestore "-env:UserInstallation=file://$work/profile" \
      "--infilter=CSV:$filter" --convert-to "csv:Text - txt - csv (StarCalc):$filter" \
      --outdir "$work/out" "$csv" > "$work/soffice.log" 2>&1; then
      echo "FAIL $name ($lang): LibreOffice could not convert the file"
      cat "$work/soffice.log"
      failures=$((failures + 1))
      continue
    fi
    total_row=$(grep '^TOTAL' "$work/out/$name-$lang.csv" | tr -d '\r')
    numbers=$(printf '%s' "$total_row" | cut -d "$sep" -f 9)
    sum=$(printf '%s' "$total_row" | cut -d "$sep" -f 10 | tr -d '. ,')
    rows=$((last - 1))
    if [ "$numbers" != "$rows" ]; then
      echo "FAIL $name ($lang): Calc read $numbers of $rows amounts as numbers"
      failures=$((failures + 1))
    elif [ "$sum" != "$expected" ]; then
      echo "FAIL $name ($lang): Calc sums the amounts to $sum cents, stoplan says $expected"
      failures=$((failures + 1))
    else
      echo "ok   $name ($lang): $rows amounts, $sum cents in Calc and in stoplan"
    fi
  done
done
echo "libreoffice_totals: $count checked, $failures failed"
[ "$failures" -eq 0 ]
