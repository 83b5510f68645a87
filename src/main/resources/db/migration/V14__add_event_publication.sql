-- Spring Modulith's event publication registry (schema v2 of spring-modulith-events-jdbc 2.0):
-- an event published in a transaction is stored here, in that transaction, for every listener
-- that must handle it after the commit; a publication is deleted once its listener completes, and
-- one left incomplete (a crash, a failing listener) is delivered again at the next start.
create table event_publication (
    id                     uuid not null,
    listener_id            text not null,
    event_type             text not null,
    serialized_event       text not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamp with time zone,
    constraint event_publication_pkey primary key (id)
);
/* [jooq ignore start] */
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
/* [jooq ignore stop] */
create index event_publication_by_completion_date_idx on event_publication (completion_date);

