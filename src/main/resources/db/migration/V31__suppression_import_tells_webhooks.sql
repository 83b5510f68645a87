-- A suppression import tells webhooks of the rows that changed a contact's address (issue 17)
-- through the same batches as contact imports: a batch names the staging table whose rows it
-- holds, so the expander asks the module that owns them.
alter table webhook_batch add column staged_in varchar(32) not null default 'import_row';
alter table webhook_batch alter column staged_in drop default;

-- A row whose events were made early, because a later change of its contact was about to be told
-- first: the batch skips it when it gets there.
alter table suppression_row add column announced boolean not null default false;
