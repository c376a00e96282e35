-- Customers: accounts (customers and suppliers, companies and people), their classes and lookups,
-- admin-defined extra fields, and everything attached to an account.

create extension if not exists pg_trgm;

-- Admin-defined lists: account categories, sectors, company-size bands.
create table customer_lookup (
    id         bigint generated always as identity primary key,
    kind       varchar(16)  not null check (kind in ('CATEGORY', 'SECTOR', 'SIZE_BAND')),
    name       varchar(120) not null,
    sort_order integer      not null default 0,
    active     boolean      not null default true,
    version    bigint       not null default 0
);
create unique index customer_lookup_name on customer_lookup (kind, lower(name));

-- Customer classes (end consumer, dealer, main dealer…) drive discounts and risk limits at sale time.
create table customer_class (
    id               bigint generated always as identity primary key,
    name             varchar(120)  not null,
    default_discount numeric(5, 2) not null default 0 check (default_discount between 0 and 100),
    risk_limit       numeric(19, 4) check (risk_limit >= 0),
    currency         char(3)       not null default 'TRY',
    active           boolean       not null default true,
    version          bigint        not null default 0
);
create unique index customer_class_name on customer_class (lower(name));

-- Extra fields an administrator defines per account category.
create table customer_field (
    id          bigint generated always as identity primary key,
    category    bigint       not null references customer_lookup (id),
    code        varchar(40)  not null check (code ~ '^[a-z][a-z0-9_]*$'),
    label       varchar(120) not null,
    type        varchar(8)   not null check (type in ('TEXT', 'NUMBER', 'DATE', 'CHOICE')),
    required    boolean      not null default false,
    choices     text[]       not null default '{}',
    sort_order  integer      not null default 0,
    active      boolean      not null default true,
    version     bigint       not null default 0,
    unique (category, code)
);

create table customer (
    id                   bigint generated always as identity primary key,
    kind                 varchar(8)     not null check (kind in ('COMPANY', 'PERSON')),
    name                 varchar(300)   not null,
    is_customer          boolean        not null default true,
    is_supplier          boolean        not null default false,
    status               varchar(10)    not null default 'ACTIVE' check (status in ('POTENTIAL', 'ACTIVE', 'PASSIVE')),
    country              char(2)        not null,
    tax_office           varchar(120),
    tax_number           varchar(20),
    email                varchar(254),
    phone                varchar(20),
    website              varchar(300),
    category             bigint references customer_lookup (id),
    sector               bigint references customer_lookup (id),
    size_band            bigint references customer_lookup (id),
    customer_class       bigint references customer_class (id),
    tags                 text[]         not null default '{}',
    salesperson          bigint references app_user (id),
    team                 bigint,
    payment_term_days    integer check (payment_term_days between 0 and 3650),
    credit_limit         numeric(19, 4) check (credit_limit >= 0),
    risk_limit           numeric(19, 4) check (risk_limit >= 0),
    currency             char(3)        not null default 'TRY',
    language             varchar(8)     not null default 'tr',
    referrer             bigint references app_user (id),
    price_list           bigint,
    e_invoice_alias      varchar(120),
    receivable_account   varchar(40),
    payable_account      varchar(40),
    birth_date           date,
    external_ref         varchar(100),
    extra_fields         text           not null default '{}',
    archived_at          timestamptz,
    search_text          text           not null default '',
    search_digits        text           not null default '',
    sort_name            text           not null default '',
    created_at           timestamptz    not null default now(),
    updated_at           timestamptz    not null default now(),
    created_by           varchar(64)    not null default 'system',
    version              bigint         not null default 0,
    check (is_customer or is_supplier)
);
create unique index customer_tax_number on customer (country, tax_number) where tax_number is not null;
create unique index customer_external_ref on customer (external_ref) where external_ref is not null;
create index customer_by_name on customer (sort_name, id) where archived_at is null;
create index customer_search on customer using gin (search_text gin_trgm_ops);
create index customer_search_digits on customer using gin (search_digits gin_trgm_ops);
create index customer_by_salesperson on customer (salesperson) where archived_at is null;
create index customer_by_tags on customer using gin (tags);
create index customer_by_class on customer (customer_class) where archived_at is null;
create index customer_by_category on customer (category) where archived_at is null;

