-- A price list names the customer classes it is for; its page shows and offers them by name, and only active classes
-- are offered. Columns are added at the end, as a view being replaced keeps the ones it had.
create or replace view customer_class_ref as
select id, name, active from customer_class;
