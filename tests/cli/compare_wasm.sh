#!/usr/bin/env bash
# The core gives the same answers in the browser as natively: `stoplan summary --json` of the
# native build and of the wasm build under node must be byte-identical for every sample plan.
#   tests/cli/compare_wasm.sh NATIVE_STOPLAN WASM_STOPLAN_JS
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
native="$1"
wasm="$2"
status=0
count=0
for plan in "$root"/assets/samples/*.json; do
  count=$((count + 1))
  native_out="$("$native" summary "$plan" --json)"
  wasm_out="$(node --no-experimental-fetch "$wasm" summary "$plan" --json)"
  if [ -z "$native_out" ] || [ "$native_out" != "$wasm_out" ]; then
    echo "DIFFERENT: $(basename "$plan")"
    diff <(echo "$native_out") <(echo "$wasm_out") | head -20
    status=1
  else
    echo "identical: $(basename "$plan") (${#native_out} bytes)"
  fi
done
[ "$count" -gt 0 ] || { echo "no sample plans found"; exit 1; }
exit $status
