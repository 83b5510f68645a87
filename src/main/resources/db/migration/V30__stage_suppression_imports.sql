-- The rows of a suppression import (issue 17): a list of addresses another platform kept as
-- unsubscribed, bounced or complained, checked and staged in the transaction that accepts the
-- import, then applied a chunk at a time by the activity engine. Working data: deleted once the
-- import has ended (its report keeps every row's outcome).
create table suppression_row (
    account_id  uuid          not null,
    activity_id uuid          not null,
    item_number integer       not null,
    email_key   varchar,
    -- The suppression fingerprint of the address (an address erased after an opt-out comes back opted out).
    fingerprint varchar(64),
    -- unsubscribed, bounced or complained
    kind        varchar(16),
    -- Account or Contact: who opted out
    source      varchar(16),
    occurred_at timestamptz,
    evidence    varchar(500),
    outcome     varchar(16),
    reason      varchar(500),
    correctable boolean       not null default false,
    contact_id  uuid,
    constraint suppression_row_pk primary key (account_id, activity_id, item_number)
);

-- A chunk finds the earlier rows of its addresses (duplicates), and erase the person's rows, by address.
create index suppression_row_email_ix on suppression_row (account_id, activity_id, email_key);
