#!/usr/bin/env bash
# Runs every test of Kense: formatting and lints, UI unit tests and type checks,
# Rust unit and integration tests, the TS-types drift check, and the real-window
# end-to-end suite under Xvfb. Installs what it needs first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
step() { printf '\n=== %s\n' "$*"; }
FEATURES=(--features kense/custom-protocol)

step "UI: unit tests, type check, build"
(cd ui && npx vitest run && npx svelte-check --tsconfig ./tsconfig.json --threshold error && npx vite build --logLevel warn)

step "Rust: format and lints"
cargo fmt --all --check
cargo clippy --workspace --all-targets "${FEATURES[@]}" -- -D warnings

step "Rust: build the app and the CLI"
cargo build -p kense -p kense-cli "${FEATURES[@]}"

step "Rust: unit and integration tests"
cargo test --workspace --exclude kense-e2e "${FEATURES[@]}"

step "TS types generated from Rust are committed and current"
drift=$(git status --porcelain -- ui/src/lib/bindings)
if [ -n "$drift" ]; then
  echo "ui/src/lib/bindings differs from the Rust types; commit the regenerated files:" >&2
  echo "$drift" >&2
  exit 1
fi

step "Install: the .deb installed, started, removed like on an office desk"
tests/install/run.sh
echo "Screenshot: test-output/install/"

step "End-to-end: the real window under Xvfb"
xvfb-run -a --server-args="-screen 0 1366x768x24" cargo test -p kense-e2e -- --test-threads=1
echo "Screenshots: test-output/e2e/"
