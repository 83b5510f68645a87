#!/usr/bin/env bash
# Suppression import benchmark (issue 17): a suppression import against a contact import of the
# same number of rows, in the same service and database, so the ratio says whether it runs on "the
# same engine and speed".
#
#   1. creates a fresh database audience_suppr_bench_<timestamp> on the local PostgreSQL, builds
#      target/audience.jar if it is missing and starts it on a free loopback port (-Xmx512m),
#   2. one account with a list; ROWS (default 300,000) addresses sup<N>@bench.example,
#   3. baseline: POST /v3/activities/contacts_file_import of the ROWS addresses (all new),
#   4. suppression import of the same ROWS addresses (every row updates a contact's address:
#      unsubscribed and bounced alternately),
#   5. suppression import of ROWS other addresses (every row creates an address, no contact),
#   each timed from the start of the upload until the activity is completed, and checked (state,
#   person_count = ROWS, error_count = 0, contacts in the database = ROWS after all three);
#   prints rows/s and the ratio to the baseline, also to bench/results/suppressions-last-run.txt,
#   and drops the database and stops the service however it ends.
#
# Environment (defaults): ROWS=300000 IMPORT_TIMEOUT=3600 PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres
#   JAR=target/audience.jar KEEP_DB=1 (keep the database)
set -euo pipefail

ROWS=${ROWS:-300000}
IMPORT_TIMEOUT=${IMPORT_TIMEOUT:-3600}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
BENCH_DIR="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$BENCH_DIR/.." && pwd)"
JAR=${JAR:-$REPO/target/audience.jar}
RESULTS="$BENCH_DIR/results/suppressions-last-run.txt"
mkdir -p "$BENCH_DIR/results"
DB="audience_suppr_bench_$(date +%Y%m%d%H%M%S)"
WORK="$(mktemp -d /tmp/audience-suppr-bench.XXXXXX)"
# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"

case "$ROWS" in ''|*[!0-9]*|0) die "ROWS must be a positive integer, not $ROWS" ;; esac
for tool in curl jq java psql; do command -v $tool >/dev/null || die "$tool not found"; done
psql -qAtX -d postgres -c "select 1" >/dev/null || die "PostgreSQL not reachable at $PGHOST:$PGPORT"
q() { psql -qAtX -v ON_ERROR_STOP=1 -d "$DB" "$@"; }
now() { date +%s.%N; }

psql -qX -d postgres -c "create database $DB" >/dev/null
DB_CREATED=1
start_service SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" SPRING_DATASOURCE_USERNAME="$PGUSER"
json=$(api POST /admin/accounts "$ADMIN_TOKEN" '{"name":"suppression bench"}') || die "cannot create the account"
TOKEN=$(jq -er .api_token <<<"$json")
LIST=$(api POST /v3/contact_lists "$TOKEN" '{"name":"bench"}' | jq -er .list_id) || die "cannot create the list"

log "generating $ROWS rows three ways"
awk -v n="$ROWS" 'BEGIN { print "email,first_name"; for (i = 1; i <= n; i++) printf "sup%d@bench.example,Sup%d\n", i, i }' >"$WORK/contacts.csv"
awk -v n="$ROWS" 'BEGIN { print "email,reason,occurred_at"
  for (i = 1; i <= n; i++) printf "sup%d@bench.example,%s,2024-05-06\n", i, (i % 2 ? "unsubscribed" : "bounced") }' >"$WORK/existing.csv"
awk -v n="$ROWS" 'BEGIN { print "email,reason,occurred_at"
  for (i = 1; i <= n; i++) printf "old%d@bench.example,%s,2024-05-06\n", i, (i % 2 ? "unsubscribed" : "bounced") }' >"$WORK/new.csv"

