#!/usr/bin/env bash
# Builds an installable Debian package: target/release/bundle/deb/Clientbook_<version>_amd64.deb
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
(cd ui && npm run build)
ui/node_modules/.bin/tauri build --bundles deb
ls -1 target/release/bundle/deb/*.deb
