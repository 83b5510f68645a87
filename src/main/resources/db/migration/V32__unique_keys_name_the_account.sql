-- Ready to distribute (issue 18): on Citus every tenant table is distributed by account_id, and a
-- unique index of a distributed table must hold account_id. These four held a public id alone.
-- Each primary key (account_id, id) keeps the id unique in its account; across accounts the ids
-- are random (time-ordered UUIDs with 74 random bits, unsubscribe tokens of at least 244 random bits), and
-- the lookups by the public id alone keep an index of their own.
alter table unsubscribe_link drop constraint unsubscribe_link_token_uq;
create index unsubscribe_link_token_ix on unsubscribe_link (token);

alter table sign_up_form drop constraint sign_up_form_id_uq;
create index sign_up_form_id_ix on sign_up_form (form_id);

alter table feedback_endpoint drop constraint feedback_endpoint_id;
create index feedback_endpoint_id_ix on feedback_endpoint (endpoint_id);

-- Every statement names a delivery with its account (the primary key serves them).
drop index webhook_delivery_id_uq;
