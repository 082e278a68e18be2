#!/usr/bin/env bash
# Installs Kense like an office's IT person does and checks it, as root (or with sudo):
#   1. builds the .deb (debug profile, the test build's target and features; with
#      --release: takes the release .deb that scripts/package.sh made);
#   2. installs it with apt-get (removing an earlier install of it first);
#   3. starts the INSTALLED window (/usr/bin/kense) under Xvfb on an empty data folder,
#      waits for its first screen, screenshots it, measures the start and memory at rest;
#   4. runs the installed `kense-cli --version`;
#   5. removes the package and checks the data folder (the journal) is kept.
# Exits nonzero on any failure. Screenshot: test-output/install/.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)

PROFILE=debug
if [ "${1:-}" = "--release" ]; then PROFILE=release; fi
OUT="$ROOT/test-output/install"
mkdir -p "$OUT"
PACKAGE=kense

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
fail() { echo "install test: FAILED: $*" >&2; exit 1; }
say() { printf 'install test: %s\n' "$*"; }

# 1. The package.
if [ "$PROFILE" = debug ]; then
  [ -f ui/dist/index.html ] || (cd ui && npx vite build --logLevel warn)
  cargo build -p kense -p kense-cli --features kense/custom-protocol
  # Bundle the binaries just built (no second build); the CLI from the same profile.
  override='{"bundle":{"linux":{"deb":{"files":{"/usr/bin/kense-cli":"../target/debug/kense-cli"}}}}}'
  ui/node_modules/.bin/tauri bundle --debug --bundles deb --config "$override" >"$OUT/bundle.log" 2>&1 \
    || { cat "$OUT/bundle.log" >&2; fail "tauri bundle"; }
