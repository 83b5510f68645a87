-- Webhooks (an extension): an account's subscriptions, the events they are sent, and each delivery.
create table webhook (
    account_id            uuid          not null,
    webhook_id            uuid          not null,
    url                   varchar(2000) not null,
    events                varchar(40)[] not null,
    description           varchar(500),
    enabled               boolean       not null,
    -- The signing secret, sealed with the master key; after a rotation the previous one signs too
    -- until previous_secret_until, so receivers can switch without losing a delivery.
    secret_sealed         varchar(200)  not null,
    previous_secret_sealed varchar(200),
    previous_secret_until timestamptz,
    -- Since when every delivery to it has failed (null: the last one succeeded); past the limit
    -- the endpoint is disabled and says why.
    failing_since         timestamptz,
    disabled_reason       varchar(500),
    created_at            timestamptz   not null,
    updated_at            timestamptz   not null,
    constraint webhook_pk primary key (account_id, webhook_id),
    constraint webhook_account_fk foreign key (account_id) references account (account_id)
);

-- An event, written in the transaction of the change it tells of: none is lost, none is sent for
-- a change that rolled back. Its body is the exact JSON every subscription receives.
create table webhook_event (
    account_id   uuid         not null,
    event_id     uuid         not null,
    type         varchar(40)  not null,
    -- The contact it is about (its id), so an erase can take every event about the person back.
    ordering_key varchar(80)  not null,
    occurred_at  timestamptz  not null,
    payload      text         not null,
    constraint webhook_event_pk primary key (account_id, event_id)
);
create index webhook_event_key on webhook_event (account_id, ordering_key);

-- One event for one subscription. Deliveries of one contact to one endpoint go in seq order:
-- the next waits while an earlier one is pending.
create table webhook_delivery (
    account_id       uuid          not null,
    delivery_id      uuid          not null,
    webhook_id       uuid          not null,
    event_id         uuid          not null,
    seq              bigint        generated always as identity,
    ordering_key     varchar(80)   not null,
    status           varchar(16)   not null,
    attempts         integer       not null default 0,
    next_attempt_at  timestamptz   not null,
    locked_until     timestamptz,
    last_attempt_at  timestamptz,
    response_status  integer,
    latency_ms       integer,
    last_error       varchar(500),
    response_excerpt varchar(1024),
    created_at       timestamptz   not null,
    completed_at     timestamptz,
    constraint webhook_delivery_pk primary key (account_id, delivery_id),
    constraint webhook_delivery_webhook_fk foreign key (account_id, webhook_id)
        references webhook (account_id, webhook_id) on delete cascade,
    constraint webhook_delivery_event_fk foreign key (account_id, event_id)
        references webhook_event (account_id, event_id)
);
create unique index webhook_delivery_id_uq on webhook_delivery (delivery_id);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'pending';
create index webhook_delivery_order on webhook_delivery (webhook_id, ordering_key, seq) where status = 'pending';
create index webhook_delivery_log on webhook_delivery (account_id, webhook_id, seq desc);
