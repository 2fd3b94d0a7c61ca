#!/usr/bin/env bash
# What notification-service's volume costs (see bench/README.md, "Notifications").
#
#   FIRST_ADMIN_EMAIL=admin@bench.thewans.test FIRST_ADMIN_PASSWORD=Kundu-Drum-Sepik-77 ./wans up
#   bench/notify.sh [--inboxes 100000] [--emails 2000]      # in another terminal
#
# Signs in as the stack's first administrator (the same two variables), then runs bench/NotifyBench.java:
#   1. one announcement fanned out to --inboxes in-app inboxes through POST /api/notify/send, against a
#      plain batched insert of the same rows into the same tables (target: at least 0.5x)
#   2. --emails emails through the service to the stack's SMTP catcher (request until every delivery is
#      SENT), against a plain JavaMail loop over one connection to the same server (target: at least 0.7x)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
GATEWAY="${GATEWAY_URL:-http://127.0.0.1:8080}"
inboxes=100000 emails=2000
while (($#)); do
  case "$1" in
    --inboxes) inboxes="$2"; shift 2 ;;
    --emails) emails="$2"; shift 2 ;;
    *) echo "notify.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"

curl -fsS "$GATEWAY/health" > /dev/null || { echo "notify.sh: no gateway at $GATEWAY; run ./wans up first" >&2; exit 1; }
[[ -n "${FIRST_ADMIN_EMAIL:-}" && -n "${FIRST_ADMIN_PASSWORD:-}" ]] || {
  echo "notify.sh: set FIRST_ADMIN_EMAIL and FIRST_ADMIN_PASSWORD (as the stack was started with)" >&2; exit 2; }

# the JDBC driver and Angus Mail from the local Maven repository (the build fetched them)
newest() { ls -d "$HOME/.m2/repository/$1"/*/ 2> /dev/null | sort -V | tail -1; }
jar_of() { local dir; dir="$(newest "$1")"; ls "$dir"*.jar | grep -v -- '-sources' | head -1; }
CP="$(jar_of org/postgresql/postgresql):$(jar_of jakarta/mail/jakarta.mail-api):$(jar_of org/eclipse/angus/jakarta.mail)"
CP="$CP:$(jar_of jakarta/activation/jakarta.activation-api):$(jar_of org/eclipse/angus/angus-activation)"

token="$(curl -fsS -H "X-Forwarded-For: 10.250.1.$((RANDOM % 250 + 1))" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$FIRST_ADMIN_EMAIL\",\"password\":\"$FIRST_ADMIN_PASSWORD\",\"deviceName\":\"bench\",\"deviceType\":\"web\",\"fingerprint\":\"bench-notify\"}" \
  "$GATEWAY/api/auth/login" | jq -r .accessToken)"
[[ -n "$token" && "$token" != null ]] || { echo "notify.sh: could not sign in as the first administrator" >&2; exit 1; }

echo "load before the run: $(uptime)"
BENCH_INBOXES="$inboxes" BENCH_EMAILS="$emails" GATEWAY_URL="$GATEWAY" "$JAVA" -cp "$CP" bench/NotifyBench.java "$token"
