-- The console's contact search (issue 14): an address or name prefix, and a name substring, answered
-- from an index at a million contacts per account. The exact address uses contact_email_uq.
-- H2 (which generates jOOQ's classes from these files) knows neither operator classes nor pg_trgm.
/* [jooq ignore start] */
create extension if not exists pg_trgm;

-- Prefixes: text_pattern_ops compares bytes, so LIKE 'jo%' is a range scan whatever the collation.
create index contact_email_prefix_ix on contact (account_id, email_key text_pattern_ops);
create index contact_first_name_prefix_ix on contact (account_id, lower(first_name) text_pattern_ops);
create index contact_last_name_prefix_ix on contact (account_id, lower(last_name) text_pattern_ops);

-- Substrings ("ohns" finds Johnson): trigrams, for terms of three characters or more.
create index contact_first_name_trgm_ix on contact using gin (lower(first_name) gin_trgm_ops);
create index contact_last_name_trgm_ix on contact using gin (lower(last_name) gin_trgm_ops);
/* [jooq ignore stop] */
