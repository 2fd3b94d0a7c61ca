#!/usr/bin/env bash
# Time to healthy and memory of the whole local stack (see bench/README.md).
#
#   bench/startup.sh [--runs N] [options for ./wans up, e.g. --port-offset 20000]
#
# Each run starts ./wans up in the background, waits for devstack's "All N healthy in X s" line,
# sums the resident memory of every process the stack runs (devstack with GreenMail inside it,
# the gateway and services, S3Mock, Redis, the PostgreSQL postmaster and its backends), then
# stops the stack with ./wans down and reports how long that took. Linux only (/proc).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
BASE_DIR="${WANS_DIR:-$ROOT/.wans}"
TIMEOUT_S="${BENCH_TIMEOUT:-900}"

runs=1
up_args=()
while (($#)); do
  case "$1" in
    --runs) runs="${2:?--runs needs a number}"; shift 2 ;;
    --runs=*) runs="${1#--runs=}"; shift ;;
    *) up_args+=("$1"); shift ;;
  esac
done
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "startup.sh: --runs must be a positive whole number" >&2; exit 2; }

if [[ -f "$BASE_DIR/devstack.pid" ]] && kill -0 "$(awk '{print $1; exit}' "$BASE_DIR/devstack.pid")" 2> /dev/null; then
  echo "startup.sh: a stack is already running from $BASE_DIR; stop it first (./wans down)" >&2
  exit 1
fi

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# pid -> parent pid for every process, to find each process's descendants.
declare -A PARENT
snapshot_parents() {
  PARENT=()
  local stat line pid rest
  for stat in /proc/[0-9]*/stat; do
    read -r line < "$stat" 2> /dev/null || continue
    pid="${line%% *}"
    rest="${line##*) }" # the fields after the command name, which may contain spaces: state ppid ...
    read -r _ ppid _ <<< "$rest"
    PARENT[$pid]="$ppid"
  done
}

descendants_of() {
  local root="$1" pid changed=1
  declare -A seen=([$root]=1)
  while ((changed)); do
    changed=0
    for pid in "${!PARENT[@]}"; do
      if [[ -z "${seen[$pid]:-}" && -n "${seen[${PARENT[$pid]}]:-}" ]]; then
        seen[$pid]=1
        changed=1
      fi
    done
  done
  echo "${!seen[@]}"
}

kb_of() { # field (VmRSS or Pss) of a pid, in kB
  local file="/proc/$2/status"
  [[ "$1" == Pss ]] && file="/proc/$2/smaps_rollup"
  awk -v f="$1:" '$1 == f {print $2; exit}' "$file" 2> /dev/null || true
}

state_value() { sed -n "s/^$1=//p" "$BASE_DIR/state.properties" | head -n 1; }

LOG=""
WANS_PID=""
cleanup() {
  if [[ -n "$WANS_PID" ]] && kill -0 "$WANS_PID" 2> /dev/null; then
    ./wans down > /dev/null 2>&1 || true
  fi
  WANS_PID=""
  [[ -n "$LOG" ]] && rm -f "$LOG"
  LOG=""
}
trap cleanup EXIT
trap 'cleanup; exit 130' INT TERM

for ((run = 1; run <= runs; run++)); do
  LOG="$(mktemp)"
  start="$(now_ms)"
  ./wans up "${up_args[@]}" > "$LOG" 2>&1 &
  WANS_PID=$!
  while ! grep -q '^All [0-9]* healthy in' "$LOG"; do
    if ! kill -0 "$WANS_PID" 2> /dev/null; then
      echo "run $run: ./wans up exited before the stack was healthy:" >&2
      cat "$LOG" >&2
      exit 1
    fi
    if (($(now_ms) - start > TIMEOUT_S * 1000)); then
      echo "run $run: not healthy within $TIMEOUT_S s; stopping" >&2
      exit 1
    fi
    sleep 0.2
  done
  healthy_ms=$(($(now_ms) - start))
  reported="$(sed -n 's/^All \([0-9]*\) healthy in \([0-9.]*\) s.*/\1 processes healthy \2 s after devstack started/p' "$LOG")"

  # every process of the stack: devstack and its descendants, plus PostgreSQL (pg_ctl detaches it)
  snapshot_parents
  devstack_pid="$(state_value devstack.pid)"
  postmaster_pid="$(state_value member.postgres.pid)"
  pids="$(descendants_of "$devstack_pid")"
  if [[ -n "$postmaster_pid" && "$postmaster_pid" != 0 ]]; then
    pids="$pids $(descendants_of "$postmaster_pid")"
  fi
  declare -A names=()
  for key in $(sed -n 's/^member\.\(.*\)\.pid=.*/\1/p' "$BASE_DIR/state.properties"); do
    names[$(state_value "member.$key.pid")]="$key"
  done
  names[$devstack_pid]="devstack (+ smtp)"

  total_rss=0
  total_pss=0
  count=0
  declare -A group_rss=() group_pss=() group_count=()
  for pid in $(echo "$pids" | tr ' ' '\n' | sort -n -u); do
    rss="$(kb_of VmRSS "$pid")"
    [[ -n "$rss" ]] || continue
    pss="$(kb_of Pss "$pid")"
    pss="${pss:-$rss}"
    # the stack's own members by name; PostgreSQL's backends and helpers summed as one line
    name="${names[$pid]:-$(tr -d '\0' < "/proc/$pid/comm" 2> /dev/null)}"
    [[ "$name" == postgres ]] && name="postgres (postmaster and backends)"
    group_rss[$name]=$((${group_rss[$name]:-0} + rss))
    group_pss[$name]=$((${group_pss[$name]:-0} + pss))
    group_count[$name]=$((${group_count[$name]:-0} + 1))
    total_rss=$((total_rss + rss))
    total_pss=$((total_pss + pss))
    count=$((count + 1))
  done
  report="$(mktemp)"
  for name in "${!group_rss[@]}"; do
    label="$name"
    ((${group_count[$name]} > 1)) && label="$name (${group_count[$name]} processes)"
    printf '    RSS %6d MB  PSS %6d MB  %s\n' $((${group_rss[$name]} / 1024)) $((${group_pss[$name]} / 1024)) "$label" >> "$report"
  done

  stop_start="$(now_ms)"
  ./wans down > /dev/null
  wait "$WANS_PID" 2> /dev/null || true
  stop_ms=$(($(now_ms) - stop_start))
  WANS_PID=""

  echo "run $run of $runs"
  sort -k2,2 -n -r "$report"
  echo "  time to healthy (wall, from ./wans up): $(awk -v ms="$healthy_ms" 'BEGIN {printf "%.1f s", ms / 1000}')"
  echo "  devstack says:                         ${reported:-?}"
  echo "  memory of $count processes:            RSS $((total_rss / 1024)) MB (PSS $((total_pss / 1024)) MB: shared pages counted once)"
  echo "  ./wans down took:                      $(awk -v ms="$stop_ms" 'BEGIN {printf "%.1f s", ms / 1000}')"
  rm -f "$report" "$LOG"
  LOG=""
done
