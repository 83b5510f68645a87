-- SMTP is called outside any transaction: a worker claims a due mail (claimed_by, claimed_until),
-- commits, sends, then records the result only if the claim is still its own. A claim never
-- recorded (the process died) lets the mail become due again once claimed_until has passed.
alter table outbox_mail add column claimed_by uuid;
alter table outbox_mail add column claimed_until timestamptz;
-- The SMTP reply code of the last failure; a permanent one (5xx) ends the mail as 'failed'.
alter table outbox_mail add column reply_code integer;
