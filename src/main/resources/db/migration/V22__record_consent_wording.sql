-- What the person was shown when they gave consent, and on which page: the wording is kept once
-- per account (by its SHA-256), each consent event points at the wording it was given under.
create table consent_text (
    account_id      uuid        not null,
    consent_text_id uuid        not null,
    sha256          varchar(64) not null,
    body            text        not null,
    created_at      timestamptz not null,
    constraint consent_text_pk primary key (account_id, consent_text_id),
    constraint consent_text_account_fk foreign key (account_id) references account (account_id),
    constraint consent_text_sha256_uq unique (account_id, sha256)
);

alter table consent_event
    add column consent_text_id uuid,
    add column page_url varchar(2048),
    add constraint consent_event_text_fk foreign key (account_id, consent_text_id)
        references consent_text (account_id, consent_text_id);
