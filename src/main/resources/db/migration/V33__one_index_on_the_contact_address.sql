-- One index on a contact's address instead of two (issue 18, found at 10M contacts): the unique
-- constraint contact_email_uq (V1) and the search index contact_email_prefix_ix (V16) held the same
-- keys, 1.1 GB each at 10M contacts, and every contact written went into both. The unique index
-- now compares bytes (text_pattern_ops): the same equality, so the same uniqueness and the same
-- `on conflict`, and the console's address prefix search is a range scan on it whatever the
-- collation. The index is built before the constraint goes, so the address is never unguarded; the
-- build holds writes to contact (4 s over 10M addresses on 2 cores, plus reading the table).
-- jOOQ's DDL parser (code generation) knows no operator classes: it sees the constraint go only.
/* [jooq ignore start] */
create unique index contact_email_key_uq on contact (account_id, email_key text_pattern_ops);
/* [jooq ignore stop] */
alter table contact drop constraint contact_email_uq;
/* [jooq ignore start] */
drop index contact_email_prefix_ix;
/* [jooq ignore stop] */
