package dev.kervan.inventory.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * With {@code --demo}: two warehouses (Istanbul and Tabriz) and an opening-stock receipt into each for the demo
 * products — serial numbers for the appliances, two lots with expiry dates for food, counts for spare parts, some
 * below their minimum so the replenishment report has work. The figures are summed from the ledger lines, as the
 * ledger would keep them. Loaded once, after the demo catalog.
 */
@Component
@Order(41)
@ConditionalOnBooleanProperty("kervan.demo")
class DemoInventory implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoInventory.class);

	private final JdbcClient jdbc;
	private final Clock clock;

	DemoInventory(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments arguments) {
		if (jdbc.sql("select count(*) from warehouse where code in ('IST', 'TBZ')").query(Long.class).single() > 0
				|| jdbc.sql("select count(*) from product_ref where created_by = 'demo'").query(Long.class).single() == 0) {
			return;
		}
		jdbc.sql("insert into warehouse (code, name, address) values ('IST', 'İstanbul merkez depo', 'Hadımköy, İstanbul'), "
				+ "('TBZ', 'انبار تبریز', 'Tabriz')").update();
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, clock.getZone());
		jdbc.sql("""
				insert into stock_move (number, type, warehouse, reason, reference, created_by, moved_at)
				select 'SM-DEMO-' || w.code, 'RECEIPT', w.id, 'Opening stock', 'demo', 'demo', :now
				from warehouse w where w.code in ('IST', 'TBZ')""")
			.param("now", Timestamp.from(now))
			.update();
		int lines = jdbc.sql("""
				insert into stock_move_line (move, product, quantity, unit, base_quantity, lot, expiry)
				select m.id, p.id, q.quantity, p.unit, q.quantity, q.lot, q.expiry
				from stock_move m join warehouse w on w.id = m.warehouse
				cross join product_ref p
				cross join lateral (
				    select case p.tracking when 'SERIAL' then 3 when 'LOT' then 20 + p.id % 40 else (p.id * 7) % 50 end as quantity,
				           case when p.tracking = 'LOT' then 'L' || to_char(cast(:today as date) - 60, 'YYMM') || '-' || p.id else '' end as lot,
				           case when p.tracking = 'LOT' then cast(:today as date) + (30 + p.id % 60)::int end as expiry
				    union all
				    select 40, 'L' || to_char(cast(:today as date), 'YYMM') || '-' || p.id, cast(:today as date) + 180 where p.tracking = 'LOT'
				) q
				where m.number like 'SM-DEMO-%' and p.created_by = 'demo' and p.kind = 'GOOD' and q.quantity > 0
				  and (w.code = 'IST' or p.id % 3 = 0)""")
			.param("today", today)
			.update();
		jdbc.sql("""
				insert into serial_number (product, serial, status, warehouse)
				select l.product, 'SN' || p.code || '-' || w.code || '-' || n, 'IN_STOCK', m.warehouse
				from stock_move_line l join stock_move m on m.id = l.move join warehouse w on w.id = m.warehouse
				join product_ref p on p.id = l.product cross join generate_series(1, 3) n
				where m.number like 'SM-DEMO-%' and p.tracking = 'SERIAL'""").update();
		jdbc.sql("""
				insert into stock_move_serial (line, serial)
				select l.id, s.id from stock_move_line l join stock_move m on m.id = l.move
				join serial_number s on s.product = l.product and s.warehouse = m.warehouse
				where m.number like 'SM-DEMO-%'""").update();
		jdbc.sql("""
				insert into serial_event (serial, event, status, warehouse, move, by_user)
				select s.id, 'RECEIVED', 'IN_STOCK', s.warehouse, ms.line_move, 'demo'
				from serial_number s join (select ms.serial, l.move as line_move from stock_move_serial ms
				  join stock_move_line l on l.id = ms.line) ms on ms.serial = s.id""").update();
		jdbc.sql("""
				insert into stock_lot_balance (product, warehouse, lot, expiry, on_hand)
				select l.product, m.warehouse, l.lot, min(l.expiry), sum(l.base_quantity)
				from stock_move_line l join stock_move m on m.id = l.move where m.number like 'SM-DEMO-%'
				group by l.product, m.warehouse, l.lot""").update();
		jdbc.sql("""
				insert into stock_level (product, warehouse, on_hand)
				select l.product, m.warehouse, sum(l.base_quantity)
				from stock_move_line l join stock_move m on m.id = l.move where m.number like 'SM-DEMO-%'
				group by l.product, m.warehouse""").update();
		log.info("Demo data: two warehouses, opening stock in {} lines", lines);
	}
}
