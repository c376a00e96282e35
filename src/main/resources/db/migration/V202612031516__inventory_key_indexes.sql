-- Every foreign key has an index led by its columns (SchemaRulesIntegrationTests): at a million accounts, deleting
-- accounts read every stock move once per account (7 minutes for one DELETE). Keys that are mostly empty (a move's
-- customer) get a partial index: a key check asks for one value, never for null. Plain CREATE INDEX: it blocks
-- writes to the table while it builds, about ten seconds for the benchmark's ten million move lines, once.
create index stock_move_customer_fk on stock_move (customer) where customer is not null;
create index stock_move_warehouse_fk on stock_move (warehouse);
create index stock_move_to_warehouse_fk on stock_move (to_warehouse) where to_warehouse is not null;
create index stock_move_line_unit_fk on stock_move_line (unit);
create index stock_lot_balance_warehouse_fk on stock_lot_balance (warehouse);
create index stock_reservation_customer_fk on stock_reservation (customer) where customer is not null;
create index stock_reservation_product_fk on stock_reservation (product);
create index stock_reservation_warehouse_fk on stock_reservation (warehouse);
create index stock_reservation_serial_fk on stock_reservation (serial) where serial is not null;
create index serial_number_customer_fk on serial_number (customer) where customer is not null;
create index serial_number_warehouse_fk on serial_number (warehouse) where warehouse is not null;
create index serial_number_location_fk on serial_number (location) where location is not null;
create index serial_event_customer_fk on serial_event (customer) where customer is not null;
create index serial_event_warehouse_fk on serial_event (warehouse) where warehouse is not null;
create index serial_event_move_fk on serial_event (move) where move is not null;
create index stock_move_serial_serial_fk on stock_move_serial (serial);
