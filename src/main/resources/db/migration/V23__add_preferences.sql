-- A list the account shows on its subscribers' preference page (an extension of the vendor's list).
alter table contact_list add column is_public boolean not null default false;

-- A person who left a list on their preference page: the account cannot put the address back on
-- it, only the person can (the page again, or a confirmation they click). Consent belongs to the
-- address, so this is keyed by the address and outlives a deleted contact.
create table list_opt_out (
    account_id   uuid        not null,
    email_key    varchar     not null,
    list_id      uuid        not null,
    opted_out_at timestamptz not null,
    constraint list_opt_out_pk primary key (account_id, email_key, list_id),
    constraint list_opt_out_address_fk foreign key (account_id, email_key)
        references email_consent (account_id, email_key) on delete cascade
);

-- The list an event is about (joined or left on the preference page); null: the address itself.
alter table consent_event add column list_id uuid;
