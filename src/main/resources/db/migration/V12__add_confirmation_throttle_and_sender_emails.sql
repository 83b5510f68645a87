-- At most one confirmation mail per address per window and a daily cap per address: one row per
-- account and address, keyed by a keyed hash of the address (the address itself is not needed to
-- count), updated by a single upsert so concurrent sign-ups of one address cannot both pass.
create table confirmation_throttle (
    account_id   uuid        not null,
    fingerprint  varchar(64) not null,
    last_sent_at timestamptz not null,
    sent_on      date        not null,
    day_count    integer     not null,
    constraint confirmation_throttle_pk primary key (account_id, fingerprint),
    constraint confirmation_throttle_account_fk foreign key (account_id) references account (account_id)
);

-- The daily cap of confirmation mail per account (UTC days).
create table confirmation_account_day (
    account_id uuid    not null,
    sent_on    date    not null,
    sent       integer not null,
    constraint confirmation_account_day_pk primary key (account_id, sent_on),
    constraint confirmation_account_day_account_fk foreign key (account_id) references account (account_id)
);

-- Sender addresses of an account (GET/POST /v3/account/emails): an address may be the account's
-- from_email only once a mail to it was confirmed by following its link.
create sequence account_email_id_seq;
create table account_email (
    account_id          uuid         not null,
    email_id            bigint       not null,
    email_key           varchar      not null,
    email_address       varchar(255) not null,
    email_status        varchar(16)  not null,
    confirm_time        timestamptz,
    confirm_source_type varchar(32),
    requested_at        timestamptz  not null,
    created_at          timestamptz  not null,
    constraint account_email_pk primary key (account_id, email_id),
    constraint account_email_key_uq unique (account_id, email_key),
    constraint account_email_account_fk foreign key (account_id) references account (account_id)
);
