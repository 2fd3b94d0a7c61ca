#!/usr/bin/env bash
# What a viewer's "for you" row costs through the gateway (see bench/README.md, "Recommendations").
#
#   FIRST_ADMIN_EMAIL=admin@bench.thewans.test FIRST_ADMIN_PASSWORD=Kundu-Drum-Sepik-77 \
#     RATE_LIMIT_REPLENISH_RATE=1000000 RATE_LIMIT_BURST_CAPACITY=2000000 ./wans up
#   bench/recommend.sh [--films 40] [--rate 200] [--low 8] [--high 32] [--duration 15s]   # another terminal
#
# Signs in as the stack's first administrator (the same two variables), publishes --films films across
# genres with open AVOD windows in PG, and registers one viewer in PG who has watched nothing yet (a
# new viewer: popular here plus their language). Then, in one run and with identical settings, each
# pair alternating twice (baseline, target, baseline, target):
#   1. a fixed --rate over --low connections: GET /api/films/{id} (catalog's cached public film page,
#      the baseline) vs GET /api/recommend/for-you (target: p99 under 30 ms at 200/s)
#   2. saturation, --high connections, closed loop: the same pair
# One viewer sends every request, so the gateway's per-user rate limit must be raised (above) or it
# answers 429s and the figures mean nothing; the script stops if it sees one.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
GATEWAY="${GATEWAY_URL:-http://127.0.0.1:8080}"
films=40 rate=200 low=8 high=32 duration=15s
while (($#)); do
  case "$1" in
    --films) films="$2"; shift 2 ;;
    --rate) rate="$2"; shift 2 ;;
    --low) low="$2"; shift 2 ;;
    --high) high="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    *) echo "recommend.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"

curl -fsS "$GATEWAY/health" > /dev/null || { echo "recommend.sh: no gateway at $GATEWAY; run ./wans up first" >&2; exit 1; }
[[ -n "${FIRST_ADMIN_EMAIL:-}" && -n "${FIRST_ADMIN_PASSWORD:-}" ]] || {
  echo "recommend.sh: set FIRST_ADMIN_EMAIL and FIRST_ADMIN_PASSWORD (as the stack was started with)" >&2; exit 2; }

xff="X-Forwarded-For: 10.250.2.$((RANDOM % 250 + 1))"
login() { # email password -> access token
  curl -fsS -H "$xff" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"$2\",\"deviceName\":\"bench\",\"deviceType\":\"web\",\"fingerprint\":\"bench-recommend\"}" \
    "$GATEWAY/api/auth/login" | jq -r .accessToken
}
admin="$(login "$FIRST_ADMIN_EMAIL" "$FIRST_ADMIN_PASSWORD")"
[[ -n "$admin" && "$admin" != null ]] || { echo "recommend.sh: could not sign in as the first administrator" >&2; exit 1; }
api() { # method path token [json]
  curl -fsS -X "$1" -H "Authorization: Bearer $3" -H 'Content-Type: application/json' ${4:+-d "$4"} "$GATEWAY$2"
}

genres=(drama comedy documentary action romance music family culture)
languages=(en tpi en ho en)
starts="$(date -u -d '-1 minute' +%Y-%m-%dT%H:%M:%SZ)"
film=""
for i in $(seq 1 "$films"); do
  g="${genres[$((i % ${#genres[@]}))]}"
  l="${languages[$((i % ${#languages[@]}))]}"
  id="$(api POST /api/films "$admin" "{\"title\":\"Bench Film $i $RANDOM\",\"synopsis\":\"A film for the recommendation bench.\",\"runtimeMinutes\":90,\"releaseYear\":2025,\"maturityRating\":\"PG\",\"genres\":[\"$g\"],\"languages\":[\"$l\"]}" | jq -r .id)"
  api POST "/api/films/$id/publish" "$admin" > /dev/null
  api POST /api/windows "$admin" "{\"filmId\":\"$id\",\"type\":\"AVOD\",\"territories\":[\"PG\"],\"startsAt\":\"$starts\"}" > /dev/null
  film="$id"
done

email="bench-$(date +%s%N)@bench.thewans.test"
password="Bench-only-password-42"
curl -fsS -H "$xff" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$email\",\"password\":\"$password\"}" "$GATEWAY/api/auth/register" > /dev/null
viewer="$(login "$email" "$password")"
api POST /api/profile "$viewer" '{"displayName":"Bench Viewer","country":"PG","language":"tpi"}' > /dev/null

# the service learns films and windows from events: wait until the row has the films
for _ in $(seq 1 120); do
  count="$(api GET '/api/recommend/for-you?size=50' "$viewer" | jq '.items | length')"
  ((count >= films || count >= 50)) && break
  sleep 1
done
echo "for-you has $count films; baseline film $film"

load() { "$JAVA" bench/LoadGen.java "$@" --duration "$duration" --warmup 5s --rounds 2 --header "Authorization:Bearer $viewer"; }
target="$GATEWAY/api/recommend/for-you"
baseline="$GATEWAY/api/films/$film"
# the JIT of gateway, catalog and recommendation first: both paths at saturation, not measured
"$JAVA" bench/LoadGen.java "$target" --connections "$high" --duration 30s --warmup 0s \
  --header "Authorization:Bearer $viewer" > /dev/null
"$JAVA" bench/LoadGen.java "$baseline" --connections "$high" --duration 30s --warmup 0s \
  --header "Authorization:Bearer $viewer" > /dev/null
status="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $viewer" "$target")"
[[ "$status" == 200 ]] || { echo "recommend.sh: for-you answered $status (a 429: raise the gateway's rate limit)" >&2; exit 1; }

echo "load before the run: $(uptime)"
echo "== 1. fixed rate: $rate requests/s over $low connections: cached film page (baseline) vs for-you"
load "$target" --baseline "$baseline" --connections "$low" --rate "$rate"
echo
echo "== 2. saturation, $high connections: cached film page (baseline) vs for-you"
load "$target" --baseline "$baseline" --connections "$high"
