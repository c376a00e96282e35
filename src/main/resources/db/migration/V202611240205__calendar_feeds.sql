-- The secret addresses calendar apps subscribe to: one per user, kept only as a hash; a new one replaces the old.
create table calendar_feed (
    app_user   bigint primary key references app_user (id) on delete cascade,
    token_hash char(64) not null unique,
    created_at timestamptz not null default now()
);
