#!/usr/bin/env bash
# Installs what building and testing Kense needs, skipping what is already there.
# Debian 12 (bookworm) or later, as root (or with sudo). Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  build-essential pkg-config libssl-dev
  libwebkit2gtk-4.1-dev libsoup-3.0-dev libgtk-3-dev librsvg2-dev libayatana-appindicator3-dev
  xvfb xauth webkit2gtk-driver poppler-utils fonts-dejavu-core
  imagemagick x11-utils
)
TAURI_DRIVER_VERSION="2.1.0"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  missing+=(nodejs npm)
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
  echo "setup: Node.js $(node --version) is too old; Vite 8 needs Node.js 20.19 or newer." >&2
  exit 1
fi
if ! command -v cargo >/dev/null; then
  echo "setup: no Rust toolchain (cargo) found; install stable Rust (rustup.rs) and run again." >&2
  exit 1
fi

if ! tauri-driver --help 2>/dev/null | head -1 | grep -q "$TAURI_DRIVER_VERSION" \
   && [ "$(cat "${CARGO_HOME:-$HOME/.cargo}/.kense-tauri-driver" 2>/dev/null)" != "$TAURI_DRIVER_VERSION" ]; then
  echo "setup: installing tauri-driver $TAURI_DRIVER_VERSION"
  cargo install "tauri-driver@$TAURI_DRIVER_VERSION" --locked --quiet
  echo "$TAURI_DRIVER_VERSION" > "${CARGO_HOME:-$HOME/.cargo}/.kense-tauri-driver"
fi

if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
  echo "setup: installing UI packages (npm ci)"
  (cd ui && npm ci --no-audit --no-fund --loglevel=error)
fi
