#!/usr/bin/env bash
# Audience bulk import and export benchmark: the activities against the same rows loaded and read
# raw (COPY + INSERT ... SELECT, COPY TO) on the same PostgreSQL.
#
#   1. creates a fresh database audience_import_bench_<timestamp> on the local PostgreSQL,
#   2. builds target/audience.jar if it is missing, starts it on a free loopback port (-Xmx512m),
#   3. creates two accounts, each with a list, through the API,
#   4. generates ROWS rows (default 1,000,000) email,first_name,last_name,job_title,company_name
#      (imp<N>@bench.example, all distinct) as a CSV, and the same rows as JSON for IMPORT_FORMAT=json,
#   5. service import into the first account: POST /v3/activities/contacts_file_import (multipart:
#      file + list_ids) or, with IMPORT_FORMAT=json, POST /v3/activities/contacts_json_import, then
#      polls GET /v3/activities/<id> every 0.5 s until the activity ends; timed from the start of the
#      upload to the final state; checked with psql (ROWS contacts, ROWS list memberships) and on the
#      activity (completed, person_count = ROWS, error_count = 0),
#   6. raw import into the second account, in one psql session: COPY of the same CSV into an unlogged
#      staging table, then INSERT ... SELECT into email_consent, consent_event, contact and
#      list_membership in one transaction (the rows the service writes for a new contact); timed
#      around the whole psql call,
#   7. export of the first account (the second if the service import went wrong):
#      POST /v3/activities/contact_exports {} + GET /v3/contact_exports/<id> (text/csv, streamed to a
#      file), against \copy (the same columns, same filter and order) to a file,
#   8. prints the comparison with the targets and the service's peak RSS, also to
#      bench/results/import-last-run.txt,
#   and drops the database and stops everything it started, however it ends.
#
# Usage:  bench/import.sh [--raw-only]
#   --raw-only  no service: migrates with psql from the migration files (V1..Vn), creates one account
#               and list with SQL, runs only the raw import and the raw export.
# Environment (defaults): ROWS=1000000 IMPORT_FORMAT=csv (or json) IMPORT_TIMEOUT=3600 (seconds for
#   the service import to end) PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres
#   JAR=target/audience.jar (another jar to measure, e.g. a saved build)
#   KEEP_DB=1 (do not drop the database) BENCH_STRICT=1 (exit 2 when a target is missed)
#   WEBHOOK=1 (the service account has a webhook subscribed to every event, to an address that
#   refuses connections, and deliveries not attempted during the run: the import writes one batch
#   row per chunk, the service makes its first rows into events and deliveries and then waits, as it
#   does while an endpoint lags; this measures what publishing costs the import; compare its import
#   ratio with a run without)
#   PRELOAD=0 (contacts already in each account before its import, pre<N>@bench.example, loaded
#   with SQL as bench/run.sh loads them, untimed: PRELOAD=9000000 ROWS=1000000 imports 1M rows into
#   an account that holds 9M, and exports 10M; the raw account's are loaded after the service
#   import's rows are removed, so both imports meet the same indexes)
#   WEBHOOK=live (the same webhook to a local receiver answering 204 (python3): events are made and
#   delivered while the import runs, so the import shares the machine with the sending)
set -euo pipefail

ROWS=${ROWS:-1000000}
PRELOAD=${PRELOAD:-0}
WEBHOOK=${WEBHOOK:-0}
IMPORT_FORMAT=${IMPORT_FORMAT:-csv}
IMPORT_TIMEOUT=${IMPORT_TIMEOUT:-3600}
PROGRESS_EVERY=${PROGRESS_EVERY:-5}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
RAW_ONLY=0
case "${1:-}" in
  "") ;;
  --raw-only) RAW_ONLY=1 ;;
  *) echo "usage: $0 [--raw-only]   (environment: ROWS IMPORT_FORMAT=csv|json KEEP_DB BENCH_STRICT ...)" >&2; exit 1 ;;
esac

BENCH_DIR="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$BENCH_DIR/.." && pwd)"
JAR=${JAR:-$REPO/target/audience.jar}
MIGRATIONS="$REPO/src/main/resources/db/migration"
RESULTS="$BENCH_DIR/results/import-last-run.txt"
mkdir -p "$BENCH_DIR/results"
DB="audience_import_bench_$(date +%Y%m%d%H%M%S)"
WORK="$(mktemp -d /tmp/audience-import-bench.XXXXXX)"
# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"

