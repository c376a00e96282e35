package dev.kervan.inventory.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import dev.kervan.catalog.Catalog;
import dev.kervan.catalog.ProductFacts;
import dev.kervan.catalog.Tracking;
import dev.kervan.customers.Customers;
import dev.kervan.identity.CurrentUser;
import dev.kervan.platform.Decimals;
import dev.kervan.platform.DomainException;
import dev.kervan.platform.ErrorKind;
import dev.kervan.platform.PatchDocument;
import dev.kervan.platform.RecordNotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reservations: stock promised to a document (an order, later) or, until documents exist, to a reference in
 * words. Reserving raises the reserved figure only while enough is available, in one conditional update, so any
 * number of concurrent reservations never promise more than is on hand. Releasing gives the quantity back;
 * issuing against a reservation consumes it.
 */
@Service
public class Reservations {

	public enum Status {
		ACTIVE, RELEASED, CONSUMED
	}

	public record Reservation(long id, long productId, String productCode, long warehouseId, String warehouseCode,
			BigDecimal quantity, String reference, @Nullable String referenceType, @Nullable Long referenceId,
			@Nullable Long customerId, @Nullable String serial, Status status, String createdBy, Instant createdAt,
			@Nullable Instant closedAt) {

		public Reservation {
			quantity = Decimals.quantity(quantity);
		}
	}

	private final JdbcClient jdbc;
	private final InventoryPolicy policy;
	private final Catalog catalog;
	private final Customers customers;
	private final Warehouses warehouses;
	private final StockBalances balances;
	private final SerialNumbers serials;

	Reservations(JdbcClient jdbc, InventoryPolicy policy, Catalog catalog, Customers customers, Warehouses warehouses,
			StockBalances balances, SerialNumbers serials) {
		this.jdbc = jdbc;
		this.policy = policy;
		this.catalog = catalog;
		this.customers = customers;
		this.warehouses = warehouses;
		this.balances = balances;
		this.serials = serials;
	}

	@Transactional
	public Reservation create(PatchDocument doc) {
		CurrentUser user = policy.requireReserver();
		Long productId = doc.id("productId");
		Long warehouseId = doc.id("warehouseId");
		BigDecimal quantity = doc.quantity("quantity");
		String reference = doc.text("reference", 120);
		String referenceType = doc.code("referenceType", 40);
		Long referenceId = doc.id("referenceId");
		Long customerId = doc.id("customerId");
		String serial = doc.code("serial", 80);
		ProductFacts product = null;
		if (productId == null) {
			doc.reject("productId", "error.value.required");
		}
		else {
			product = catalog.find(productId).orElse(null);
			if (product == null) {
				doc.reject("productId", "error.stock.unknown-product", String.valueOf(productId));
			}
			else if (product.service()) {
				doc.reject("productId", "error.stock.service", product.code());
			}
		}
		if (warehouseId == null) {
			doc.reject("warehouseId", "error.value.required");
		}
		else if (warehouses.find(warehouseId).isEmpty()) {
			doc.reject("warehouseId", "error.stock.unknown-warehouse", String.valueOf(warehouseId));
		}
		if (quantity == null) {
			doc.reject("quantity", "error.value.required");
		}
		else if (quantity.signum() <= 0) {
			doc.reject("quantity", "error.stock.quantity-positive");
		}
		if (reference == null && referenceType != null && referenceId != null) {
			reference = referenceType + " " + referenceId;
		}
		if (reference == null) {
			doc.reject("reference", "error.value.required");
		}
		if (customerId != null && customers.find(customerId).isEmpty()) {
			doc.reject("customerId", "error.stock.unknown-customer", String.valueOf(customerId));
		}
		if (product != null && quantity != null && product.tracking() == Tracking.SERIAL) {
			if (quantity.stripTrailingZeros().scale() > 0) {
				doc.reject("quantity", "error.stock.serial-whole-units", product.code());
			}
			if (serial != null && quantity.compareTo(BigDecimal.ONE) != 0) {
				doc.reject("serial", "error.reservation.one-serial");
			}
		}
		else if (serial != null) {
			doc.reject("serial", "error.stock.no-serials", product == null ? "" : product.code());
		}
		doc.throwIfInvalid();
		return load(reserve(product, warehouseId, quantity, reference, referenceType, referenceId, customerId, serial,
				user.username()));
	}

