-- Notices shown to a person in the app, such as work handed to them.
create table app_notification (
    id         bigint generated always as identity primary key,
    recipient  bigint not null references app_user (id),
    message    varchar(40) not null,
    arguments  text not null default '[]',
    link       varchar(300),
    created_at timestamptz not null default now(),
    read_at    timestamptz
);
create index app_notification_unread on app_notification (recipient, id) where read_at is null;
