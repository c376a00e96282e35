package dev.kervan.inventory.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import dev.kervan.catalog.ProductFacts;
import dev.kervan.platform.DomainException;
import dev.kervan.platform.ErrorKind;
import dev.kervan.platform.RecordNotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Serial numbers: one record per unit of a serial-tracked product, from receipt to the customer it was sold to
 * and into service, with every event on the way. A serial exists once per product; it leaves stock once: the
 * change of status is conditional, so of two concurrent issues of the same unit one wins and the other is refused.
 */
@Service
public class SerialNumbers {

	public enum Status {
		IN_STOCK, RESERVED, SOLD, IN_SERVICE, SCRAPPED
	}

	public record Event(String event, Status status, @Nullable Long warehouseId, @Nullable String warehouseCode,
			@Nullable Long customerId, @Nullable String customerName, @Nullable Long moveId, @Nullable String moveNumber,
			@Nullable String reference, Instant at, String by) {
	}

	public record Serial(long id, String serial, long productId, String productCode, String productName, Status status,
			@Nullable Long warehouseId, @Nullable String warehouseCode, @Nullable String lot, @Nullable Long customerId,
			@Nullable String customerName, Instant receivedAt, @Nullable Instant soldAt, @Nullable LocalDate warrantyEnd,
			List<Event> history, List<Long> alsoForProducts) {
	}

	private static final String COLUMNS = """
			s.id, s.serial, s.product, p.code, p.name, s.status, s.warehouse, w.code as warehouse_code, s.lot, s.customer,
			c.name as customer_name, s.received_at, s.sold_at, s.warranty_end
			from serial_number s join product_ref p on p.id = s.product left join warehouse w on w.id = s.warehouse
			left join customer_ref c on c.id = s.customer""";

	private final JdbcClient jdbc;
	private final InventoryPolicy policy;

	SerialNumbers(JdbcClient jdbc, InventoryPolicy policy) {
		this.jdbc = jdbc;
		this.policy = policy;
	}

	/**
	 * A serial with its history. The same serial may exist for two products (two makers may number alike): then the
	 * product decides, or without one the most recent is shown and the others are named.
	 */
	public Serial find(String serial, @Nullable Long productId) {
		policy.requireReader();
		List<Long> ids = jdbc.sql("select id from serial_number where serial = ? and (cast(? as bigint) is null or product = ?) order by id desc")
			.params(serial.strip(), productId, productId)
			.query(Long.class)
			.list();
		if (ids.isEmpty()) {
			throw new RecordNotFoundException("serial", serial);
		}
		Serial found = load(ids.getFirst());
		if (ids.size() == 1) {
			return found;
		}
		List<Long> others = jdbc.sql("select product from serial_number where id = any(?) and id <> ?")
			.params(ids.toArray(Long[]::new), ids.getFirst())
			.query(Long.class)
			.list();
		return withOthers(found, others);
	}

	private static Serial withOthers(Serial s, List<Long> others) {
		return new Serial(s.id(), s.serial(), s.productId(), s.productCode(), s.productName(), s.status(), s.warehouseId(),
				s.warehouseCode(), s.lot(), s.customerId(), s.customerName(), s.receivedAt(), s.soldAt(), s.warrantyEnd(),
				s.history(), others);
	}

	public List<Serial> list(@Nullable Long productId, @Nullable Long warehouseId, @Nullable Status status, int limit) {
		policy.requireReader();
		return jdbc.sql("select " + COLUMNS + """
				 where (cast(:product as bigint) is null or s.product = :product)
				  and (cast(:warehouse as bigint) is null or s.warehouse = :warehouse)
				  and (cast(:status as text) is null or s.status = :status)
				order by s.serial limit :limit""")
			.param("product", productId)
			.param("warehouse", warehouseId)
			.param("status", status == null ? null : status.name())
			.param("limit", limit)
			.query((rs, n) -> serial(rs, List.of()))
			.list();
	}

	/** A serial number found by the global search: the serial, its product, where it is. */
	public record Found(String serial, long productId, String productCode, String productName) {
	}

