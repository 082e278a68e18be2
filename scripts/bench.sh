#!/usr/bin/env bash
# The shipped benchmarks, side by side in one run (release builds):
#   - kense-pdf: milliseconds per document for each kind and the 2,000-row journal;
#   - the same refusal letter converted to PDF by LibreOffice headless (one cold
#     conversion, and per document in a batch of files in one soffice call), and the ratio;
#   - the deadline engine (kense-domain) and the office at 100,000 cases (kense-core);
#   - reports (kense-core): the quarterly report and a year's on-time statistics over
#     KENSE_BENCH_CASES cases (default 100,000; targets are for 1,000,000), and 100,000
#     journal rows exported to .xlsx.
#   - the office over the LAN (kense-net, office_lan): 20 desks × 500 mixed operations
#     against a host on 127.0.0.1 over KENSE_BENCH_CASES cases, p50/p99 per operation
#     beside the same operations on a single desk; lost, duplicated, number gaps;
#   - the crash-and-race soak (scripts/soak.sh): races tried, kills, anomalies;
#   - the LAN host-crash soak (scripts/lan_soak.sh): writes, acknowledged, retried, kills.
# Installs LibreOffice Writer (libreoffice-writer-nogui) and poppler-utils if missing.
# Env: BATCH (files in the batch, default 20), COLD (cold conversions timed, default 3).
set -euo pipefail
cd "$(dirname "$0")/.."

BATCH="${BATCH:-20}"
COLD="${COLD:-3}"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
install_missing() {
  local missing=()
  command -v soffice >/dev/null || missing+=(libreoffice-writer-nogui)
  command -v pdftotext >/dev/null || missing+=(poppler-utils)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing ${missing[*]}…"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y --no-install-recommends "${missing[@]}"
  fi
}
install_missing

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
now_ms() { date +%s%3N; }

echo "== kense-pdf: ms per document (release) =="
cargo bench -p kense-pdf --bench render | tee "$work/render.txt"
ms_of() { awk -v name="$1" 'index($0, name) == 1 { for (i = 1; i <= NF; i++) if ($i == "ms/doc") print $(i - 1) }' "$work/render.txt"; }
kense_refusal="$(ms_of "refusal, 3 grounds (kk)")"
kense_journal="$(ms_of "journal, 2000 rows (ru)")"
[ -n "$kense_refusal" ] || { echo "no refusal figure in the kense-pdf bench output" >&2; exit 1; }

echo
echo "== LibreOffice $(soffice --version 2>/dev/null | head -1 | awk '{print $2}'): the same refusal letter, HTML → PDF =="
cargo run --quiet --release -p kense-pdf --example refusal_html -- "$work/html" "$BATCH"
# A private profile, so a running LibreOffice or a stale profile does not interfere.
profile="file://$work/lo-profile"
convert() {
  soffice "-env:UserInstallation=$profile" --headless --norestore \
    --infilter="HTML (StarWriter)" --convert-to pdf:writer_pdf_Export --outdir "$@" >/dev/null 2>&1
}
start=$(now_ms)
convert "$work/first" "$work/html/refusal-01.html"
first=$(($(now_ms) - start))
[ -s "$work/first/refusal-01.pdf" ] || { echo "LibreOffice made no PDF" >&2; exit 1; }
pdftotext "$work/first/refusal-01.pdf" - | grep -q "Әбілқасымова" || { echo "LibreOffice's PDF lacks the letter's text" >&2; exit 1; }

total=0
for i in $(seq 1 "$COLD"); do
  start=$(now_ms)
  convert "$work/cold$i" "$work/html/refusal-01.html"
  total=$((total + $(now_ms) - start))
  [ -s "$work/cold$i/refusal-01.pdf" ] || { echo "LibreOffice made no PDF" >&2; exit 1; }
done
cold=$((total / COLD))

start=$(now_ms)
convert "$work/batch" "$work/html"/refusal-*.html
batch_total=$(($(now_ms) - start))
made=$(find "$work/batch" -name '*.pdf' | wc -l)
[ "$made" -eq "$BATCH" ] || { echo "LibreOffice made $made of $BATCH PDFs" >&2; exit 1; }
per_doc=$(awk -v t="$batch_total" -v n="$BATCH" 'BEGIN { printf "%.1f", t / n }')

echo "first start (creates its profile):       ${first} ms"
echo "one cold conversion (mean of $COLD starts):   ${cold} ms"
echo "batch of $BATCH files in one soffice call:   ${batch_total} ms = ${per_doc} ms/doc"

echo
echo "== Side by side: the refusal letter (3 grounds, kk) =="
awk -v k="$kense_refusal" -v c="$cold" -v b="$per_doc" -v j="$kense_journal" 'BEGIN {
  printf "%-44s %10.2f ms/doc\n", "kense-pdf", k
  printf "%-44s %10.1f ms/doc   kense-pdf is %6.0fx faster\n", "LibreOffice, one cold conversion", c, c / k
  printf "%-44s %10.1f ms/doc   kense-pdf is %6.0fx faster\n", "LibreOffice, per document in a batch", b, b / k
  printf "%-44s %10.2f ms\n", "kense-pdf, journal of 2,000 rows", j
  printf "target >= 100x: against one cold conversion %s; against a warm batch %s\n", (c / k >= 100 ? "met" : "NOT met"), (b / k >= 100 ? "met" : "NOT met")
}'

echo
echo "== kense-domain: deadline engine =="
cargo bench -p kense-domain --bench deadline
echo
echo "== kense-core: office at 100,000 cases =="
cargo bench -p kense-core --bench office
echo
echo "== kense-core: reports over ${KENSE_BENCH_CASES:-100000} cases (KENSE_BENCH_CASES) =="
cargo bench -p kense-core --bench reports
echo
echo "== kense-net: the office over the LAN, ${KENSE_BENCH_CASES:-100000} cases, 20 desks (KENSE_BENCH_CASES) =="
cargo bench -p kense-net --bench office_lan
echo
echo "== crash-and-race soak: concurrent acts and killed registrations (release kense-cli) =="
cargo build --quiet --release -p kense-cli
CASES="${SOAK_CASES:-20}" ROUNDS="${SOAK_ROUNDS:-3}" scripts/soak.sh
echo
echo "== LAN host-crash soak: 10 desks, the host killed with SIGKILL and restarted =="
scripts/lan_soak.sh
