-- Login throttling counts attempts as they arrive, before the password is checked, not failures afterwards.
alter table login_throttle rename column failures to attempts;

-- Deactivating a user now revokes their API tokens for good; tokens of users deactivated before stay revoked
-- when the user is activated again.
update api_token set revoked_at = now()
where revoked_at is null and app_user in (select id from app_user where not active);
