-- Imports tell webhooks of every row, a chunk at a time, with one INSERT ... SELECT per event type.
-- Such an event's data (the contact as the API shows it) is made when it is sent: the outbox then
-- holds no copy of the contact, and a million-row import writes no million JSON documents.
alter table webhook_event alter column payload drop not null;
-- What such an event needs besides its contact to be made when sent (list_membership.added: the
-- ids of the lists the row added the contact to, as a JSON array).
alter table webhook_event add column detail varchar(4000);

-- A row that brought a deleted contact back (contact.revived rather than contact.updated); set
-- before the update that revives it, since afterwards the contact no longer says it was deleted.
alter table import_row add column revived boolean not null default false;
