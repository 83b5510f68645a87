#!/usr/bin/env bash
# Audience start-up benchmark: how long a new JVM takes to be ready (readiness probe 200) on the
# embedded PostgreSQL with an existing data folder, started as the README says (the extracted jar
# with the class data sharing archive the build trained, target/app) against the plain jar
# (java -jar target/audience.jar) in the same run, alternating.
#
#   1. builds target/audience.jar and target/app if missing (./mvnw -q -DskipTests package),
#   2. starts the plain jar once on a new data folder (initdb, migrations; timed, not counted),
#   3. RUNS times each: starts the service, polls /actuator/health/readiness every 50 ms, stops it
#      with SIGTERM and waits for it to exit,
#   4. prints each start, the medians, the ratio and the target (ready in <= 8 s),
#      also to bench/results/start-last-run.txt.
#
# The files are in the page cache (a restart, not a boot); DROP_CACHES=1 (root) drops it before
# each start for a start after a boot.
#
# Usage:  bench/start.sh
# Environment (defaults): RUNS=5 DROP_CACHES=0 JAVA_OPTS= (added to both) BENCH_STRICT=1 (exit 2
#   when the target is missed)
set -euo pipefail

RUNS=${RUNS:-5}
DROP_CACHES=${DROP_CACHES:-0}
TARGET_SECONDS=8

BENCH_DIR="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$BENCH_DIR/.." && pwd)"
JAR="$REPO/target/audience.jar"
RESULTS="$BENCH_DIR/results/start-last-run.txt"
mkdir -p "$BENCH_DIR/results"
WORK="$(mktemp -d /tmp/audience-start-bench.XXXXXX)"
# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"

if [ ! -f "$JAR" ] || [ ! -f "$REPO/target/app/audience.jsa" ]; then
  log "building target/audience.jar and target/app"
  (cd "$REPO" && ./mvnw -q -DskipTests package) || die "build failed"
fi
PLAIN=(-jar "$JAR")
# The README's run command, from the repository's root.
ARCHIVED=(-XX:SharedArchiveFile=target/app/audience.jsa -jar target/app/audience.jar)

# start_once ARGS...: prints the seconds from launch to readiness, then stops the service.
start_once() {
  local port start end code
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  if [ "$DROP_CACHES" = 1 ]; then sync; echo 3 > /proc/sys/vm/drop_caches; fi
  start=$(date +%s%N)
  (cd "$REPO" && exec env AUDIENCE_DATA_DIR="$WORK/data" SERVER_PORT="$port" SERVER_ADDRESS=127.0.0.1 \
    java ${JAVA_OPTS:-} "$@" >>"$WORK/service.log" 2>&1) &
  SERVICE_PID=$!
  while :; do
    kill -0 "$SERVICE_PID" 2>/dev/null || die "service exited during start"
    code=$(curl -s --max-time 2 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/actuator/health/readiness" || true)
    [ "$code" = 200 ] && break
    [ $(( ($(date +%s%N) - start) / 1000000000 )) -ge 180 ] && die "not ready after 180 s"
    sleep 0.05
  done
  end=$(date +%s%N)
  kill "$SERVICE_PID"
  wait "$SERVICE_PID" 2>/dev/null || true
  SERVICE_PID=""
  awk -v ns=$(( end - start )) 'BEGIN { printf "%.2f", ns / 1e9 }'
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

log "first start on a new data folder (initdb and migrations), not counted: $(start_once "${PLAIN[@]}") s"
plain_times=() archived_times=()
for run in $(seq 1 "$RUNS"); do
  p=$(start_once "${PLAIN[@]}"); a=$(start_once "${ARCHIVED[@]}")
  plain_times+=("$p"); archived_times+=("$a")
  log "run $run: plain jar ready after $p s, README command after $a s"
done
plain=$(printf '%s\n' "${plain_times[@]}" | median)
archived=$(printf '%s\n' "${archived_times[@]}" | median)
met=$(awk -v a="$archived" -v t="$TARGET_SECONDS" 'BEGIN { print (a <= t) ? "met" : "MISSED" }')
{
  echo "start-up, embedded PostgreSQL with an existing data folder, $RUNS starts each, $(busy_note 'curl|java')"
  echo "  java -jar target/audience.jar                            median ${plain} s  (${plain_times[*]})"
  echo "  README: -XX:SharedArchiveFile=target/app/audience.jsa     median ${archived} s  (${archived_times[*]})"
  awk -v a="$archived" -v p="$plain" 'BEGIN { printf "  ratio README / plain jar: %.2fx\n", a / p }'
  echo "  target: ready in <= ${TARGET_SECONDS} s: $met"
} | tee "$RESULTS"
[ "$met" = met ] || [ "${BENCH_STRICT:-0}" != 1 ] || exit 2
