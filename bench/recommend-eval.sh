#!/usr/bin/env bash
# Offline evaluation of recommendation-service's ranking (see bench/README.md, "Recommendations").
# Needs only a JDK: compiles the service's ranking core (plain Java) with the harness, then replays
#   bench/recommend-eval.sh                                   # the shipped data set
#   bench/recommend-eval.sh --films F --interactions I [--holdout 2] [--k 10]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
JAVAC="$(dirname "$JAVA")/javac"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
"$JAVAC" -d "$OUT" recommendation-service/src/main/java/com/thewans/recommendation/ranking/*.java \
  bench/recommend/RecommendEval.java
"$JAVA" -cp "$OUT" RecommendEval "$@"
