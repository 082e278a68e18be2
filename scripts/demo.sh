#!/usr/bin/env bash
# Builds Kense and opens the window on the demo journal (sample cases in Kazakh and Russian).
# The demo journal lives in its own folder, never in the office's real one.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
(cd ui && npx vite build --logLevel warn)
cargo build -p kense --features custom-protocol
demo_dir="${KENSE_DEMO_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/kz.kense.app/demo}"
echo "Kense demo journal: $demo_dir"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "No display found: starting the window on a virtual display (xvfb-run)."
  exec xvfb-run -a target/debug/kense --demo --data-dir "$demo_dir" "$@"
fi
exec target/debug/kense --demo --data-dir "$demo_dir" "$@"
