-- The operator can disable an account: its tokens, users and apps are refused until it is enabled
-- again, and its data is kept.
alter table account add column disabled_at timestamptz;

-- API tokens can be listed (by a prefix that is not secret: the token's first characters), show
-- when they were last used (to the minute), and be revoked; a revoked token is kept, so that
-- the actor named in consent history stays traceable.
alter table api_token add column prefix varchar(16);
alter table api_token add column last_used_at timestamptz;
alter table api_token add column revoked_at timestamptz;

-- OAuth access tokens revoked before they expire, by their jti: the API refuses them until their
-- expiry, whatever refreshes of the grant follow. A row is useless after expires_at.
create table oauth_revoked_access_token (
    token_id         varchar(100) not null,
    authorization_id varchar(100) not null,
    expires_at       timestamptz  not null,
    revoked_at       timestamptz  not null,
    constraint oauth_revoked_access_token_pk primary key (token_id)
);
create index oauth_revoked_access_token_expiry_ix on oauth_revoked_access_token (expires_at);
