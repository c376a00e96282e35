package dev.kervan.inventory.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import dev.kervan.catalog.Catalog;
import dev.kervan.catalog.ProductFacts;
import dev.kervan.catalog.Tracking;
import dev.kervan.customers.Customers;
import dev.kervan.identity.CurrentUser;
import dev.kervan.platform.AuditTrail;
import dev.kervan.platform.Cursor;
import dev.kervan.platform.DocumentNumbers;
import dev.kervan.platform.DomainException;
import dev.kervan.platform.ErrorKind;
import dev.kervan.platform.KeysetPage;
import dev.kervan.platform.PageLimit;
import dev.kervan.platform.PatchDocument;
import dev.kervan.platform.RecordNotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stock ledger. Every receipt, issue, transfer and adjustment is a move with lines, written once and never
 * changed; the figures on hand, per lot and per warehouse, change in the same transaction, so they always equal the
 * sum of the ledger. A move is checked whole before anything is written, and a move that cannot be carried out in
 * full (not enough stock, a serial already gone) changes nothing.
 */
@Service
public class StockLedger {

	static final String RECORD_TYPE = "stock-move";

	/** Serial numbers one line may carry: a pallet's worth, and far below what an int counts. */
	private static final BigDecimal MOST_SERIALS_PER_LINE = BigDecimal.valueOf(10_000);

	/** A line as read and checked: the quantity in the product's unit, signed for adjustments. */
	private record LineInput(int index, ProductFacts product, BigDecimal entered, long unitId, @Nullable BigDecimal counted,
			BigDecimal quantity, @Nullable String lot, @Nullable LocalDate expiry, List<String> serials,
			@Nullable Long reservationId) {
	}

	private record Reservation(long id, long product, long warehouse, BigDecimal quantity, @Nullable Long serial,
			String reference) {
	}

	private final JdbcClient jdbc;
	private final InventoryPolicy policy;
	private final Catalog catalog;
	private final Customers customers;
	private final Warehouses warehouses;
	private final StockBalances balances;
	private final SerialNumbers serials;
	private final DocumentNumbers numbers;
	private final AuditTrail audit;
	private final Clock clock;