fi
deb=$(ls -t target/"$PROFILE"/bundle/deb/*.deb 2>/dev/null | head -1 || true)
[ -n "$deb" ] || fail "no .deb in target/$PROFILE/bundle/deb (release: run scripts/package.sh first)"
say "package $deb ($(du -h "$deb" | cut -f1))"
dpkg-deb --contents "$deb" >"$OUT/contents.txt"
for path in usr/bin/kense usr/bin/kense-cli usr/share/icons/hicolor/128x128/apps/kense.png; do
  grep -qE " (\./)?$path\$" "$OUT/contents.txt" || fail "/$path is not in the package"
done
desktop=$(grep -oE '(\./)?usr/share/applications/[^ ]*\.desktop$' "$OUT/contents.txt" | head -1)
[ -n "$desktop" ] || fail "no desktop entry in the package"
dpkg-deb --fsys-tarfile "$deb" | tar -xO "$desktop" >"$OUT/kense.desktop"
grep -q '^Name\[kk\]=' "$OUT/kense.desktop" || fail "the desktop entry has no Kazakh name"
grep -q '^Name\[ru\]=' "$OUT/kense.desktop" || fail "the desktop entry has no Russian name"
grep -q '^Exec=kense' "$OUT/kense.desktop" || fail "the desktop entry does not start kense"

# 2. Install (a reinstall of the same version would be skipped by apt: remove first).
if dpkg-query -W -f='${Status}' "$PACKAGE" 2>/dev/null | grep -q "install ok installed"; then
  as_root env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq "$PACKAGE" >/dev/null
fi
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$(realpath "$deb")" >"$OUT/apt-install.log" 2>&1 \
  || { cat "$OUT/apt-install.log" >&2; fail "apt-get install"; }
[ -x /usr/bin/kense ] && [ -x /usr/bin/kense-cli ] || fail "binaries not installed in /usr/bin"
say "installed: $(dpkg-query -W -f='${Package} ${Version}' "$PACKAGE")"

# 3. The installed window on an empty data folder (the default one of a fresh user).
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work/home"
mkdir -p "$HOME"
data="$HOME/.local/share/kz.kense.app"
unset KENSE_DATA_DIR KENSE_NOW KENSE_USER
screenshot="$OUT/first-window-$PROFILE.png"
rm -f "$screenshot"
# Runs inside the virtual display: start, wait for the first screen, measure, screenshot.
xvfb-run -a -s "-screen 0 1366x768x24" bash -s "$screenshot" "$OUT/figures-$PROFILE.txt" <<'INSIDE' || fail "the installed window did not show its first screen"
set -euo pipefail
screenshot=$1; figures=$2
start=$(date +%s%N)
/usr/bin/kense >"$(dirname "$screenshot")/window.log" 2>&1 &
app=$!
shown=""
for _ in $(seq 1 600); do
  kill -0 "$app" 2>/dev/null || { echo "the window exited" >&2; cat "$(dirname "$screenshot")/window.log" >&2; exit 1; }
  if xwininfo -root -tree 2>/dev/null | grep -q 'Kense'; then
    # Mapped; the first screen is there when the page has drawn (more than a few colours).
    import -window root /tmp/kense-probe-$$.png 2>/dev/null || true
    colours=$(identify -format '%k' /tmp/kense-probe-$$.png 2>/dev/null || echo 0)
    if [ "${colours:-0}" -gt 50 ]; then shown=$(( ($(date +%s%N) - start) / 1000000 )); break; fi
  fi
  sleep 0.1
done
rm -f /tmp/kense-probe-$$.png
[ -n "$shown" ] || { echo "no first screen within 60 s" >&2; kill "$app"; exit 1; }
sleep 5  # at rest
import -window root "$screenshot"
rss_main=$(ps -o rss= -p "$app" | tr -d ' ')
rss_all=$(ps -o rss= --ppid "$app" | awk -v m="$rss_main" '{s+=$1} END {print s+m}')
# PSS counts shared pages once across the processes: the fairer total.
pss_all=$(for p in "$app" $(ps -o pid= --ppid "$app"); do cat "/proc/$p/smaps_rollup" 2>/dev/null; done \
  | awk '/^Pss:/ {s+=$2} END {print s}')
printf 'first screen after %s ms\nRSS at rest: window process %s KiB, with its WebKit processes %s KiB (PSS %s KiB)\n' \
  "$shown" "$rss_main" "$rss_all" "$pss_all" | tee "$figures"
kill "$app"
wait "$app" 2>/dev/null || true
INSIDE
[ -s "$screenshot" ] || fail "no screenshot"
say "screenshot $screenshot"
[ -f "$data/journal.sqlite" ] || fail "the window made no journal in $data"

# 4. The installed CLI.
version=$(/usr/bin/kense-cli --version) || fail "kense-cli --version"
echo "$version" | tee "$OUT/cli-version.txt"
echo "$version" | grep -q "^kense-cli [0-9]" || fail "kense-cli --version prints no version"
echo "$version" | grep -qF "$data" || fail "kense-cli --version does not name the data folder"
# An office set up by the installed CLI: the first administrator, then a verify signed in with the PIN.
office="$work/office"
printf '246810\n' > "$work/admin.pin"
/usr/bin/kense-cli --data-dir "$office" init --admin-login admin \
  --admin-name-kk "Әкімші Тестов" --admin-name-ru "Администратор Тестов" --pin-file "$work/admin.pin" \
  >"$OUT/cli-init.txt" 2>&1 || { cat "$OUT/cli-init.txt" >&2; fail "the installed kense-cli cannot set up an office"; }
/usr/bin/kense-cli --data-dir "$office" --user admin --pin-file "$work/admin.pin" verify >/dev/null \
  || fail "the installed kense-cli cannot verify the office it set up"
say "kense-cli set up an office and verified it"

# 5. Remove: the program goes, the journal stays.
as_root env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq "$PACKAGE" >"$OUT/apt-remove.log" 2>&1 \
  || { cat "$OUT/apt-remove.log" >&2; fail "apt-get remove"; }
[ ! -e /usr/bin/kense ] && [ ! -e /usr/bin/kense-cli ] || fail "binaries left after removal"
[ -f "$data/journal.sqlite" ] || fail "removing the package removed the journal"
say "removed; the journal in $data is kept"
say "OK"
