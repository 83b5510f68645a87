#!/usr/bin/env bash
# Measures what time-ordered UUID v7 keys save over random v4 keys when inserting
# 1,000,000 rows into a table indexed like Audience's contact table:
#   primary key (account_id, contact_id uuid)  +  unique (account_id, email_key).
#
# The keys are generated first into an unindexed staging table (not timed), so the timed part is
# only the insert into the indexed table, as in the service, where Java makes the ids. Each variant
# runs REPEAT times, alternating, each time into a freshly created table after a CHECKPOINT; the
# median is reported, with the WAL written and the primary key's size.
#
# Usage: bench/uuid-insert.sh            (env: ROWS=1000000 REPEAT=3 PGHOST PGPORT PGUSER)
set -euo pipefail

ROWS=${ROWS:-1000000}
REPEAT=${REPEAT:-3}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
DB="audience_uuidbench_$(date +%Y%m%d%H%M%S)_$$"
HERE="$(cd "$(dirname "$0")" && pwd)"
OUT="$HERE/results/uuid-insert-last-run.txt"

cleanup() {
  psql -qX -d postgres -c "drop database if exists $DB" >/dev/null 2>&1 || true
}
trap cleanup EXIT

psql -qX -v ON_ERROR_STOP=1 -d postgres -c "create database $DB" >/dev/null
q() { PGOPTIONS="-c client_min_messages=warning" psql -qAtX -v ON_ERROR_STOP=1 -d "$DB" "$@"; }

q <<SQL
-- UUID v7 (RFC 9562) in SQL for PostgreSQL 15, which has no uuidv7(). Laid out like PostgreSQL
-- 18's uuidv7(): 48 bits of Unix time in milliseconds, the version nibble 7, then 12 bits of
-- sub-millisecond fraction (so keys made in the same millisecond still sort in time order, which
-- keeps the B-tree appending on its rightmost page), then the random bits and variant of a v4 UUID.
create function bench_uuid_v7(ts timestamptz default clock_timestamp()) returns uuid
language sql volatile as \$\$
  select encode(overlay(uuid_send(gen_random_uuid())
           placing substring(int8send(ms) from 3)
                || substring(int4send(28672 + floor((e * 1000 - ms) * 4096)::int) from 3)
           from 1 for 8), 'hex')::uuid
  from (select e, floor(e * 1000)::bigint as ms from (select extract(epoch from ts) as e) x) y
\$\$;

create table account (account_id uuid primary key);
insert into account values ('0190a0a0-0000-7000-8000-000000000001');

-- Keys made once, in generation order (n), read back in that order by the timed inserts.
create unlogged table keys_v4 (n int, id uuid);
create unlogged table keys_v7 (n int, id uuid);
insert into keys_v4 select n, gen_random_uuid() from generate_series(1, $ROWS) n;
insert into keys_v7 select n, bench_uuid_v7() from generate_series(1, $ROWS) n;
vacuum analyze keys_v4;
vacuum analyze keys_v7;
SQL

# Sanity: v7 keys carry version 7 and are (nearly) in generation order.
read -r v7ver v7inv <<<"$(q -F ' ' -c "
  select (select count(*) from keys_v7 where substr(id::text, 15, 1) <> '7'),
         (select count(*) from (select id < lag(id) over (order by n) as inv from keys_v7) s where inv)")"
[ "$v7ver" = 0 ] || { echo "v7 keys without version 7: $v7ver" >&2; exit 1; }

run_one() { # $1 = v4|v7 ; prints "millis wal_bytes pk_bytes"
  q <<SQL >/dev/null
drop table if exists contact;
create table contact (
    account_id uuid not null references account,
    contact_id uuid not null,
    email_key  varchar,
    created_at timestamptz not null,
    constraint contact_pk primary key (account_id, contact_id),
    constraint contact_email_uq unique (account_id, email_key)
);
checkpoint;
SQL
  local lsn0 t0 t1 lsn1
  lsn0=$(q -c "select pg_current_wal_lsn()")
  t0=$(date +%s%N)
  q -c "insert into contact (account_id, contact_id, email_key, created_at)
        select '0190a0a0-0000-7000-8000-000000000001', id, 'user' || n || '@bench.example', now()
        from keys_$1 order by n" >/dev/null
  t1=$(date +%s%N)
  lsn1=$(q -c "select pg_current_wal_lsn()")
  echo "$(( (t1 - t0) / 1000000 )) $(q -c "select pg_wal_lsn_diff('$lsn1', '$lsn0')::bigint") $(q -c "select pg_relation_size('contact_pk')")"
}

declare -a T4 T7 W4 W7 S4 S7
for i in $(seq 1 "$REPEAT"); do
  read -r t w s <<<"$(run_one v4)"; T4+=("$t"); W4+=("$w"); S4+=("$s")
  echo "run $i  v4 random : ${t} ms  wal $((w / 1048576)) MiB  pk $((s / 1048576)) MiB" >&2
  read -r t w s <<<"$(run_one v7)"; T7+=("$t"); W7+=("$w"); S7+=("$s")
  echo "run $i  v7 ordered: ${t} ms  wal $((w / 1048576)) MiB  pk $((s / 1048576)) MiB" >&2
done

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }
t4=$(median "${T4[@]}"); t7=$(median "${T7[@]}")
w4=$(median "${W4[@]}"); w7=$(median "${W7[@]}")
s4=$(median "${S4[@]}"); s7=$(median "${S7[@]}")

{
  echo "UUID insert benchmark — $(date -u +%Y-%m-%dT%H:%M:%SZ), $(psql -AtX -d postgres -c 'select version()' | cut -d, -f1)"
  echo "$ROWS rows into (pk (account_id, contact_id) + unique (account_id, email_key)), median of $REPEAT runs"
  echo "v7 keys out of generation order (same microsecond): $v7inv of $ROWS"
  printf '%-26s %12s %12s %12s\n' "keys" "insert ms" "WAL MiB" "pk MiB"
  printf '%-26s %12s %12s %12s\n' "v4 gen_random_uuid()" "$t4" "$((w4 / 1048576))" "$((s4 / 1048576))"
  printf '%-26s %12s %12s %12s\n' "v7 time-ordered (SQL)" "$t7" "$((w7 / 1048576))" "$((s7 / 1048576))"
  awk -v a="$t4" -v b="$t7" -v wa="$w4" -v wb="$w7" -v sa="$s4" -v sb="$s7" 'BEGIN {
    printf "saving with v7: %.1f%% insert time, %.1f%% WAL, %.1f%% primary key size\n",
           100 * (a - b) / a, 100 * (wa - wb) / wa, 100 * (sa - sb) / sa }'
} | tee "$OUT"
