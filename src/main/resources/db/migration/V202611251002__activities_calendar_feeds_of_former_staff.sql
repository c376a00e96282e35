-- Calendar addresses now end with their user's credentials; those of users already deactivated or left without a
-- staff role end now, so that activating the user or giving a role back revives none.
delete from calendar_feed f
where not exists (select 1 from app_user u where u.id = f.app_user and u.active)
   or not exists (select 1 from user_role r where r.app_user = f.app_user and r.role <> 'PORTAL');