case "$IMPORT_FORMAT" in csv|json) ;; *) die "IMPORT_FORMAT must be csv or json, not $IMPORT_FORMAT" ;; esac
case "$ROWS" in ''|*[!0-9]*|0) die "ROWS must be a positive integer, not $ROWS" ;; esac
case "$PRELOAD" in ''|*[!0-9]*) die "PRELOAD must be a number of contacts, not $PRELOAD" ;; esac
EXPORT_ROWS=$((ROWS + PRELOAD))
# Issue 18's targets: the import >= 0.90x of raw at 1M rows into an empty account, >= 0.80x at fewer
# rows or into an account that already holds contacts; the export >= 0.70x.
IMPORT_TARGET=0.80
[ "$ROWS" -ge 1000000 ] && [ "$PRELOAD" = 0 ] && IMPORT_TARGET=0.90
EXPORT_TARGET=0.70
command -v psql >/dev/null || die "psql not found"
if [ $RAW_ONLY = 0 ]; then
  for tool in curl jq java; do command -v $tool >/dev/null || die "$tool not found (apt-get install -y $tool)"; done
fi
psql -qAtX -d postgres -c "select 1" >/dev/null \
  || die "PostgreSQL not reachable at $PGHOST:$PGPORT (pg_ctlcluster --skip-systemctl-redirect 15 main start)"

q() { psql -qAtX -v ON_ERROR_STOP=1 -d "$DB" "$@"; }
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }            # start end -> seconds
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", (s > 0 ? n / s : 0) }'; } # rows seconds -> rows/s

# preload ACCOUNT: PRELOAD contacts pre<n>@bench.example in the account (lib.sh's load_contacts, none
# deleted), untimed, then VACUUM ANALYZE and a checkpoint, so the import that follows meets indexes
# that already hold them.
preload() {
  [ "$PRELOAD" -gt 0 ] || return 0
  local t0; t0=$(date +%s)
  log "preloading $PRELOAD contacts into account $1 (untimed)"
  load_contacts "$1" "$PRELOAD" pre 0
  q -c "vacuum (analyze)" -c "checkpoint" >/dev/null
  log "preloaded in $(( $(date +%s) - t0 )) s; database size $(q -c "select pg_size_pretty(pg_database_size(current_database()))")"
}

# ---------------------------------------------------------------------------------------------
# The rows: imp<N>@bench.example, N = 1..ROWS, as CSV (the vendor's column names) and as JSON.
# ---------------------------------------------------------------------------------------------
CSV="$WORK/import.csv"
JSON="$WORK/import.json"
log "generating $ROWS rows: $CSV"
awk -v n="$ROWS" 'BEGIN {
  print "email,first_name,last_name,job_title,company_name"
  for (i = 1; i <= n; i++)
    printf "imp%d@bench.example,First%d,Last%d,Engineer %d,Company %d\n", i, i, i, i % 97, i % 1000
}' >"$CSV"

# ---------------------------------------------------------------------------------------------
# Database and service
# ---------------------------------------------------------------------------------------------
log "creating database $DB"
psql -qX -v ON_ERROR_STOP=1 -d postgres -c "create database $DB" >/dev/null
DB_CREATED=1

