#!/usr/bin/env bash
# Audience end-to-end benchmark: the API against the same statements run raw on the same PostgreSQL.
#
#   1. creates a fresh database audience_bench_<timestamp> on the local PostgreSQL,
#   2. builds target/audience.jar if it is missing, starts it on a free loopback port (-Xmx512m),
#   3. creates an account and a list through the API,
#   4. bulk-loads ROWS contacts (default 1,000,000, DELETED_PCT=30 % of them deleted) with SQL,
#   5. warms the JIT up, then measures with wrk (CLIENTS connections, DURATION seconds each):
#        GET  /v3/contacts?email=user<N>@bench.example      (random loaded addresses)
#        POST /v3/contacts/sign_up_form                     (random loaded addresses, NEW_PCT % new)
#   6. stops the service and measures the equivalent statements with pgbench on the same server
#      (-M prepared, same client count, same duration),
#   7. prints the comparison with the targets, also to bench/results/last-run.txt,
#   and drops the database and stops everything it started, however it ends.
#
# Usage:  bench/run.sh [--raw-only]
#   --raw-only  no service: migrates with psql from V1__create_schema.sql, loads and runs pgbench only.
# Environment (defaults): ROWS=1000000 DELETED_PCT=30 NEW_PCT=20 CLIENTS=8 THREADS=2 DURATION=20
#   WARMUP=10 (seconds, split over the two endpoints) PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres
#   KEEP_DB=1 (do not drop the database) BENCH_STRICT=1 (exit 2 when a target is missed)
#   JAR=target/audience.jar (another jar, e.g. a saved build, to compare two in one hour)
set -euo pipefail

ROWS=${ROWS:-1000000}
DELETED_PCT=${DELETED_PCT:-30}
NEW_PCT=${NEW_PCT:-20}
CLIENTS=${CLIENTS:-8}
THREADS=${THREADS:-2}
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-10}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
PGBENCH=${PGBENCH:-$(command -v pgbench || echo /usr/lib/postgresql/15/bin/pgbench)}
RAW_ONLY=0
[ "${1:-}" = "--raw-only" ] && RAW_ONLY=1

BENCH_DIR="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$BENCH_DIR/.." && pwd)"
JAR=${JAR:-$REPO/target/audience.jar}
MIGRATION="$REPO/src/main/resources/db/migration/V1__create_schema.sql"
RESULTS="$BENCH_DIR/results/last-run.txt"
mkdir -p "$BENCH_DIR/results"
DB="audience_bench_$(date +%Y%m%d%H%M%S)"
WORK="$(mktemp -d /tmp/audience-bench.XXXXXX)"
# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"

command -v psql >/dev/null || die "psql not found"
[ -x "$PGBENCH" ] || die "pgbench not found (set PGBENCH)"
if [ $RAW_ONLY = 0 ]; then
  for tool in wrk curl jq java; do command -v $tool >/dev/null || die "$tool not found (apt-get install -y $tool)"; done
fi
psql -qAtX -d postgres -c "select 1" >/dev/null \
  || die "PostgreSQL not reachable at $PGHOST:$PGPORT (pg_ctlcluster --skip-systemctl-redirect 15 main start)"

q() { psql -qAtX -v ON_ERROR_STOP=1 -d "$DB" "$@"; }

# ---------------------------------------------------------------------------------------------
# Database and service
# ---------------------------------------------------------------------------------------------
log "creating database $DB"
psql -qX -v ON_ERROR_STOP=1 -d postgres -c "create database $DB" >/dev/null
DB_CREATED=1

if [ $RAW_ONLY = 1 ]; then
  log "--raw-only: migrating with psql"
  q -f "$MIGRATION" >/dev/null
  ACCOUNT_ID=$(q -c "insert into account values (gen_random_uuid(), 'bench', now()) returning account_id" | head -n1)
  LIST_ID=""
