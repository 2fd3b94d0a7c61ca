#!/usr/bin/env bash
# What the gateway costs (see bench/README.md, "The gateway").
#
#   ./wans up          # in another terminal, first: the benchmark routes to the running services
#   bench/gateway.sh [--duration 10s] [--rate 100] [--low 4] [--high 32] [--warm 60s]
#
# One viewer signs in through the gateway; then, in one run and with identical settings:
#   1. low concurrency: GET /api/auth/verify straight to identity-service (baseline) vs the same
#      request through the gateway, a) at a fixed moderate rate (--rate over --low connections) and
#      b) closed loop over --low connections (as wrk measures it)
#   2. saturation (--high connections, closed loop): the same pair
#   3. saturation through a gateway with token verification switched off (loopback only,
#      wans.gateway.token-verification=off-for-benchmark) vs the gateway with verification,
#      revoked-session check and rate limiting all on
# The measured gateways are two started here from the same jar with the same (default) JVM settings,
# each first driven at saturation for --warm and then at --rate until its JIT compiler has gone quiet
# (a gateway measured earlier is still partly interpreted or compiling, and whichever had more traffic
# looked faster); the stack's own gateway is only used to sign in. The service is measured the same
# way: an identity-service started here from its jar with the JVM's defaults, as the image runs it,
# not the stack's C1-only one (bench/README.md, "The gateway").
# /api/auth/verify is identity's cheapest authenticated endpoint (no database), so the gateway's share
# of the time is as large as it can be. Rate limits are raised on the measured gateways (the bucket is
# per user and one user sends everything); the limiter still runs on every request.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
GATEWAY="${GATEWAY_URL:-http://127.0.0.1:8080}"
IDENTITY_PORT="${BENCH_IDENTITY_PORT:-3091}"
VERIFIED_PORT="${BENCH_GATEWAY_PORT:-8091}"
UNVERIFIED_PORT="${UNVERIFIED_GATEWAY_PORT:-8092}"
duration=10s rate=100 low=4 high=32 warm=60s
while (($#)); do
  case "$1" in
    --duration) duration="$2"; shift 2 ;;
    --rate) rate="$2"; shift 2 ;;
    --low) low="$2"; shift 2 ;;
    --high) high="$2"; shift 2 ;;
    --warm) warm="$2"; shift 2 ;;
    *) echo "gateway.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"

curl -fsS "$GATEWAY/health" > /dev/null || { echo "gateway.sh: no gateway at $GATEWAY; run ./wans up first" >&2; exit 1; }

# The sign-in bucket is per address: a bench address of its own keeps it clear of a developer's.
email="bench-$(date +%s%N)@bench.thewans.test"
password="Bench-only-password-42"
xff="X-Forwarded-For: 10.250.0.$((RANDOM % 250 + 1))"
curl -fsS -H "$xff" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$email\",\"password\":\"$password\"}" "$GATEWAY/api/auth/register" > /dev/null
# Access tokens live 15 minutes and warming up can take longer: signed in again before measuring.
sign_in() {
  local token
  token="$(curl -fsS -H "$xff" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$email\",\"password\":\"$password\",\"deviceName\":\"bench\",\"deviceType\":\"web\",\"fingerprint\":\"bench-device\"}" \
    "$GATEWAY/api/auth/login" | jq -r .accessToken)"
  [[ -n "$token" && "$token" != null ]] || { echo "gateway.sh: could not sign in" >&2; exit 1; }
  auth="Authorization:Bearer $token"
}
sign_in

