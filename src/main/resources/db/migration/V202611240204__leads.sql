-- Leads: raw contacts from campaigns, fairs and the web, followed up until they become opportunities.
create table lead (
    id               bigint generated always as identity primary key,
    title            varchar(200) not null,
    contact_name     varchar(200),
    company_name     varchar(200),
    email            varchar(254),
    phone            varchar(20),
    country          char(2) not null default 'TR',
    source           varchar(120),
    campaign         varchar(120),
    expected_revenue numeric(19, 4) not null default 0 check (expected_revenue >= 0),
    currency         char(3) not null default 'TRY',
    priority         smallint not null default 0 check (priority between 0 and 3),
    tags             text[] not null default '{}',
    salesperson      bigint references app_user (id),
    team             bigint not null references sales_team (id),
    notes            text,
    status           varchar(12) not null default 'NEW'
                     check (status in ('NEW', 'QUALIFIED', 'CONVERTED', 'DISQUALIFIED')),
    disqualify_reason text,
    opportunity      bigint references opportunity (id),
    customer         bigint references customer (id),
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    created_by       varchar(64) not null,
    version          bigint not null default 0,
    check (status <> 'CONVERTED' or opportunity is not null),
    check (status <> 'DISQUALIFIED' or disqualify_reason is not null)
);
create index lead_open on lead (team, status, id) where status in ('NEW', 'QUALIFIED');
create index lead_by_salesperson on lead (salesperson, status);
alter table opportunity add column lead bigint references lead (id);