else
  start_service SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" SPRING_DATASOURCE_USERNAME="$PGUSER" \
    AUDIENCE_RATE_LIMIT_PER_SECOND=1000000
  ACCOUNT_JSON=$(api POST /admin/accounts "$ADMIN_TOKEN" '{"name":"bench"}') || die "cannot create account"
  ACCOUNT_ID=$(jq -er .account_id <<<"$ACCOUNT_JSON")
  API_TOKEN=$(jq -er .api_token <<<"$ACCOUNT_JSON")
  LIST_ID=$(api POST /v3/contact_lists "$API_TOKEN" '{"name":"bench"}' | jq -er .list_id) || die "cannot create list"
  log "account $ACCOUNT_ID, list $LIST_ID"
fi

# ---------------------------------------------------------------------------------------------
# Bulk load: user<n>@bench.example for n in 1..ROWS (lib.sh's load_contacts).
# ---------------------------------------------------------------------------------------------
log "loading $ROWS contacts ($DELETED_PCT % deleted)"
t0=$(date +%s)
load_contacts "$ACCOUNT_ID" "$ROWS" user "$DELETED_PCT"
log "loaded in $(( $(date +%s) - t0 )) s; vacuum analyze"
q -c "vacuum (analyze) email_consent" -c "vacuum (analyze) contact" -c "checkpoint" >/dev/null
read -r N_CONTACTS N_DELETED DB_SIZE <<<"$(q -F ' ' -c "select count(*), count(deleted_at),
  pg_size_pretty(pg_database_size(current_database())) from contact where account_id = '$ACCOUNT_ID'")"
log "contacts: $N_CONTACTS, deleted: $N_DELETED, database size: $DB_SIZE"

# ---------------------------------------------------------------------------------------------
# wrk scripts
# ---------------------------------------------------------------------------------------------
cat >"$WORK/common.lua" <<'LUA'
rows = tonumber(os.getenv("BENCH_ROWS"))
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
function init(args)
  math.randomseed(os.time() * 1000 + tid * 7919)
  seq = 0
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d duration_us=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d status=%d connect=%d read=%d write=%d timeout=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max, e.status, e.connect, e.read, e.write, e.timeout))
end
LUA
cat "$WORK/common.lua" - >"$WORK/lookup.lua" <<'LUA'
function request()
  return wrk.format("GET", "/v3/contacts?email=user" .. math.random(rows) .. "%40bench.example")
end
LUA
cat "$WORK/common.lua" - >"$WORK/signup.lua" <<'LUA'
local list = os.getenv("BENCH_LIST_ID")
local new_pct = tonumber(os.getenv("BENCH_NEW_PCT"))
local phase = os.getenv("BENCH_PHASE")
function request()
  local email
  if math.random(100) <= new_pct then
    seq = seq + 1
    email = string.format("new-%s-%d-%d@bench.example", phase, tid, seq)
  else
    email = "user" .. math.random(rows) .. "@bench.example"
  end
  local body = '{"email_address":"' .. email .. '","first_name":"Bench","list_memberships":["' .. list .. '"]}'
  return wrk.format("POST", "/v3/contacts/sign_up_form", nil, body)
end
LUA

# run_wrk NAME SCRIPT SECONDS PHASE [extra wrk args] -> output in $WORK/wrk-NAME.txt
run_wrk() {
  local name=$1 script=$2 secs=$3 phase=$4; shift 4
  BENCH_ROWS=$ROWS BENCH_LIST_ID=$LIST_ID BENCH_NEW_PCT=$NEW_PCT BENCH_PHASE=$phase \
    timeout $((secs + 60)) wrk -t "$THREADS" -c "$CLIENTS" -d "${secs}s" --timeout 5s --latency \
      -H "Authorization: Bearer $API_TOKEN" "$@" -s "$WORK/$script" "$BASE" >"$WORK/wrk-$name.txt" 2>&1 \
    || { cat "$WORK/wrk-$name.txt" >&2; die "wrk $name failed"; }
}
bench_field() { grep -o "$2=[0-9]*" "$1" | head -n1 | cut -d= -f2; }

LOAD_BEFORE=$(busy_note "postgres|wrk|pgbench")
log "before the runs: $LOAD_BEFORE"

