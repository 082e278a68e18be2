#!/usr/bin/env bash
# Builds Kense's Linux packages in release with the Tauri bundler: a .deb (the window,
# kense-cli beside it in /usr/bin, the icon, a desktop entry named in Kazakh and Russian)
# and an AppImage. Prints each package's path and size.
# The regulations, calendars, fonts and texts are compiled into the binaries; nothing
# else is read at run time. The AppImage needs linuxdeploy, which the bundler downloads
# from GitHub: without network access it is reported as not built (the .deb still is).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
(cd ui && npx vite build --logLevel warn)
cargo build --release -p kense -p kense-cli --features kense/custom-protocol
tauri=ui/node_modules/.bin/tauri
mkdir -p test-output/package

"$tauri" bundle --bundles deb 2>&1 | tee test-output/package/deb.log
if "$tauri" bundle --bundles appimage >test-output/package/appimage.log 2>&1; then
  appimage_note=""
else
  appimage_note="AppImage NOT built: $(grep -iE 'error|failed' test-output/package/appimage.log | tail -1) (full log: test-output/package/appimage.log)"
fi

echo
echo "Packages:"
for f in target/release/bundle/deb/*.deb target/release/bundle/appimage/*.AppImage; do
  [ -f "$f" ] && printf '  %s  %s\n' "$(du -h "$f" | cut -f1)" "$f"
done
[ -n "$appimage_note" ] && echo "  $appimage_note"
ls target/release/bundle/deb/*.deb >/dev/null
