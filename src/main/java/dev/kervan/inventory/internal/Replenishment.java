package dev.kervan.inventory.internal;

import java.math.BigDecimal;
import java.util.List;

import dev.kervan.platform.Decimals;
import dev.kervan.platform.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What to reorder: active stocked products whose available and incoming stock over every warehouse (or one) is
 * below their minimum, with the quantity that brings them back to their maximum (or to the minimum, without a
 * maximum), raised to the preferred supplier's minimum order quantity.
 */
@Service
public class Replenishment {

	/** A product to reorder; {@code supplierPrice} is the preferred supplier's price, in the supplier's currency. */
	public record Line(long productId, String productCode, String productName, String unit, BigDecimal minStock,
			@Nullable BigDecimal maxStock, BigDecimal onHand, BigDecimal reserved, BigDecimal available, BigDecimal incoming,
			BigDecimal toOrder, @Nullable Long supplierId, @Nullable String supplierName, @Nullable String supplierCode,
			@Nullable Money supplierPrice, @Nullable Integer leadDays) {

		public Line {
			minStock = Decimals.quantity(minStock);
			maxStock = maxStock == null ? null : Decimals.quantity(maxStock);
			onHand = Decimals.quantity(onHand);
			reserved = Decimals.quantity(reserved);
			available = Decimals.quantity(available);
			incoming = Decimals.quantity(incoming);
			toOrder = Decimals.quantity(toOrder);
		}
	}

	private final JdbcClient jdbc;
	private final InventoryPolicy policy;

	Replenishment(JdbcClient jdbc, InventoryPolicy policy) {
		this.jdbc = jdbc;
		this.policy = policy;
	}

	public List<Line> report(@Nullable Long warehouseId) {
		policy.requireReader();
		return jdbc.sql("""
				with stock as (
				    select product, sum(on_hand) as on_hand, sum(reserved) as reserved, sum(incoming) as incoming
				    from stock_level where cast(:warehouse as bigint) is null or warehouse = :warehouse group by product
				)
				select p.id, p.code, p.name, u.code as unit, p.min_stock, p.max_stock, coalesce(s.on_hand, 0) as on_hand,
				  coalesce(s.reserved, 0) as reserved, coalesce(s.incoming, 0) as incoming,
				  ps.supplier, c.name as supplier_name, ps.supplier_code, ps.price, ps.currency, ps.lead_days, ps.min_quantity
				from product_ref p join unit_ref u on u.id = p.unit
				left join stock s on s.product = p.id
				left join product_supplier_ref ps on ps.product = p.id and ps.preferred
				left join customer_ref c on c.id = ps.supplier
				where p.active and p.kind = 'GOOD' and p.min_stock is not null
				  and coalesce(s.on_hand, 0) - coalesce(s.reserved, 0) + coalesce(s.incoming, 0) < p.min_stock
				order by p.code""")
			.param("warehouse", warehouseId)
			.query((rs, n) -> {
				BigDecimal onHand = rs.getBigDecimal("on_hand");
				BigDecimal reserved = rs.getBigDecimal("reserved");
				BigDecimal incoming = rs.getBigDecimal("incoming");
				BigDecimal available = onHand.subtract(reserved);
				BigDecimal min = rs.getBigDecimal("min_stock");
				BigDecimal max = rs.getBigDecimal("max_stock");
				BigDecimal toOrder = (max == null ? min : max).subtract(available).subtract(incoming);
				BigDecimal supplierMinimum = rs.getBigDecimal("min_quantity");
				if (supplierMinimum != null && toOrder.compareTo(supplierMinimum) < 0) {
					toOrder = supplierMinimum;
				}
				return new Line(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("unit"), min, max,
						onHand, reserved, available, incoming, toOrder.stripTrailingZeros(), rs.getObject("supplier", Long.class),
						rs.getString("supplier_name"), rs.getString("supplier_code"), price(rs.getBigDecimal("price"),
								rs.getString("currency")), rs.getObject("lead_days", Integer.class));
			})
			.list();
	}

	private static @Nullable Money price(@Nullable BigDecimal amount, @Nullable String currency) {
		return amount == null || currency == null ? null : Money.of(amount, currency);
	}
}