create table customer_branch (
    id             bigint generated always as identity primary key,
    customer       bigint       not null references customer (id),
    name           varchar(200) not null,
    email          varchar(254),
    phone          varchar(20),
    address        varchar(500),
    city           varchar(120),
    manager_name   varchar(200),
    representative bigint references app_user (id),
    sales_target   numeric(19, 4) check (sales_target >= 0),
    notes          text,
    created_at     timestamptz  not null default now(),
    version        bigint       not null default 0
);
create index customer_branch_by_customer on customer_branch (customer, id);

create table customer_contact (
    id             bigint generated always as identity primary key,
    customer       bigint       not null references customer (id),
    branch         bigint references customer_branch (id) on delete set null,
    name           varchar(200) not null,
    job_title      varchar(120),
    department     varchar(120),
    email          varchar(254),
    phone          varchar(20),
    mobile         varchar(20),
    language       varchar(8),
    portal_access  boolean      not null default false,
    notes          text,
    created_at     timestamptz  not null default now(),
    version        bigint       not null default 0
);
create index customer_contact_by_customer on customer_contact (customer, id);

create table customer_address (
    id          bigint generated always as identity primary key,
    customer    bigint       not null references customer (id),
    purpose     varchar(10)  not null check (purpose in ('CONTACT', 'INVOICE', 'DELIVERY', 'OTHER')),
    label       varchar(120),
    line1       varchar(300) not null,
    line2       varchar(300),
    district    varchar(120),
    city        varchar(120) not null,
    region      varchar(120),
    postal_code varchar(20),
    country     char(2)      not null,
    created_at  timestamptz  not null default now(),
    version     bigint       not null default 0
);
create index customer_address_by_customer on customer_address (customer, id);

create table customer_bank_account (
    id         bigint generated always as identity primary key,
    customer   bigint       not null references customer (id),
    iban       varchar(34)  not null,
    bank_name  varchar(200),
    holder     varchar(200),
    currency   char(3),
    created_at timestamptz  not null default now(),
    version    bigint       not null default 0,
    unique (customer, iban)
);

-- Payment cards are kept masked only: never the full number, never the security code.
create table customer_payment_card (
    id           bigint generated always as identity primary key,
    customer     bigint      not null references customer (id),
    last4        char(4)     not null check (last4 ~ '^[0-9]{4}$'),
    expiry_month smallint    not null check (expiry_month between 1 and 12),
    expiry_year  smallint    not null check (expiry_year between 2000 and 2100),
    holder       varchar(200),
    brand        varchar(30),
    created_at   timestamptz not null default now(),
    version      bigint      not null default 0
);
create index customer_payment_card_by_customer on customer_payment_card (customer, id);

create table customer_relation (
    id         bigint generated always as identity primary key,
    customer   bigint      not null references customer (id),
    related    bigint      not null references customer (id),
    type       varchar(12) not null check (type in ('REFERRED_BY', 'FAMILY', 'COLLEAGUE')),
    note       varchar(500),
    created_at timestamptz not null default now(),
    version    bigint      not null default 0,
    check (customer <> related),
    unique (customer, related, type)
);

create table customer_agreement (
    id         bigint generated always as identity primary key,
    customer   bigint       not null references customer (id),
    title      varchar(200) not null,
    starts_on  date         not null,
    ends_on    date,
    attachment uuid,
    notes      text,
    created_at timestamptz  not null default now(),
    version    bigint       not null default 0,
    check (ends_on is null or ends_on >= starts_on)
);
create index customer_agreement_by_customer on customer_agreement (customer, id);

create table customer_note (
    id         bigint generated always as identity primary key,
    customer   bigint      not null references customer (id),
    text       text        not null,
    author     varchar(64) not null,
    created_at timestamptz not null default now(),
    version    bigint      not null default 0
);
create index customer_note_by_customer on customer_note (customer, id desc);

-- Imports run in the background; any instance can report their progress.
create table customer_import (
    id          uuid primary key,
    status      varchar(8)  not null check (status in ('RUNNING', 'DONE', 'FAILED')),
    filename    varchar(255) not null,
    total_rows  integer     not null default 0,
    processed   integer     not null default 0,
    imported    integer     not null default 0,
    updated     integer     not null default 0,
    errors      text        not null default '[]',
    started_by  bigint      not null,
    started_at  timestamptz not null default now(),
    finished_at timestamptz
);
