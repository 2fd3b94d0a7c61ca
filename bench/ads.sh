#!/usr/bin/env bash
# What an ad decision and a beacon cost (see bench/README.md, "Ads").
#
#   FIRST_ADMIN_EMAIL=admin@bench.thewans.test FIRST_ADMIN_PASSWORD=Kundu-Drum-Sepik-77 \
#     RATE_LIMIT_REPLENISH_RATE=1000000 RATE_LIMIT_BURST_CAPACITY=2000000 ./wans up
#   bench/ads.sh [--duration 10s] [--rate 300] [--low 16] [--high 32]      # in another terminal
#
# Signs in as the stack's first administrator (the same two variables), publishes a film, books a
# campaign with no targeting and no cap (so every decision runs the whole path: targeting, the Lua
# budget and pacing check, a VAST with signed beacons) and a real 10 s creative (made with the FFmpeg
# the stack extracted, uploaded by presigned PUT, confirmed with ffprobe), signs a viewer in, then, in
# one run and with identical settings, against the cached film read GET /api/films/{id} as baseline:
#   1. GET /api/ads/serve/{filmId} at a fixed --rate over --low connections (target p99 < 30 ms)
#   2. the same at saturation, --high connections, closed loop (target >= 0.5x the baseline)
#   3. beacon intake at saturation: GET /api/ads/beacons/impression (a signed URL from a served VAST;
#      repeated firings are the dedupe path: one Lua call that finds the serving id counted)
# The gateway's per-user rate limit must be raised (one viewer sends everything), as above.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
GATEWAY="${GATEWAY_URL:-http://127.0.0.1:8080}"
duration=10s rate=300 low=16 high=32
while (($#)); do
  case "$1" in
    --duration) duration="$2"; shift 2 ;;
    --rate) rate="$2"; shift 2 ;;
    --low) low="$2"; shift 2 ;;
    --high) high="$2"; shift 2 ;;
    *) echo "ads.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"

curl -fsS "$GATEWAY/health" > /dev/null || { echo "ads.sh: no gateway at $GATEWAY; run ./wans up first" >&2; exit 1; }
[[ -n "${FIRST_ADMIN_EMAIL:-}" && -n "${FIRST_ADMIN_PASSWORD:-}" ]] || {
  echo "ads.sh: set FIRST_ADMIN_EMAIL and FIRST_ADMIN_PASSWORD (as the stack was started with)" >&2; exit 2; }

xff="X-Forwarded-For: 10.250.2.$((RANDOM % 250 + 1))"
json() { curl -fsS -H "$xff" -H 'Content-Type: application/json' "$@"; }
login() { # email password
  json -d "{\"email\":\"$1\",\"password\":\"$2\",\"deviceName\":\"bench\",\"deviceType\":\"web\",\"fingerprint\":\"bench-ads\"}" \
    "$GATEWAY/api/auth/login" | jq -r .accessToken
}
admin="$(login "$FIRST_ADMIN_EMAIL" "$FIRST_ADMIN_PASSWORD")"
[[ -n "$admin" && "$admin" != null ]] || { echo "ads.sh: could not sign in as the first administrator" >&2; exit 1; }
A="Authorization: Bearer $admin"

film="$(json -H "$A" -d '{"title":"Bench Reef '"$RANDOM"'","synopsis":"Reef fish of Milne Bay, for the ad bench.",
  "runtimeMinutes":95,"releaseYear":2025,"maturityRating":"PG","genres":["drama"]}' "$GATEWAY/api/films" | jq -r .id)"
json -H "$A" -X POST "$GATEWAY/api/films/$film/publish" > /dev/null

