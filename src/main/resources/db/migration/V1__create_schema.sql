-- Every table is keyed by account first, so no query needs to cross accounts and the schema can
-- later be distributed by account.

create table account (
    account_id uuid         not null,
    name       varchar(255) not null,
    created_at timestamptz  not null,
    constraint account_pk primary key (account_id)
);

-- Tokens are stored only as SHA-256 hashes; the hash is what a request is looked up by.
create table api_token (
    account_id uuid        not null,
    token_id   uuid        not null,
    token_hash varchar     not null,
    created_at timestamptz not null,
    constraint api_token_pk primary key (account_id, token_id),
    constraint api_token_account_fk foreign key (account_id) references account (account_id),
    constraint api_token_hash_uq unique (token_hash)
);

-- Consent belongs to the address, not to the contact: it survives delete (and, as a fingerprint,
-- erase). email_key is the normalised address.
create table email_consent (
    account_id         uuid        not null,
    email_key          varchar     not null,
    permission_to_send varchar(32) not null,
    opt_in_source      varchar(16),
    opt_in_date        timestamptz,
    opt_out_source     varchar(16),
    opt_out_date       timestamptz,
    opt_out_reason     varchar(255),
    confirm_status     varchar(16) not null,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    constraint email_consent_pk primary key (account_id, email_key),
    constraint email_consent_account_fk foreign key (account_id) references account (account_id)
);

create table consent_event (
    account_id  uuid        not null,
    event_id    uuid        not null,
    email_key   varchar     not null,
    contact_id  uuid,
    occurred_at timestamptz not null,
    from_permission varchar(32),
    to_permission   varchar(32) not null,
    source      varchar(16) not null,
    channel     varchar(16) not null,
    actor       varchar(255) not null,
    ip          varchar(64),
    user_agent  varchar(512),
    evidence    varchar(2000),
    constraint consent_event_pk primary key (account_id, event_id),
    constraint consent_event_address_fk foreign key (account_id, email_key)
        references email_consent (account_id, email_key)
);
create index consent_event_address_ix on consent_event (account_id, email_key, event_id);

create table contact (
    account_id       uuid        not null,
    contact_id       uuid        not null,
    email_key        varchar,
    email_address    varchar(80),
    email_created_at timestamptz,
    email_updated_at timestamptz,
    first_name       varchar(50),
    last_name        varchar(50),
    job_title        varchar(50),
    company_name     varchar(50),
    birthday_month   smallint,
    birthday_day     smallint,
    anniversary      date,
    create_source    varchar(16) not null,
    update_source    varchar(16) not null,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    deleted_at       timestamptz,
    version          bigint      not null,
    constraint contact_pk primary key (account_id, contact_id),
    constraint contact_account_fk foreign key (account_id) references account (account_id),
    -- One address is at most one contact per account, whatever its status.
    constraint contact_email_uq unique (account_id, email_key),
    constraint contact_address_fk foreign key (account_id, email_key)
        references email_consent (account_id, email_key)
);
create index contact_updated_ix on contact (account_id, updated_at);
create index contact_created_ix on contact (account_id, created_at);

create table phone_number (
    account_id      uuid        not null,
    phone_number_id uuid        not null,
    contact_id      uuid        not null,
    position        smallint    not null,
    phone_number    varchar(25),
    kind            varchar(16),
    create_source   varchar(16) not null,
    update_source   varchar(16) not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    constraint phone_number_pk primary key (account_id, phone_number_id),
    constraint phone_number_contact_fk foreign key (account_id, contact_id)
        references contact (account_id, contact_id) on delete cascade
);
create index phone_number_contact_ix on phone_number (account_id, contact_id);

create table street_address (
    account_id        uuid         not null,
    street_address_id uuid         not null,
    contact_id        uuid         not null,
    position          smallint     not null,
    kind              varchar(16)  not null,
    street            varchar(255),
    city              varchar(50),
    state             varchar(50),
    postal_code       varchar(50),
    country           varchar(50),
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null,
    constraint street_address_pk primary key (account_id, street_address_id),
    constraint street_address_contact_fk foreign key (account_id, contact_id)
        references contact (account_id, contact_id) on delete cascade
);
create index street_address_contact_ix on street_address (account_id, contact_id);

create table note (
    account_id uuid          not null,
    note_id    uuid          not null,
    contact_id uuid          not null,
    content    varchar(2000) not null,
    created_at timestamptz   not null,
    constraint note_pk primary key (account_id, note_id),
    constraint note_contact_fk foreign key (account_id, contact_id)
        references contact (account_id, contact_id) on delete cascade
);
create index note_contact_ix on note (account_id, contact_id);

create table contact_list (
    account_id  uuid         not null,
    list_id     uuid         not null,
    name        varchar(255) not null,
    description varchar(2000),
    favorite    boolean      not null,
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null,
    deleted_at  timestamptz,
    constraint contact_list_pk primary key (account_id, list_id),
    constraint contact_list_account_fk foreign key (account_id) references account (account_id)
);
-- Names are unique among the lists that are not deleted.
/* [jooq ignore start] */
create unique index contact_list_name_uq on contact_list (account_id, lower(name)) where deleted_at is null;
/* [jooq ignore stop] */

create table list_membership (
    account_id uuid        not null,
    list_id    uuid        not null,
    contact_id uuid        not null,
    created_at timestamptz not null,
    constraint list_membership_pk primary key (account_id, list_id, contact_id),
    constraint list_membership_list_fk foreign key (account_id, list_id)
        references contact_list (account_id, list_id),
    constraint list_membership_contact_fk foreign key (account_id, contact_id)
        references contact (account_id, contact_id) on delete cascade
);
create index list_membership_contact_ix on list_membership (account_id, contact_id);

-- A POST with an Idempotency-Key is stored with its answer in the transaction of its write.
create table idempotency_key (
    account_id      uuid         not null,
    idempotency_key varchar(255) not null,
    request_hash    varchar      not null,
    response_status integer      not null,
    response_body   varchar      not null,
    created_at      timestamptz  not null,
    constraint idempotency_key_pk primary key (account_id, idempotency_key)
);

-- Bulk work such as a list delete; the activity engine builds on this table.
create table activity (
    account_id    uuid        not null,
    activity_id   uuid        not null,
    kind          varchar(64) not null,
    state         varchar(16) not null,
    percent_done  integer     not null,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    constraint activity_pk primary key (account_id, activity_id),
    constraint activity_account_fk foreign key (account_id) references account (account_id)
);
