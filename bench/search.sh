#!/usr/bin/env bash
# Audience console search benchmark: /console/contacts over 1,000,000 contacts of one account,
# each kind of search against the API's exact lookup on the same data and the same run.
#
#   1. creates a fresh database audience_search_bench_<timestamp> on the local PostgreSQL,
#   2. builds target/audience.jar if it is missing, starts it on a free loopback port (-Xmx512m);
#      Flyway creates the schema with V16's search indexes,
#   3. creates an account, a list and a console user (account_owner) through the API,
#   4. loads ROWS contacts with SQL (user<N>@bench.example; a first name from 64 common ones and a
#      last name of three syllables, about 27,000 distinct; DELETED_PCT % deleted, 4 % unsubscribed,
#      2 % pending confirmation, 10 % in the list). The contact table's secondary indexes are
#      dropped for the load and created again from their own definitions (as a bulk load does),
#      then VACUUM ANALYZE,
#   5. signs the user in through /login (CSRF token, session cookie) and checks each search once,
#   6. warms up, then measures each kind with wrk (CLIENTS connections, DURATION seconds each):
#        baseline        GET /v3/contacts?email=user<N>%40bench.example  (the API, bearer token)
#        exact           GET /console/contacts?q=user<N>%40bench.example (an active contact)
#        exact_deleted   the same for a deleted contact (found in any state)
#        address_prefix  q=user<N>, N in 100..9999 (111 to 1,111 addresses start with it)
#        name_prefix     q=<2 or 3 letters of a first or last name>
#        name_substring  q=<4 letters inside a last name>, e.g. "ohns"
#        list_filter     list=<the list>, no text
#        next_page       q=<name prefix>&after=<cursor of a random contact>
#   7. prints p50/p95/p99 per kind with its p95 against the baseline's, the target
#      (p95 <= 100 ms), also to bench/results/search-last-run.txt,
#   and drops the database and stops everything it started, however it ends.
#
# Usage:  bench/search.sh
# Environment (defaults): ROWS=1000000 DELETED_PCT=30 CLIENTS=4 THREADS=2 DURATION=10 WARMUP=10
#   PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres JAR=target/audience.jar (another jar, e.g. a saved build)
#   KEEP_DB=1 (keep the database for EXPLAIN ANALYZE) START_TIMEOUT=180 (seconds for the service to start)
#   BENCH_STRICT=1 (exit 2 when a target is missed)
set -euo pipefail

ROWS=${ROWS:-1000000}
DELETED_PCT=${DELETED_PCT:-30}
CLIENTS=${CLIENTS:-4}
THREADS=${THREADS:-2}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-10}
TARGET_P95_MS=100
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}

BENCH_DIR="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$BENCH_DIR/.." && pwd)"
JAR=${JAR:-$REPO/target/audience.jar}
RESULTS="$BENCH_DIR/results/search-last-run.txt"
mkdir -p "$BENCH_DIR/results"
DB="audience_search_bench_$(date +%Y%m%d%H%M%S)"
WORK="$(mktemp -d /tmp/audience-search-bench.XXXXXX)"
# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"

for tool in psql wrk curl jq java; do command -v $tool >/dev/null || die "$tool not found (apt-get install -y $tool)"; done
psql -qAtX -d postgres -c "select 1" >/dev/null \
  || die "PostgreSQL not reachable at $PGHOST:$PGPORT (pg_ctlcluster --skip-systemctl-redirect 15 main start)"
q() { psql -qAtX -v ON_ERROR_STOP=1 -d "$DB" "$@"; }

log "creating database $DB"
psql -qX -v ON_ERROR_STOP=1 -d postgres -c "create database $DB" >/dev/null
DB_CREATED=1
start_service SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" SPRING_DATASOURCE_USERNAME="$PGUSER" \
  AUDIENCE_RATE_LIMIT_PER_SECOND=1000000

