-- Sales teams, their pipelines and the opportunities on them.
create table sales_team (
    id             bigint generated always as identity primary key,
    name           varchar(120) not null,
    leader         bigint references app_user (id),
    alias          varchar(120),
    region         varchar(120),
    monthly_target numeric(19, 4) check (monthly_target >= 0),
    currency       char(3) not null default 'TRY',
    active         boolean not null default true,
    created_at     timestamptz not null default now(),
    version        bigint not null default 0
);
create unique index sales_team_name on sales_team (lower(name));

create table sales_team_member (
    team   bigint not null references sales_team (id) on delete cascade,
    member bigint not null references app_user (id),
    primary key (team, member)
);
create index sales_team_member_by_user on sales_team_member (member);

create table pipeline_stage (
    id          bigint generated always as identity primary key,
    team        bigint not null references sales_team (id),
    name        varchar(80) not null,
    sequence    integer not null,
    probability integer not null check (probability between 0 and 100),
    folded      boolean not null default false,
    won         boolean not null default false,
    version     bigint not null default 0
);
create unique index pipeline_stage_name on pipeline_stage (team, lower(name));
create index pipeline_stage_by_team on pipeline_stage (team, sequence, id);

create table lost_reason (
    id     bigint generated always as identity primary key,
    name   varchar(120) not null,
    active boolean not null default true
);
create unique index lost_reason_name on lost_reason (lower(name));

create table opportunity (
    id                 bigint generated always as identity primary key,
    title              varchar(200) not null,
    customer           bigint references customer (id),
    prospect_name      varchar(200),
    email              varchar(254),
    phone              varchar(20),
    expected_revenue   numeric(19, 4) not null default 0 check (expected_revenue >= 0),
    currency           char(3) not null default 'TRY',
    probability        integer not null check (probability between 0 and 100),
    probability_manual boolean not null default false,
    priority           smallint not null default 0 check (priority between 0 and 3),
    tags               text[] not null default '{}',
    expected_close     date,
    salesperson        bigint references app_user (id),
    team               bigint not null references sales_team (id),
    stage              bigint not null references pipeline_stage (id),
    rank               bigint not null,
    status             varchar(8) not null default 'OPEN' check (status in ('OPEN', 'WON', 'LOST')),
    source             varchar(120),
    lost_reason        bigint references lost_reason (id),
    lost_note          text,
    closed_at          timestamptz,
    notes              text,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    created_by         varchar(64) not null,
    version            bigint not null default 0,
    check (status <> 'LOST' or lost_reason is not null)
);
-- The board: the cards of a stage in their order; lost ones leave it.
create index opportunity_board on opportunity (stage, rank, id) where status <> 'LOST';
create index opportunity_by_customer on opportunity (customer);
create index opportunity_by_salesperson on opportunity (salesperson, status);
create index opportunity_by_team on opportunity (team, status);

-- A first team and pipeline, so that opportunities can be entered on day one; administrators rename them.
insert into sales_team (name) values ('Sales');
insert into pipeline_stage (team, name, sequence, probability, won)
select t.id, s.name, s.sequence, s.probability, s.won
from sales_team t, (values ('New', 10, 10, false), ('Qualified', 20, 30, false), ('Proposition', 30, 60, false),
                           ('Negotiation', 40, 80, false), ('Won', 50, 100, true)) as s (name, sequence, probability, won);
insert into lost_reason (name) values ('Too expensive'), ('We lack the skills'), ('Not enough stock');