declare -A API_RPS API_P99 API_P50 API_ERR API_STATUS_OK API_CPU
API_STATUS_OK=([lookup]=1 [signup]=1)
if [ $RAW_ONLY = 0 ]; then
  # One request of each kind first, so that a service bug shows as a request and its response.
  log "checking the two requests once"
  # user50 is an active contact, user1 a deleted one (n % 100 < DELETED_PCT): both must be found.
  for n in 50 1; do
    if out=$(api GET "/v3/contacts?email=user$n%40bench.example" "$API_TOKEN"); then
      if [ "$(jq -r '.contacts | length' <<<"$out" 2>/dev/null)" != 1 ]; then
        log "UNEXPECTED RESPONSE to GET /v3/contacts?email=user$n%40bench.example (want one contact): $out"
        [ $n = 50 ] && API_STATUS_OK[lookup]=0
      fi
    else API_STATUS_OK[lookup]=0; fi
  done
  if ! api POST /v3/contacts/sign_up_form "$API_TOKEN" \
      "{\"email_address\":\"check-1@bench.example\",\"first_name\":\"Bench\",\"list_memberships\":[\"$LIST_ID\"]}" >/dev/null; then
    API_STATUS_OK[signup]=0
  fi

  log "warming up: $WARMUP s"
  half=$(( (WARMUP + 1) / 2 ))
  [ "${API_STATUS_OK[lookup]}" = 1 ] && run_wrk warmup-lookup lookup.lua "$half" warm
  [ "${API_STATUS_OK[signup]}" = 1 ] && run_wrk warmup-signup signup.lua "$half" warm -H 'Content-Type: application/json'

  for kind in lookup signup; do
    [ "${API_STATUS_OK[$kind]}" = 1 ] || continue
    log "wrk $kind: $CLIENTS connections, $THREADS threads, $DURATION s"
    extra=(); [ $kind = signup ] && extra=(-H 'Content-Type: application/json')
    cpu0=$(proc_cpu_ticks "$SERVICE_PID")
    run_wrk $kind $kind.lua "$DURATION" run "${extra[@]}"
    cpu1=$(proc_cpu_ticks "$SERVICE_PID")
    f="$WORK/wrk-$kind.txt"
    API_RPS[$kind]=$(awk -v r="$(bench_field "$f" requests)" -v d="$(bench_field "$f" duration_us)" 'BEGIN { printf "%.0f", r / (d / 1e6) }')
    API_P50[$kind]=$(awk -v u="$(bench_field "$f" p50_us)" 'BEGIN { printf "%.2f", u / 1000 }')
    API_P99[$kind]=$(awk -v u="$(bench_field "$f" p99_us)" 'BEGIN { printf "%.2f", u / 1000 }')
    API_ERR[$kind]=$(( $(bench_field "$f" status) + $(bench_field "$f" connect) + $(bench_field "$f" read) + $(bench_field "$f" write) + $(bench_field "$f" timeout) ))
    # The service's own CPU time per request: much less sensitive than the rate to other load.
    API_CPU[$kind]=$(awk -v t=$((cpu1 - cpu0)) -v hz="$(getconf CLK_TCK)" -v r="$(bench_field "$f" requests)" \
      'BEGIN { printf "%.2f", (r > 0 ? t / hz * 1000 / r : 0) }')
    log "  ${API_RPS[$kind]} req/s, p50 ${API_P50[$kind]} ms, p99 ${API_P99[$kind]} ms, errors ${API_ERR[$kind]}, service CPU ${API_CPU[$kind]} ms/request"
  done

  log "stopping the service before the raw runs"
  kill "$SERVICE_PID"; wait "$SERVICE_PID" 2>/dev/null || true; SERVICE_PID=""
fi

