-- Warehouse codes come from other systems too (an ERP's "WH-ISTANBUL-HADIMKOY-2"): as long as product codes.
alter table warehouse alter column code type varchar(60);
