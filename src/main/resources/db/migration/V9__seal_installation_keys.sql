-- The installation's keys are kept encrypted with a master key that is not in the database (the
-- service's AUDIENCE_MASTER_KEY, or a file in its data folder). The service seals the keys stored
-- in clear before (it alone has the master key) and clears those columns.
alter table installation_secret alter column secret drop not null;
alter table installation_secret add column sealed varchar(200);

alter table oauth_signing_key alter column private_key drop not null;
alter table oauth_signing_key add column private_key_sealed varchar(4000);
