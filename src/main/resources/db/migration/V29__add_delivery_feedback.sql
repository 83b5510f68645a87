-- Whether mail reaches an address, apart from consent (issue 17): a hard bounce, or soft bounces
-- past a threshold, make it 'bounced'; one soft bounce makes it 'soft_bounced'. A constant default
-- is only catalogue work in PostgreSQL 11+, so this does not rewrite a big table.
alter table email_consent add column delivery_status varchar(16) not null default 'deliverable';
alter table email_consent add column bounced_at timestamptz;
alter table email_consent add column bounce_reason varchar(1000);

-- The few undeliverable addresses of an account, for the filter and the dashboard's counts.
create index email_consent_undeliverable_ix on email_consent (account_id, delivery_status, email_key)
    where delivery_status <> 'deliverable';

-- Every report about mail to an address (a bounce, a complaint) and every reset of its delivery
-- state by the account, as received: a report delivered twice by its source (a retried webhook, a
-- DSN sent again) has the same provider_event_id and is recorded once. Kept with the address and
-- erased with it.
create table feedback_event (
    account_id        uuid          not null,
    event_id          uuid          not null,
    email_key         varchar       not null,
    kind              varchar(16)   not null,
    source            varchar(16)   not null,
    provider_event_id varchar(255)  not null,
    mail_id           uuid,
    status            varchar(32),
    diagnostic        varchar(1000),
    actor             varchar(255)  not null,
    occurred_at       timestamptz   not null,
    received_at       timestamptz   not null,
    constraint feedback_event_pk primary key (account_id, event_id),
    constraint feedback_event_once unique (account_id, source, provider_event_id),
    constraint feedback_event_address_fk foreign key (account_id, email_key)
        references email_consent (account_id, email_key) on delete cascade
);

-- Soft bounces of an address since its last reset, within the window.
create index feedback_event_address_ix on feedback_event (account_id, email_key, occurred_at);

-- A bounce names its mail by the signed id in its return path, not by account: finding the mail
-- by its id alone must not scan a month of mail.
create index outbox_mail_id_ix on outbox_mail (mail_id);

-- Where a sending service posts its bounce and complaint events for an account: its URL is
-- /feedback/{endpoint_id} (a random id, unguessable), and each request is verified as that
-- provider signs it. Secrets Audience makes or is given (Postmark's password, Mailgun's signing key,
-- the generic endpoint's key) are sealed with the master key; SendGrid's is a public key.
create table feedback_endpoint (
    account_id    uuid          not null,
    endpoint_id   uuid          not null,
    provider      varchar(16)   not null,
    description   varchar(255),
    secret_sealed varchar(2000),
    public_key    varchar(2000),
    topic_arns    varchar(2000),
    created_at    timestamptz   not null,
    constraint feedback_endpoint_pk primary key (account_id, endpoint_id),
    constraint feedback_endpoint_id unique (endpoint_id),
    constraint feedback_endpoint_account_fk foreign key (account_id) references account (account_id)
);