# a 10 s H.264 spot made with the FFmpeg the stack's transcoder extracted
ffmpeg_dir="$(dirname "$(ls -d "${FFMPEG_CACHE_DIR:-${TMPDIR:-/tmp}/wans-ffmpeg}"/*/ffmpeg | head -1)")"
spot="$(mktemp --suffix .mp4)"
trap 'rm -f "$spot"' EXIT
LD_LIBRARY_PATH="$ffmpeg_dir" "$ffmpeg_dir/ffmpeg" -hide_banner -loglevel error -y -f lavfi \
  -i testsrc2=size=640x360:rate=25:duration=10 -c:v libx264 -preset ultrafast -pix_fmt yuv420p "$spot"

now="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
ends="$(date -u -d '+30 days' +%Y-%m-%dT%H:%M:%SZ)"
campaign="$(json -H "$A" -d '{"advertiser":"Bench Brewery","name":"Bench","startsAt":"'"$now"'","endsAt":"'"$ends"'",
  "currency":"PGK","totalBudget":1000000000000,"dailyBudget":1000000000000,"cpm":1000}' "$GATEWAY/api/ads/campaigns" | jq -r .id)"
started="$(json -H "$A" -d '{"title":"Bench spot","clickThroughUrl":"https://bench.example","contentType":"video/mp4"}' \
  "$GATEWAY/api/ads/campaigns/$campaign/creatives")"
upload_url="$(jq -r .upload.url <<< "$started")"
creative="$(jq -r .creative.id <<< "$started")"
curl -fsS -X PUT -H 'Content-Type: video/mp4' --data-binary "@$spot" "$upload_url" > /dev/null
json -H "$A" -X POST "$GATEWAY/api/ads/campaigns/$campaign/creatives/$creative/confirm" | jq -r .status
json -H "$A" -X POST "$GATEWAY/api/ads/campaigns/$campaign/activate" | jq -r .status

email="bench-ads-$(date +%s%N)@bench.thewans.test"
json -d "{\"email\":\"$email\",\"password\":\"Bench-only-password-42\"}" "$GATEWAY/api/auth/register" > /dev/null
viewer="$(login "$email" Bench-only-password-42)"
V="Authorization:Bearer $viewer"

# advertising has the film (film.published) and the campaign in its book within seconds
for _ in $(seq 1 60); do
  vast="$(curl -fsS -H "${V/:/: }" -H 'CF-IPCountry: PG' "$GATEWAY/api/ads/serve/$film")"
  grep -q '<Ad ' <<< "$vast" && break
  sleep 1
done
grep -q '<Ad ' <<< "$vast" || { echo "ads.sh: no ad served: $vast" >&2; exit 1; }
beacon="$(sed -n 's|.*<Impression id="wans"><!\[CDATA\[\([^]]*\)\]\]>.*|\1|p' <<< "$vast")"
curl -fsS "$GATEWAY/api/films/$film" > /dev/null

load() { "$JAVA" bench/LoadGen.java "$@" --duration "$duration" --warmup 5s --rounds 2 --header "$V" \
  --header "CF-IPCountry:PG"; }

echo "load before the run: $(uptime)"
echo "== warming both paths at saturation (not counted)"
"$JAVA" bench/LoadGen.java "$GATEWAY/api/ads/serve/$film" --connections "$high" --duration 30s --warmup 0s \
  --header "$V" --header "CF-IPCountry:PG" > /dev/null
"$JAVA" bench/LoadGen.java "$GATEWAY/api/films/$film" --connections "$high" --duration 15s --warmup 0s > /dev/null
echo
echo "== 1. fixed rate: $rate requests/s over $low connections: cached film read (baseline) vs an ad decision"
load "$GATEWAY/api/ads/serve/$film" --baseline "$GATEWAY/api/films/$film" --connections "$low" --rate "$rate"
echo
echo "== 2. saturation, $high connections: cached film read (baseline) vs an ad decision"
load "$GATEWAY/api/ads/serve/$film" --baseline "$GATEWAY/api/films/$film" --connections "$high"
echo
echo "== 3. beacon intake at saturation, $high connections: cached film read (baseline) vs an impression beacon"
load "$beacon" --baseline "$GATEWAY/api/films/$film" --connections "$high"
echo "load after the run: $(uptime)"
