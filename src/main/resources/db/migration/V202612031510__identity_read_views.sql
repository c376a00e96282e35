-- What other modules may read of people: a name for their lists, the address and language a mail goes to, and
-- whether the person still works here. Never a password or a token. A module's tables are its own; others read
-- the views named *_ref it offers (docs/architecture.md, "Read views and table ownership").
create view user_ref as
select id, username, display_name, email, language, active from app_user;
