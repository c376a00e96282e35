package dev.kervan.inventory.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

import dev.kervan.catalog.Catalog;
import dev.kervan.catalog.ProductFacts;
import dev.kervan.catalog.Tracking;
import dev.kervan.customers.Customers;
import dev.kervan.identity.CurrentUser;
import dev.kervan.inventory.ReservationReleased;
import dev.kervan.platform.Checks;
import dev.kervan.platform.Decimals;
import dev.kervan.platform.DomainException;
import dev.kervan.platform.ErrorKind;
import dev.kervan.platform.RecordNotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reservations: stock promised to a document (an order, later) or, until documents exist, to a reference in
 * words. Reserving raises the reserved figure only while enough is available, in one conditional update, so any
 * number of concurrent reservations never promise more than is on hand. Releasing gives the quantity back;
 * issuing against a reservation consumes it. A release is published as {@link ReservationReleased} in its
 * transaction.
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
	private final ApplicationEventPublisher events;
	private final Clock clock;

	Reservations(JdbcClient jdbc, InventoryPolicy policy, Catalog catalog, Customers customers, Warehouses warehouses,
			StockBalances balances, SerialNumbers serials, ApplicationEventPublisher events, Clock clock) {
		this.events = events;
		this.clock = clock;
		this.jdbc = jdbc;
		this.policy = policy;
		this.catalog = catalog;
		this.customers = customers;
		this.warehouses = warehouses;
		this.balances = balances;
		this.serials = serials;
	}

	@Transactional
	public Reservation create(NewReservation command) {
		CurrentUser user = policy.requireReserver();
		var checks = new Checks();
		Long productId = checks.required("productId", command.productId());
		Long warehouseId = checks.required("warehouseId", command.warehouseId());
		BigDecimal quantity = checks.quantity("quantity", checks.required("quantity", command.quantity()));
		String reference = checks.name("reference", command.reference(), NewReservation.REFERENCE);
		String referenceType = checks.code("referenceType", command.referenceType(), NewReservation.REFERENCE_TYPE);
		Long referenceId = command.referenceId();
		Long customerId = command.customerId();
		String serial = checks.code("serial", command.serial(), NewReservation.SERIAL);
		ProductFacts product = null;
		if (productId != null) {
			product = catalog.find(productId).orElse(null);
			if (product == null) {
				checks.reject("productId", "error.stock.unknown-product", String.valueOf(productId));
			}
			else if (product.service()) {
				checks.reject("productId", "error.stock.service", product.code());
			}
		}
		if (warehouseId != null && warehouses.find(warehouseId).isEmpty()) {
			checks.reject("warehouseId", "error.stock.unknown-warehouse", String.valueOf(warehouseId));
		}
		if (quantity != null && quantity.signum() <= 0) {
			checks.reject("quantity", "error.stock.quantity-positive");
		}
		if (reference == null && referenceType != null && referenceId != null) {
			reference = referenceType + " " + referenceId;
		}
		checks.required("reference", reference);
		if (customerId != null && customers.find(customerId).isEmpty()) {
			checks.reject("customerId", "error.stock.unknown-customer", String.valueOf(customerId));
		}
		if (product != null && quantity != null && product.tracking() == Tracking.SERIAL) {
			if (quantity.stripTrailingZeros().scale() > 0) {
				checks.reject("quantity", "error.stock.serial-whole-units", product.code());
			}
			if (serial != null && quantity.compareTo(BigDecimal.ONE) != 0) {
				checks.reject("serial", "error.reservation.one-serial");
			}
		}
		else if (serial != null) {
			checks.reject("serial", "error.stock.no-serials", product == null ? "" : product.code());
		}
		checks.throwIfInvalid();
		return load(reserve(Objects.requireNonNull(product), Objects.requireNonNull(warehouseId), Objects.requireNonNull(quantity),
				Objects.requireNonNull(reference), referenceType, referenceId, customerId, serial, user.username()));
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

	/** Releases the reservation when it is active, and says so to other modules; answers whether it was active. */
	boolean release(long id, String user) {
		record Released(long product, long warehouse, BigDecimal quantity, @Nullable Long serial, String reference,
				@Nullable Long customer, @Nullable String referenceType, @Nullable Long referenceId) {
		}
		Released released = jdbc.sql("""
				update stock_reservation set status = 'RELEASED', closed_at = now() where id = ? and status = 'ACTIVE'
				returning product, warehouse, quantity, serial, reference, customer, ref_type, ref_id""")
			.param(id)
			.query((rs, n) -> new Released(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3), rs.getObject(4, Long.class),
					rs.getString(5), rs.getObject(6, Long.class), rs.getString(7), rs.getObject(8, Long.class)))
			.optional()
			.orElse(null);
		if (released == null) {
			return false;
		}
		balances.unreserve(released.product(), released.warehouse(), released.quantity());
		if (released.serial() != null) {
			serials.unreserve(released.serial(), released.reference(), user);
		}
		events.publishEvent(new ReservationReleased(id, released.product(), released.warehouse(),
				Decimals.quantity(released.quantity()), released.customer(), released.referenceType(), released.referenceId(),
				clock.instant()));
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
