#!/bin/sh
# Runs `stoplan check FILE` over the hostile plan corpus and fails unless every file exits with
# status 2 and a message, without a crash or sanitizer report. Also checks that the golden and
# accepted files are not refused (exit status other than 2). Independent of ctest.
#   usage: tests/cli/hostile.sh STOPLAN [ARGS...]
#   e.g.   tests/cli/hostile.sh build/native/stoplan
#          tests/cli/hostile.sh node --no-experimental-fetch build/wasm/stoplan.js
set -u
if [ $# -lt 1 ]; then
  echo "usage: $0 STOPLAN [ARGS...]" >&2
  exit 64
fi
root=$(cd "$(dirname "$0")/../.." && pwd)
data=$root/tests/data
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

# Generated here rather than committed: a 10 MB string, and a file over the 64 MB limit.
{
  printf '{"format": "sto-planner-plan", "version": 1, "plan": {"title": "'
  head -c 10485760 /dev/zero | tr '\0' 'x'
  printf '"}}\n'
} > "$work/ten_megabyte_string.json"
head -c 67108865 /dev/zero | tr '\0' ' ' > "$work/over_size_limit.json"

failures=0
count=0
run() {  # run FILE -> sets status, output
  "$@" > "$work/out" 2>&1
  status=$?
  output=$(cat "$work/out")
}
crashed() {
  grep -q -e 'AddressSanitizer' -e 'runtime error:' -e 'Segmentation fault' -e 'Aborted' \
    -e 'terminate called' -e 'RuntimeError' -e 'abort(' "$work/out"
}

for file in "$data"/hostile/* "$work/ten_megabyte_string.json" "$work/over_size_limit.json"; do
  case "$file" in *.py | *.md) continue ;; esac
  count=$((count + 1))
  run "$@" check "$file"
  name=$(basename "$file")
  if crashed; then
    echo "FAIL $name: crashed or sanitizer report (exit $status)"
    sed 's/^/    /' "$work/out" | head -20
    failures=$((failures + 1))
  elif [ "$status" -ne 2 ]; then
    echo "FAIL $name: exit $status, expected 2"
    sed 's/^/    /' "$work/out" | head -5
    failures=$((failures + 1))
  elif [ -z "$output" ]; then
    echo "FAIL $name: exit 2 but no message"
    failures=$((failures + 1))
  fi
done

for file in "$data"/v1/*.json "$data"/v4/*.json "$data"/merge/*.json "$data"/accepted/*; do
  count=$((count + 1))
  run "$@" check "$file"
  if crashed || [ "$status" -eq 2 ] || [ "$status" -gt 125 ]; then
    echo "FAIL $(basename "$file"): a valid plan file was refused or crashed (exit $status)"
    sed 's/^/    /' "$work/out" | head -5
    failures=$((failures + 1))
  fi
done

if [ "$failures" -ne 0 ]; then
  echo "hostile.sh: $failures of $count files failed"
  exit 1
fi
echo "hostile.sh: all $count files behaved (hostile: exit 2 with a message; valid: accepted)"