ACCOUNT_JSON=$(api POST /admin/accounts "$ADMIN_TOKEN" '{"name":"search bench"}') || die "cannot create account"
ACCOUNT_ID=$(jq -er .account_id <<<"$ACCOUNT_JSON")
API_TOKEN=$(jq -er .api_token <<<"$ACCOUNT_JSON")
LIST_ID=$(api POST /v3/contact_lists "$API_TOKEN" '{"name":"bench"}' | jq -er .list_id) || die "cannot create list"
USER_EMAIL="owner@search-bench.example" USER_PASSWORD="bench-password-$(date +%s)"
api POST "/admin/accounts/$ACCOUNT_ID/users" "$ADMIN_TOKEN" \
  "{\"email\":\"$USER_EMAIL\",\"password\":\"$USER_PASSWORD\",\"role\":\"account_owner\"}" >/dev/null \
  || die "cannot create the console user"
log "account $ACCOUNT_ID, list $LIST_ID, console user $USER_EMAIL"

# ---------------------------------------------------------------------------------------------
# Load. Names: the same few first names and syllables many real lists share, so prefixes and
# substrings match hundreds to tens of thousands of contacts, as in a real account.
# ---------------------------------------------------------------------------------------------
log "loading $ROWS contacts ($DELETED_PCT % deleted)"
t0=$(date +%s)
q -c "select indexdef from pg_indexes where tablename = 'contact' and indexname not in
      (select conname from pg_constraint where conrelid = 'contact'::regclass)" >"$WORK/indexes.sql"
log "rebuilding after the load: $(wc -l <"$WORK/indexes.sql") secondary indexes of contact"
q -v account="$ACCOUNT_ID" -v rows="$ROWS" -v deleted_pct="$DELETED_PCT" -v list="$LIST_ID" -v v7_id="$V7_ID" \
  >/dev/null <<'SQL'
set session_replication_role = replica;
set maintenance_work_mem = '256MB';
select format('drop index %I', indexname) from pg_indexes where tablename = 'contact'
  and indexname not in (select conname from pg_constraint where conrelid = 'contact'::regclass) \gexec
create temporary table seed as
  select n, 'user' || n || '@bench.example' as email,
         now() - interval '365 days' + interval '365 days' * (n::float8 / :rows) as ts,
         (array['James','Mary','John','Patricia','Robert','Jennifer','Michael','Linda','William','Elizabeth',
                'David','Barbara','Richard','Susan','Joseph','Jessica','Thomas','Sarah','Charles','Karen',
                'Christopher','Nancy','Daniel','Lisa','Matthew','Betty','Anthony','Margaret','Mark','Sandra',
                'Donald','Ashley','Steven','Kimberly','Paul','Emily','Andrew','Donna','Joshua','Michelle',
                'Kenneth','Dorothy','Kevin','Carol','Brian','Amanda','George','Melissa','Edward','Deborah',
                'Ronald','Stephanie','Timothy','Rebecca','Jason','Sharon','Jeffrey','Laura','Ryan','Cynthia',
                'Jacob','Kathleen','Gary','Amy'])[1 + (hashint4(n) & 63)] as first_name,
         initcap((array['john','son','mar','tin','ez','ber','ger','ko','wal','ski','an','der','sen','hol',
                        'man','li','ro','dri','guez','van','dam','el','ly','mc','kay','o','brien','fer',
                        'nan','des'])[1 + (hashint4(n + 1) & 2147483647) % 30]
                 || (array['john','son','mar','tin','ez','ber','ger','ko','wal','ski','an','der','sen','hol',
                        'man','li','ro','dri','guez','van','dam','el','ly','mc','kay','o','brien','fer',
                        'nan','des'])[1 + (hashint4(n + 2) & 2147483647) % 30]
                 || (array['son','man','sen','ez','er','ski','berg','ton','ley','ford','wood','hill','stone',
                        'field','well','worth','ham','by','land','more','ridge','dale','gate','kin','ner',
                        'ling','ow','ay','ins','ett'])[1 + (hashint4(n + 3) & 2147483647) % 30]) as last_name,
         case when n % 100 < :deleted_pct then 'implicit'
              when n % 100 < :deleted_pct + 4 then 'unsubscribed'
              when n % 100 < :deleted_pct + 6 then 'pending_confirmation'
              else 'implicit' end as permission
  from generate_series(1, :rows) n;
