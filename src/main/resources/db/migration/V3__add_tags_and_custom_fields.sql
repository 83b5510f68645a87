create table contact_tag (
    account_id uuid         not null,
    tag_id     uuid         not null,
    name       varchar(255) not null,
    tag_source varchar(255),
    created_at timestamptz  not null,
    updated_at timestamptz  not null,
    constraint contact_tag_pk primary key (account_id, tag_id),
    constraint contact_tag_account_fk foreign key (account_id) references account (account_id)
);
-- Tag names are unique per account, whatever their case.
/* [jooq ignore start] */
create unique index contact_tag_name_uq on contact_tag (account_id, lower(name));
/* [jooq ignore stop] */

create table tagging (
    account_id uuid        not null,
    tag_id     uuid        not null,
    contact_id uuid        not null,
    created_at timestamptz not null,
    constraint tagging_pk primary key (account_id, tag_id, contact_id),
    constraint tagging_tag_fk foreign key (account_id, tag_id)
        references contact_tag (account_id, tag_id) on delete cascade,
    constraint tagging_contact_fk foreign key (account_id, contact_id)
        references contact (account_id, contact_id) on delete cascade
);
create index tagging_contact_ix on tagging (account_id, contact_id);

create table custom_field (
    account_id      uuid          not null,
    custom_field_id uuid          not null,
    label           varchar(50)   not null,
    name            varchar(50)   not null,
    type            varchar(20)   not null,
    metadata        varchar(2000),
    version         integer,
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null,
    constraint custom_field_pk primary key (account_id, custom_field_id),
    constraint custom_field_account_fk foreign key (account_id) references account (account_id)
);
/* [jooq ignore start] */
create unique index custom_field_name_uq on custom_field (account_id, lower(name));
/* [jooq ignore stop] */

create table custom_field_choice (
    account_id      uuid         not null,
    custom_field_id uuid         not null,
    choice_id       integer      not null,
    choice_label    varchar(255) not null,
    display_order   integer      not null,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    constraint custom_field_choice_pk primary key (account_id, custom_field_id, choice_id),
    constraint custom_field_choice_field_fk foreign key (account_id, custom_field_id)
        references custom_field (account_id, custom_field_id) on delete cascade
);

create table contact_custom_field (
    account_id      uuid          not null,
    contact_id      uuid          not null,
    custom_field_id uuid          not null,
    value           varchar(255),
    choice_ids      varchar(2000),
    position        smallint      not null,
    constraint contact_custom_field_pk primary key (account_id, contact_id, custom_field_id),
    constraint contact_custom_field_contact_fk foreign key (account_id, contact_id)
        references contact (account_id, contact_id) on delete cascade,
    constraint contact_custom_field_field_fk foreign key (account_id, custom_field_id)
        references custom_field (account_id, custom_field_id) on delete cascade
);
create index contact_custom_field_field_ix on contact_custom_field (account_id, custom_field_id);
