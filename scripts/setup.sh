#!/usr/bin/env bash
# Installs what Clientbook needs on a fresh Debian/Ubuntu machine, skipping what is there.
#   scripts/setup.sh          — to build and run the app
#   scripts/setup.sh --test   — also what the end-to-end tests need (Xvfb, WebKitWebDriver, tauri-driver)
set -euo pipefail
cd "$(dirname "$0")/.."

want_tests=0
[ "${1:-}" = "--test" ] && want_tests=1

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"

packages=(
  # build the Tauri shell on Linux
  build-essential pkg-config file libssl-dev
  libwebkit2gtk-4.1-dev libgtk-3-dev libsoup-3.0-dev libjavascriptcoregtk-4.1-dev
  librsvg2-dev libayatana-appindicator3-dev
  # Chinese renders as empty boxes in WebKit without a CJK font
  fonts-noto-cjk
)
if [ "$want_tests" = 1 ]; then
  packages+=(webkit2gtk-driver xvfb xauth)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "==> apt-get install ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

command -v cargo >/dev/null || { echo "Rust is missing: install it from https://rustup.rs" >&2; exit 1; }
command -v npm >/dev/null || { echo "Node.js 20+ and npm are missing" >&2; exit 1; }

# The UI's packages, as locked. Not `npm ci`: the lock can only name the platform builds
# of @tauri-apps/cli and rollup that the registry serves, and `npm ci` refuses a lock
# without the others; `npm install` installs the locked versions and leaves the lock as is.
if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
  echo "==> npm install (ui/, from package-lock.json)"
  (cd ui && npm install --no-audit --no-fund)
fi

if [ "$want_tests" = 1 ] && ! command -v tauri-driver >/dev/null && [ ! -x "$HOME/.cargo/bin/tauri-driver" ]; then
  echo "==> cargo install tauri-driver"
  cargo install tauri-driver --locked --version "^2"
fi
