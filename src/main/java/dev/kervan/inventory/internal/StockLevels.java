package dev.kervan.inventory.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

import dev.kervan.inventory.StockFigures;
import dev.kervan.platform.Cursor;
import dev.kervan.platform.Decimals;
import dev.kervan.platform.KeysetPage;
import dev.kervan.platform.PageLimit;
import dev.kervan.platform.RecordNotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads the stock figures per product and warehouse, and the lots behind them. */
@Service
public class StockLevels {

	public record LotBalance(long productId, long warehouseId, String warehouseCode, String lot, @Nullable LocalDate expiry,
			BigDecimal onHand) {

		public LotBalance {
			onHand = Decimals.quantity(onHand);
		}
	}

	/**
	 * A product in every warehouse (or one), zeros included, or without a product the stock there is: every pair
	 * with something on hand, reserved or incoming, in product code order.
	 */
	private static final String SELECT = """
			select p.id as product, p.code, p.name, w.id as warehouse, w.code as warehouse_code, w.name as warehouse_name,
			  u.code as unit, coalesce(s.on_hand, 0) as on_hand, coalesce(s.reserved, 0) as reserved,
			  coalesce(s.incoming, 0) as incoming,
			  p.min_stock is not null and (select coalesce(sum(t.on_hand - t.reserved + t.incoming), 0)
			    from stock_level t where t.product = p.id) < p.min_stock as below_minimum
			""";

	private final JdbcClient jdbc;
	private final InventoryPolicy policy;

	StockLevels(JdbcClient jdbc, InventoryPolicy policy) {
		this.jdbc = jdbc;
		this.policy = policy;
	}

	public KeysetPage<StockFigures> list(@Nullable Long productId, @Nullable Long warehouseId, @Nullable String cursor,
			PageLimit limit) {
		policy.requireReader();
		if (productId != null) {
			requireExists("product", "select exists (select 1 from product_ref where id = ?)", productId);
			if (warehouseId != null) {
				requireExists("warehouse", "select exists (select 1 from warehouse where id = ?)", warehouseId);
			}
			return new KeysetPage<>(ofProduct(productId, warehouseId), null);
		}
		var where = new ArrayList<String>();
		var params = new HashMap<String, Object>();
		where.add("(s.on_hand <> 0 or s.reserved <> 0 or s.incoming <> 0)");
		if (warehouseId != null) {
			requireExists("warehouse", "select exists (select 1 from warehouse where id = ?)", warehouseId);
			where.add("s.warehouse = :warehouse");
			params.put("warehouse", warehouseId);
		}
		Cursor after = Cursor.decode(cursor, 3);
		if (after != null) {
			where.add("(p.code, p.id, w.code) > (:code, :id, :warehouseCode)");
			params.put("code", after.text(0));
			params.put("id", after.number(1));
			params.put("warehouseCode", after.text(2));
		}
		params.put("limit", limit.probe());
		List<StockFigures> rows = jdbc.sql(SELECT + """
				from stock_level s join product_ref p on p.id = s.product join warehouse w on w.id = s.warehouse
				join unit_ref u on u.id = p.unit
				where """ + " " + String.join(" and ", where) + " order by p.code, p.id, w.code limit :limit")
			.params(params)
			.query((rs, n) -> figures(rs))
			.list();
		return KeysetPage.of(rows, limit, f -> Cursor.encode(f.productCode(), f.productId(), f.warehouseCode()));
	}

	/** A product's figures in every active warehouse (or the one asked for), zeros included. */
	List<StockFigures> ofProduct(long productId, @Nullable Long warehouseId) {
		return jdbc.sql(SELECT + """
				from product_ref p cross join warehouse w join unit_ref u on u.id = p.unit
				left join stock_level s on s.product = p.id and s.warehouse = w.id
				where p.id = :product and (w.id = :warehouse or (cast(:warehouse as bigint) is null and (w.active or s.on_hand <> 0)))
				order by w.code""")
			.param("product", productId)
			.param("warehouse", warehouseId)
			.query((rs, n) -> figures(rs))
			.list();
	}

	public List<LotBalance> lots(long productId) {
		policy.requireReader();
		return jdbc.sql("""
				select b.product, b.warehouse, w.code, b.lot, b.expiry, b.on_hand from stock_lot_balance b
				join warehouse w on w.id = b.warehouse
				where b.product = ? and b.on_hand > 0 and b.lot <> '' order by b.expiry nulls last, b.lot, w.code""")
			.param(productId)
			.query((rs, n) -> new LotBalance(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getObject(5, LocalDate.class), rs.getBigDecimal(6)))
			.list();
	}

	private void requireExists(String recordType, String exists, long id) {
		if (!jdbc.sql(exists).param(id).query(Boolean.class).single()) {
			throw new RecordNotFoundException(recordType, id);
		}
	}

	private static StockFigures figures(java.sql.ResultSet rs) throws java.sql.SQLException {
		BigDecimal onHand = rs.getBigDecimal("on_hand");
		BigDecimal reserved = rs.getBigDecimal("reserved");
		return new StockFigures(rs.getLong("product"), rs.getString("code"), rs.getString("name"), rs.getLong("warehouse"),
				rs.getString("warehouse_code"), rs.getString("warehouse_name"), rs.getString("unit"), onHand, reserved,
				onHand.subtract(reserved), rs.getBigDecimal("incoming"), rs.getBoolean("below_minimum"));
	}
}