	/**
	 * Serial numbers that start with what was typed, as typed or in capitals (serials are mostly written in capitals
	 * and typed in small letters), through the serial's index; nothing for fewer than three characters or for words
	 * with spaces between, which no serial holds.
	 */
	public List<Found> startingWith(String typed, int limit) {
		policy.requireReader();
		String start = typed.strip();
		if (start.length() < 3 || start.chars().anyMatch(Character::isWhitespace)) {
			return List.of();
		}
		String capitals = start.toUpperCase(java.util.Locale.ROOT);
		return jdbc.sql("""
				select s.serial, s.product, p.code, p.name from serial_number s join product_ref p on p.id = s.product
				where (s.serial >= :start and s.serial < :startEnd) or (s.serial >= :capitals and s.serial < :capitalsEnd)
				order by s.serial, s.id limit :limit""")
			.param("start", start)
			.param("startEnd", start + Character.toString(Character.MAX_CODE_POINT))
			.param("capitals", capitals)
			.param("capitalsEnd", capitals + Character.toString(Character.MAX_CODE_POINT))
			.param("limit", limit)
			.query((rs, n) -> new Found(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
			.list();
	}

	Serial load(long id) {
		List<Event> history = jdbc.sql("""
				select e.event, e.status, e.warehouse, w.code, e.customer, c.name, e.move, m.number, e.reference, e.at, e.by_user
				from serial_event e left join warehouse w on w.id = e.warehouse left join customer_ref c on c.id = e.customer
				left join stock_move m on m.id = e.move where e.serial = ? order by e.id""")
			.param(id)
			.query((rs, n) -> new Event(rs.getString(1), Status.valueOf(rs.getString(2)), rs.getObject(3, Long.class),
					rs.getString(4), rs.getObject(5, Long.class), rs.getString(6), rs.getObject(7, Long.class), rs.getString(8),
					rs.getString(9), rs.getObject(10, OffsetDateTime.class).toInstant(), rs.getString(11)))
			.list();
		return jdbc.sql("select " + COLUMNS + " where s.id = ?")
			.param(id)
			.query((rs, n) -> serial(rs, history))
			.single();
	}

	private static Serial serial(java.sql.ResultSet rs, List<Event> history) throws java.sql.SQLException {
		OffsetDateTime sold = rs.getObject("sold_at", OffsetDateTime.class);
		return new Serial(rs.getLong("id"), rs.getString("serial"), rs.getLong("product"), rs.getString("code"),
				rs.getString("name"), Status.valueOf(rs.getString("status")), rs.getObject("warehouse", Long.class),
				rs.getString("warehouse_code"), rs.getString("lot"), rs.getObject("customer", Long.class),
				rs.getString("customer_name"), rs.getObject("received_at", OffsetDateTime.class).toInstant(),
				sold == null ? null : sold.toInstant(), rs.getObject("warranty_end", LocalDate.class), history, List.of());
	}

	/**
	 * Takes serials into a warehouse: new ones, or units sold earlier and now returned. A serial already in stock,
	 * reserved, in service or scrapped is refused.
	 */
	List<Long> receive(ProductFacts product, long warehouse, List<String> serials, @Nullable String lot, long move,
			String event, String user) {
		var ids = new ArrayList<Long>();
		for (String serial : serials) {
			Long id = jdbc.sql("""
					insert into serial_number (product, serial, status, warehouse, lot) values (?, ?, 'IN_STOCK', ?, ?)
					on conflict (product, serial) do nothing returning id""")
				.params(product.id(), serial, warehouse, lot)
				.query(Long.class)
				.optional()
				.orElse(null);
			if (id == null) {
				id = jdbc.sql("""
						update serial_number set status = 'IN_STOCK', warehouse = ?, customer = null, sold_at = null, version = version + 1
						where product = ? and serial = ? and status = 'SOLD' returning id""")
					.params(warehouse, product.id(), serial)
					.query(Long.class)
					.optional()
					.orElseThrow(() -> new DomainException(ErrorKind.CONFLICT, "error.serial.exists", serial, product.code()));
				record(id, "RETURNED", warehouse, null, move, null, user);
			}
			else {
				record(id, event, warehouse, null, move, null, user);
			}
			ids.add(id);
		}
		return ids;
	}

	/**
	 * Takes named serials out of a warehouse (or, naming none, the units received first), changing their status; a
	 * unit reserved for {@code reservedSerial} may be taken too.
	 */
	List<Long> take(ProductFacts product, long warehouse, List<String> serials, int count, @Nullable Long reservedSerial,
			Status newStatus, @Nullable Long newWarehouse, @Nullable Long customer, @Nullable LocalDate warrantyEnd, long move,
			String event, String user) {
		var ids = new ArrayList<Long>();
		List<String> wanted = serials;
		if (wanted.isEmpty()) {
			wanted = jdbc.sql("""
					select serial from serial_number
					where product = ? and warehouse = ? and (status = 'IN_STOCK' or id = coalesce(cast(? as bigint), -1))
					order by (id = coalesce(cast(? as bigint), -1)) desc, received_at, id limit ? for update skip locked""")
				.params(product.id(), warehouse, reservedSerial, reservedSerial, count)
				.query(String.class)
				.list();
			if (wanted.size() < count) {
				throw new DomainException(ErrorKind.CONFLICT, "error.serial.not-enough", product.code(), wanted.size());
			}
		}
		for (String serial : wanted) {
			Long id = jdbc.sql("""
					update serial_number set status = :status, warehouse = :newWarehouse, customer = coalesce(:customer, customer),
					  sold_at = case when :status = 'SOLD' then now() else sold_at end,
					  warranty_end = case when :status = 'SOLD' then cast(:warrantyEnd as date) else warranty_end end,
					  version = version + 1
					where product = :product and serial = :serial and warehouse = :warehouse
					  and (status = 'IN_STOCK' or (status = 'RESERVED' and id = coalesce(cast(:reserved as bigint), -1)))
					returning id""")
				.param("status", newStatus.name())
				.param("newWarehouse", newWarehouse)
				.param("customer", customer)
				.param("warrantyEnd", warrantyEnd)
				.param("product", product.id())
				.param("serial", serial)
				.param("warehouse", warehouse)
				.param("reserved", reservedSerial)
				.query(Long.class)
				.optional()
				.orElseThrow(() -> new DomainException(ErrorKind.CONFLICT, "error.serial.not-available", serial,
						statusOf(product.id(), serial)));
			record(id, event, newWarehouse == null ? warehouse : newWarehouse, customer, move, null, user);
			ids.add(id);
		}
		return ids;
	}

	/** Marks an in-stock unit as reserved for a document. */
	long reserve(ProductFacts product, long warehouse, String serial, String reference, String user) {
		long id = jdbc.sql("""
				update serial_number set status = 'RESERVED', version = version + 1
				where product = ? and serial = ? and warehouse = ? and status = 'IN_STOCK' returning id""")
			.params(product.id(), serial, warehouse)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new DomainException(ErrorKind.CONFLICT, "error.serial.not-available", serial,
					statusOf(product.id(), serial)));
		record(id, "RESERVED", warehouse, null, null, reference, user);
		return id;
	}

	void unreserve(long serialId, String reference, String user) {
		int changed = jdbc.sql("update serial_number set status = 'IN_STOCK', version = version + 1 where id = ? and status = 'RESERVED'")
			.param(serialId)
			.update();
		if (changed > 0) {
			record(serialId, "RELEASED", null, null, null, reference, user);
		}
	}

	String serialOf(long serialId) {
		return jdbc.sql("select serial from serial_number where id = ?").param(serialId).query(String.class).single();
	}

	private String statusOf(long product, String serial) {
		return jdbc.sql("select status from serial_number where product = ? and serial = ?")
			.params(product, serial)
			.query(String.class)
			.optional()
			.orElse("UNKNOWN");
	}

	private void record(long serial, String event, @Nullable Long warehouse, @Nullable Long customer, @Nullable Long move,
			@Nullable String reference, String user) {
		jdbc.sql("""
				insert into serial_event (serial, event, status, warehouse, customer, move, reference, by_user)
				select id, ?, status, coalesce(cast(? as bigint), warehouse), ?, ?, ?, ? from serial_number where id = ?""")
			.params(event, warehouse, customer, move, reference, user, serial)
			.update();
	}
}
