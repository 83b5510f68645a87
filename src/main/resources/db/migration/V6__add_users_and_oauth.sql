-- People who sign in to authorise apps. An email signs in to one account (the login form has no
-- account field), so it is unique across the installation.
create table account_user (
    account_id      uuid         not null,
    user_id         uuid         not null,
    email_key       varchar      not null,
    email_address   varchar(80)  not null,
    password_hash   varchar(200) not null,
    role            varchar(32)  not null,
    -- Failed sign-ins since the last good one, and until when sign-in is refused (throttling).
    failed_logins   integer      not null default 0,
    locked_until    timestamptz,
    created_at      timestamptz  not null,
    constraint account_user_pk primary key (account_id, user_id),
    constraint account_user_account_fk foreign key (account_id) references account (account_id),
    constraint account_user_email_uq unique (email_key),
    constraint account_user_role_ck check (role in ('account_owner', 'account_manager', 'campaign_creator'))
);

-- Which account registered an app: only that account's users can authorise it.
create table oauth_client (
    account_id uuid         not null,
    client_id  varchar(100) not null,
    name       varchar(255) not null,
    is_public  boolean      not null,
    created_at timestamptz  not null,
    constraint oauth_client_pk primary key (client_id),
    constraint oauth_client_account_fk foreign key (account_id) references account (account_id)
);
create index oauth_client_account_ix on oauth_client (account_id);

-- The key that signs access tokens, made once and shared by every instance, so tokens outlive a
-- restart and any instance accepts them.
create table oauth_signing_key (
    key_id      varchar(64)  not null,
    private_key bytea        not null,
    public_key  bytea        not null,
    created_at  timestamptz  not null,
    constraint oauth_signing_key_pk primary key (key_id)
);

-- Refresh tokens already exchanged (as SHA-256 hashes) and the grant they belonged to: presenting
-- one again is a sign it was stolen, and revokes the grant.
create table oauth_used_refresh_token (
    token_hash       varchar      not null,
    authorization_id varchar(100) not null,
    used_at          timestamptz  not null,
    constraint oauth_used_refresh_token_pk primary key (token_hash)
);
create index oauth_used_refresh_token_grant_ix on oauth_used_refresh_token (authorization_id);

-- Spring Authorization Server's tables, as its schema files give them, with PostgreSQL's types
-- (text for blob, timestamptz for timestamp) as they direct.
create table oauth2_registered_client (
    id                            varchar(100)  not null,
    client_id                     varchar(100)  not null,
    client_id_issued_at           timestamptz   default current_timestamp not null,
    client_secret                 varchar(200)  default null,
    client_secret_expires_at      timestamptz   default null,
    client_name                   varchar(200)  not null,
    client_authentication_methods varchar(1000) not null,
    authorization_grant_types     varchar(1000) not null,
    redirect_uris                 varchar(1000) default null,
    post_logout_redirect_uris     varchar(1000) default null,
    scopes                        varchar(1000) not null,
    client_settings               varchar(2000) not null,
    token_settings                varchar(2000) not null,
    constraint oauth2_registered_client_pk primary key (id),
    constraint oauth2_registered_client_client_id_uq unique (client_id)
);

create table oauth2_authorization (
    id                            varchar(100)  not null,
    registered_client_id          varchar(100)  not null,
    principal_name                varchar(200)  not null,
    authorization_grant_type      varchar(100)  not null,
    authorized_scopes             varchar(1000) default null,
    attributes                    text          default null,
    state                         varchar(500)  default null,
    authorization_code_value      text          default null,
    authorization_code_issued_at  timestamptz   default null,
    authorization_code_expires_at timestamptz   default null,
    authorization_code_metadata   text          default null,
    access_token_value            text          default null,
    access_token_issued_at        timestamptz   default null,
    access_token_expires_at       timestamptz   default null,
    access_token_metadata         text          default null,
    access_token_type             varchar(100)  default null,
    access_token_scopes           varchar(1000) default null,
    oidc_id_token_value           text          default null,
    oidc_id_token_issued_at       timestamptz   default null,
    oidc_id_token_expires_at      timestamptz   default null,
    oidc_id_token_metadata        text          default null,
    refresh_token_value           text          default null,
    refresh_token_issued_at       timestamptz   default null,
    refresh_token_expires_at      timestamptz   default null,
    refresh_token_metadata        text          default null,
    user_code_value               text          default null,
    user_code_issued_at           timestamptz   default null,
    user_code_expires_at          timestamptz   default null,
    user_code_metadata            text          default null,
    device_code_value             text          default null,
    device_code_issued_at         timestamptz   default null,
    device_code_expires_at        timestamptz   default null,
    device_code_metadata          text          default null,
    constraint oauth2_authorization_pk primary key (id)
);
-- The server finds a grant by the token or code presented; without these each lookup reads the table.
/* [jooq ignore start] */
create index oauth2_authorization_state_ix on oauth2_authorization using hash (state);
create index oauth2_authorization_code_ix on oauth2_authorization using hash (authorization_code_value);
create index oauth2_authorization_access_ix on oauth2_authorization using hash (access_token_value);
create index oauth2_authorization_refresh_ix on oauth2_authorization using hash (refresh_token_value);
/* [jooq ignore stop] */

create table oauth2_authorization_consent (
    registered_client_id varchar(100)  not null,
    principal_name       varchar(200)  not null,
    authorities          varchar(1000) not null,
    constraint oauth2_authorization_consent_pk primary key (registered_client_id, principal_name)
);