	StockLedger(JdbcClient jdbc, InventoryPolicy policy, Catalog catalog, Customers customers, Warehouses warehouses,
			StockBalances balances, SerialNumbers serials, DocumentNumbers numbers, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.policy = policy;
		this.catalog = catalog;
		this.customers = customers;
		this.warehouses = warehouses;
		this.balances = balances;
		this.serials = serials;
		this.numbers = numbers;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public StockMoveView post(PatchDocument doc) {
		CurrentUser user = policy.requireWarehouse();
		// One moment for the whole move: its time, its number's year, and the dates its lines count from.
		Instant movedAt = clock.instant();
		LocalDate day = LocalDate.ofInstant(movedAt, clock.getZone());
		StockMoveType type = doc.choice("type", StockMoveType.class);
		if (type == null && !doc.hasViolations()) {
			doc.reject("type", "error.value.required");
		}
		Long warehouse = activeWarehouse(doc, "warehouseId", true);
		Long toWarehouse = activeWarehouse(doc, "toWarehouseId", type == StockMoveType.TRANSFER);
		if (type != StockMoveType.TRANSFER && toWarehouse != null) {
			doc.reject("toWarehouseId", "error.stock.to-warehouse-transfer-only");
		}
		if (toWarehouse != null && toWarehouse.equals(warehouse)) {
			doc.reject("toWarehouseId", "error.stock.same-warehouse");
		}
		String reason = doc.freeText("reason", 300);
		if (type == StockMoveType.ADJUSTMENT && reason == null) {
			doc.reject("reason", "error.stock.reason-required");
		}
		String reference = doc.text("reference", 120);
		Long customer = doc.id("customerId");
		if (customer != null && customers.find(customer).isEmpty()) {
			doc.reject("customerId", "error.stock.unknown-customer", String.valueOf(customer));
		}
		List<LineInput> lines = readLines(doc, type, day);
		doc.throwIfInvalid();

		long move = jdbc.sql("""
				insert into stock_move (number, type, warehouse, to_warehouse, reason, reference, customer, created_by, moved_at)
				values (:number, :type, :warehouse, :toWarehouse, :reason, :reference, :customer, :user, :movedAt) returning id""")
			.param("number", numbers.next("SM", day))
			.param("type", type.name())
			.param("warehouse", warehouse)
			.param("toWarehouse", toWarehouse)
			.param("reason", reason)
			.param("reference", reference)
			.param("customer", customer)
			.param("user", user.username())
			.param("movedAt", Timestamp.from(movedAt))
			.query(Long.class)
			.single();
		// Reservations before stock rows, in id order: a release locks a reservation and then its stock row.
		lines.stream().map(LineInput::reservationId).filter(java.util.Objects::nonNull).sorted().distinct()
			.forEach(reservation -> jdbc.sql("select id from stock_reservation where id = ? for update").param(reservation)
				.query(Long.class).list());
		// Lines are applied in product order so that concurrent moves lock stock rows in the same order.
		List<LineInput> ordered = lines.stream().sorted(Comparator.comparingLong((LineInput l) -> l.product().id())
			.thenComparingInt(LineInput::index)).toList();
		for (LineInput line : ordered) {
			switch (type) {
				case RECEIPT -> receive(move, warehouse, line, line.quantity(), user);
				case ISSUE -> issue(move, warehouse, customer, line, user, day);
				case TRANSFER -> transfer(move, warehouse, toWarehouse, line, user);
				case ADJUSTMENT -> adjust(move, warehouse, line, user);
			}
		}
		StockMoveView saved = load(move);
		audit.created(RECORD_TYPE, move, Map.of("number", saved.number(), "type", type, "warehouse", saved.warehouseCode(),
				"reason", reason == null ? "" : reason, "lines", saved.lines().size()));
		return saved;
	}

	private @Nullable Long activeWarehouse(PatchDocument doc, String field, boolean required) {
		Long id = doc.id(field);
		if (id == null) {
			if (required) {
				doc.reject(field, "error.value.required");
			}
			return null;
		}
		var found = warehouses.find(id);
		if (found.isEmpty()) {
			doc.reject(field, "error.stock.unknown-warehouse", String.valueOf(id));
		}
		else if (!found.get().active()) {
			doc.reject(field, "error.stock.inactive-warehouse", found.get().code());
		}
		return id;
	}

	private List<LineInput> readLines(PatchDocument doc, @Nullable StockMoveType type, LocalDate day) {
		List<PatchDocument> items = doc.items("lines");
		if (items.isEmpty()) {
			doc.reject("lines", "error.stock.no-lines");
		}
		var productIds = new ArrayList<@Nullable Long>();
		items.forEach(item -> productIds.add(item.id("productId")));
		var products = catalog.find(productIds.stream().filter(java.util.Objects::nonNull).toList());
		var lines = new ArrayList<LineInput>();
		var serialsSeen = new HashSet<String>();
		for (int index = 0; index < items.size(); index++) {
			PatchDocument item = items.get(index);
			Long productId = productIds.get(index);
			ProductFacts product = productId == null ? null : products.get(productId);
			if (productId == null) {
				item.reject("productId", "error.value.required");
			}
			else if (product == null) {
				item.reject("productId", "error.stock.unknown-product", String.valueOf(productId));
			}
			else if (product.service()) {
				item.reject("productId", "error.stock.service", product.code());
			}
			String unit = item.code("unit", 20);
			BigDecimal entered = item.quantity("quantity");
			BigDecimal counted = type == StockMoveType.ADJUSTMENT ? item.quantity("countedQuantity") : null;
			if (entered == null && counted == null) {
				item.reject("quantity", "error.value.required");
			}
			else if (entered != null && counted != null) {
				item.reject("countedQuantity", "error.stock.quantity-or-count");
			}
			else if (entered != null && type != StockMoveType.ADJUSTMENT && entered.signum() <= 0) {
				item.reject("quantity", "error.stock.quantity-positive");
			}
			else if (entered != null && entered.signum() == 0) {
				item.reject("quantity", "error.stock.quantity-zero");
			}
			else if (counted != null && counted.signum() < 0) {
				item.reject("countedQuantity", "error.value.not-negative");
			}
			String lot = item.code("lot", 60);
			LocalDate expiry = item.date("expiry");
			List<String> lineSerials = item.codes("serials");
			Long reservation = item.id("reservationId");
			if (reservation != null && type != StockMoveType.ISSUE) {
				item.reject("reservationId", "error.stock.reservation-issue-only");
			}
			if (product == null || (entered == null && counted == null)) {
				continue;
			}
			BigDecimal amount = entered == null ? counted : entered;
			var converted = catalog.inProductUnit(product, unit, amount);
			if (converted.isEmpty()) {
				item.reject("unit", "error.stock.unknown-unit", String.valueOf(unit), product.unitCode());
				continue;
			}
			BigDecimal quantity = converted.get().inProductUnit();
			if (quantity.signum() == 0 || quantity.precision() - quantity.scale() > 15) {
				item.reject("quantity", "error.value.quantity");
				continue;
			}
			boolean inward = type == StockMoveType.RECEIPT || (type == StockMoveType.ADJUSTMENT && entered != null && entered.signum() > 0);
			checkTracking(item, product, type, inward, counted != null, quantity, lot, expiry, lineSerials, serialsSeen);
			LocalDate lotExpiry = expiry;
			if (inward && product.tracking() == Tracking.LOT && lotExpiry == null && product.shelfLifeDays() != null) {
				lotExpiry = day.plusDays(product.shelfLifeDays());
			}
			lines.add(new LineInput(index, product, entered == null ? counted : entered, converted.get().unitId(),
					counted == null ? null : quantity, entered == null ? BigDecimal.ZERO : quantity, lot, lotExpiry,
					lineSerials, reservation));
		}
		return lines;
	}

	private static void checkTracking(PatchDocument item, ProductFacts product, @Nullable StockMoveType type, boolean inward,
			boolean counted, BigDecimal quantity, @Nullable String lot, @Nullable LocalDate expiry, List<String> serials,
			java.util.Set<String> serialsSeen) {
		switch (product.tracking()) {
			case SERIAL -> {
				if (quantity.stripTrailingZeros().scale() > 0) {
					item.reject("quantity", "error.stock.serial-whole-units", product.code());
					return;
				}
				if (counted) {
					item.reject("countedQuantity", "error.stock.serial-count", product.code());
					return;
				}
				if (quantity.abs().compareTo(MOST_SERIALS_PER_LINE) > 0) {
					item.reject("quantity", "error.stock.serials-per-line", MOST_SERIALS_PER_LINE);
					return;
				}
				int units = quantity.abs().intValueExact();
				if (inward && serials.size() != units) {
					item.reject("serials", "error.stock.serials-needed", units, product.code(), serials.size());
				}
				else if (!inward && !serials.isEmpty() && serials.size() != units) {
					item.reject("serials", "error.stock.serials-count", units, serials.size());
				}
				for (String serial : serials) {
					if (serial.length() > 80) {
						item.reject("serials", "error.value.too-long", 80);
					}
					else if (!serialsSeen.add(product.id() + "/" + serial)) {
						item.reject("serials", "error.stock.serial-repeated", serial);
					}
				}
				if (lot != null) {
					item.reject("lot", "error.stock.no-lots", product.code());
				}
			}
			case LOT -> {
				if (inward && lot == null) {
					item.reject("lot", "error.stock.lot-needed", product.code());
				}
				if (counted && lot == null) {
					item.reject("lot", "error.stock.lot-needed", product.code());
				}
				if (!serials.isEmpty()) {
					item.reject("serials", "error.stock.no-serials", product.code());
				}
			}
			case NONE -> {
				if (lot != null || expiry != null) {
					item.reject(lot != null ? "lot" : "expiry", "error.stock.no-lots", product.code());
				}
				if (!serials.isEmpty()) {
					item.reject("serials", "error.stock.no-serials", product.code());
				}
			}
		}
	}

	private void receive(long move, long warehouse, LineInput line, BigDecimal quantity, CurrentUser user) {
		String lot = line.lot() == null ? "" : line.lot();
		balances.add(line.product().id(), warehouse, lot, line.expiry(), quantity);
		List<Long> serialIds = line.product().tracking() == Tracking.SERIAL
				? serials.receive(line.product(), warehouse, line.serials(), line.lot(), move, "RECEIVED", user.username())
				: List.of();
		writeLine(move, line, quantity, lot, line.expiry(), null, serialIds, false);
	}

	private void issue(long move, long warehouse, @Nullable Long customer, LineInput line, CurrentUser user,
			LocalDate day) {
		Reservation reservation = line.reservationId() == null ? null : consume(line, warehouse);
		BigDecimal fromReservation = reservation == null ? BigDecimal.ZERO : reservation.quantity().min(line.quantity());
		var taken = balances.take(line.product(), warehouse, line.lot(), line.quantity(), fromReservation);
		List<Long> serialIds = List.of();
		if (line.product().tracking() == Tracking.SERIAL) {
			serialIds = serials.take(line.product(), warehouse, line.serials(), line.quantity().intValueExact(),
					reservation == null ? null : reservation.serial(), SerialNumbers.Status.SOLD, null, customer,
					warrantyEnd(line.product(), day), move, "ISSUED", user.username());
		}
		for (StockBalances.Taken part : taken) {
			writeLine(move, line, part.quantity().negate(), part.lot(), part.expiry(), line.reservationId(), serialIds,
					taken.size() > 1);
		}
	}

	private void transfer(long move, long from, long to, LineInput line, CurrentUser user) {
		var taken = balances.take(line.product(), from, line.lot(), line.quantity(), BigDecimal.ZERO);
		List<Long> serialIds = List.of();
		if (line.product().tracking() == Tracking.SERIAL) {
			serialIds = serials.take(line.product(), from, line.serials(), line.quantity().intValueExact(), null,
					SerialNumbers.Status.IN_STOCK, to, null, null, move, "TRANSFERRED", user.username());
		}
		for (StockBalances.Taken part : taken) {
			balances.add(line.product().id(), to, part.lot(), part.expiry(), part.quantity());
			writeLine(move, line, part.quantity(), part.lot(), part.expiry(), null, serialIds, taken.size() > 1);
		}
	}

	private void adjust(long move, long warehouse, LineInput line, CurrentUser user) {
		BigDecimal change = line.quantity();
		if (line.counted() != null) {
			String lot = line.lot() == null ? "" : line.lot();
			change = line.counted().subtract(balances.lotOnHand(line.product().id(), warehouse, lot));
			if (change.signum() == 0) {
				return;
			}
		}
		if (change.signum() > 0) {
			receive(move, warehouse, line, change, user);
			return;
		}
		BigDecimal out = change.negate();
		String lot = line.counted() != null && line.lot() == null ? "" : line.lot();
		var taken = balances.take(line.product(), warehouse, lot, out, BigDecimal.ZERO);
		List<Long> serialIds = List.of();
		if (line.product().tracking() == Tracking.SERIAL) {
			serialIds = serials.take(line.product(), warehouse, line.serials(), out.intValueExact(), null,
					SerialNumbers.Status.SCRAPPED, null, null, null, move, "SCRAPPED", user.username());
		}
		for (StockBalances.Taken part : taken) {
			writeLine(move, line, part.quantity().negate(), part.lot(), part.expiry(), null, serialIds, taken.size() > 1);
		}
	}

	/** Locks the reservation an issue fulfils and closes it, or takes the issued part off it. */
	private Reservation consume(LineInput line, long warehouse) {
		Reservation reservation = jdbc.sql("""
				select id, product, warehouse, quantity, serial, reference from stock_reservation
				where id = ? and status = 'ACTIVE' for update""")
			.param(line.reservationId())
			.query((rs, n) -> new Reservation(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getBigDecimal(4),
					rs.getObject(5, Long.class), rs.getString(6)))
			.optional()
			.orElseThrow(() -> new DomainException(ErrorKind.CONFLICT, "error.reservation.not-active", String.valueOf(line.reservationId())));
		if (reservation.product() != line.product().id() || reservation.warehouse() != warehouse) {
			throw new DomainException(ErrorKind.CONFLICT, "error.reservation.other-stock", String.valueOf(reservation.id()));
		}
		if (reservation.serial() != null && !line.serials().isEmpty() && !line.serials().contains(serials.serialOf(reservation.serial()))) {
			throw new DomainException(ErrorKind.CONFLICT, "error.reservation.serial-differs", serials.serialOf(reservation.serial()));
		}
		if (line.quantity().compareTo(reservation.quantity()) >= 0) {
			jdbc.sql("update stock_reservation set status = 'CONSUMED', closed_at = now() where id = ?").param(reservation.id()).update();
		}
		else {
			jdbc.sql("update stock_reservation set quantity = quantity - ? where id = ?")
				.params(line.quantity(), reservation.id())
				.update();
		}
		return reservation;
	}

	private static @Nullable LocalDate warrantyEnd(ProductFacts product, LocalDate sold) {
		if (product.warrantyLength() == null || product.warrantyUnit() == null) {
			return null;
		}
		return switch (product.warrantyUnit()) {
			case "MONTHS" -> sold.plusMonths(product.warrantyLength());
			case "YEARS" -> sold.plusYears(product.warrantyLength());
			default -> null;
		};
	}

	/**
	 * Writes a line of the ledger. A line split over several lots ({@code split}), and a counted adjustment, say their
	 * part in the product's own unit; any other line keeps the quantity and unit as entered.
	 */
	private void writeLine(long move, LineInput line, BigDecimal baseQuantity, String lot, @Nullable LocalDate expiry,
			@Nullable Long reservation, List<Long> serialIds, boolean split) {
		boolean inProductUnit = split || line.counted() != null;
		BigDecimal entered = inProductUnit ? baseQuantity : line.entered();
		if (baseQuantity.signum() < 0 && entered.signum() > 0) {
			entered = entered.negate();
		}
		long unit = inProductUnit ? line.product().unitId() : line.unitId();
		long lineId = jdbc.sql("""
				insert into stock_move_line (move, product, quantity, unit, base_quantity, lot, expiry, reservation)
				values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(move, line.product().id(), entered, unit, baseQuantity, lot, expiry, reservation)
			.query(Long.class)
			.single();
		for (long serial : serialIds) {
			jdbc.sql("insert into stock_move_serial (line, serial) values (?, ?) on conflict do nothing").params(lineId, serial).update();
		}
	}

	// reading the ledger

	public StockMoveView get(long id) {
		policy.requireReader();
		return load(id);
	}

	public KeysetPage<StockMoveView> list(@Nullable Long productId, @Nullable Long warehouseId, @Nullable StockMoveType type,
			@Nullable String cursor, PageLimit limit) {
		policy.requireReader();
		var where = new ArrayList<String>();
		var params = new HashMap<String, Object>();
		if (productId != null) {
			where.add("exists (select 1 from stock_move_line l where l.move = m.id and l.product = :product)");
			params.put("product", productId);
		}
		if (warehouseId != null) {
			where.add("(m.warehouse = :warehouse or m.to_warehouse = :warehouse)");
			params.put("warehouse", warehouseId);
		}
		if (type != null) {
			where.add("m.type = :type");
			params.put("type", type.name());
		}
		Cursor after = Cursor.decode(cursor, 1);
		if (after != null) {
			where.add("m.id < :after");
			params.put("after", after.number(0));
		}
		params.put("limit", limit.probe());
		List<Long> ids = jdbc.sql("select m.id from stock_move m" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
				+ " order by m.id desc limit :limit")
			.params(params)
			.query(Long.class)
			.list();
		return KeysetPage.of(loadAll(ids), limit, move -> Cursor.encode(move.id()));
	}

	StockMoveView load(long id) {
		List<StockMoveView> moves = loadAll(List.of(id));
		if (moves.isEmpty()) {
			throw new RecordNotFoundException(RECORD_TYPE, id);
		}
		return moves.getFirst();
	}

	/** The moves with their lines, in the order of the ids, in two queries however many there are. */
	private List<StockMoveView> loadAll(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Long[] wanted = ids.toArray(Long[]::new);
		var linesByMove = new HashMap<Long, List<StockMoveView.Line>>();
		jdbc.sql("""
				select l.move, l.id, l.product, p.code, p.name, l.quantity, u.code as unit, l.base_quantity, l.lot, l.expiry, l.reservation,
				  array(select s.serial from stock_move_serial ms join serial_number s on s.id = ms.serial where ms.line = l.id order by s.serial) as serials
				from stock_move_line l join product_ref p on p.id = l.product join unit_ref u on u.id = l.unit
				where l.move = any(?) order by l.id""")
			.param(wanted)
			.query((rs, n) -> {
				linesByMove.computeIfAbsent(rs.getLong("move"), k -> new ArrayList<>())
					.add(new StockMoveView.Line(rs.getLong("id"), rs.getLong("product"), rs.getString("code"), rs.getString("name"),
							rs.getBigDecimal("quantity"), rs.getString("unit"), rs.getBigDecimal("base_quantity"), rs.getString("lot"),
							rs.getObject("expiry", LocalDate.class), rs.getObject("reservation", Long.class),
							List.of((String[]) rs.getArray("serials").getArray())));
				return null;
			})
			.list();
		var moves = new HashMap<Long, StockMoveView>();
		jdbc.sql("""
				select m.id, m.number, m.type, m.warehouse, w.code, m.to_warehouse, t.code, m.reason, m.reference, m.customer,
				  m.moved_at, m.created_by
				from stock_move m join warehouse w on w.id = m.warehouse left join warehouse t on t.id = m.to_warehouse
				where m.id = any(?)""")
			.param(wanted)
			.query((rs, n) -> move(rs, linesByMove.getOrDefault(rs.getLong(1), List.of())))
			.list()
			.forEach(move -> moves.put(move.id(), move));
		return ids.stream().map(moves::get).filter(java.util.Objects::nonNull).toList();
	}

	private static StockMoveView move(ResultSet rs, List<StockMoveView.Line> lines) throws SQLException {
		return new StockMoveView(rs.getLong(1), rs.getString(2), StockMoveType.valueOf(rs.getString(3)), rs.getLong(4),
				rs.getString(5), rs.getObject(6, Long.class), rs.getString(7), rs.getString(8), rs.getString(9),
				rs.getObject(10, Long.class), rs.getObject(11, OffsetDateTime.class).toInstant(), rs.getString(12), lines);
	}
}
