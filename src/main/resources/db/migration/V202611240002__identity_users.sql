-- Identity: users and their roles, API tokens, login throttling.

create table app_user (
    id                  bigint generated always as identity primary key,
    username            varchar(64)  not null,
    display_name        varchar(200) not null,
    email               varchar(254),
    language            varchar(8)   not null default 'en' check (language in ('en', 'tr', 'fa')),
    calendar            varchar(16)  not null default 'GREGORIAN' check (calendar in ('GREGORIAN', 'SOLAR_HIJRI')),
    password_hash       text         not null,
    active              boolean      not null default true,
    password_changed_at timestamptz  not null default now(),
    created_at          timestamptz  not null default now(),
    updated_at          timestamptz  not null default now(),
    search_text         text         not null default '',
    version             bigint       not null default 0
);
create unique index app_user_username on app_user (lower(username));
create unique index app_user_email on app_user (lower(email)) where email is not null;

create table user_role (
    app_user bigint      not null references app_user (id) on delete cascade,
    role     varchar(32) not null,
    primary key (app_user, role)
);

create table api_token (
    id           bigint generated always as identity primary key,
    app_user     bigint       not null references app_user (id) on delete cascade,
    name         varchar(100) not null,
    token_hash   char(64)     not null unique,
    token_hint   varchar(16)  not null,
    created_at   timestamptz  not null default now(),
    expires_at   timestamptz  not null,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index api_token_by_user on api_token (app_user, id);

create table login_throttle (
    throttle_key      text        primary key,
    failures          integer     not null,
    window_started_at timestamptz not null,
    blocked_until     timestamptz
);
