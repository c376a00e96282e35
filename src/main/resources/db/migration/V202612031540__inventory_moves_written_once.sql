-- A posted stock move is never changed: a correction is a move of its own. The ledger only inserts; these triggers
-- make an update of a move, its lines or their serial numbers fail, whoever tries it. Deleting stays possible: the
-- benchmark's loader removes the moves of its earlier loads.
create function inventory_move_written_once() returns trigger language plpgsql as $$
begin
    raise exception 'a posted stock move is never changed (% of %)', tg_op, tg_table_name
        using errcode = 'restrict_violation';
end
$$;

create trigger stock_move_written_once before update on stock_move
    for each row execute function inventory_move_written_once();
create trigger stock_move_line_written_once before update on stock_move_line
    for each row execute function inventory_move_written_once();
create trigger stock_move_serial_written_once before update on stock_move_serial
    for each row execute function inventory_move_written_once();
