-- The key indexes of V202612031512 hold every account with a salesperson, class or category; the older indexes on
-- the same columns held the unarchived ones only, so each account was written into two indexes that answer the same
-- lists (which filter out the archived few after the index). One index per key: every account write is cheaper.
drop index customer_by_salesperson;
drop index customer_by_class;
drop index customer_by_category;
