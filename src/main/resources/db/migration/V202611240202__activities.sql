-- Activities planned on records (accounts, opportunities, later leads and documents) and their types.
create table activity_type (
    id            bigint generated always as identity primary key,
    name          varchar(80) not null,
    category      varchar(12) not null check (category in ('EMAIL', 'CALL', 'MEETING', 'TODO', 'OTHER')),
    default_summary varchar(200),
    delay_days    integer not null default 0 check (delay_days between 0 and 3650),
    next_type     bigint references activity_type (id),
    active        boolean not null default true,
    version       bigint not null default 0
);
create unique index activity_type_name on activity_type (lower(name));

insert into activity_type (name, category, delay_days) values ('Email', 'EMAIL', 2), ('Call', 'CALL', 2),
    ('Meeting', 'MEETING', 5), ('To-do', 'TODO', 5);
update activity_type set next_type = (select id from activity_type where name = 'Email'), default_summary = 'Follow-up call'
where name = 'Call';
update activity_type set next_type = (select id from activity_type where name = 'To-do'), default_summary = 'Meeting'
where name = 'Meeting';
update activity_type set default_summary = 'Send the minutes and next steps' where name = 'To-do';

create table activity (
    id           bigint generated always as identity primary key,
    type         bigint not null references activity_type (id),
    summary      varchar(200) not null,
    note         text,
    subject_type varchar(12) not null check (subject_type in ('CUSTOMER', 'OPPORTUNITY', 'LEAD')),
    subject_id   bigint not null,
    assignee     bigint not null references app_user (id),
    due_date     date not null,
    status       varchar(9) not null default 'PLANNED' check (status in ('PLANNED', 'DONE', 'CANCELLED')),
    feedback     text,
    done_at      timestamptz,
    done_by      bigint references app_user (id),
    previous     bigint references activity (id),
    created_at   timestamptz not null default now(),
    created_by   bigint references app_user (id),
    version      bigint not null default 0
);
-- "My day": a person's planned activities by due date.
create index activity_planned_by_assignee on activity (assignee, due_date, id) where status = 'PLANNED';
create index activity_by_subject on activity (subject_type, subject_id, due_date);