# ---------------------------------------------------------------------------------------------
# pgbench: the same statements, prepared, same clients and duration, same server.
# ---------------------------------------------------------------------------------------------
cat >"$WORK/lookup.sql" <<'SQL'
\set n random(1, :rows)
select c.*, e.permission_to_send, e.opt_in_source, e.opt_in_date, e.opt_out_source, e.opt_out_date,
       e.opt_out_reason, e.confirm_status
  from contact c
  join email_consent e on e.account_id = c.account_id and e.email_key = c.email_key
 where c.account_id = :account and c.email_key = 'user' || :n::text || '@bench.example';
SQL
cat >"$WORK/signup.sql" <<'SQL'
\set n case when random(1, 100) <= :new_pct then random(:rows + 1, 1000000000000) else random(1, :rows) end
begin;
insert into email_consent as e (account_id, email_key, permission_to_send, opt_in_source, opt_in_date,
                                confirm_status, created_at, updated_at)
values (:account, 'user' || :n::text || '@bench.example', 'explicit', 'Contact', now(), 'off', now(), now())
on conflict (account_id, email_key) do update
   set permission_to_send = case when e.permission_to_send = 'unsubscribed' then e.permission_to_send else 'explicit' end,
       opt_in_source = excluded.opt_in_source, opt_in_date = excluded.opt_in_date,
       updated_at = excluded.updated_at;
insert into contact as c (account_id, contact_id, email_key, email_address, email_created_at, email_updated_at,
                          first_name, create_source, update_source, created_at, updated_at, version)
values (:account,
        encode(overlay(uuid_send(gen_random_uuid())
                 placing substring(int8send(floor(extract(epoch from clock_timestamp()) * 1000)::bigint) from 3)
                 from 1 for 6), 'hex')::uuid,
        'user' || :n::text || '@bench.example', 'user' || :n::text || '@bench.example', now(), now(),
        'Bench', 'Contact', 'Contact', now(), now(), 1)
on conflict (account_id, email_key) do update
   set first_name = excluded.first_name, update_source = excluded.update_source,
       updated_at = excluded.updated_at, deleted_at = null, version = c.version + 1;
commit;
SQL
# The v7 id above keeps the version nibble of gen_random_uuid() (4): the layout is what matters here.

declare -A RAW_TPS RAW_P99
for kind in lookup signup; do
  log "pgbench $kind: $CLIENTS clients, $DURATION s, -M prepared"
  mkdir -p "$WORK/log-$kind"
  (cd "$WORK/log-$kind" && timeout $((DURATION + 60)) "$PGBENCH" -n -M prepared -c "$CLIENTS" -j "$THREADS" \
      -T "$DURATION" -l --log-prefix=tx -D account="$ACCOUNT_ID" -D rows="$ROWS" -D new_pct="$NEW_PCT" \
      -f "$WORK/$kind.sql" "$DB") >"$WORK/pgbench-$kind.txt" 2>&1 \
    || { cat "$WORK/pgbench-$kind.txt" >&2; die "pgbench $kind failed"; }
  RAW_TPS[$kind]=$(awk '/^tps = / { printf "%.0f", $3 }' "$WORK/pgbench-$kind.txt")
  RAW_P99[$kind]=$(cat "$WORK/log-$kind"/tx.* | awk '{ print $3 }' | sort -n \
    | awk '{ a[NR] = $1 } END { i = int(NR * 0.99); if (i < 1) i = 1; printf "%.2f", a[i] / 1000 }')
  failed=$(awk '/number of failed transactions/ { print $5 }' "$WORK/pgbench-$kind.txt")
  log "  ${RAW_TPS[$kind]} tx/s, p99 ${RAW_P99[$kind]} ms${failed:+, failed $failed}"
done

