-- Bulk activities run by workers: an activity is leased by one worker at a time and advances in
-- chunks, each chunk committed with the outcome of its rows and the position to resume from.
alter table activity add column payload varchar(20000);
alter table activity add column items_total_count integer not null default 0;
alter table activity add column items_completed_count integer not null default 0;
alter table activity add column person_count integer not null default 0;
alter table activity add column error_count integer not null default 0;
alter table activity add column correctable_count integer not null default 0;
alter table activity add column cannot_add_to_list_count integer not null default 0;
alter table activity add column list_count integer not null default 0;
alter table activity add column next_item integer not null default 0;
alter table activity add column lease_owner uuid;
alter table activity add column lease_until timestamptz;
alter table activity add column started_at timestamptz;
alter table activity add column completed_at timestamptz;
alter table activity add column activity_error varchar(2000);
create index activity_due_ix on activity (state, created_at);

-- The rows of an activity, staged when it is accepted; each row ends with its outcome.
create table activity_item (
    account_id  uuid          not null,
    activity_id uuid          not null,
    item_number integer       not null,
    email_key   varchar,
    data        varchar(20000) not null,
    outcome     varchar(16),
    reason      varchar(500),
    contact_id  uuid,
    constraint activity_item_pk primary key (account_id, activity_id, item_number),
    constraint activity_item_activity_fk foreign key (account_id, activity_id)
        references activity (account_id, activity_id) on delete cascade
);
create index activity_item_email_ix on activity_item (account_id, activity_id, email_key);
