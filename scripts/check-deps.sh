#!/usr/bin/env bash
# The core's dependencies point one way:
# - core/ includes no ImGui, GLFW, GL or Emscripten header (the core target also lacks those
#   include paths), so it builds and runs without any UI or browser;
# - its layers, bottom up: model, rules, format, edit, exchange, cli. A file includes core headers
#   by their folder ("rules/engine.h") and only from its own layer or one below;
# - in web/, only the panels (web/ui) and the frame loop (web/main.cpp) include web/ui: the app's
#   state (web/app), its texts (web/text), the frame glue (web/frame), the accessibility bridge
#   and the platform glue do not; web/app and web/text include no ImGui at all.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
status=0
if grep -rnE '^\s*#\s*include\s*[<"](imgui|GLFW/|GL/|GLES|emscripten|imgui_impl)' "$root/core"; then
  echo "check-deps: core/ must not include UI or platform headers (above)"
  status=1
fi
layers=(model rules format edit exchange cli)
rank_of() {
  local i
  for i in "${!layers[@]}"; do [[ ${layers[$i]} == "$1" ]] && { echo "$i"; return; }; done
  echo -1
}
for file in "$root"/core/*.cpp "$root"/core/*.h "$root"/core/*/*.cpp "$root"/core/*/*.h; do
  [[ -e $file ]] || continue
  relative=${file#"$root"/core/}
  layer=${relative%%/*}
  if [[ $layer == "$relative" ]]; then
    echo "check-deps: core/$relative sits outside the layers (${layers[*]})"
    status=1
    continue
  fi
  rank=$(rank_of "$layer")
  while IFS= read -r included; do
    target=${included%%/*}
    if [[ $target == "$included" ]]; then
      echo "check-deps: core/$relative includes \"$included\": name its layer (\"model/…\")"
      status=1
    elif (($(rank_of "$target") < 0 || $(rank_of "$target") > rank)); then
      echo "check-deps: core/$relative ($layer) includes \"$included\" from a layer above it"
      status=1
    fi
  done < <(sed -nE 's/^\s*#\s*include\s*"([^"]+)".*/\1/p' "$file")
done
if grep -rnE '^\s*#\s*include\s*"ui/' "$root/web/app" "$root/web/text" "$root/web/frame" "$root/web/access" \
  "$root/web/platform"; then
  echo "check-deps: only web/ui and web/main.cpp may include web/ui (above): arrows point from ui"
  status=1
fi
# The app's state (web/app: the document, its store, autosave, compare, the views' state) and
# its words (web/text) are ImGui-free: CMake compiles them without ImGui's headers (sto_session)
# and this names the include that would break that.
if grep -rnE '^\s*#\s*include\s*[<"](imgui|frame/|access/access\.h)' "$root/web/app" "$root/web/text"; then
  echo "check-deps: web/app and web/text may not include ImGui, web/frame or access/access.h (above)"
  status=1
fi
((status == 0)) && echo "check-deps: core/ includes no UI header; its layers ${layers[*]} point down; web/ui is on top; web/app and web/text include no ImGui"
exit $status
