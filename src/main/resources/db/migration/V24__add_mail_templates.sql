-- The account's own words for the mail that asks a person to confirm (sign-up and resubscribe):
-- a null part means the default of that part. The postal address is shown in that mail (CAN-SPAM).
create table mail_template (
    account_id uuid          not null,
    purpose    varchar(16)   not null,
    subject    varchar(200),
    text_body  varchar(10000),
    html_body  varchar(50000),
    updated_at timestamptz   not null,
    constraint mail_template_pk primary key (account_id, purpose),
    constraint mail_template_account_fk foreign key (account_id) references account (account_id)
);

alter table account_settings add column physical_address varchar(500);

-- The HTML part of a mail, sent beside the text as multipart/alternative; null: text only.
alter table outbox_mail add column html_body varchar;
