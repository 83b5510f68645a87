# Shared by the bench scripts (sourced, not run). The caller sets REPO, JAR and WORK (a directory
# of its own, removed on exit), and DB when it creates a database (then DB_CREATED=1).
# shellcheck shell=bash

SERVICE_PID=""
RECEIVER_PID=""
DB_CREATED=0

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# On every exit: stop the service, drop the database (unless KEEP_DB=1), show the end of the service
# log after a failure, keep the log where KEEP_SERVICE_LOG says, remove the work directory.
# shellcheck disable=SC2317  # called through the EXIT trap
bench_cleanup() {
  local rc=$?
  set +e
  if [ -n "$SERVICE_PID" ] && kill -0 "$SERVICE_PID" 2>/dev/null; then
    log "stopping service (pid $SERVICE_PID)"
    kill "$SERVICE_PID"
    for _ in $(seq 1 30); do kill -0 "$SERVICE_PID" 2>/dev/null || break; sleep 1; done
    kill -0 "$SERVICE_PID" 2>/dev/null && kill -9 "$SERVICE_PID"
    wait "$SERVICE_PID" 2>/dev/null
  fi
  if [ -n "$RECEIVER_PID" ]; then kill "$RECEIVER_PID" 2>/dev/null; wait "$RECEIVER_PID" 2>/dev/null; fi
  if [ "$DB_CREATED" = 1 ]; then
    if [ "${KEEP_DB:-0}" = 1 ]; then
      log "keeping database $DB (KEEP_DB=1)"
    else
      log "dropping database $DB"
      psql -qX -d postgres -c "drop database if exists $DB with (force)" >/dev/null
    fi
  fi
  if [ "$rc" -ne 0 ] && [ -f "$WORK/service.log" ]; then
    log "last lines of the service log:"; tail -n 40 "$WORK/service.log" >&2
  fi
  [ -n "${KEEP_SERVICE_LOG:-}" ] && cp "$WORK/service.log" "$KEEP_SERVICE_LOG" 2>/dev/null
  rm -rf "$WORK"
  exit "$rc"
}
trap bench_cleanup EXIT
trap 'exit 130' INT TERM

# Other work on the 2 cores (a Maven build, a test run) distorts every figure: record it.
# $1: the bench's own tools, as an awk pattern, left out of the list.
busy_note() {
  local others
  others=$(ps -eo pid=,pcpu=,args= --sort=-pcpu | awk -v me="${SERVICE_PID:-0}" -v own="$1" \
    '$1 != me && $2 > 20 && $0 !~ own && $0 !~ /ps -eo/ {
      n = $3; sub(/.*\//, "", n)
      if ($0 ~ /classworlds/) n = "maven"; else if ($0 ~ /surefire/) n = "maven-test-jvm"
      printf "%s(pid %s, %s%% cpu over its life) ", n, $1, $2 }')
  echo "load average $(cut -d' ' -f1-3 /proc/loadavg)${others:+; busy: $others}"
}

proc_cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }  # utime + stime of a process

# start_service [VAR=value ...]: builds the jar if it is missing, starts it with -Xmx512m and the
# given environment on a free loopback port, and waits until it is healthy. Sets PORT, BASE,
# ADMIN_TOKEN and SERVICE_PID.
start_service() {
  local i
  if [ ! -f "$JAR" ]; then
    [ "$JAR" = "$REPO/target/audience.jar" ] || die "$JAR not found"
    log "building $JAR"
    (cd "$REPO" && ./mvnw -q -DskipTests package) || die "build failed"
  fi
  PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  ADMIN_TOKEN="bench-admin-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  BASE="http://127.0.0.1:$PORT"
  log "starting service on $BASE (log: $WORK/service.log)"
  env "$@" AUDIENCE_ADMIN_TOKEN="$ADMIN_TOKEN" SERVER_PORT="$PORT" SERVER_ADDRESS=127.0.0.1 \
    java -Xmx512m ${JAVA_OPTS:-} -jar "$JAR" >"$WORK/service.log" 2>&1 &
  SERVICE_PID=$!
  local wait=${START_TIMEOUT:-180}  # seconds; a machine busy with other work may need more
  for i in $(seq 1 "$wait"); do
    kill -0 "$SERVICE_PID" 2>/dev/null || die "service exited during start"
    [ "$(curl -s --max-time 2 -o /dev/null -w '%{http_code}' "$BASE/actuator/health")" = 200 ] && break
    [ "$i" = "$wait" ] && die "service not healthy after $wait s"
    sleep 1
  done
  log "service healthy after ~${i} s"
}

# api METHOD PATH TOKEN [JSON] -> body on stdout; on a non-2xx logs the exact request and response, returns 1.
api() {
  local method=$1 path=$2 token=$3 body=${4:-} code
  local args=(-s --max-time 30 -o "$WORK/resp" -w '%{http_code}' -X "$method" -H "Authorization: Bearer $token")
  [ -n "$body" ] && args+=(-H 'Content-Type: application/json' --data "$body")
  code=$(curl "${args[@]}" "$BASE$path")
  if [ "${code:0:1}" != 2 ]; then
    log "FAILED REQUEST: $method $path ${body:+body: $body}"
    log "RESPONSE: HTTP $code $(cat "$WORK/resp")"
    return 1
  fi
  cat "$WORK/resp"
}

# A contact_id as the service makes them, from the row's created_at (ts) and its number (n): a UUID
# v7 of ts (48-bit Unix millis, version 7, 12 bits from n, random rest). Handed to psql as the
# variable v7_id (-v v7_id="$V7_ID") and written :v7_id in SQL.
# shellcheck disable=SC2034  # used by the scripts that source this file
V7_ID="encode(overlay(uuid_send(gen_random_uuid())
                  placing substring(int8send(floor(extract(epoch from ts) * 1000)::bigint) from 3)
                       || substring(int4send(28672 + n % 4096) from 3)
                  from 1 for 8), 'hex')::uuid"

# load_contacts ACCOUNT ROWS PREFIX DELETED_PCT: ROWS contacts <PREFIX><n>@bench.example in the
# account with SQL (through the caller's q), consent first (foreign key), then the contact.
# created_at spreads over the last 365 days in n order, and contact_id is $V7_ID of it. A contact
# whose n % 100 < DELETED_PCT is deleted. Foreign-key triggers are skipped for the load
# (session_replication_role = replica): the rows are consistent by construction.
load_contacts() {
  q -v account="$1" -v rows="$2" -v prefix="$3" -v deleted_pct="$4" -v v7_id="$V7_ID" >/dev/null <<'SQL'
set session_replication_role = replica;
set maintenance_work_mem = '256MB';
create temporary table seed as
  select n, :'prefix' || n || '@bench.example' as email,
         now() - interval '365 days' + interval '365 days' * (n::float8 / :rows) as ts
  from generate_series(1, :rows) n;
insert into email_consent (account_id, email_key, permission_to_send, opt_in_source, opt_in_date,
                           confirm_status, created_at, updated_at)
  select :'account', email, 'implicit', 'Account', ts, 'off', ts, ts from seed order by n;
insert into contact (account_id, contact_id, email_key, email_address, email_created_at,
                     email_updated_at, first_name, last_name, create_source, update_source,
                     created_at, updated_at, deleted_at, version)
  select :'account',
         :v7_id,
         email, email, ts, ts, 'First' || n, 'Last' || n, 'Account', 'Account', ts, ts,
         case when n % 100 < :deleted_pct then ts + interval '1 hour' end, 1
  from seed order by n;
SQL
}
