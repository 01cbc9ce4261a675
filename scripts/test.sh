#!/usr/bin/env bash
# Sets up what is missing, then runs every check and test: formatting, lints, UI type-check
# and unit tests, core/CLI/app tests, and end-to-end tests of the real app under Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
export PATH="$HOME/.cargo/bin:$PATH"

echo "==> UI: type-check, build, unit tests"
(cd ui && npm run build && npm test)

echo "==> Rust: format and lints"
cargo fmt --all --check
cargo clippy --workspace --all-targets -- -D warnings

echo "==> Rust: build everything once (debug), then test"
cargo build --workspace --bins
xvfb-run -a --server-args="-screen 0 1280x800x24" cargo test --workspace --no-fail-fast
