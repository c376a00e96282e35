package dev.kervan.inventory.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import dev.kervan.catalog.ProductFacts;
import dev.kervan.inventory.NotEnoughStockException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The running figures the ledger keeps: on hand per lot, and on hand, reserved and incoming per product and
 * warehouse. Every change is one conditional update, so concurrent moves and reservations never take more than
 * is there: the update that would make available stock negative changes no row, and the caller is told how much
 * is available. Callers touch the product and warehouse row before its lots, in product order, so that concurrent
 * moves lock in the same order.
 */
@Component
class StockBalances {

	/** What was taken from one lot ('' for products without lots). */
	record Taken(String lot, @Nullable LocalDate expiry, BigDecimal quantity) {
	}

	private final JdbcClient jdbc;

	StockBalances(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(long product, long warehouse, String lot, @Nullable LocalDate expiry, BigDecimal quantity) {
		jdbc.sql("""
				insert into stock_level (product, warehouse, on_hand) values (?, ?, ?)
				on conflict (product, warehouse) do update set on_hand = stock_level.on_hand + excluded.on_hand, updated_at = now()""")
			.params(product, warehouse, quantity)
			.update();
		jdbc.sql("""
				insert into stock_lot_balance (product, warehouse, lot, expiry, on_hand) values (?, ?, ?, ?, ?)
				on conflict (product, warehouse, lot) do update
				  set on_hand = stock_lot_balance.on_hand + excluded.on_hand,
				      expiry = case when stock_lot_balance.on_hand = 0 then coalesce(excluded.expiry, stock_lot_balance.expiry)
				                    else coalesce(stock_lot_balance.expiry, excluded.expiry) end""")
			.params(product, warehouse, lot, expiry, quantity)
			.update();
	}

	/**
	 * Takes stock out: from the named lot, or from the lots that expire first. Stock reserved for others stays; what
	 * {@code fromReservation} says was reserved for this very line is taken along with the rest.
	 */
	List<Taken> take(ProductFacts product, long warehouse, @Nullable String lot, BigDecimal quantity,
			BigDecimal fromReservation) {
		int changed = jdbc.sql("""
				update stock_level set on_hand = on_hand - :quantity, reserved = reserved - :reserved, updated_at = now()
				where product = :product and warehouse = :warehouse and on_hand - reserved >= :quantity - :reserved""")
			.param("quantity", quantity)
			.param("reserved", fromReservation)
			.param("product", product.id())
			.param("warehouse", warehouse)
			.update();
		if (changed == 0) {
			throw new NotEnoughStockException(product.id(), product.code(), warehouse,
					available(product.id(), warehouse).add(fromReservation));
		}
		if (lot != null) {
			int taken = jdbc.sql("""
					update stock_lot_balance set on_hand = on_hand - ?
					where product = ? and warehouse = ? and lot = ? and on_hand >= ?""")
				.params(quantity, product.id(), warehouse, lot, quantity)
				.update();
			if (taken == 0) {
				throw new NotEnoughStockException(product.id(), product.code() + " / " + lot, warehouse, lotOnHand(product.id(),
						warehouse, lot));
			}
			return List.of(new Taken(lot, expiryOf(product.id(), warehouse, lot), quantity));
		}
		record Lot(String lot, @Nullable LocalDate expiry, BigDecimal onHand) {
		}
		List<Lot> lots = jdbc.sql("""
				select lot, expiry, on_hand from stock_lot_balance where product = ? and warehouse = ? and on_hand > 0
				order by expiry nulls last, lot for update""")
			.params(product.id(), warehouse)
			.query((rs, n) -> new Lot(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getBigDecimal(3)))
			.list();
		var taken = new ArrayList<Taken>();
		BigDecimal remaining = quantity;
		for (Lot candidate : lots) {
			if (remaining.signum() <= 0) {
				break;
			}
			BigDecimal part = candidate.onHand().min(remaining);
			jdbc.sql("update stock_lot_balance set on_hand = on_hand - ? where product = ? and warehouse = ? and lot = ?")
				.params(part, product.id(), warehouse, candidate.lot())
				.update();
			taken.add(new Taken(candidate.lot(), candidate.expiry(), part));
			remaining = remaining.subtract(part);
		}
		if (remaining.signum() > 0) {
			throw new NotEnoughStockException(product.id(), product.code(), warehouse, quantity.subtract(remaining));
		}
		return taken;
	}

	/** Promises stock: refused, changing nothing, when less than the quantity is available. */
	void reserve(ProductFacts product, long warehouse, BigDecimal quantity) {
		int changed = jdbc.sql("""
				update stock_level set reserved = reserved + :quantity, updated_at = now()
				where product = :product and warehouse = :warehouse and on_hand - reserved >= :quantity""")
			.param("quantity", quantity)
			.param("product", product.id())
			.param("warehouse", warehouse)
			.update();
		if (changed == 0) {
			throw new NotEnoughStockException(product.id(), product.code(), warehouse, available(product.id(), warehouse));
		}
	}

	void unreserve(long product, long warehouse, BigDecimal quantity) {
		jdbc.sql("update stock_level set reserved = greatest(reserved - ?, 0), updated_at = now() where product = ? and warehouse = ?")
			.params(quantity, product, warehouse)
			.update();
	}

	BigDecimal available(long product, long warehouse) {
		return jdbc.sql("select on_hand - reserved from stock_level where product = ? and warehouse = ?")
			.params(product, warehouse)
			.query(BigDecimal.class)
			.optional()
			.orElse(BigDecimal.ZERO);
	}

	BigDecimal lotOnHand(long product, long warehouse, String lot) {
		return jdbc.sql("select on_hand from stock_lot_balance where product = ? and warehouse = ? and lot = ?")
			.params(product, warehouse, lot)
			.query(BigDecimal.class)
			.optional()
			.orElse(BigDecimal.ZERO);
	}

	private @Nullable LocalDate expiryOf(long product, long warehouse, String lot) {
		return jdbc.sql("select expiry from stock_lot_balance where product = ? and warehouse = ? and lot = ?")
			.params(product, warehouse, lot)
			.query((rs, n) -> rs.getObject(1, LocalDate.class))
			.optional()
			.orElse(null);
	}
}
