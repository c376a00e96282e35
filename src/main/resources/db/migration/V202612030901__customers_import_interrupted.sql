-- An import that was running when Kervan stopped is FAILED with this flag: its processed rows were written, and the
-- same file can be run again (known accounts are updated, not added twice).
alter table customer_import add column interrupted boolean not null default false;
