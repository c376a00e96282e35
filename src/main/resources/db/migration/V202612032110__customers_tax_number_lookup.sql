-- A whole tax number typed in the search is looked up by equality; the unique index leads with the country.
create index customer_by_tax_number on customer (tax_number) where tax_number is not null and archived_at is null;
