#!/usr/bin/env bash
# The LAN host-crash soak (not in CI): the real `kense-cli serve` on 127.0.0.1,
# SOAK_CLIENTS client desks (default 10) registering and resolving cases with
# request ids, the host killed with SIGKILL SOAK_KILLS times (default 3) mid-way
# and restarted on the same folder and port; the clients reconnect by themselves.
# Prints: writes, acknowledged, retried, kills, anomalies (lost or doubled
# writes, number gaps, `kense-cli verify` problems). Exits 1 on any anomaly.
# Env: KENSE_CLI (default target/release/kense-cli, built if missing),
#      SOAK_CLIENTS, SOAK_CASES (cases per client, default 20), SOAK_KILLS.
set -euo pipefail
cd "$(dirname "$0")/.."

cli="${KENSE_CLI:-target/release/kense-cli}"
if [ ! -x "$cli" ]; then
  cargo build --quiet --release -p kense-cli
fi
cli="$(cd "$(dirname "$cli")" && pwd)/$(basename "$cli")"
cargo run --quiet --release -p kense-net --example lan_soak -- "$cli"
