#!/usr/bin/env bash
# Transcoding benchmark (see bench/README.md): a generated 1080p master through the whole pipeline
# (API + separate worker processes, real PostgreSQL, Redis and S3 store) against the same encode as
# one FFmpeg command, against one FFmpeg process per rung, and two jobs on one worker vs two.
#
#   bench/transcode.sh                 # the 60-second master (run it on a quiet machine)
#   bench/transcode.sh --seconds 6     # a quick smoke run
#   bench/transcode.sh --preset ultrafast
#   bench/transcode.sh --parts ""             # only raw FFmpeg vs the pipeline (add: separate,two)
#   bench/transcode.sh --rounds 3             # raw/pipeline pairs, alternating (default 2)
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=60
preset=veryfast
parts=separate,two
rounds=2
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --seconds=*) seconds="${1#*=}"; shift ;;
    --preset) preset="$2"; shift 2 ;;
    --preset=*) preset="${1#*=}"; shift ;;
    --parts) parts="$2"; shift 2 ;;
    --parts=*) parts="${1#*=}"; shift ;;
    --rounds) rounds="$2"; shift 2 ;;
    --rounds=*) rounds="${1#*=}"; shift ;;
    -h|--help) sed -n 2,11p "$0"; exit 0 ;;
    *) echo "unknown option: $1 (try --help)" >&2; exit 2 ;;
  esac
done
case "$rounds" in ''|*[!0-9]*) echo "--rounds must be a whole number" >&2; exit 2 ;; esac
if [ "$rounds" -lt 1 ] || [ "$rounds" -gt 10 ]; then echo "--rounds must be 1..10" >&2; exit 2; fi
case "$seconds" in ''|*[!0-9]*) echo "--seconds must be a whole number" >&2; exit 2 ;; esac
if [ "$seconds" -lt 2 ] || [ "$seconds" -gt 600 ]; then echo "--seconds must be 2..600" >&2; exit 2; fi

echo "load before the run: $(uptime)"
log=transcoding-service/target/bench-transcode.log
mkdir -p transcoding-service/target
echo "building transcoding-service (jar for the worker processes) ..."
./mvnw -B -o -q -pl transcoding-service package -DskipTests > "$log" 2>&1 || { tail -30 "$log"; exit 1; }
echo "running the benchmark (${seconds}s master, preset ${preset}); workers log to transcoding-service/target/bench-worker-*.log"
if ! ./mvnw -B -o -pl transcoding-service surefire:test -Dtest=TranscodeBenchmark -Dwans.bench=true \
    -Dbench.seconds="$seconds" -Dbench.preset="$preset" -Dbench.parts="$parts" -Dbench.rounds="$rounds" -Dbench.nice="${BENCH_NICE:-true}" -Dsurefire.failIfNoSpecifiedTests=false >> "$log" 2>&1; then
  grep -E "Tests run|FAIL|Error" "$log" | cut -c1-300 | tail -15
  echo "benchmark failed; full log: $log" >&2
  exit 1
fi
echo
cat transcoding-service/target/bench-transcode.txt
