-- The console's dashboard counts contacts by state and charts sign-ups, opt-outs and deletions per
-- day; each index lets one of its queries read an index range of one account instead of its rows.

-- Deletions per day (a range of deleted_at) and the active and deleted counts, from the index alone.
create index contact_deleted_ix on contact (account_id, deleted_at);

/* [jooq ignore start] */
-- Opt-outs per day: only the events that unsubscribed an address, by time.
create index consent_event_opt_out_ix on consent_event (account_id, occurred_at)
    where to_permission = 'unsubscribed';
-- The few addresses the counts by state single out (with their key, to find their contact), without
-- reading every address of the account.
create index email_consent_held_ix on email_consent (account_id, permission_to_send, email_key)
    where permission_to_send in ('unsubscribed', 'pending_confirmation');
/* [jooq ignore stop] */
