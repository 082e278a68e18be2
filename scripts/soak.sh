#!/usr/bin/env bash
# The crash-and-race soak: several kense-cli processes doing the same act on the
# same cases at the same moment (resolve, submit, sign, hand_over, two at a time),
# and registrations killed with SIGKILL at random moments, then retried.
# Prints: races tried, kills, anomalies (skipped or doubled steps, races with
# other than one winner, raw SQLite errors, lost or doubled registrations,
# verify problems). Exits 1 when any anomaly is found.
# Env: KENSE_CLI (the binary; default target/release/kense-cli, built if missing),
#      CASES (cases per round, default 20), ROUNDS (default 3), KILLS (killed
#      registration batches, default 10), SEED (random seed).
set -uo pipefail
cd "$(dirname "$0")/.."

CASES="${CASES:-20}"
ROUNDS="${ROUNDS:-3}"
KILL_BATCHES="${KILLS:-10}"
RANDOM="${SEED:-$$}"
cli="${KENSE_CLI:-target/release/kense-cli}"
if [ ! -x "$cli" ]; then
  cargo build --quiet --release -p kense-cli
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
data="$work/journal"
NOW="2026-11-23T15:00:00+05:00"
k() { local user="$1"; shift; "$cli" --data-dir "$data" --now "$NOW" --user "$user" "$@"; }

races=0; kills=0; anomalies=0; raw=0
note() { anomalies=$((anomalies + 1)); echo "  anomaly: $*"; }

k admin demo >/dev/null || { echo "cannot seed the demo journal" >&2; exit 1; }
cat >"$work/app.json" <<'EOF'
{"service": "small-vessel-certificate", "procedure": "issue", "channel": "state_corp",
 "received_at": "2026-11-23T09:20:00+05:00", "language": "kk",
 "applicant": {"kind": "person", "iin": "800416100254", "name": "Сынақ Өтініш Беруші", "phone": "", "address": ""},
 "documents": ["Өтініш"]}
EOF
echo '{"text": "Орындауға", "executor": "executor"}' >"$work/resolve.json"
# A complete package: every document the regulation lists (the verdict is the domain's).
echo '{"check": "completeness", "value": "application,identity-document,medical-certificate,training-certificate,photo,previous-certificate"}' >"$work/check.json"
cat >"$work/submit.json" <<'EOF'
{"fields": {"certificate-number": "ШК-0457", "vessel-class": "Моторлы қайық (R)",
            "navigation-area": "Жайық өзені", "valid-until": "2036-11-30"}}
EOF
echo '{"comment": ""}' >"$work/sign.json"
echo '{"method": "in_person"}' >"$work/hand_over.json"

number_of() { grep -o '"number": *"[^"]*"' "$1" | head -1 | sed 's/.*"\([^"]*\)"$/\1/'; }

# Two processes do the same act on every case at once; exactly one must win.
race() {
  local user="$1" action="$2"; shift 2
  local n i
  for n in "$@"; do
    for i in 1 2; do
      k "$user" act "$n" "$action" --json "$work/$action.json" >"$work/out.$n.$i" 2>&1 &
    done
  done
  wait
  for n in "$@"; do
    races=$((races + 1))
    local wins=0
    for i in 1 2; do
      if grep -q '"number"' "$work/out.$n.$i"; then wins=$((wins + 1)); fi
      if grep -qE 'UNIQUE constraint|database is locked' "$work/out.$n.$i"; then
        raw=$((raw + 1)); note "$n $action: raw SQLite error: $(grep -oE 'UNIQUE constraint[^"]*|database is locked' "$work/out.$n.$i" | head -1)"
      fi
    done
    [ "$wins" -eq 1 ] || note "$n $action: $wins winners"
  done
}

