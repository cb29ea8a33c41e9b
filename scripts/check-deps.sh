#!/usr/bin/env bash
# The core must build and run without any UI or browser: fail if core/ includes ImGui, GLFW,
# GL or Emscripten headers. (The core target also lacks those include paths.)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if grep -rnE '^\s*#\s*include\s*[<"](imgui|GLFW/|GL/|GLES|emscripten|imgui_impl)' "$root/core"; then
  echo "check-deps: core/ must not include UI or platform headers (above)"
  exit 1
fi
echo "check-deps: core/ includes no ImGui, GLFW, GL or Emscripten header"
