#!/usr/bin/env bash
# README command 1: installs what is missing, builds the web app in release mode and serves it.
#   scripts/serve.sh [--port N]     (or PORT=N; default 8080, address 127.0.0.1)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
port="${PORT:-8080}"
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port="$2"; shift 2 ;;
    --port=*) port="${1#--port=}"; shift ;;
    *) echo "usage: scripts/serve.sh [--port N]" >&2; exit 2 ;;
  esac
done
"$root/scripts/setup.sh"
"$root/scripts/build.sh" wasm
exec node "$root/scripts/static-server.mjs" "$root/build/wasm/site" "$port"