start=$(date +%s)
for round in $(seq 1 "$ROUNDS"); do
  cases=()
  for i in $(seq 1 "$CASES"); do
    k clerk register --json "$work/app.json" >"$work/reg.out" 2>&1 || { note "registration failed: $(tail -1 "$work/reg.out")"; continue; }
    cases+=("$(number_of "$work/reg.out")")
  done
  race head resolve "${cases[@]}"
  for n in "${cases[@]}"; do k executor act "$n" record_check --json "$work/check.json" >/dev/null 2>&1; done
  race executor submit "${cases[@]}"
  race head sign "${cases[@]}"
  race clerk hand_over "${cases[@]}"
  # Each case walked every step exactly once.
  for n in "${cases[@]}"; do
    kinds="$(k clerk case "$n" 2>/dev/null | awk -F'\t' 'NF == 4 { printf "%s ", $4 }')"
    [ "$kinds" = "register resolve record_check submit sign hand_over " ] || note "$n history: $kinds"
  done
  echo "round $round: $((races)) races so far, $anomalies anomalies"
done

# Registrations killed at random moments, then retried with the same request id
# (when this build knows request ids): one case per request, none lost.
ids=0
with_ids=0
if "$cli" register --help 2>/dev/null | grep -q -- --request-id; then with_ids=1; fi
before_count="$(k clerk journal --json 2>/dev/null | grep -c '"number"')"
declare -A acked
for batch in $(seq 1 "$KILL_BATCHES"); do
  pids=(); reqs=()
  for i in 1 2 3 4; do
    id="soak-$batch-$i"; ids=$((ids + 1)); reqs+=("$id")
    if [ "$with_ids" -eq 1 ]; then
      k clerk register --json "$work/app.json" --request-id "$id" >"$work/kill.$id" 2>&1 &
    else
      k clerk register --json "$work/app.json" >"$work/kill.$id" 2>&1 &
    fi
    pids+=($!)
  done
  sleep "0.0$((RANDOM % 10))"
  for p in "${pids[@]}"; do
    if [ $((RANDOM % 2)) -eq 0 ] && kill -9 "$p" 2>/dev/null; then kills=$((kills + 1)); fi
  done
  wait
  for id in "${reqs[@]}"; do
    if grep -q '"number"' "$work/kill.$id"; then acked[$id]="$(number_of "$work/kill.$id")"; continue; fi
    # Not acknowledged: the clerk registers it again.
    if [ "$with_ids" -eq 1 ]; then
      k clerk register --json "$work/app.json" --request-id "$id" >"$work/retry.$id" 2>&1
    else
      k clerk register --json "$work/app.json" >"$work/retry.$id" 2>&1
    fi
    acked[$id]="$(number_of "$work/retry.$id")"
    [ -n "${acked[$id]}" ] || note "retry of $id failed: $(tail -1 "$work/retry.$id")"
  done
done
# Every acknowledged number is there, and there is one case per request.
journal="$(k clerk journal --json 2>/dev/null)"
for id in "${!acked[@]}"; do
  grep -q "\"${acked[$id]}\"" <<<"$journal" || note "request $id: acknowledged ${acked[$id]} is lost"
done
after_count="$(grep -c '"number"' <<<"$journal")"
[ $((after_count - before_count)) -eq "$ids" ] || note "$ids registration requests made $((after_count - before_count)) cases"

verify="$(k admin verify 2>&1)"
problems="$(grep -o 'problems: [0-9]*' <<<"$verify" | awk '{print $2}')"
[ "${problems:-1}" -eq 0 ] || note "verify: $(head -3 <<<"$verify" | tr '\n' ' ')"

echo
echo "== crash-and-race soak ($cli) =="
echo "races tried:            $races (two processes per race: resolve, submit, sign, hand_over)"
echo "registrations killed:   $kills of $ids (kill -9 at random moments)"
echo "raw SQLite errors:      $raw"
echo "anomalies:              $anomalies"
echo "time:                   $(( $(date +%s) - start )) s"
[ "$anomalies" -eq 0 ]