# timed_import LABEL PATH CURL-UPLOAD-ARGS... -> seconds on stdout; checks the activity's counters.
timed_import() {
  local label=$1 path=$2 t0 t1 resp id state activity
  shift 2
  q -c "checkpoint" >/dev/null
  t0=$(now)
  resp=$(curl -s --max-time "$IMPORT_TIMEOUT" -X POST -H "Authorization: Bearer $TOKEN" "$@" "$BASE$path")
  id=$(jq -er .activity_id <<<"$resp") || die "$label: not accepted: $resp"
  while :; do
    activity=$(api GET "/v3/activities/$id" "$TOKEN") || die "$label: cannot read the activity"
    state=$(jq -r .state <<<"$activity")
    case "$state" in completed|failed|cancelled|timed_out) t1=$(now); break ;; esac
    kill -0 "$SERVICE_PID" 2>/dev/null || die "service exited during $label"
    sleep 0.2
  done
  [ "$state" = completed ] || die "$label ended $state: $activity"
  [ "$(jq -r .status.person_count <<<"$activity")" = "$ROWS" ] || die "$label: person_count is not $ROWS: $activity"
  [ "$(jq -r .status.error_count <<<"$activity")" = 0 ] || die "$label: errors: $activity"
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }'
}

log "baseline: contact import of $ROWS new addresses"
BASE_SECS=$(timed_import "contact import" /v3/activities/contacts_file_import \
  -F "file=@$WORK/contacts.csv;type=text/csv;filename=contacts.csv" -F "list_ids=$LIST")
log "suppression import of the same $ROWS addresses (every row updates a contact's address)"
EXISTING_SECS=$(timed_import "suppression import (existing)" /v3/activities/suppressions_import \
  -H 'Content-Type: text/csv' --data-binary "@$WORK/existing.csv")
log "suppression import of $ROWS new addresses (no contact is made)"
NEW_SECS=$(timed_import "suppression import (new)" /v3/activities/suppressions_import \
  -H 'Content-Type: text/csv' --data-binary "@$WORK/new.csv")
CONTACTS=$(q -c "select count(*) from contact")
[ "$CONTACTS" = "$ROWS" ] || die "the suppression imports made contacts: $CONTACTS, not $ROWS"
UNSUB=$(q -c "select count(*) from email_consent where permission_to_send = 'unsubscribed'")
BOUNCED=$(q -c "select count(*) from email_consent where delivery_status = 'bounced'")

report() {
  local rate_base rate_existing rate_new
  rate_base=$(awk -v n="$ROWS" -v s="$BASE_SECS" 'BEGIN { printf "%.0f", n / s }')
  rate_existing=$(awk -v n="$ROWS" -v s="$EXISTING_SECS" 'BEGIN { printf "%.0f", n / s }')
  rate_new=$(awk -v n="$ROWS" -v s="$NEW_SECS" 'BEGIN { printf "%.0f", n / s }')
  echo "Suppression import benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ), $ROWS rows, $(nproc) cores, $(busy_note 'postgres|psql|curl')"
  printf '%-52s %9s %9s %8s\n' "run" "seconds" "rows/s" "ratio"
  printf '%-52s %9s %9s %8s\n' "contact import, new addresses (baseline)" "$BASE_SECS" "$rate_base" "1.00x"
  printf '%-52s %9s %9s %8s\n' "suppression import, addresses of contacts" "$EXISTING_SECS" "$rate_existing" \
    "$(awk -v a="$rate_existing" -v b="$rate_base" 'BEGIN { printf "%.2fx", a / b }')"
  printf '%-52s %9s %9s %8s\n' "suppression import, new addresses (no contact)" "$NEW_SECS" "$rate_new" \
    "$(awk -v a="$rate_new" -v b="$rate_base" 'BEGIN { printf "%.2fx", a / b }')"
  echo "checked: contacts $CONTACTS (none made by the suppression imports), unsubscribed $UNSUB, bounced $BOUNCED"
}
mkdir -p "$(dirname "$RESULTS")"
report | tee "$RESULTS"