insert into email_consent (account_id, email_key, permission_to_send, opt_in_source, opt_in_date,
                           opt_out_source, opt_out_date, confirm_status, created_at, updated_at)
  select :'account', email, permission, 'Account', ts,
         case when permission = 'unsubscribed' then 'Contact' end,
         case when permission = 'unsubscribed' then ts + interval '1 day' end,
         case when permission = 'pending_confirmation' then 'pending' else 'off' end, ts, ts
  from seed order by n;
insert into contact (account_id, contact_id, email_key, email_address, email_created_at,
                     email_updated_at, first_name, last_name, create_source, update_source,
                     created_at, updated_at, deleted_at, version)
  select :'account',
         :v7_id,
         email, email, ts, ts, first_name, last_name, 'Account', 'Account', ts, ts,
         case when n % 100 < :deleted_pct then ts + interval '1 hour' end, 1
  from seed order by n;
insert into list_membership (account_id, list_id, contact_id, created_at)
  select account_id, :'list', contact_id, created_at from contact
  where account_id = :'account' and ('x' || substr(md5(email_key), 1, 8))::bit(32)::int % 10 = 0;
SQL
log "loaded in $(( $(date +%s) - t0 )) s; creating the indexes again"
t0=$(date +%s)
{ echo "set maintenance_work_mem = '256MB';"; sed 's/$/;/' "$WORK/indexes.sql"; } | q >/dev/null
log "indexes in $(( $(date +%s) - t0 )) s; vacuum analyze"
q -c "vacuum (analyze) email_consent" -c "vacuum (analyze) contact" -c "vacuum (analyze) list_membership" \
  -c "checkpoint" >/dev/null
read -r N_CONTACTS N_DELETED N_MEMBERS DB_SIZE <<<"$(q -F ' ' -c "select count(*), count(deleted_at),
  (select count(*) from list_membership), pg_size_pretty(pg_database_size(current_database()))
  from contact where account_id = '$ACCOUNT_ID'")"
log "contacts: $N_CONTACTS, deleted: $N_DELETED, list members: $N_MEMBERS, database size: $DB_SIZE"

# ---------------------------------------------------------------------------------------------
# Sign-in: the login form's CSRF token, then the session cookie every console request carries.
# ---------------------------------------------------------------------------------------------
JAR_FILE="$WORK/cookies"
csrf=$(curl -s -c "$JAR_FILE" -b "$JAR_FILE" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | head -n1 | sed 's/.*value="//; s/"$//')
[ -n "$csrf" ] || die "no CSRF token on /login"
signed=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -c "$JAR_FILE" -b "$JAR_FILE" \
  --data-urlencode "username=$USER_EMAIL" --data-urlencode "password=$USER_PASSWORD" --data-urlencode "_csrf=$csrf" \
  "$BASE/login")
case "$signed" in 302*error*|[!3]*) die "sign-in refused: $signed" ;; esac
COOKIE=$(awk '$6 == "AUDIENCE_SESSION" { print "AUDIENCE_SESSION=" $7 }' "$JAR_FILE")
[ -n "$COOKIE" ] || die "no session cookie after sign-in"

# Cursors: random contacts' ids, encoded as the page's Next link encodes them.
q -c "select contact_id from contact tablesample system (1) where account_id = '$ACCOUNT_ID' limit 500" \
  | while read -r id; do printf 'console-contacts:%s' "$id" | base64 -w0 | tr '+/' '-_' | tr -d '='; echo; done \
  >"$WORK/cursors.txt"
# Substrings: four letters inside the loaded last names.
q -c "select distinct substr(lower(last_name), 2, 4) from contact tablesample system (1) limit 200" >"$WORK/substrings.txt"