# Two gateways started here from the same jar with the same JVM settings (the JVM's defaults, as in
# production; devstack runs its processes with a smaller, start-up-tuned JIT): one as deployed, one
# with token verification off, loopback only. Both route to the running stack's services.
LOGS=()
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2> /dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2> /dev/null || true; done
  rm -f "${LOGS[@]}"
}
trap cleanup EXIT
limits=(RATE_LIMIT_REPLENISH_RATE=1000000 RATE_LIMIT_BURST_CAPACITY=2000000)
# start_jar port jar [VAR=value...]: a process of our own on loopback, waited for until healthy
start_jar() {
  local port="$1" jar="$2" log
  shift 2
  log="$(mktemp)"
  LOGS+=("$log")
  env "$@" PORT="$port" SERVER_ADDRESS=127.0.0.1 "$JAVA" -jar "$jar" > "$log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 180); do
    curl -fsS "http://127.0.0.1:$port/health" > /dev/null 2>&1 && return
    kill -0 "${PIDS[-1]}" 2> /dev/null || { cat "$log" >&2; exit 1; }
    sleep 1
  done
  echo "gateway.sh: $jar on $port did not start" >&2
  exit 1
}
# identity-service as deployed; its defaults point at the stack's PostgreSQL and Redis (and at whatever
# DATABASE_URL, REDIS_URL, ... this shell exports, as with ./wans up)
start_jar "$IDENTITY_PORT" identity-service/target/identity-service.jar
IDENTITY="http://127.0.0.1:$IDENTITY_PORT"
start_jar "$VERIFIED_PORT" gateway/target/gateway.jar "${limits[@]}" IDENTITY_URL="$IDENTITY" \
  WANS_GATEWAY_TOKEN_VERIFICATION=on
start_jar "$UNVERIFIED_PORT" gateway/target/gateway.jar "${limits[@]}" IDENTITY_URL="$IDENTITY" \
  WANS_GATEWAY_TOKEN_VERIFICATION=off-for-benchmark
VERIFIED="http://127.0.0.1:$VERIFIED_PORT"
UNVERIFIED="http://127.0.0.1:$UNVERIFIED_PORT"

# each pair alternates twice (baseline, target, baseline, target) and pools the rounds: whichever side
# ran second in a single pair was ~20% faster, the load generator's own JIT and the machine's drift
load() { "$JAVA" bench/LoadGen.java "$@" --duration "$duration" --warmup 5s --rounds 2 --header "$auth"; }

# Bring a process's JIT to steady state before anything is measured: first at saturation, then at the
# low rate until its C2 compiler threads have gone quiet (under 2% of a core for two 10 s windows in a
# row). C2 works through its backlog long after the saturation warm-up; measured meanwhile, the
# low-rate latency was up to twice the steady state's, the compiler taking one of the two cores.
settle_jit() { # pid url
  local window quiet=0 before
  "$JAVA" bench/LoadGen.java "$2/api/auth/verify" --connections "$high" --duration "$warm" --warmup 0s \
    --header "$auth" > /dev/null
  for window in $(seq 1 30); do
    before="$(c2_ticks "$1")"
    "$JAVA" bench/LoadGen.java "$2/api/auth/verify" --connections "$low" --rate "$rate" --duration 10s \
      --warmup 0s --header "$auth" > /dev/null
    if (( ($(c2_ticks "$1") - before) * 100 < 20 * TICKS_PER_SECOND )); then
      quiet=$((quiet + 1))
      ((quiet < 2)) || break
    else
      quiet=0
    fi
  done
  echo "($2: JIT settled after $window windows of 10 s at $rate requests/s)"
}
TICKS_PER_SECOND="$(getconf CLK_TCK)"
# CPU time (clock ticks) the JVM's C2 compiler threads have used so far
c2_ticks() {
  local t total=0
  for t in /proc/"$1"/task/*; do
    if grep -q '^C2 Compiler' "$t/comm" 2> /dev/null; then
      total=$((total + $(sed 's/.*) //' "$t/stat" | awk '{print $12 + $13}')))
    fi
  done
  echo "$total"
}
settle_jit "${PIDS[0]}" "$IDENTITY"
settle_jit "${PIDS[1]}" "$VERIFIED"
settle_jit "${PIDS[2]}" "$UNVERIFIED"
sign_in

echo "== 1a. fixed rate: $rate requests/s over $low connections: direct (baseline) vs through the gateway"
load "$VERIFIED/api/auth/verify" --baseline "$IDENTITY/api/auth/verify" --connections "$low" --rate "$rate"
echo
echo "== 1b. closed loop, $low connections: direct (baseline) vs through the gateway"
load "$VERIFIED/api/auth/verify" --baseline "$IDENTITY/api/auth/verify" --connections "$low"
echo
echo "== 2. saturation, $high connections: direct (baseline) vs through the gateway"
load "$VERIFIED/api/auth/verify" --baseline "$IDENTITY/api/auth/verify" --connections "$high"
echo
echo "== 3. saturation, $high connections: gateway without token verification (baseline) vs with it"
load "$VERIFIED/api/auth/verify" --baseline "$UNVERIFIED/api/auth/verify" --connections "$high"
