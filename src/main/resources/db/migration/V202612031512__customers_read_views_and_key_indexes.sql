-- What other modules may read of accounts: the name their lists show, the search text the board searches by, the
-- currency a new opportunity starts in, whether the account is a supplier or archived, and the external reference
-- (the demonstration data's accounts are told by it). Classes only by id: a price list checks the ones it names.
create view customer_ref as
select id, name, search_text, currency, is_supplier, external_ref, archived_at from customer;

create view customer_class_ref as
select id from customer_class;

-- Every foreign key has an index led by its columns (SchemaRulesIntegrationTests): deleting an account otherwise
-- reads every table that refers to it once per account. A key that is mostly empty gets a partial index: a key
-- check asks for one value, never for null, so "where … is not null" serves it and nulls cost nothing.
create index customer_relation_related_fk on customer_relation (related);
create index customer_referrer_fk on customer (referrer) where referrer is not null;
create index customer_salesperson_fk on customer (salesperson) where salesperson is not null;
create index customer_category_fk on customer (category) where category is not null;
create index customer_sector_fk on customer (sector) where sector is not null;
create index customer_size_band_fk on customer (size_band) where size_band is not null;
create index customer_customer_class_fk on customer (customer_class) where customer_class is not null;
create index customer_branch_representative_fk on customer_branch (representative) where representative is not null;
create index customer_contact_branch_fk on customer_contact (branch) where branch is not null;
