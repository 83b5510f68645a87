-- One random secret per installation, shared by every instance on the database: it signs
-- confirmation links and keys the suppression fingerprints of erased addresses.
create table installation_secret (
    name       varchar(64)  not null,
    secret     varchar(128) not null,
    created_at timestamptz  not null,
    constraint installation_secret_pk primary key (name)
);

create table account_settings (
    account_id       uuid         not null,
    confirmed_opt_in boolean      not null,
    from_email       varchar(80),
    from_name        varchar(100),
    updated_at       timestamptz  not null,
    constraint account_settings_pk primary key (account_id),
    constraint account_settings_account_fk foreign key (account_id) references account (account_id)
);

-- Mail is queued in the transaction of the change that causes it and sent by a worker, so a
-- down SMTP server neither fails the request nor loses the mail.
create table outbox_mail (
    account_id      uuid          not null,
    mail_id         uuid          not null,
    email_key       varchar       not null,
    kind            varchar(32)   not null,
    from_address    varchar(255)  not null,
    to_address      varchar(255)  not null,
    subject         varchar(255)  not null,
    body            varchar       not null,
    action_url      varchar(2000) not null,
    unsubscribe_url varchar(2000) not null,
    status          varchar(16)   not null,
    attempts        integer       not null,
    next_attempt_at timestamptz   not null,
    last_error      varchar(2000),
    created_at      timestamptz   not null,
    sent_at         timestamptz,
    constraint outbox_mail_pk primary key (account_id, mail_id),
    constraint outbox_mail_account_fk foreign key (account_id) references account (account_id)
);
create index outbox_mail_due_ix on outbox_mail (status, next_attempt_at);

-- A request for the person's own confirmation (a sign-up under confirmed opt-in, a sign-up after
-- an opt-out, a resubscribe request); single use, and it expires.
create table confirmation (
    account_id      uuid          not null,
    confirmation_id uuid          not null,
    email_key       varchar       not null,
    contact_id      uuid          not null,
    purpose         varchar(16)   not null,
    list_ids        varchar(2000) not null,
    created_at      timestamptz   not null,
    expires_at      timestamptz   not null,
    confirmed_at    timestamptz,
    constraint confirmation_pk primary key (account_id, confirmation_id),
    constraint confirmation_account_fk foreign key (account_id) references account (account_id)
);
create index confirmation_address_ix on confirmation (account_id, email_key, created_at);

-- The unguessable token of an address's unsubscribe links.
create table unsubscribe_link (
    account_id uuid        not null,
    email_key  varchar     not null,
    token      varchar(64) not null,
    created_at timestamptz not null,
    constraint unsubscribe_link_pk primary key (account_id, email_key),
    constraint unsubscribe_link_token_uq unique (token)
);

-- What is left of an erased address that had opted out: a keyed hash, so the account cannot
-- bring the address back as sendable by re-creating it.
create table suppression (
    account_id     uuid        not null,
    fingerprint    varchar(64) not null,
    opt_out_source varchar(16) not null,
    opted_out_at   timestamptz not null,
    created_at     timestamptz not null,
    constraint suppression_pk primary key (account_id, fingerprint),
    constraint suppression_account_fk foreign key (account_id) references account (account_id)
);
