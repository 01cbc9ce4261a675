#!/usr/bin/env bash
# Sets up what is missing, builds Clientbook and opens it. The book is kept in
# ~/.local/share/clientbook/clientbook.db (override with CLIENTBOOK_DB=/path/book.db).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
(cd ui && npm run build)
exec cargo run --release -p clientbook-app -- "$@"
