#!/usr/bin/env bash
# What an OAuth access token costs the API against an API token, on the same request.
#   1. builds target/audience.jar if it is missing, starts it (-Xmx512m, embedded PostgreSQL in a
#      work directory, rate limits out of the way) on a free loopback port;
#   2. creates an account, a user and a confidential app, and gets an access token through the real
#      flow with curl (login form, consent form, PKCE, code exchange);
#   3. runs wrk (8 connections, DURATION seconds) on GET /v3/contacts?email=... alternately with the
#      API token and with the access token, ROUNDS times each after one warm-up run, and prints
#      req/s and the service's CPU per request (user + system, from /proc) of each run.
# Usage: bench/oauth.sh   (environment: DURATION=10 ROUNDS=2)
set -euo pipefail
REPO="$(cd "$(dirname "$0")/.." && pwd)"
JAR="$REPO/target/audience.jar"
DURATION=${DURATION:-10}
ROUNDS=${ROUNDS:-2}
command -v wrk >/dev/null || { echo "wrk not found (apt-get install -y wrk)" >&2; exit 1; }
[ -f "$JAR" ] || (cd "$REPO" && ./mvnw -q -DskipTests package)
WORK="$(mktemp -d /tmp/audience-oauth-bench.XXXXXX)"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
B="http://127.0.0.1:$PORT"
ADMIN=bench-admin
AUDIENCE_RATE_LIMIT_PER_SECOND=1000000000 AUDIENCE_RATE_LIMIT_PER_DAY=1000000000000 AUDIENCE_DATA_DIR="$WORK/data" \
  AUDIENCE_ADMIN_TOKEN=$ADMIN SERVER_PORT=$PORT SERVER_ADDRESS=127.0.0.1 java -Xmx512m -jar "$JAR" >"$WORK/service.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 120); do curl -sf "$B/actuator/health" >/dev/null && break; sleep 1; done
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
A=$(curl -sf -X POST "$B/admin/accounts" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' -d '{"name":"Bench"}')
ACCOUNT=$(echo "$A" | json '["account_id"]'); API_TOKEN=$(echo "$A" | json '["api_token"]')
curl -sf -o /dev/null -X POST "$B/admin/accounts/$ACCOUNT/users" -H "Authorization: Bearer $ADMIN" \
  -H 'Content-Type: application/json' -d '{"email": "jo@bench.example", "password": "a long passphrase", "role": "account_manager"}'
C=$(curl -sf -X POST "$B/admin/accounts/$ACCOUNT/oauth_clients" -H "Authorization: Bearer $ADMIN" \
  -H 'Content-Type: application/json' -d '{"name": "Bench app", "redirect_uris": ["http://127.0.0.1:8765/callback"]}')
CLIENT=$(echo "$C" | json '["client_id"]'); SECRET=$(echo "$C" | json '["client_secret"]')
VERIFIER=$(openssl rand -base64 48 | tr -d '=+/\n' | cut -c1-64)
CHALLENGE=$(printf %s "$VERIFIER" | openssl dgst -sha256 -binary | openssl base64 | tr '+/' '-_' | tr -d '=')
URL="$B/oauth2/authorize?response_type=code&client_id=$CLIENT&redirect_uri=http://127.0.0.1:8765/callback&scope=contact_data&state=s&code_challenge=$CHALLENGE&code_challenge_method=S256"
field() { grep -o "name=\"$1\" value=\"[^\"]*\"" | head -1 | sed 's/.*value="//; s/"$//'; }
J="$WORK/cookies"
curl -s -c "$J" -b "$J" -o /dev/null "$URL"
CSRF=$(curl -s -c "$J" -b "$J" "$B/login" | field _csrf)
curl -s -c "$J" -b "$J" -o /dev/null "$B/login" --data-urlencode "username=jo@bench.example" \
  --data-urlencode "password=a long passphrase" --data-urlencode "_csrf=$CSRF"
CONSENT=$(curl -s -c "$J" -b "$J" -o /dev/null -w "%{redirect_url}" "$URL&continue")
PAGE=$(curl -s -c "$J" -b "$J" "$CONSENT")
CALLBACK=$(curl -s -c "$J" -b "$J" -o /dev/null -w "%{redirect_url}" "$B/oauth2/authorize" \
  --data-urlencode "client_id=$CLIENT" --data-urlencode "state=$(echo "$PAGE" | field state)" \
  --data-urlencode "_csrf=$(echo "$PAGE" | field _csrf)" -d scope=contact_data)
CODE=$(echo "$CALLBACK" | sed 's/.*code=\([^&]*\).*/\1/')
ACCESS=$(curl -sf -u "$CLIENT:$SECRET" "$B/oauth2/token" -d grant_type=authorization_code -d "code=$CODE" \
  -d redirect_uri=http://127.0.0.1:8765/callback -d "code_verifier=$VERIFIER" | json '["access_token"]')
curl -sf -o /dev/null -X POST "$B/v3/contacts" -H "Authorization: Bearer $API_TOKEN" -H 'Content-Type: application/json' \
  -d '{"email_address": {"address": "ann@example.com"}, "create_source": "Account"}'
cpu() { awk '{print $14 + $15}' "/proc/$PID/stat"; }
run() { # $1 label, $2 token
  local c0 c1 out rate bad
  c0=$(cpu)
  out=$(wrk -t2 -c8 -d"${DURATION}s" -H "Authorization: Bearer $2" "$B/v3/contacts?email=ann%40example.com")
  c1=$(cpu)
  rate=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  bad=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
  printf '%-12s %10s req/s  %6s ms CPU/request  non-2xx %s\n' "$1" "$rate" \
    "$(python3 -c "print(round(($c1 - $c0) * 10 / ($rate * $DURATION), 3))")" "${bad:-0}"
}
run warm-up "$API_TOKEN" >/dev/null; run warm-up "$ACCESS" >/dev/null
echo "GET /v3/contacts?email=... with 8 connections, ${DURATION}s a run ($(nproc) cores, $(cd "$REPO" && git rev-parse --short HEAD))"
for _ in $(seq 1 "$ROUNDS"); do run api_token "$API_TOKEN"; run oauth_token "$ACCESS"; done
