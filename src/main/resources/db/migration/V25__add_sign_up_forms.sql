-- Hosted sign-up forms (an extension): the account's form definitions. A form is deleted softly so
-- the consent events that name it keep pointing at a form and its wording.
create table sign_up_form (
    account_id       uuid          not null,
    form_id          uuid          not null,
    name             varchar(255)  not null,
    list_ids         uuid[]        not null,
    success_message  varchar(1000),
    redirect_url     varchar(2048),
    allowed_origins  varchar(300)[] not null,
    current_version  integer       not null,
    created_at       timestamptz   not null,
    updated_at       timestamptz   not null,
    deleted_at       timestamptz,
    constraint sign_up_form_pk primary key (account_id, form_id),
    constraint sign_up_form_account_fk foreign key (account_id) references account (account_id),
    -- The public page is reached by the form id alone.
    constraint sign_up_form_id_uq unique (form_id)
);

-- The fields a form asks besides the email address, in the order it shows them: a contact field
-- by its wire name or a custom field by its id. A deleted custom field drops out of the form.
create table sign_up_form_field (
    account_id       uuid         not null,
    form_id          uuid         not null,
    position         integer      not null,
    field_name       varchar(40),
    custom_field_id  uuid,
    label            varchar(100) not null,
    required         boolean      not null,
    constraint sign_up_form_field_pk primary key (account_id, form_id, position),
    constraint sign_up_form_field_form_fk foreign key (account_id, form_id)
        references sign_up_form (account_id, form_id) on delete cascade,
    constraint sign_up_form_field_one_kind check ((field_name is null) <> (custom_field_id is null))
);

-- Every wording a form has shown: an edit of the consent text makes a new version, old ones stay,
-- so the evidence of a sign-up names exactly what the person read.
create table sign_up_form_version (
    account_id    uuid        not null,
    form_id       uuid        not null,
    version       integer     not null,
    consent_text  text        not null,
    created_at    timestamptz not null,
    constraint sign_up_form_version_pk primary key (account_id, form_id, version),
    constraint sign_up_form_version_form_fk foreign key (account_id, form_id)
        references sign_up_form (account_id, form_id)
);

-- A proof-of-work challenge that was used: each solves one submission only. Rows past their
-- expiry are useless (an expired challenge is refused anyway) and housekeeping deletes them.
create table form_challenge_spent (
    challenge   varchar(64) not null,
    expires_at  timestamptz not null,
    constraint form_challenge_spent_pk primary key (challenge)
);
create index form_challenge_spent_expiry on form_challenge_spent (expires_at);

-- The form and the version of its wording a consent event was given through; null: not a hosted form.
alter table consent_event
    add column form_id uuid,
    add column form_version integer;
