#!/usr/bin/env bash
# What Stripe webhook ingestion costs in payment-service (see bench/README.md, "Payment webhooks").
#
#   ./wans up          # in another terminal, first: the benchmark drives the running payment-service
#   bench/payment-webhooks.sh [--duration 10s] [--rate 200] [--high 32] [--rounds 2]
#
# Every request is a new Stripe event (charge.succeeded, a type payment-service stores and then only
# acknowledges), signed with the stack's webhook secret exactly as Stripe signs: so each one pays for
# the whole ingestion path (stripe-java's signature check, the insert that dedupes by event id, the
# outbox event, the commit) and nothing else. Baseline in the same run: the service's own /livez.
#   1. a fixed rate (--rate, Stripe's own bursts are of this order) over 8 connections: target p99 < 50 ms
#   2. saturation (--high connections, closed loop): the ratio to /livez is the figure to watch
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PAYMENT="${PAYMENT_URL:-http://127.0.0.1:3004}"
# the local sandbox's signing secret (a local development default); a stack with real keys sets its own
SECRET="${STRIPE_WEBHOOK_SECRET:-whsec_wans_local_sandbox}"
duration=10s rate=200 high=32 rounds=2
while (($#)); do
  case "$1" in
    --duration) duration="$2"; shift 2 ;;
    --rate) rate="$2"; shift 2 ;;
    --high) high="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    *) echo "payment-webhooks.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"

curl -fsS "$PAYMENT/livez" > /dev/null || { echo "payment-webhooks.sh: no payment-service at $PAYMENT; run ./wans up first" >&2; exit 1; }
echo "load before the run: $(uptime)"

echo
echo "== warm-up: saturation for 20 s (the JIT compiles the path before anything is measured) =="
"$JAVA" bench/LoadGen.java "$PAYMENT/api/webhooks/stripe" --stripe-events "$SECRET" --connections "$high" \
  --duration 20s --warmup 2s > /dev/null || true

echo
echo "== 1. fixed rate: $rate events/s over 8 connections, /livez as baseline =="
"$JAVA" bench/LoadGen.java "$PAYMENT/api/webhooks/stripe" --stripe-events "$SECRET" --connections 8 \
  --rate "$rate" --duration "$duration" --warmup 3s --baseline "$PAYMENT/livez" --rounds "$rounds"

echo
echo "== 2. saturation: $high connections, closed loop, /livez as baseline =="
"$JAVA" bench/LoadGen.java "$PAYMENT/api/webhooks/stripe" --stripe-events "$SECRET" --connections "$high" \
  --duration "$duration" --warmup 3s --baseline "$PAYMENT/livez" --rounds "$rounds"
