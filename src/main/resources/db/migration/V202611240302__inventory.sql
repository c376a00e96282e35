-- Inventory: warehouses and their locations, the stock ledger (immutable moves with lines), the stock figures
-- derived from it, reservations, lots and serial numbers.
create table warehouse (
    id         bigint generated always as identity primary key,
    code       varchar(20)  not null,
    name       varchar(120) not null,
    address    varchar(500),
    active     boolean      not null default true,
    created_at timestamptz  not null default now(),
    version    bigint       not null default 0
);
create unique index warehouse_code on warehouse (lower(code));

create table warehouse_location (
    id        bigint generated always as identity primary key,
    warehouse bigint      not null references warehouse (id),
    code      varchar(40) not null,
    name      varchar(120),
    active    boolean     not null default true
);
create unique index warehouse_location_code on warehouse_location (warehouse, lower(code));

create table stock_move (
    id            bigint generated always as identity primary key,
    number        varchar(30)  not null unique,
    type          varchar(10)  not null check (type in ('RECEIPT', 'ISSUE', 'TRANSFER', 'ADJUSTMENT')),
    warehouse     bigint       not null references warehouse (id),
    to_warehouse  bigint references warehouse (id),
    reason        varchar(300),
    reference     varchar(120),
    customer      bigint references customer (id),
    moved_at      timestamptz  not null default now(),
    created_by    varchar(64)  not null,
    check ((type = 'TRANSFER') = (to_warehouse is not null)),
    check (to_warehouse is null or to_warehouse <> warehouse)
);
create index stock_move_by_date on stock_move (moved_at desc, id desc);

-- Quantities are in the product's own unit (base_quantity) and as entered (quantity, unit). An adjustment line
-- may be negative; every other line is positive.
create table stock_move_line (
    id            bigint generated always as identity primary key,
    move          bigint         not null references stock_move (id),
    product       bigint         not null references product (id),
    quantity      numeric(19, 4) not null,
    unit          bigint         not null references unit_of_measure (id),
    base_quantity numeric(19, 4) not null,
    lot           varchar(60)    not null default '',
    expiry        date,
    reservation   bigint,
    check (base_quantity <> 0)
);
create index stock_move_line_by_move on stock_move_line (move);
create index stock_move_line_by_product on stock_move_line (product, id);

-- What is on hand per product, warehouse and lot ('' for products without lots). Kept in the transaction that
-- writes the move, never below zero.
create table stock_lot_balance (
    product   bigint         not null references product (id),
    warehouse bigint         not null references warehouse (id),
    lot       varchar(60)    not null,
    expiry    date,
    on_hand   numeric(19, 4) not null check (on_hand >= 0),
    primary key (product, warehouse, lot)
);
create index stock_lot_balance_by_expiry on stock_lot_balance (product, warehouse, expiry nulls last, lot) where on_hand > 0;

-- The figures per product and warehouse: the sum of the lots, what is promised, and what is on its way.
create table stock_level (
    product   bigint         not null references product (id),
    warehouse bigint         not null references warehouse (id),
    on_hand   numeric(19, 4) not null default 0,
    reserved  numeric(19, 4) not null default 0 check (reserved >= 0),
    incoming  numeric(19, 4) not null default 0 check (incoming >= 0),
    updated_at timestamptz   not null default now(),
    primary key (product, warehouse),
    check (on_hand >= reserved)
);
create index stock_level_by_warehouse on stock_level (warehouse, product);

create table stock_reservation (
    id          bigint generated always as identity primary key,
    product     bigint         not null references product (id),
    warehouse   bigint         not null references warehouse (id),
    quantity    numeric(19, 4) not null check (quantity > 0),
    -- What it is for: free text until documents exist, then the document type and id.
    reference   varchar(120)   not null,
    ref_type    varchar(40),
    ref_id      bigint,
    customer    bigint references customer (id),
    serial      bigint,
    status      varchar(8)     not null default 'ACTIVE' check (status in ('ACTIVE', 'RELEASED', 'CONSUMED')),
    created_by  varchar(64)    not null,
    created_at  timestamptz    not null default now(),
    closed_at   timestamptz
);
create index stock_reservation_active on stock_reservation (product, warehouse) where status = 'ACTIVE';

create table serial_number (
    id           bigint generated always as identity primary key,
    product      bigint      not null references product (id),
    serial       varchar(80) not null,
    status       varchar(10) not null check (status in ('IN_STOCK', 'RESERVED', 'SOLD', 'IN_SERVICE', 'SCRAPPED')),
    warehouse    bigint references warehouse (id),
    location     bigint references warehouse_location (id),
    lot          varchar(60),
    customer     bigint references customer (id),
    received_at  timestamptz not null default now(),
    sold_at      timestamptz,
    warranty_end date,
    version      bigint      not null default 0
);
create unique index serial_number_once on serial_number (product, serial);
create index serial_number_by_serial on serial_number (serial);
create index serial_number_in_stock on serial_number (product, warehouse, id) where status = 'IN_STOCK';

create table serial_event (
    id        bigint generated always as identity primary key,
    serial    bigint      not null references serial_number (id),
    event     varchar(12) not null,
    status    varchar(10) not null,
    warehouse bigint references warehouse (id),
    customer  bigint references customer (id),
    move      bigint references stock_move (id),
    reference varchar(120),
    at        timestamptz not null default now(),
    by_user   varchar(64) not null
);
create index serial_event_by_serial on serial_event (serial, id);

create table stock_move_serial (
    line   bigint not null references stock_move_line (id),
    serial bigint not null references serial_number (id),
    primary key (line, serial)
);

alter table stock_reservation add foreign key (serial) references serial_number (id);
