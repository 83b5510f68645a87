#!/usr/bin/env bash
# What an OAuth access token costs the API against an API token, on the same request.
#   1. builds target/audience.jar if it is missing, starts it (-Xmx512m, embedded PostgreSQL in its
#      work directory, rate limits out of the way) on a free loopback port;
#   2. creates an account, a user and a confidential app, and gets an access token through the real
#      flow with curl (login form, consent form, PKCE, code exchange);
#   3. runs wrk (8 connections, DURATION seconds) on GET /v3/contacts?email=... alternately with the
#      API token and with the access token, ROUNDS times each after a warm-up run with each, and
#      prints req/s and the service's CPU per request (user + system, from /proc) of each run.
# Usage: bench/oauth.sh   (environment: DURATION=10 ROUNDS=2)
set -euo pipefail
BENCH_DIR="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$BENCH_DIR/.." && pwd)"
JAR="$REPO/target/audience.jar"
DURATION=${DURATION:-10}
ROUNDS=${ROUNDS:-2}
WORK="$(mktemp -d /tmp/audience-oauth-bench.XXXXXX)"
# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"

for tool in wrk curl jq java openssl; do command -v $tool >/dev/null || die "$tool not found (apt-get install -y $tool)"; done
start_service AUDIENCE_DATA_DIR="$WORK/data" AUDIENCE_RATE_LIMIT_PER_SECOND=1000000000 \
  AUDIENCE_RATE_LIMIT_PER_DAY=1000000000000

A=$(api POST /admin/accounts "$ADMIN_TOKEN" '{"name": "Bench"}') || die "cannot create the account"
ACCOUNT=$(jq -er .account_id <<<"$A"); API_TOKEN=$(jq -er .api_token <<<"$A")
api POST "/admin/accounts/$ACCOUNT/users" "$ADMIN_TOKEN" \
  '{"email": "jo@bench.example", "password": "a long passphrase", "role": "account_manager"}' >/dev/null \
  || die "cannot create the user"
C=$(api POST "/admin/accounts/$ACCOUNT/oauth_clients" "$ADMIN_TOKEN" \
  '{"name": "Bench app", "redirect_uris": ["http://127.0.0.1:8765/callback"]}') || die "cannot register the app"
CLIENT=$(jq -er .client_id <<<"$C"); SECRET=$(jq -er .client_secret <<<"$C")

VERIFIER=$(openssl rand -base64 48 | tr -d '=+/\n' | cut -c1-64)
CHALLENGE=$(printf %s "$VERIFIER" | openssl dgst -sha256 -binary | openssl base64 | tr '+/' '-_' | tr -d '=')
URL="$BASE/oauth2/authorize?response_type=code&client_id=$CLIENT&redirect_uri=http://127.0.0.1:8765/callback&scope=contact_data&state=s&code_challenge=$CHALLENGE&code_challenge_method=S256"
field() { grep -o "name=\"$1\" value=\"[^\"]*\"" | head -1 | sed 's/.*value="//; s/"$//'; }
J="$WORK/cookies"
curl -s -c "$J" -b "$J" -o /dev/null "$URL"
CSRF=$(curl -s -c "$J" -b "$J" "$BASE/login" | field _csrf)
curl -s -c "$J" -b "$J" -o /dev/null "$BASE/login" --data-urlencode "username=jo@bench.example" \
  --data-urlencode "password=a long passphrase" --data-urlencode "_csrf=$CSRF"
CONSENT=$(curl -s -c "$J" -b "$J" -o /dev/null -w "%{redirect_url}" "$URL&continue")
PAGE=$(curl -s -c "$J" -b "$J" "$CONSENT")
CALLBACK=$(curl -s -c "$J" -b "$J" -o /dev/null -w "%{redirect_url}" "$BASE/oauth2/authorize" \
  --data-urlencode "client_id=$CLIENT" --data-urlencode "state=$(field state <<<"$PAGE")" \
  --data-urlencode "_csrf=$(field _csrf <<<"$PAGE")" -d scope=contact_data)
case "$CALLBACK" in *code=*) ;; *) die "the flow did not end with a code: $CALLBACK" ;; esac
CODE=$(sed 's/.*code=\([^&]*\).*/\1/' <<<"$CALLBACK")
ACCESS=$(curl -sf -u "$CLIENT:$SECRET" "$BASE/oauth2/token" -d grant_type=authorization_code -d "code=$CODE" \
  -d redirect_uri=http://127.0.0.1:8765/callback -d "code_verifier=$VERIFIER" | jq -er .access_token) \
  || die "the code exchange failed"
api POST /v3/contacts "$API_TOKEN" '{"email_address": {"address": "ann@example.com"}, "create_source": "Account"}' \
  >/dev/null || die "cannot create the contact"

run() { # $1 label, $2 token
  local c0 c1 out rate bad
  c0=$(proc_cpu_ticks "$SERVICE_PID")
  out=$(wrk -t2 -c8 -d"${DURATION}s" -H "Authorization: Bearer $2" "$BASE/v3/contacts?email=ann%40example.com")
  c1=$(proc_cpu_ticks "$SERVICE_PID")
  rate=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  bad=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
  printf '%-12s %10s req/s  %6s ms CPU/request  non-2xx %s\n' "$1" "$rate" \
    "$(awk -v t=$((c1 - c0)) -v r="$rate" -v d="$DURATION" 'BEGIN { printf "%.3f", t * 10 / (r * d) }')" "${bad:-0}"
}
run warm-up "$API_TOKEN" >/dev/null
run warm-up "$ACCESS" >/dev/null
echo "GET /v3/contacts?email=... with 8 connections, ${DURATION}s a run ($(nproc) cores, $(busy_note "wrk|curl"))"
for _ in $(seq 1 "$ROUNDS"); do run api_token "$API_TOKEN"; run oauth_token "$ACCESS"; done
