-- OAuth codes, access tokens and refresh tokens are kept only as SHA-256 hashes, like API tokens:
-- the server looks a presented value up by its hash. Values written before are hashed here.
/* [jooq ignore start] */
update oauth2_authorization
   set authorization_code_value = 'sha256:' || encode(sha256(convert_to(authorization_code_value, 'UTF8')), 'hex')
 where authorization_code_value is not null and authorization_code_value not like 'sha256:%';
update oauth2_authorization
   set access_token_value = 'sha256:' || encode(sha256(convert_to(access_token_value, 'UTF8')), 'hex')
 where access_token_value is not null and access_token_value not like 'sha256:%';
update oauth2_authorization
   set refresh_token_value = 'sha256:' || encode(sha256(convert_to(refresh_token_value, 'UTF8')), 'hex')
 where refresh_token_value is not null and refresh_token_value not like 'sha256:%';
update oauth_used_refresh_token
   set token_hash = 'sha256:' || token_hash
 where token_hash not like 'sha256:%';
/* [jooq ignore stop] */
