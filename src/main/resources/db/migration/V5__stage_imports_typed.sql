-- Imports are staged typed, with COPY, and applied a chunk at a time by set-based statements
-- (about 50x faster than a row at a time). Rows of other activities keep their data as JSON.
alter table activity_item alter column data drop not null;
-- Staged in the transaction that creates their activity, and never deleted without it: checking the
-- reference on each of a million copied rows cost 7 of the 20 seconds of staging them.
alter table activity_item drop constraint activity_item_activity_fk;
alter table activity_item add column email_address varchar(80);
alter table activity_item add column first_name varchar(50);
alter table activity_item add column last_name varchar(50);
alter table activity_item add column job_title varchar(50);
alter table activity_item add column company_name varchar(50);
alter table activity_item add column birthday_month smallint;
alter table activity_item add column birthday_day smallint;
alter table activity_item add column anniversary date;
-- Phones, addresses and custom field values of the row, checked and resolved, as JSON; null for most rows.
alter table activity_item add column extras varchar;
-- The suppression fingerprint of the address, computed where the installation secret is.
alter table activity_item add column fingerprint varchar(64);
-- The id the contact gets if this row creates it (time-ordered, assigned while staging).
alter table activity_item add column new_contact_id uuid;
alter table activity_item add column correctable boolean not null default false;
alter table activity_item add column cannot_add boolean not null default false;
-- Room on each page so that recording a row's outcome is a HOT update that leaves the index alone.
/* [jooq ignore start] */
alter table activity_item set (fillfactor = 70);
/* [jooq ignore stop] */
