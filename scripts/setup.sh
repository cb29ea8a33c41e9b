#!/usr/bin/env bash
# Installs every dependency STO Planner needs, from Debian's packages and npm.
# Idempotent: each step checks first and does nothing when its result is already there.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
deps="$root/.deps"   # git-ignored: third-party sources fetched at setup time

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

debian_packages=(
  emscripten          # C++ -> WebAssembly (3.1.6 in Debian 12)
  libcereal-dev       # serialization (header-only)
  rapidjson-dev       # cereal's JSON archive
  catch2              # tests (v2 single header)
  chromium            # the browser: its --screenshot test and the benchmark
  chromium-headless-shell  # its engine without the browser: the end-to-end tests
  firefox-esr         # the second browser of the end-to-end tests (tests/e2e/firefox.test.mjs)
  xvfb                # a virtual screen for it: headless Firefox has no WebGL2 here
  webkit2gtk-driver   # WebKitWebDriver: the WebKit (Safari's engine) smoke, tests/e2e/webkit.test.mjs
  fonts-dejavu-core   # a font with the euro sign and Dutch diacritics
  fonttools           # pyftsubset: the font cut down to the app's characters at build time
  dpkg-dev            # apt-get source needs dpkg-source
  clang               # libFuzzer for the loader's fuzz target
  libclang-rt-14-dev  # its runtime (and LeakSanitizer)
  libreoffice-calc-nogui  # checks that exported CSV opens with the engine's totals
  clang-format
  cmake
  g++
)
# Node.js 20 with npm comes with the machine (from outside Debian's archive, where
# Debian's npm package conflicts with it): install Debian's only where node is absent.
command -v node >/dev/null || debian_packages+=(nodejs npm)

missing=()
for pkg in "${debian_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done

# Dear ImGui 1.86: its .cpp files only come as a Debian source package. The copy in .deps counts
# only when every file the build uses is there and it is that version; anything else (a fetch
# that was cut off, another version) is fetched again.
imgui_version="1.86"
imgui_files=(imgui.h imgui.cpp imgui_draw.cpp imgui_tables.cpp imgui_widgets.cpp imgui_demo.cpp
  misc/cpp/imgui_stdlib.cpp backends/imgui_impl_glfw.cpp backends/imgui_impl_opengl3.cpp)
imgui_complete() {  # $1: a folder
  local file
  for file in "${imgui_files[@]}"; do [ -s "$1/$file" ] || return 1; done
  grep -q "^#define IMGUI_VERSION  *\"$imgui_version\"" "$1/imgui.h"
}

# Fetching needs a deb-src entry for the same mirror and suites as the existing binary entry.
src_list=/etc/apt/sources.list.d/sto-planner-src.sources
need_update=0
if ! imgui_complete "$deps/imgui" && [ ! -f "$src_list" ]; then
  as_root tee "$src_list" >/dev/null <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  need_update=1
fi

if [ ${#missing[@]} -gt 0 ] || [ $need_update -eq 1 ]; then
  echo "setup: apt-get update"
  as_root apt-get update -qq
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! imgui_complete "$deps/imgui"; then
  echo "setup: fetching Dear ImGui $imgui_version sources (apt-get source imgui)"
  mkdir -p "$deps"
  tmp="$(mktemp -d)"
  (cd "$tmp" && apt-get source -qq imgui >/dev/null 2>&1 || apt-get source imgui)
  fetched=("$tmp"/imgui-*/)
  # Only a complete fetch replaces what is there, so an interrupted one is simply done again.
  if ! imgui_complete "${fetched[0]}"; then
    echo "setup: the fetched ImGui sources are incomplete or not version $imgui_version" >&2
    rm -rf "$tmp"
    exit 1
  fi
  rm -rf "$deps/imgui"
  mv "${fetched[0]}" "$deps/imgui"
  rm -rf "$tmp"
fi

# Header-only libraries live in /usr/include, which the wasm build must not see whole:
# link just those folders into one place that both builds put on their include path.
mkdir -p "$deps/include"
for dir in cereal rapidjson catch2; do
  [ -e "$deps/include/$dir" ] || ln -s "/usr/include/$dir" "$deps/include/$dir"
done

# npm ci whenever an installed test package is missing or not the version package.json pins, or
# the lock file changed since the last npm ci (a dependency of a dependency moved): the hash of
# the lock file it installed is kept beside the packages.
e2e="$root/tests/e2e"
lock_hash="$(sha256sum "$e2e/package-lock.json" | cut -d' ' -f1)"
stamp="$e2e/node_modules/.sto-package-lock.sha256"
if [ "$(cat "$stamp" 2>/dev/null)" != "$lock_hash" ] || ! (cd "$e2e" && node -e '
  const wanted = require("./package.json").devDependencies;
  for (const [name, version] of Object.entries(wanted))
    if (require(`./node_modules/${name}/package.json`).version !== version) process.exit(1);
' 2>/dev/null); then
  echo "setup: npm ci (playwright-core, axe-core, puppeteer-core, pinned in tests/e2e/package-lock.json)"
  (cd "$e2e" && npm ci --no-audit --no-fund --silent)
  echo "$lock_hash" >"$stamp"
fi
echo "setup: ready"