	long reserve(ProductFacts product, long warehouseId, BigDecimal quantity, String reference, @Nullable String referenceType,
			@Nullable Long referenceId, @Nullable Long customerId, @Nullable String serial, String user) {
		balances.reserve(product, warehouseId, quantity);
		Long serialId = serial == null ? null : serials.reserve(product, warehouseId, serial, reference, user);
		return jdbc.sql("""
				insert into stock_reservation (product, warehouse, quantity, reference, ref_type, ref_id, customer, serial, created_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(product.id(), warehouseId, quantity, reference, referenceType, referenceId, customerId, serialId, user)
			.query(Long.class)
			.single();
	}

	/** Releases an active reservation; one already released or consumed is refused. */
	@Transactional
	public Reservation release(long id) {
		CurrentUser user = policy.requireReserver();
		if (!release(id, user.username())) {
			load(id);
			throw new DomainException(ErrorKind.CONFLICT, "error.reservation.not-active", String.valueOf(id));
		}
		return load(id);
	}

	/** Releases the reservation when it is active; says whether it was. */
	boolean release(long id, String user) {
		record Released(long product, long warehouse, BigDecimal quantity, @Nullable Long serial, String reference) {
		}
		Released released = jdbc.sql("""
				update stock_reservation set status = 'RELEASED', closed_at = now() where id = ? and status = 'ACTIVE'
				returning product, warehouse, quantity, serial, reference""")
			.param(id)
			.query((rs, n) -> new Released(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3), rs.getObject(4, Long.class),
					rs.getString(5)))
			.optional()
			.orElse(null);
		if (released == null) {
			return false;
		}
		balances.unreserve(released.product(), released.warehouse(), released.quantity());
		if (released.serial() != null) {
			serials.unreserve(released.serial(), released.reference(), user);
		}
		return true;
	}

	public Reservation get(long id) {
		policy.requireReader();
		return load(id);
	}

	public List<Reservation> list(@Nullable Long productId, @Nullable Long warehouseId, @Nullable Status status, int limit) {
		policy.requireReader();
		return jdbc.sql(select() + """
				 where (cast(:product as bigint) is null or r.product = :product)
				  and (cast(:warehouse as bigint) is null or r.warehouse = :warehouse)
				  and (cast(:status as text) is null or r.status = :status)
				order by r.id desc limit :limit""")
			.param("product", productId)
			.param("warehouse", warehouseId)
			.param("status", status == null ? null : status.name())
			.param("limit", limit)
			.query((rs, n) -> reservation(rs))
			.list();
	}

	Reservation load(long id) {
		return jdbc.sql(select() + " where r.id = ?")
			.param(id)
			.query((rs, n) -> reservation(rs))
			.optional()
			.orElseThrow(() -> new RecordNotFoundException("reservation", id));
	}

	private static String select() {
		return """
				select r.id, r.product, p.code, r.warehouse, w.code as warehouse_code, r.quantity, r.reference, r.ref_type, r.ref_id,
				  r.customer, s.serial, r.status, r.created_by, r.created_at, r.closed_at
				from stock_reservation r join product_ref p on p.id = r.product join warehouse w on w.id = r.warehouse
				left join serial_number s on s.id = r.serial""";
	}

	private static Reservation reservation(java.sql.ResultSet rs) throws java.sql.SQLException {
		OffsetDateTime closed = rs.getObject("closed_at", OffsetDateTime.class);
		return new Reservation(rs.getLong("id"), rs.getLong("product"), rs.getString("code"), rs.getLong("warehouse"),
				rs.getString("warehouse_code"), rs.getBigDecimal("quantity"), rs.getString("reference"), rs.getString("ref_type"),
				rs.getObject("ref_id", Long.class), rs.getObject("customer", Long.class), rs.getString("serial"),
				Status.valueOf(rs.getString("status")), rs.getString("created_by"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(), closed == null ? null : closed.toInstant());
	}
}