# ---------------------------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------------------------
LOAD_AFTER=$(busy_note "postgres|wrk|pgbench")
MISSED=0
verdict() { # kind min_ratio max_p99_ms(or empty) -> "ratio verdict"
  local kind=$1 min=$2 maxp99=$3
  if [ -z "${API_RPS[$kind]:-}" ]; then echo "- NOT-MEASURED"; MISSED=1; return; fi
  awk -v a="${API_RPS[$kind]}" -v r="${RAW_TPS[$kind]}" -v min="$min" -v p="${API_P99[$kind]}" -v maxp="$maxp99" \
      -v err="${API_ERR[$kind]}" 'BEGIN {
    ratio = a / r; ok = ratio >= min && err == 0 && (maxp == "" || p <= maxp)
    printf "%.3fx %s\n", ratio, ok ? "PASS" : "MISS" }'
}
read -r L_RATIO L_VERDICT <<<"$(verdict lookup 0.15 10)"
read -r S_RATIO S_VERDICT <<<"$(verdict signup 0.30 "")"
{ [ "$L_VERDICT" = PASS ] && [ "$S_VERDICT" = PASS ]; } || MISSED=1

{
  echo "Audience benchmark — $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "commit $(cd "$REPO" && git rev-parse --short HEAD 2>/dev/null || echo none); jar $( [ $RAW_ONLY = 0 ] && date -u -r "$JAR" +%Y-%m-%dT%H:%M:%SZ || echo 'not used (--raw-only)')"
  echo "$(psql -AtX -d postgres -c 'select version()' | cut -d, -f1); $(nproc) cores"
  echo "data: $N_CONTACTS contacts in one account ($N_DELETED deleted), database $DB_SIZE"
  echo "machine before the runs: $LOAD_BEFORE"
  echo "machine after the runs:  $LOAD_AFTER (the load average includes this benchmark's own)"
  echo "load: $CLIENTS clients, $THREADS threads, ${DURATION} s per run, warm-up ${WARMUP} s; sign-ups ${NEW_PCT} % new addresses"
  echo
  printf '%-14s %10s %10s %10s | %10s %10s | %8s | %-32s %s\n' \
    "request" "API req/s" "p50 ms" "p99 ms" "raw tx/s" "raw p99" "API/raw" "target" "result"
  printf '%-14s %10s %10s %10s | %10s %10s | %8s | %-32s %s\n' \
    "lookup" "${API_RPS[lookup]:--}" "${API_P50[lookup]:--}" "${API_P99[lookup]:--}" \
    "${RAW_TPS[lookup]}" "${RAW_P99[lookup]}" "$L_RATIO" "p99 <= 10 ms and >= 0.15x raw" "$L_VERDICT"
  printf '%-14s %10s %10s %10s | %10s %10s | %8s | %-32s %s\n' \
    "sign_up_form" "${API_RPS[signup]:--}" "${API_P50[signup]:--}" "${API_P99[signup]:--}" \
    "${RAW_TPS[signup]}" "${RAW_P99[signup]}" "$S_RATIO" ">= 0.3x raw" "$S_VERDICT"
  for kind in lookup signup; do
    [ -n "${API_ERR[$kind]:-}" ] && [ "${API_ERR[$kind]}" != 0 ] && echo "WARNING: $kind had ${API_ERR[$kind]} failed requests (non-2xx, socket errors or timeouts)"
    [ "${API_STATUS_OK[$kind]}" = 0 ] && echo "WARNING: $kind not measured: the check request failed (see the log above)"
  done
  [ $RAW_ONLY = 0 ] && echo "service CPU per request (user + system): lookup ${API_CPU[lookup]:--} ms, sign_up_form ${API_CPU[signup]:--} ms"
  echo
  echo "lookup raw statement: contact join email_consent on (account_id, email_key), by account_id and email_key"
  echo "sign_up_form raw statement: one transaction of email_consent upsert + contact upsert (insert .. on conflict do update)"
  for kind in lookup signup; do
    if [ -f "$WORK/wrk-$kind.txt" ]; then echo; echo "--- wrk $kind"; grep -v '^BENCH' "$WORK/wrk-$kind.txt"; fi
  done
  for kind in lookup signup; do
    echo; echo "--- pgbench $kind"; grep -E '^(number of (transactions|failed)|latency|tps)' "$WORK/pgbench-$kind.txt"
  done
} | tee "$RESULTS"

if [ "${BENCH_STRICT:-0}" = 1 ] && [ $MISSED = 1 ]; then exit 2; fi
exit 0