# ---------------------------------------------------------------------------------------------
# wrk scripts: one per kind; each request draws its own random term.
# ---------------------------------------------------------------------------------------------
cat >"$WORK/common.lua" <<'LUA'
rows = tonumber(os.getenv("BENCH_ROWS"))
deleted_pct = tonumber(os.getenv("BENCH_DELETED_PCT"))
list = os.getenv("BENCH_LIST_ID")
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
local function lines(path)
  local t = {}
  for l in io.lines(path) do if l ~= "" then t[#t + 1] = l end end
  return t
end
function init(args)
  math.randomseed(os.time() * 1000 + tid * 7919)
  cursors = lines(os.getenv("BENCH_CURSORS"))
  substrings = lines(os.getenv("BENCH_SUBSTRINGS"))
  prefixes = { "ja", "mar", "jo", "ro", "mic", "da", "kar", "el", "ste", "wal", "ko", "ber", "va", "mc", "hol", "de", "li", "an" }
end
-- An n that is (deleted) or is not (active) a deleted contact: n % 100 < DELETED_PCT.
function pick(deleted)
  while true do
    local n = math.random(rows)
    if ((n % 100) < deleted_pct) == deleted then return n end
  end
end
function console(query)
  return wrk.format("GET", "/console/contacts?" .. query)
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d duration_us=%d p50_us=%d p95_us=%d p99_us=%d max_us=%d status=%d connect=%d read=%d write=%d timeout=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), latency.max, e.status, e.connect, e.read, e.write, e.timeout))
end
LUA
kind_lua() { cat "$WORK/common.lua" - >"$WORK/$1.lua"; }
kind_lua baseline <<'LUA'
function request() return wrk.format("GET", "/v3/contacts?email=user" .. pick(false) .. "%40bench.example") end
LUA
kind_lua exact <<'LUA'
function request() return console("q=user" .. pick(false) .. "%40bench.example") end
LUA
kind_lua exact_deleted <<'LUA'
function request() return console("q=user" .. pick(true) .. "%40bench.example") end
LUA
kind_lua address_prefix <<'LUA'
function request() return console("q=user" .. math.random(100, 9999)) end
LUA
kind_lua name_prefix <<'LUA'
function request() return console("q=" .. prefixes[math.random(#prefixes)]) end
LUA
kind_lua name_substring <<'LUA'
function request() return console("q=" .. substrings[math.random(#substrings)]) end
LUA
kind_lua list_filter <<'LUA'
function request() return console("list=" .. list) end
LUA
kind_lua next_page <<'LUA'
function request()
  return console("q=" .. prefixes[math.random(#prefixes)] .. "&after=" .. cursors[math.random(#cursors)])
end
LUA
KINDS=(baseline exact exact_deleted address_prefix name_prefix name_substring list_filter next_page)

export BENCH_ROWS="$ROWS" BENCH_DELETED_PCT="$DELETED_PCT" BENCH_LIST_ID="$LIST_ID" \
  BENCH_CURSORS="$WORK/cursors.txt" BENCH_SUBSTRINGS="$WORK/substrings.txt"
headers_for() {
  if [ "$1" = baseline ]; then echo "Authorization: Bearer $API_TOKEN"; else echo "Cookie: $COOKIE"; fi
}

# Each kind once, checked: 200 and the page of the console (not the login page it redirects to).
check() {
  local kind=$1 path=$2 want=$3 code
  code=$(curl -s -o "$WORK/check" -w '%{http_code}' -H "$(headers_for "$kind")" "$BASE$path")
  if [ "$code" != 200 ] || ! grep -q -- "$want" "$WORK/check"; then
    log "FAILED CHECK $kind: GET $path -> HTTP $code, want 200 with '$want'"; head -c 1500 "$WORK/check" >&2; echo >&2
    return 1
  fi
}
first_cursor=$(head -n1 "$WORK/cursors.txt")
check baseline "/v3/contacts?email=user$((DELETED_PCT + 10))%40bench.example" '"contact_id"' || die "baseline check failed"
check exact "/console/contacts?q=user$((DELETED_PCT + 10))%40bench.example" "user$((DELETED_PCT + 10))@bench.example" || die "check failed"
check exact_deleted "/console/contacts?q=user1%40bench.example" 'badge deleted' || die "check failed"
check address_prefix "/console/contacts?q=user4242" 'user4242' || die "check failed"
check name_prefix "/console/contacts?q=mar" 'rel="next"' || die "check failed"
check name_substring "/console/contacts?q=$(head -n1 "$WORK/substrings.txt")" '/console/contacts/' || die "check failed"
check list_filter "/console/contacts?list=$LIST_ID" 'rel="next"' || die "check failed"
check next_page "/console/contacts?q=ma&after=$first_cursor" '/console/contacts/' || die "check failed"
log "every kind answers as expected"

run_wrk() {  # NAME SECONDS -> $WORK/wrk-NAME.txt
  local kind=$1 secs=$2
  timeout $((secs + 60)) wrk -t "$THREADS" -c "$CLIENTS" -d "${secs}s" --timeout 5s --latency \
    -H "$(headers_for "$kind")" -s "$WORK/$kind.lua" "$BASE" >"$WORK/wrk-$kind.txt" 2>&1 \
    || { cat "$WORK/wrk-$kind.txt" >&2; die "wrk $kind failed"; }
}
LOAD_BEFORE=$(busy_note "postgres|psql|curl|wrk")
log "before the runs: $LOAD_BEFORE"
log "warming up: $WARMUP s over every kind"
per=$(( WARMUP / ${#KINDS[@]} )); [ "$per" -ge 1 ] || per=1
for kind in "${KINDS[@]}"; do run_wrk "$kind" "$per"; done
for kind in "${KINDS[@]}"; do
  log "wrk $kind: $CLIENTS connections, $THREADS threads, $DURATION s"
  run_wrk "$kind" "$DURATION"
done

# ---------------------------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------------------------
field() { grep '^BENCH' "$WORK/wrk-$1.txt" | tr ' ' '\n' | awk -F= -v k="$2" '$1 == k { print $2 }'; }
ms() { awk -v us="$1" 'BEGIN { printf "%.1f", us / 1000 }'; }
mkdir -p "$(dirname "$RESULTS")"
base_p95=$(field baseline p95_us)
MISSED=0
{
  echo "Audience console search benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "contacts: $N_CONTACTS in one account ($N_DELETED deleted, $N_MEMBERS in the list), database $DB_SIZE"
  echo "wrk: $CLIENTS connections, $THREADS threads, $DURATION s per kind; $LOAD_BEFORE"
  echo
  printf '%-16s %8s %8s %8s %8s %9s %8s  %-14s %s\n' kind req/s p50_ms p95_ms p99_ms errors p95/base target result
  for kind in "${KINDS[@]}"; do
    reqs=$(field "$kind" requests) dur=$(field "$kind" duration_us)
    p95=$(field "$kind" p95_us)
    errors=$(( $(field "$kind" status) + $(field "$kind" connect) + $(field "$kind" read) + $(field "$kind" write) + $(field "$kind" timeout) ))
    result=PASS
    if [ "$kind" = baseline ]; then target="(reference)" result="-"
    else
      target="p95 <= ${TARGET_P95_MS} ms"
      if [ "$errors" -ne 0 ] || [ "$p95" -gt $((TARGET_P95_MS * 1000)) ]; then result=MISS MISSED=1; fi
    fi
    printf '%-16s %8.0f %8s %8s %8s %9s %8s  %-14s %s\n' "$kind" \
      "$(awk -v r="$reqs" -v d="$dur" 'BEGIN { print r / (d / 1000000) }')" \
      "$(ms "$(field "$kind" p50_us)")" "$(ms "$p95")" "$(ms "$(field "$kind" p99_us)")" "$errors" \
      "$(awk -v a="$p95" -v b="$base_p95" 'BEGIN { printf "%.2fx", a / b }')" "$target" "$result"
  done
  for kind in "${KINDS[@]}"; do echo; echo "--- wrk $kind"; grep -v '^BENCH' "$WORK/wrk-$kind.txt"; done
} | tee "$RESULTS.tmp"
mv "$RESULTS.tmp" "$RESULTS"
log "written to $RESULTS"
[ "${BENCH_STRICT:-0}" = 1 ] && [ "$MISSED" = 1 ] && exit 2
exit 0
