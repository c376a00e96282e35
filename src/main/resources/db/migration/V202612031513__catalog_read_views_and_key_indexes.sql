-- What other modules may read of the catalog: a product's code, name, kind, tracking, unit and stock limits (stock
-- lists and the replenishment report), its creator (the demonstration stock is for the demonstration products), a
-- unit's code, and a product's suppliers with their terms.
create view product_ref as
select id, code, name, kind, tracking, unit, active, min_stock, max_stock, created_by from product;

create view unit_ref as
select id, code from unit_of_measure;

create view product_supplier_ref as
select product, supplier, supplier_code, price, currency, lead_days, min_quantity, preferred from product_supplier;

-- Every foreign key has an index led by its columns (SchemaRulesIntegrationTests); see the customers' migration of
-- the same day for why some are partial.
create index product_supplier_supplier_fk on product_supplier (supplier);
create index product_unit_fk on product (unit);
create index product_link_other_fk on product_link (other);
create index product_attribute_value_attribute_fk on product_attribute_value (attribute);
create index competitor_price_competitor_fk on competitor_price (competitor);
create index unit_of_measure_base_unit_fk on unit_of_measure (base_unit) where base_unit is not null;
create index product_category_parent_fk on product_category (parent) where parent is not null;
