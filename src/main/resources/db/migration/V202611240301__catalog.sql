-- The catalog: units, categories, products and services with their barcodes, attributes and variants, links,
-- suppliers, competitors' prices, and the price lists that say what a customer pays.
create table unit_of_measure (
    id        bigint generated always as identity primary key,
    code      varchar(20)    not null,
    name      varchar(80)    not null,
    -- A unit converts to its base unit by a factor (a box of 12 is 12 pieces); a base unit has none.
    base_unit bigint references unit_of_measure (id),
    factor    numeric(19, 6) not null default 1 check (factor > 0),
    active    boolean        not null default true,
    check ((base_unit is null and factor = 1) or base_unit is not null)
);
create unique index unit_of_measure_code on unit_of_measure (lower(code));

insert into unit_of_measure (code, name) values ('PCS', 'Piece'), ('KG', 'Kilogram'), ('M', 'Metre'), ('L', 'Litre'),
    ('H', 'Hour');
insert into unit_of_measure (code, name, base_unit, factor)
select 'BOX12', 'Box of 12', id, 12 from unit_of_measure where code = 'PCS'
union all select 'PAIR', 'Pair', id, 2 from unit_of_measure where code = 'PCS'
union all select 'G', 'Gram', id, 0.001 from unit_of_measure where code = 'KG'
union all select 'T', 'Tonne', id, 1000 from unit_of_measure where code = 'KG'
union all select 'CM', 'Centimetre', id, 0.01 from unit_of_measure where code = 'M'
union all select 'ML', 'Millilitre', id, 0.001 from unit_of_measure where code = 'L';

create table product_category (
    id      bigint generated always as identity primary key,
    parent  bigint references product_category (id),
    name    varchar(120) not null,
    version bigint       not null default 0
);
create unique index product_category_name on product_category (coalesce(parent, 0), lower(name));

create table product (
    id                bigint generated always as identity primary key,
    code              varchar(60)    not null,
    name              varchar(200)   not null,
    -- Names in other languages, by language code: {"tr": "…", "fa": "…"}.
    translations      jsonb          not null default '{}',
    kind              varchar(10)    not null default 'GOOD' check (kind in ('GOOD', 'SERVICE')),
    category          bigint references product_category (id),
    unit              bigint         not null references unit_of_measure (id),
    brand             varchar(120),
    model             varchar(120),
    manufacturer_code varchar(120),
    length_cm         numeric(12, 3) check (length_cm >= 0),
    width_cm          numeric(12, 3) check (width_cm >= 0),
    height_cm         numeric(12, 3) check (height_cm >= 0),
    weight_kg         numeric(12, 3) check (weight_kg >= 0),
    vat_rate          numeric(5, 2)  not null default 20 check (vat_rate between 0 and 100),
    sales_account     varchar(40),
    purchase_account  varchar(40),
    standard_cost     numeric(19, 4) check (standard_cost >= 0),
    sale_price        numeric(19, 4) check (sale_price >= 0),
    currency          char(3)        not null default 'TRY',
    active            boolean        not null default true,
    stage             varchar(12)    not null default 'ACTIVE'
        check (stage in ('PROPOSAL', 'TEST', 'SAMPLE', 'ACTIVE', 'END_OF_LIFE')),
    target_market     varchar(200),
    shelf_life_days   integer check (shelf_life_days > 0),
    min_stock         numeric(19, 4) check (min_stock >= 0),
    max_stock         numeric(19, 4) check (max_stock >= 0),
    warranty_length   integer check (warranty_length > 0),
    warranty_unit     varchar(10) check (warranty_unit in ('MONTHS', 'YEARS', 'HOURS', 'KILOMETRES')),
    tracking          varchar(6)     not null default 'NONE' check (tracking in ('NONE', 'LOT', 'SERIAL')),
    -- A variant points at the product it was generated from and names its attribute values.
    variant_of        bigint references product (id),
    variant_values    jsonb          not null default '{}',
    description       text,
    search_text       text           not null default '',
    created_at        timestamptz    not null default now(),
    updated_at        timestamptz    not null default now(),
    created_by        varchar(64)    not null default 'system',
    version           bigint         not null default 0,
    check (max_stock is null or min_stock is null or max_stock >= min_stock),
    check ((warranty_length is null) = (warranty_unit is null))
);
create unique index product_code on product (lower(code));
create index product_search on product using gin (search_text gin_trgm_ops);
create index product_by_code on product (code, id);
create index product_by_category on product (category, id);
create index product_variants on product (variant_of) where variant_of is not null;

