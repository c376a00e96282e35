-- Suppliers are usually a small share of the accounts: without an index of their own, "suppliers, newest first"
-- reads past every customer.
create index customer_suppliers on customer (id) where is_supplier and archived_at is null;