if [ $RAW_ONLY = 1 ]; then
  log "--raw-only: migrating with psql"
  while IFS= read -r migration; do
    log "  $(basename "$migration")"
    q -f "$migration" >/dev/null
  done < <(find "$MIGRATIONS" -maxdepth 1 -name 'V*__*.sql' | sort -V)
  RAW_ACCOUNT=$(q -c "insert into account values (gen_random_uuid(), 'bench raw', now()) returning account_id" | head -n1)
  RAW_LIST=$(q -c "insert into contact_list (account_id, list_id, name, favorite, created_at, updated_at)
                   values ('$RAW_ACCOUNT', gen_random_uuid(), 'bench raw', false, now(), now()) returning list_id" | head -n1)
  log "raw account $RAW_ACCOUNT, list $RAW_LIST"
else
  # WEBHOOK=1: deliveries are not attempted during the run (their cost is the sending's, see live).
  POLL=500ms; [ "$WEBHOOK" = 1 ] && POLL=1h
  start_service SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" SPRING_DATASOURCE_USERNAME="$PGUSER" \
    AUDIENCE_WEBHOOKS_ALLOW_PRIVATE_NETWORKS=true AUDIENCE_WEBHOOKS_POLL_INTERVAL=$POLL
  # new_account NAME -> "account_id api_token list_id"
  new_account() {
    local json account token list
    json=$(api POST /admin/accounts "$ADMIN_TOKEN" "{\"name\":\"$1\"}") || die "cannot create account $1"
    account=$(jq -er .account_id <<<"$json")
    token=$(jq -er .api_token <<<"$json")
    list=$(api POST /v3/contact_lists "$token" "{\"name\":\"$1\"}" | jq -er .list_id) || die "cannot create list for $1"
    echo "$account $token $list"
  }
  accounts=$(new_account bench) || exit 1
  read -r SVC_ACCOUNT API_TOKEN LIST_ID <<<"$accounts"
  accounts=$(new_account 'bench raw') || exit 1
  read -r RAW_ACCOUNT RAW_TOKEN RAW_LIST <<<"$accounts"
  log "service account $SVC_ACCOUNT, list $LIST_ID; raw account $RAW_ACCOUNT, list $RAW_LIST"
  HOOK_URL=http://127.0.0.1:9/bench
  if [ "$WEBHOOK" = live ]; then
    RECEIVER_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    python3 -c '
import http.server, sys
class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def do_POST(self):
        self.rfile.read(int(self.headers.get("content-length", 0)))
        self.send_response(204); self.send_header("content-length", "0"); self.end_headers()
    def log_message(self, *a): pass
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()' "$RECEIVER_PORT" &
    RECEIVER_PID=$!
    HOOK_URL=http://127.0.0.1:$RECEIVER_PORT/bench
  fi
  if [ "$WEBHOOK" != 0 ]; then
    api POST /v3/webhooks "$API_TOKEN" "{\"url\":\"$HOOK_URL\",\"events\":[\"*\"],\"description\":\"bench\"}" \
      >/dev/null || die "cannot create the webhook"
    log "the service account has a webhook subscribed to every event"
  fi
fi
WEBHOOK_NOTE="none"

[ $RAW_ONLY = 0 ] && preload "$SVC_ACCOUNT"
LOAD_BEFORE=$(busy_note "postgres|psql|curl")
log "before the runs: $LOAD_BEFORE"

# ---------------------------------------------------------------------------------------------
# Service import
# ---------------------------------------------------------------------------------------------
SVC_IMPORT_SECS="" SVC_IMPORT_OK=0 SVC_IMPORT_NOTE="not measured (--raw-only)" SVC_ACCEPT_SECS=""
if [ $RAW_ONLY = 0 ]; then
  if [ "$IMPORT_FORMAT" = json ]; then
    log "generating the same rows as JSON: $JSON"
    awk -F, -v list="$LIST_ID" 'BEGIN { printf "{\"import_data\":[" }
      NR > 1 { printf "%s{\"email\":\"%s\",\"first_name\":\"%s\",\"last_name\":\"%s\",\"job_title\":\"%s\",\"company_name\":\"%s\"}",
                      (NR > 2 ? "," : ""), $1, $2, $3, $4, $5 }
      END { printf "],\"list_ids\":[\"%s\"]}\n", list }' "$CSV" >"$JSON"
    IMPORT_PATH=/v3/activities/contacts_json_import
    UPLOAD=(-H 'Content-Type: application/json' --data-binary "@$JSON")
  else
    IMPORT_PATH=/v3/activities/contacts_file_import
    UPLOAD=(-F "file=@$CSV;type=text/csv;filename=import.csv" -F "list_ids=$LIST_ID")
  fi
  q -c "checkpoint" >/dev/null
  log "service import: POST $IMPORT_PATH ($IMPORT_FORMAT, $(du -h "$( [ "$IMPORT_FORMAT" = json ] && echo "$JSON" || echo "$CSV")" | cut -f1))"
  t0=$(now)
  code=$(curl -s --max-time "$IMPORT_TIMEOUT" -o "$WORK/import-resp" -w '%{http_code}' -X POST \
           -H "Authorization: Bearer $API_TOKEN" "${UPLOAD[@]}" "$BASE$IMPORT_PATH") || code="curl-exit-$?"
  t_accepted=$(now)
  SVC_ACCEPT_SECS=$(secs "$t0" "$t_accepted")
  STATE="" ACTIVITY_JSON=""
  if [ "${code:0:1}" != 2 ]; then
    log "FAILED REQUEST: POST $IMPORT_PATH (${IMPORT_FORMAT}, $ROWS rows)"
    log "RESPONSE: HTTP $code $(head -c 2000 "$WORK/import-resp" 2>/dev/null)"
    SVC_IMPORT_NOTE="POST $IMPORT_PATH answered HTTP $code"
  else
    [ "$code" = 201 ] || log "note: POST $IMPORT_PATH answered HTTP $code, not 201"
    ACTIVITY_ID=$(jq -er .activity_id "$WORK/import-resp") || die "no activity_id in $(cat "$WORK/import-resp")"
    HREF=$(jq -r '._links.self.href // empty' "$WORK/import-resp")
    HREF=${HREF:-/v3/activities/$ACTIVITY_ID}
    log "accepted in $SVC_ACCEPT_SECS s: activity $ACTIVITY_ID ($(jq -r .state "$WORK/import-resp")); polling $HREF"
    next_progress=$(awk -v t="$t0" -v p="$PROGRESS_EVERY" 'BEGIN { print int(t) + p }')
    failures=0
    while :; do
      if polled=$(api GET "$HREF" "$API_TOKEN"); then
        ACTIVITY_JSON=$polled failures=0
        STATE=$(jq -r .state <<<"$ACTIVITY_JSON")
        case "$STATE" in completed|failed|cancelled|timed_out) t1=$(now); break ;; esac
      else
        failures=$((failures + 1))
        [ $failures -ge 10 ] && { t1=$(now); STATE="unreadable"; break; }
      fi
      kill -0 "$SERVICE_PID" 2>/dev/null || die "service exited during the import"
      if [ "$(date +%s)" -ge "$next_progress" ]; then
        done_n=$(jq -r '.status.items_completed_count // .items_completed_count // 0' <<<"$ACTIVITY_JSON")
        log "  $STATE $(jq -r '.percent_done // 0' <<<"$ACTIVITY_JSON") %, $done_n rows done, $(secs "$t0" "$(now)") s," \
            "$(rate "$done_n" "$(secs "$t0" "$(now)")") rows/s so far"
        next_progress=$(( $(date +%s) + PROGRESS_EVERY ))
      fi
      if [ "$(secs "$t0" "$(now)" | cut -d. -f1)" -ge "$IMPORT_TIMEOUT" ]; then
        t1=$(now); STATE="still-${STATE:-unknown}-after-${IMPORT_TIMEOUT}s"; break
      fi
      sleep 0.5
    done
    SVC_IMPORT_SECS=$(secs "$t0" "$t1")
    log "activity $STATE after $SVC_IMPORT_SECS s"
    counts=$(q -F ' ' -c "select
      (select count(*) from contact where account_id = '$SVC_ACCOUNT' and deleted_at is null),
      (select count(*) from list_membership where account_id = '$SVC_ACCOUNT' and list_id = '$LIST_ID')")
    read -r SVC_CONTACTS SVC_MEMBERS <<<"$counts"
    PERSONS=$(jq -r '.status.person_count // .person_count // "?"' <<<"$ACTIVITY_JSON" 2>/dev/null || echo "?")
    ERRORS=$(jq -r '.status.error_count // .error_count // "?"' <<<"$ACTIVITY_JSON" 2>/dev/null || echo "?")
    log "check: state $STATE, contacts $SVC_CONTACTS, list memberships $SVC_MEMBERS, person_count $PERSONS, error_count $ERRORS (want $((ROWS + PRELOAD)), $ROWS, $ROWS, 0)"
    if [ "$STATE" = completed ] && [ "$SVC_CONTACTS" = "$((ROWS + PRELOAD))" ] && [ "$SVC_MEMBERS" = "$ROWS" ] \
       && [ "$PERSONS" = "$ROWS" ] && [ "$ERRORS" = 0 ]; then
      SVC_IMPORT_OK=1; SVC_IMPORT_NOTE=""
      log "service import: $ROWS rows in $SVC_IMPORT_SECS s = $(rate "$ROWS" "$SVC_IMPORT_SECS") rows/s"
    else
      SVC_IMPORT_NOTE="WRONG: state $STATE, contacts $SVC_CONTACTS, memberships $SVC_MEMBERS, person_count $PERSONS, error_count $ERRORS (want completed, $((ROWS + PRELOAD)), $ROWS, $ROWS, 0)"
      log "service import $SVC_IMPORT_NOTE; activity: $ACTIVITY_JSON"
    fi
  fi
  if [ "$WEBHOOK" != 0 ]; then
    WEBHOOK_NOTE="subscribed to every event ($WEBHOOK) when the import ended: $(q -F ' ' -c "select
      (select count(*) from webhook_event where account_id = '$SVC_ACCOUNT') || ' events, ' ||
      (select count(*) from webhook_delivery where account_id = '$SVC_ACCOUNT') || ' deliveries ('
      || (select count(*) from webhook_delivery where account_id = '$SVC_ACCOUNT' and status = 'succeeded')
      || ' delivered), ' || (select coalesce(sum(item_to - next_item), 0) from webhook_batch
                               where account_id = '$SVC_ACCOUNT') || ' rows still in batches'")"
    log "webhook: $WEBHOOK_NOTE"
  fi
  # The raw load must start where the service's did, from empty tables: loading a million rows
  # into indexes that already hold the service's million costs the raw side 20-40 % more and
  # flatters the ratio. The service's contacts are removed (untimed); the export then reads the
  # raw-loaded account, the same rows.
  log "removing the service-imported rows so the raw load starts from the same empty tables (untimed)"
  q -c "truncate list_membership, consent_event, contact, email_consent cascade" >/dev/null
  SVC_ROWS_REMOVED=1
  # The import leaves dead rows (staged items, consent rows updated once) to autovacuum: clean up
  # now, untimed, so that autovacuum does not run during the raw import.
  log "vacuum analyze and checkpoint (untimed)"
  q -c "vacuum (analyze)" -c "checkpoint" >/dev/null
fi

# ---------------------------------------------------------------------------------------------
# Raw import: the same CSV, the rows the service writes for a new contact, into the raw account.
# Ids are time-ordered v7-style, as bench/run.sh lays them out: 48 bits of milliseconds, version 7,
# 12 bits from the row number n; here the milliseconds are the load's start plus n / 4096 (4096 ids
# per millisecond, strictly increasing in file order) and the rest is one random value per run and
# kind of id (n already makes each id unique). Deterministic in n, so the four statements agree on
# a row's ids without a second staging table, and the COPY keeps its batched inserts (a volatile
# column default would make it insert row by row: 8.5 s instead of 1 s for 1M rows).
# ---------------------------------------------------------------------------------------------
v7() { # $1 = psql variable holding the random uuid -> SQL expression of n
  printf "encode(overlay(uuid_send(:'%s'::uuid) placing substring(int8send(:base_ms + n / 4096) from 3) || substring(int4send(28672 + (n %% 4096)::int) from 3) from 1 for 8), 'hex')::uuid" "$1"
}
{
  cat <<'SQL'
\timing on
select floor(extract(epoch from clock_timestamp()) * 1000)::bigint as base_ms,
       gen_random_uuid() as contact_tail, gen_random_uuid() as event_tail \gset
create unlogged table staging (
    n            bigint generated always as identity (cache 1000),
    email        text,
    first_name   text,
    last_name    text,
    job_title    text,
    company_name text
);
SQL
  printf '%s\n' '\echo step copy'
  printf "\\\\copy staging (email, first_name, last_name, job_title, company_name) from '%s' with (format csv, header)\n" "$CSV"
  cat <<SQL
begin;
\echo step email_consent
insert into email_consent (account_id, email_key, permission_to_send, opt_in_source, opt_in_date,
                           confirm_status, created_at, updated_at)
  select :'account', lower(email), 'implicit', 'Account', now(), 'off', now(), now() from staging;
\echo step consent_event
insert into consent_event (account_id, event_id, email_key, contact_id, occurred_at, from_permission,
                           to_permission, source, channel, actor, evidence)
  select :'account', $(v7 event_tail), lower(email), $(v7 contact_tail), now(), null,
         'implicit', 'Account', 'import', 'activity:bench', 'bench' from staging;
\echo step contact
insert into contact (account_id, contact_id, email_key, email_address, email_created_at, email_updated_at,
                     first_name, last_name, job_title, company_name, create_source, update_source,
                     created_at, updated_at, version)
  select :'account', $(v7 contact_tail), lower(email), email, now(), now(),
         first_name, last_name, job_title, company_name, 'Account', 'Account', now(), now(), 1 from staging;
\echo step list_membership
insert into list_membership (account_id, list_id, contact_id, created_at)
  select :'account', :'list', $(v7 contact_tail), now() from staging;
\echo step commit
commit;
SQL
} >"$WORK/raw-import.sql"

preload "$RAW_ACCOUNT"
log "raw import: COPY + INSERT ... SELECT into email_consent, consent_event, contact, list_membership"
q -c "checkpoint" >/dev/null
t0=$(now)
q -v account="$RAW_ACCOUNT" -v list="$RAW_LIST" -f "$WORK/raw-import.sql" >"$WORK/raw-import.out" || die "raw import failed"
t1=$(now)
RAW_IMPORT_SECS=$(secs "$t0" "$t1")
# Where the raw time goes, from psql's \timing after each step marker.
RAW_STEPS=$(awk '/^step / { name = $2 } /^Time: / && name != "" { printf "%s%s %.2f s", sep, name, $2 / 1000; sep = ", "; name = "" }' \
  "$WORK/raw-import.out")
log "raw import steps: $RAW_STEPS"
counts=$(q -F ' ' -c "select
  (select count(*) - $PRELOAD from contact where account_id = '$RAW_ACCOUNT' and deleted_at is null),
  (select count(*) from list_membership where account_id = '$RAW_ACCOUNT' and list_id = '$RAW_LIST'),
  (select count(*) from consent_event where account_id = '$RAW_ACCOUNT'),
  (select count(*) from contact where account_id = '$RAW_ACCOUNT' and substr(contact_id::text, 15, 1) <> '7')")
read -r RAW_CONTACTS RAW_MEMBERS RAW_EVENTS RAW_NOT_V7 <<<"$counts"
q -c "drop table staging" >/dev/null
log "check: contacts $RAW_CONTACTS, list memberships $RAW_MEMBERS, consent events $RAW_EVENTS (want $ROWS each), ids not version 7: $RAW_NOT_V7"
if [ "$RAW_CONTACTS" = "$ROWS" ] && [ "$RAW_MEMBERS" = "$ROWS" ] && [ "$RAW_EVENTS" = "$ROWS" ] && [ "$RAW_NOT_V7" = 0 ]; then
  RAW_IMPORT_OK=1
  log "raw import: $ROWS rows in $RAW_IMPORT_SECS s = $(rate "$ROWS" "$RAW_IMPORT_SECS") rows/s"
else
  RAW_IMPORT_OK=0
  log "raw import WRONG"
fi

log "vacuum analyze and checkpoint (untimed)"
q -c "vacuum (analyze)" -c "checkpoint" >/dev/null

# ---------------------------------------------------------------------------------------------
# Export: all contacts of one account, through the service and with COPY TO.
# ---------------------------------------------------------------------------------------------
if [ $RAW_ONLY = 0 ] && [ "${SVC_ROWS_REMOVED:-0}" = 1 ]; then
  EXP_ACCOUNT=$RAW_ACCOUNT EXP_TOKEN=$RAW_TOKEN EXP_WHAT="the raw-loaded account (the service-imported rows were removed before the raw load)"
elif [ $RAW_ONLY = 0 ] && [ $SVC_IMPORT_OK = 1 ]; then
  EXP_ACCOUNT=$SVC_ACCOUNT EXP_TOKEN=$API_TOKEN EXP_WHAT="the service-imported account"
elif [ $RAW_ONLY = 0 ]; then
  EXP_ACCOUNT=$RAW_ACCOUNT EXP_TOKEN=$RAW_TOKEN EXP_WHAT="the raw-loaded account (the service import went wrong)"
else
  EXP_ACCOUNT=$RAW_ACCOUNT EXP_TOKEN="" EXP_WHAT="the raw-loaded account"
fi
log "export: $EXP_WHAT $EXP_ACCOUNT"

SVC_EXPORT_SECS="" SVC_EXPORT_OK=0 SVC_EXPORT_NOTE="not measured (--raw-only)" SVC_EXPORT_LINES=""
if [ $RAW_ONLY = 0 ]; then
  SVC_EXPORT_NOTE=""
  t0=$(now)
  if EXPORT_JSON=$(api POST /v3/activities/contact_exports "$EXP_TOKEN" '{}'); then
    EXPORT_ID=$(jq -er .activity_id <<<"$EXPORT_JSON")
    RESULTS_HREF=$(jq -r '._links.results.href // empty' <<<"$EXPORT_JSON")
    RESULTS_HREF=${RESULTS_HREF:-/v3/contact_exports/$EXPORT_ID}
    code=$(curl -s --max-time "$IMPORT_TIMEOUT" -o "$WORK/export-service.csv" -w '%{http_code}' \
             -H "Authorization: Bearer $EXP_TOKEN" -H 'Accept: text/csv' "$BASE$RESULTS_HREF") || code="curl-exit-$?"
    t1=$(now)
    SVC_EXPORT_SECS=$(secs "$t0" "$t1")
    if [ "$code" != 200 ]; then
      log "FAILED REQUEST: GET $RESULTS_HREF"; log "RESPONSE: HTTP $code $(head -c 2000 "$WORK/export-service.csv")"
      SVC_EXPORT_NOTE="GET $RESULTS_HREF answered HTTP $code"
    else
      SVC_EXPORT_LINES=$(( $(wc -l <"$WORK/export-service.csv") - 1 ))
      log "service export: $SVC_EXPORT_LINES data lines, $(du -h "$WORK/export-service.csv" | cut -f1) in $SVC_EXPORT_SECS s"
    fi
  else
    SVC_EXPORT_NOTE="POST /v3/activities/contact_exports failed"
  fi
fi

# The columns ContactExports writes by default, in its order and with its names: contact joined to
# email_consent, contacts not deleted, by contact_id. (Timestamps come out in PostgreSQL's text
# form, the service's in ISO-8601: same information, a few bytes' difference.)
EXPORT_QUERY="select c.contact_id, c.email_address, c.first_name, c.last_name, c.job_title, c.company_name, c.birthday_month, c.birthday_day, c.anniversary, e.permission_to_send as email_permission_status, e.opt_in_source as email_optin_source, e.opt_in_date as email_optin_date, e.opt_out_source as email_optout_source, e.opt_out_date as email_optout_date, e.opt_out_reason as email_optout_reason, e.delivery_status as email_delivery_status, e.bounced_at as email_bounced_at, e.bounce_reason as email_bounce_reason, c.created_at, c.updated_at from contact c left join email_consent e on e.account_id = c.account_id and e.email_key = c.email_key where c.account_id = '$EXP_ACCOUNT' and c.deleted_at is null order by c.contact_id"
log "raw export: \\copy (select ...) to file with csv header"
t0=$(now)
q -c "\\copy ($EXPORT_QUERY) to '$WORK/export-raw.csv' with (format csv, header)" >/dev/null || die "raw export failed"
t1=$(now)
RAW_EXPORT_SECS=$(secs "$t0" "$t1")
RAW_EXPORT_LINES=$(( $(wc -l <"$WORK/export-raw.csv") - 1 ))
log "raw export: $RAW_EXPORT_LINES data lines, $(du -h "$WORK/export-raw.csv" | cut -f1) in $RAW_EXPORT_SECS s"
RAW_EXPORT_OK=0
[ "$RAW_EXPORT_LINES" = "$EXPORT_ROWS" ] && RAW_EXPORT_OK=1

if [ $RAW_ONLY = 0 ] && [ -n "$SVC_EXPORT_LINES" ]; then
  if [ "$SVC_EXPORT_LINES" != "$EXPORT_ROWS" ]; then
    SVC_EXPORT_NOTE="WRONG: $SVC_EXPORT_LINES data lines, want $EXPORT_ROWS"
  elif ! cmp -s <(tail -n +2 "$WORK/export-service.csv" | cut -d, -f1) <(tail -n +2 "$WORK/export-raw.csv" | cut -d, -f1); then
    SVC_EXPORT_NOTE="WRONG: the contact ids differ from the raw export's (order or content)"
  else
    SVC_EXPORT_OK=1
  fi
  [ -n "$SVC_EXPORT_NOTE" ] && log "service export $SVC_EXPORT_NOTE"
fi

PEAK_RSS="-"
if [ -n "$SERVICE_PID" ] && [ -r "/proc/$SERVICE_PID/status" ]; then
  PEAK_RSS=$(awk '/^VmHWM:/ { printf "%.0f MiB", $2 / 1024 }' "/proc/$SERVICE_PID/status")
fi

# ---------------------------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------------------------
LOAD_AFTER=$(busy_note "postgres|psql|curl")
MISSED=0
# row NAME SVC_OK SVC_SECS RAW_OK RAW_SECS TARGET N -> sets ROW_SVC ROW_RAW ROW_RATIO ROW_VERDICT
row() {
  local svc_ok=$2 svc_secs=$3 raw_ok=$4 raw_secs=$5 target=$6 n=$7
  ROW_SVC="-" ROW_RAW="INVALID" ROW_RATIO="-" ROW_VERDICT="NOT-MEASURED"
  [ "$raw_ok" = 1 ] && ROW_RAW=$(rate "$n" "$raw_secs")
  if [ $RAW_ONLY = 1 ]; then :
  elif [ "$svc_ok" != 1 ]; then
    ROW_SVC="INVALID"; ROW_VERDICT="MISS"
  elif [ "$raw_ok" = 1 ]; then
    ROW_SVC=$(rate "$n" "$svc_secs")
    read -r ROW_RATIO ROW_VERDICT <<<"$(awk -v s="$svc_secs" -v r="$raw_secs" -v min="$target" \
      'BEGIN { ratio = r / s; printf "%.3fx %s\n", ratio, ratio >= min ? "PASS" : "MISS" }')"
  else
    ROW_SVC=$(rate "$n" "$svc_secs")
  fi
  [ "$ROW_VERDICT" = PASS ] || MISSED=1
}
row import "$SVC_IMPORT_OK" "$SVC_IMPORT_SECS" "$RAW_IMPORT_OK" "$RAW_IMPORT_SECS" "$IMPORT_TARGET" "$ROWS"
I_SVC=$ROW_SVC I_RAW=$ROW_RAW I_RATIO=$ROW_RATIO I_VERDICT=$ROW_VERDICT
row export "$SVC_EXPORT_OK" "$SVC_EXPORT_SECS" "$RAW_EXPORT_OK" "$RAW_EXPORT_SECS" "$EXPORT_TARGET" "$EXPORT_ROWS"
E_SVC=$ROW_SVC E_RAW=$ROW_RAW E_RATIO=$ROW_RATIO E_VERDICT=$ROW_VERDICT

mkdir -p "$(dirname "$RESULTS")"
{
  echo "Audience import/export benchmark — $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "commit $(cd "$REPO" && git rev-parse --short HEAD 2>/dev/null || echo none); jar $( [ $RAW_ONLY = 0 ] && date -u -r "$JAR" +%Y-%m-%dT%H:%M:%SZ || echo 'not used (--raw-only)')"
  echo "$(psql -AtX -d postgres -c 'select version()' | cut -d, -f1); $(nproc) cores"
  echo "data: $ROWS rows (email,first_name,last_name,job_title,company_name), $(du -h "$CSV" | cut -f1) of CSV; service import format: $( [ $RAW_ONLY = 0 ] && echo "$IMPORT_FORMAT" || echo -)"
  [ "$PRELOAD" -gt 0 ] && echo "each account held $PRELOAD contacts before its import (PRELOAD); the export reads $EXPORT_ROWS"
  echo "machine before the runs: $LOAD_BEFORE"
  echo "machine after the runs:  $LOAD_AFTER (the load average includes this benchmark's own)"
  echo
  printf '%-16s %14s %12s | %14s %12s | %9s | %-10s %s\n' \
    "operation" "service rows/s" "service s" "raw rows/s" "raw s" "svc/raw" "target" "result"
  printf '%-16s %14s %12s | %14s %12s | %9s | %-10s %s\n' \
    "import ($( [ $RAW_ONLY = 0 ] && echo "$IMPORT_FORMAT" || echo csv))" "$I_SVC" "${SVC_IMPORT_SECS:--}" "$I_RAW" "$RAW_IMPORT_SECS" "$I_RATIO" ">= ${IMPORT_TARGET}x" "$I_VERDICT"
  printf '%-16s %14s %12s | %14s %12s | %9s | %-10s %s\n' \
    "export (csv)" "$E_SVC" "${SVC_EXPORT_SECS:--}" "$E_RAW" "$RAW_EXPORT_SECS" "$E_RATIO" ">= ${EXPORT_TARGET}x" "$E_VERDICT"
  echo "peak RSS of the service (VmHWM, -Xmx512m): $PEAK_RSS"
  echo "webhook of the service account: $WEBHOOK_NOTE"
  [ -n "$SVC_IMPORT_SECS" ] && echo "service import: upload answered after $SVC_ACCEPT_SECS s of the $SVC_IMPORT_SECS s"
  [ -n "$SVC_IMPORT_NOTE" ] && [ $RAW_ONLY = 0 ] && echo "WARNING: service import $SVC_IMPORT_NOTE"
  [ -n "$SVC_EXPORT_NOTE" ] && [ $RAW_ONLY = 0 ] && echo "WARNING: service export $SVC_EXPORT_NOTE"
  [ "$RAW_IMPORT_OK" = 1 ] || echo "WARNING: raw import WRONG: contacts $RAW_CONTACTS, memberships $RAW_MEMBERS, events $RAW_EVENTS, want $ROWS"
  [ "$RAW_EXPORT_OK" = 1 ] || echo "WARNING: raw export WRONG: $RAW_EXPORT_LINES data lines, want $EXPORT_ROWS"
  echo "export of: $EXP_WHAT"
  echo
  echo "raw import: one psql session: \\copy into an unlogged staging table, then one transaction of"
  echo "  INSERT ... SELECT into email_consent, consent_event, contact, list_membership (v7-style ids)"
  echo "  steps: $RAW_STEPS"
  echo "raw export: \\copy (contact left join email_consent, not deleted, by contact_id, the export's 17 columns) to a file"
} | tee "$RESULTS"

if [ "${BENCH_STRICT:-0}" = 1 ] && [ $MISSED = 1 ]; then exit 2; fi
exit 0