create table product_barcode (
    barcode varchar(40) primary key,
    product bigint not null references product (id) on delete cascade
);
create index product_barcode_by_product on product_barcode (product);

create table product_attribute (
    id      bigint generated always as identity primary key,
    name    varchar(80) not null,
    vals    text[]      not null default '{}',
    version bigint      not null default 0
);
create unique index product_attribute_name on product_attribute (lower(name));

-- The attribute values a product comes in; its variants are generated from them.
create table product_attribute_value (
    product   bigint not null references product (id) on delete cascade,
    attribute bigint not null references product_attribute (id),
    vals      text[] not null,
    primary key (product, attribute)
);

-- Alternatives are kept in both directions, so either product lists the other; related products in one.
create table product_link (
    product bigint      not null references product (id) on delete cascade,
    other   bigint      not null references product (id) on delete cascade,
    kind    varchar(11) not null check (kind in ('ALTERNATIVE', 'RELATED')),
    primary key (product, other, kind),
    check (product <> other)
);

create table product_supplier (
    id            bigint generated always as identity primary key,
    product       bigint         not null references product (id) on delete cascade,
    supplier      bigint         not null references customer (id),
    supplier_code varchar(80),
    price         numeric(19, 4) check (price >= 0),
    currency      char(3)        not null default 'TRY',
    lead_days     integer check (lead_days >= 0),
    min_quantity  numeric(19, 4) check (min_quantity > 0),
    preferred     boolean        not null default false,
    version       bigint         not null default 0
);
create unique index product_supplier_once on product_supplier (product, supplier);
create unique index product_supplier_preferred on product_supplier (product) where preferred;

create table competitor (
    id      bigint generated always as identity primary key,
    name    varchar(120) not null,
    website varchar(300)
);
create unique index competitor_name on competitor (lower(name));

create table competitor_price (
    id          bigint generated always as identity primary key,
    product     bigint         not null references product (id) on delete cascade,
    competitor  bigint         not null references competitor (id),
    price       numeric(19, 4) not null check (price >= 0),
    currency    char(3)        not null default 'TRY',
    observed_on date           not null,
    note        varchar(300),
    created_by  varchar(64)    not null default 'system'
);
create index competitor_price_by_product on competitor_price (product, observed_on);

create table price_list (
    id         bigint generated always as identity primary key,
    name       varchar(120) not null,
    currency   char(3)      not null,
    active     boolean      not null default true,
    valid_from date,
    valid_to   date,
    notes      text,
    created_at timestamptz  not null default now(),
    version    bigint       not null default 0,
    check (valid_to is null or valid_from is null or valid_to >= valid_from)
);
create unique index price_list_name on price_list (lower(name));

create table price_list_customer (
    price_list bigint not null references price_list (id) on delete cascade,
    customer   bigint not null references customer (id),
    primary key (price_list, customer)
);
create index price_list_customer_by_customer on price_list_customer (customer);

create table price_list_class (
    price_list     bigint not null references price_list (id) on delete cascade,
    customer_class bigint not null references customer_class (id),
    primary key (price_list, customer_class)
);
create index price_list_class_by_class on price_list_class (customer_class);

-- A rule names a product, a category (with its sub-categories) or neither (every product).
create table price_rule (
    id           bigint generated always as identity primary key,
    price_list   bigint         not null references price_list (id) on delete cascade,
    product      bigint references product (id) on delete cascade,
    category     bigint references product_category (id),
    type         varchar(11)    not null check (type in ('FIXED', 'PERCENT_OFF')),
    value        numeric(19, 4) not null check (value >= 0),
    min_quantity numeric(19, 4) not null default 0 check (min_quantity >= 0),
    valid_from   date,
    valid_to     date,
    check (type <> 'PERCENT_OFF' or value <= 100),
    check (product is null or category is null),
    check (valid_to is null or valid_from is null or valid_to >= valid_from)
);
create index price_rule_by_list on price_rule (price_list, product);
create index price_rule_by_product on price_rule (product) where product is not null;

-- A category and every category below it.
create function product_category_tree(root bigint) returns table (id bigint) language sql stable as $$
    with recursive tree as (
        select c.id from product_category c where c.id = root
        union all
        select c.id from product_category c join tree t on c.parent = t.id
    )
    select tree.id from tree
$$;
