#!/usr/bin/env bash
# Runs the integration tests of every module (Maven failsafe, unit tests skipped) while
# `stress-ng --cpu N` keeps the cores busy, several times in a row, and counts the runs that pass:
# the suite must not depend on a quiet machine.
#
#   bash scripts/verify-under-load.sh [--runs N] [--cpu WORKERS] [-- extra maven arguments]
#
# --runs   how many runs (default 3); --cpu  stress-ng CPU workers (default: the number of cores).
# Prints one line per run (verdict, wall time, log file) and ends with `N passed, M failed`;
# exits 0 only when every run passed. Installs stress-ng (Debian) when missing and we are root.
# Logs: target/verify-under-load/run-K.log; a failed run's cluster logs (the modules'
# target/it-work) are copied to target/verify-under-load/run-K-it-work.
set -uo pipefail
cd "$(dirname "$0")/.."

runs=3
cpu=$(nproc 2>/dev/null || echo 2)
mvn_extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=${2:-}; shift 2 ;;
    --cpu) cpu=${2:-}; shift 2 ;;
    --) shift; mvn_extra=("$@"); break ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "verify-under-load: unknown option '$1' (use --runs N, --cpu N, -- maven args)" >&2; exit 254 ;;
  esac
done
for n in "$runs" "$cpu"; do
  if ! [[ "$n" =~ ^[1-9][0-9]*$ ]]; then
    echo "verify-under-load: '$n' is not a positive whole number (--runs, --cpu)" >&2; exit 254
  fi
done

if ! command -v stress-ng >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "verify-under-load: installing stress-ng" >&2
    export DEBIAN_FRONTEND=noninteractive
    { apt-get install -y -q stress-ng || { apt-get update -q && apt-get install -y -q stress-ng; }; } >/dev/null
  else
    echo "verify-under-load: stress-ng is missing; install it (Debian: apt-get install stress-ng) or run as root" >&2
    exit 254
  fi
fi

source scripts/test-env.sh
logs=target/verify-under-load
mkdir -p "$logs"
stress_pid=
stop_stress() {
  if [ -n "$stress_pid" ]; then
    kill "$stress_pid" 2>/dev/null; wait "$stress_pid" 2>/dev/null
    stress_pid=
  fi
}
trap 'stop_stress' EXIT
trap 'stop_stress; exit 130' INT TERM

# Build once, quietly and unloaded, so that each run measures the integration tests. Nothing is
# installed into ~/.m2: every run builds the reactor itself.
echo "verify-under-load: building (mvn package, no tests)"
if ! mvn -B -q package -DskipTests "${mvn_extra[@]}" >"$logs/build.log" 2>&1; then
  echo "verify-under-load: the build failed; see $logs/build.log" >&2
  tail -n 20 "$logs/build.log" >&2
  exit 255
fi

passed=0
failed=0
for ((i = 1; i <= runs; i++)); do
  stress-ng --cpu "$cpu" --timeout 0 >/dev/null 2>&1 &
  stress_pid=$!
  start=$SECONDS
  log="$logs/run-$i.log"
  mvn -B verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false "${mvn_extra[@]}" >"$log" 2>&1
  rc=$?
  stop_stress
  took=$((SECONDS - start))
  tests=$(grep -E '^\[(INFO|ERROR|WARNING)\] Tests run: [0-9]+, Failures' "$log" | grep -v ' -- in ' \
    | awk -F'[ ,]+' '{r += $4; f += $6; e += $8; s += $10} END {printf "%d ITs, %d failures, %d errors, %d skipped", r, f, e, s}')
  if [ $rc -eq 0 ]; then
    passed=$((passed + 1))
    echo "run $i: passed in ${took}s under stress-ng --cpu $cpu ($tests; $log)"
  else
    failed=$((failed + 1))
    echo "run $i: FAILED in ${took}s under stress-ng --cpu $cpu ($tests; $log)"
    grep -E '^\[ERROR\] +[A-Za-z]+IT\.|<<< FAIL|^\[ERROR\] (Failures|Errors):' "$log" | head -n 10 | sed 's/^/    /'
    # the next run reuses the modules' target/it-work: keep this run's cluster logs beside its log
    for work in */target/it-work; do
      [ -d "$work" ] && mkdir -p "$logs/run-$i-it-work" && cp -r "$work" "$logs/run-$i-it-work/${work%%/*}"
    done
    echo "    cluster logs: $logs/run-$i-it-work"
  fi
done
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
