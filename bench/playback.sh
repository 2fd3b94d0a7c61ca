#!/usr/bin/env bash
# What watching costs in playback-service (see bench/README.md, "Playback").
#
#   FIRST_ADMIN_EMAIL=admin@bench.thewans.test FIRST_ADMIN_PASSWORD=Kundu-Drum-Sepik-77 \
#     RATE_LIMIT_REPLENISH_RATE=100000 RATE_LIMIT_BURST_CAPACITY=200000 ./wans up
#   bench/playback.sh [--duration 10s] [--rate 500] [--low 16] [--high 32] [--rounds 2] [--warm 20s]
#
# bench/PlaybackBench.java first has a film transcoded and --high viewers each playing it (an AVOD
# window, so nobody pays). Then, through the stack's gateway, with the cached GET /api/films/{id} as the
# baseline in the same run and the same viewers' tokens (the gateway's JWT check and rate limiter run on
# both; the raised limits above keep one bench from being throttled as one abusive user):
#   1. heartbeats at a fixed --rate over --low viewers (500/s is 15,000 viewers beating every 30 s):
#      target p99 < 25 ms
#   2. heartbeats at saturation, --high viewers closed loop: target at least 0.5x the baseline's throughput
#   3. start (availability and entitlement from rights-service, the transcode read model, the stream
#      slot, a new session and its playback.started event) at 10/s from one viewer on one device, each
#      start replacing the last: its p50 against the baseline's
#   4. where a heartbeat's time goes: the same heartbeats at --rate straight to playback-service
#      (PLAYBACK_URL) as the baseline, against the same through the gateway
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
GATEWAY="${GATEWAY_URL:-http://127.0.0.1:8080}"
PLAYBACK="${PLAYBACK_URL:-http://127.0.0.1:3005}"
duration=10s rate=500 low=16 high=32 rounds=2 warm=20s
while (($#)); do
  case "$1" in
    --duration) duration="$2"; shift 2 ;;
    --rate) rate="$2"; shift 2 ;;
    --low) low="$2"; shift 2 ;;
    --high) high="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --warm) warm="$2"; shift 2 ;;
    *) echo "playback.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"

curl -fsS "$GATEWAY/health" > /dev/null || { echo "playback.sh: no gateway at $GATEWAY; run ./wans up first" >&2; exit 1; }
[[ -n "${FIRST_ADMIN_EMAIL:-}" && -n "${FIRST_ADMIN_PASSWORD:-}" ]] || {
  echo "playback.sh: set FIRST_ADMIN_EMAIL and FIRST_ADMIN_PASSWORD (as the stack was started with)" >&2; exit 2; }

token="$(curl -fsS -H "X-Forwarded-For: 10.250.2.$((RANDOM % 250 + 1))" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$FIRST_ADMIN_EMAIL\",\"password\":\"$FIRST_ADMIN_PASSWORD\",\"deviceName\":\"bench\",\"deviceType\":\"web\",\"fingerprint\":\"bench-playback\"}" \
  "$GATEWAY/api/auth/login" | jq -r .accessToken)"
[[ -n "$token" && "$token" != null ]] || { echo "playback.sh: could not sign in as the first administrator" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
BENCH_VIEWERS="$high" GATEWAY_URL="$GATEWAY" "$JAVA" bench/PlaybackBench.java "$token" "$work"
film="$(cat "$work/film")"
head -n "$low" "$work/heartbeats.tsv" > "$work/low.tsv"
beat=(--method POST --baseline-method GET --header Content-Type:application/json --baseline "$GATEWAY/api/films/$film")

echo "load before the run: $(uptime)"
echo
# a stack with the full JIT (WANS_JAVA_OPTS) needs a minute or more of traffic before C2 has compiled the path
echo "== warm-up: heartbeats at saturation for $warm, the film read for 20 s (the JIT compiles both paths before anything is measured) =="
"$JAVA" bench/LoadGen.java "$GATEWAY/api/playback/heartbeat" "${beat[@]:0:6}" --per-connection "$work/heartbeats.tsv" \
  --connections "$high" --duration "$warm" --warmup 2s > /dev/null || true
# the baseline's path too (catalog's film read): a cold one would make heartbeats look cheap
"$JAVA" bench/LoadGen.java "$GATEWAY/api/films/$film" --per-connection "$work/heartbeats.tsv" \
  --connections "$high" --duration 20s --warmup 2s > /dev/null || true

echo
echo "== 1. heartbeats at $rate/s over $low viewers; GET /api/films/{id} (cached) as baseline =="
"$JAVA" bench/LoadGen.java "$GATEWAY/api/playback/heartbeat" "${beat[@]}" --per-connection "$work/low.tsv" \
  --connections "$low" --rate "$rate" --duration "$duration" --warmup 3s --rounds "$rounds"

echo
echo "== 2. heartbeats at saturation: $high viewers, closed loop; the same baseline =="
"$JAVA" bench/LoadGen.java "$GATEWAY/api/playback/heartbeat" "${beat[@]}" --per-connection "$work/heartbeats.tsv" \
  --connections "$high" --duration "$duration" --warmup 3s --rounds "$rounds"

echo
echo "== 3. start at 10/s, one viewer on one device (each start replaces the last); the same baseline =="
"$JAVA" bench/LoadGen.java "$GATEWAY/api/playback/start" "${beat[@]}" --header CF-IPCountry:PG \
  --per-connection "$work/start.tsv" --connections 1 --rate 10 --duration "$duration" --warmup 3s --rounds "$rounds"

echo
echo "== 4. heartbeats at $rate/s over $low viewers: straight to playback-service (baseline) vs through the gateway =="
"$JAVA" bench/LoadGen.java "$GATEWAY/api/playback/heartbeat" --method POST --header Content-Type:application/json \
  --per-connection "$work/low.tsv" --connections "$low" --rate "$rate" --duration "$duration" --warmup 3s \
  --rounds "$rounds" --baseline "$PLAYBACK/api/playback/heartbeat"
