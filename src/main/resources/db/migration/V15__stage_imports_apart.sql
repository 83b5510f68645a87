-- Imports stage their rows in a table of their own, owned by contact.imports: the typed columns a
-- chunk reads and the row's working state. The activity keeps only each row's outcome, in
-- activity_item, handed to it by the import in the chunk's transaction.
create table import_row (
    account_id     uuid        not null,
    activity_id    uuid        not null,
    item_number    integer     not null,
    email_key      varchar,
    email_address  varchar(80),
    first_name     varchar(50),
    last_name      varchar(50),
    job_title      varchar(50),
    company_name   varchar(50),
    birthday_month smallint,
    birthday_day   smallint,
    anniversary    date,
    -- Phones, addresses and custom field values of the row, checked and resolved, as JSON; null for most rows.
    extras         varchar,
    -- The suppression fingerprint of the address, computed where the installation secret is.
    fingerprint    varchar(64),
    -- The id the contact gets if this row creates it (time-ordered, assigned while staging).
    new_contact_id uuid,
    outcome        varchar(16),
    reason         varchar(500),
    contact_id     uuid,
    correctable    boolean     not null default false,
    cannot_add     boolean     not null default false,
    constraint import_row_pk primary key (account_id, activity_id, item_number)
);
create index import_row_email_ix on import_row (account_id, activity_id, email_key);
-- Only import rows had an email key in activity_item; the import's outcomes are inserted there now,
-- and no query needs this index any more (erase reads the account's rows by the primary key).
drop index activity_item_email_ix;
/* [jooq ignore start] */
-- Room on each page so that recording a row's outcome is a HOT update that leaves the index alone.
alter table import_row set (fillfactor = 70);

-- Imports not yet ended go on from the new table: all their rows move there (later rows are checked
-- against earlier ones for repeats); rows already decided keep their outcome in activity_item.
insert into import_row (account_id, activity_id, item_number, email_key, email_address, first_name, last_name,
                        job_title, company_name, birthday_month, birthday_day, anniversary, extras, fingerprint,
                        new_contact_id, outcome, reason, contact_id, correctable, cannot_add)
select i.account_id, i.activity_id, i.item_number, i.email_key, i.email_address, i.first_name, i.last_name,
       i.job_title, i.company_name, i.birthday_month, i.birthday_day, i.anniversary, i.extras, i.fingerprint,
       i.new_contact_id, i.outcome, i.reason, i.contact_id, i.correctable, i.cannot_add
  from activity_item i
  join activity a on a.account_id = i.account_id and a.activity_id = i.activity_id
 where a.kind in ('contacts_json_import', 'contacts_file_import') and a.state in ('initialized', 'processing');
delete from activity_item i
 using activity a
 where a.account_id = i.account_id and a.activity_id = i.activity_id
   and a.kind in ('contacts_json_import', 'contacts_file_import') and a.state in ('initialized', 'processing')
   and i.outcome is null;
/* [jooq ignore stop] */
