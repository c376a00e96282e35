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
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.kervan.catalog.ProductFacts;
import dev.kervan.catalog.Tracking;
import dev.kervan.identity.CurrentUser;
import dev.kervan.inventory.StockMoveType;
import dev.kervan.inventory.StockMoved;
import dev.kervan.inventory.internal.StockMoveChecks.CheckedLine;
import dev.kervan.inventory.internal.StockMoveChecks.CheckedMove;
import dev.kervan.platform.AuditTrail;
import dev.kervan.platform.Cursor;
import dev.kervan.platform.DocumentNumbers;
import dev.kervan.platform.DomainException;
import dev.kervan.platform.ErrorKind;
import dev.kervan.platform.KeysetPage;
import dev.kervan.platform.PageLimit;
import dev.kervan.platform.RecordNotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stock ledger. Every receipt, issue, transfer and adjustment is a move with lines, posted once from a checked
 * draft and never changed afterwards (the database refuses to update a posted move; a correction is a move of its
 * own); the figures on hand, per lot and per warehouse, change in the same transaction, so they always equal the sum
 * of the ledger. A draft is checked whole before anything is written ({@link StockMoveChecks}), and a move that
 * cannot be carried out in full (not enough stock, a serial already gone) changes nothing. A posted move is
 * published as {@link StockMoved} in its transaction.
 */
@Service
public class StockLedger {

	static final String RECORD_TYPE = "stock-move";

	private record Reservation(long id, long product, long warehouse, BigDecimal quantity, @Nullable Long serial,
			String reference) {
	}

	private final JdbcClient jdbc;
	private final InventoryPolicy policy;
	private final StockMoveChecks checks;
	private final StockBalances balances;
	private final SerialNumbers serials;
	private final DocumentNumbers numbers;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	StockLedger(JdbcClient jdbc, InventoryPolicy policy, StockMoveChecks checks, StockBalances balances,
			SerialNumbers serials, DocumentNumbers numbers, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.policy = policy;
		this.checks = checks;
		this.balances = balances;
		this.serials = serials;
		this.numbers = numbers;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** Posts a draft whole, or refuses it changing nothing. */
	@Transactional
	public StockMoveView post(StockMoveDraft draft) {
		CurrentUser user = policy.requireWarehouse();
		// One moment for the whole move: its time, its number's year, and the dates its lines count from.
		Instant movedAt = clock.instant();
		LocalDate day = LocalDate.ofInstant(movedAt, clock.getZone());
		CheckedMove checked = checks.check(draft, day);
		long warehouse = checked.warehouseId();
		long move = jdbc.sql("""
				insert into stock_move (number, type, warehouse, to_warehouse, reason, reference, customer, created_by, moved_at)
				values (:number, :type, :warehouse, :toWarehouse, :reason, :reference, :customer, :user, :movedAt) returning id""")
			.param("number", numbers.next("SM", day))
			.param("type", checked.type().name())
			.param("warehouse", warehouse)
			.param("toWarehouse", checked.toWarehouseId())
			.param("reason", checked.reason())
			.param("reference", checked.reference())
			.param("customer", checked.customerId())
			.param("user", user.username())
			.param("movedAt", Timestamp.from(movedAt))
			.query(Long.class)
			.single();
		// Reservations before stock rows, in id order: a release locks a reservation and then its stock row.
		checked.lines().stream().map(CheckedLine::reservationId).filter(Objects::nonNull).sorted().distinct()
			.forEach(reservation -> jdbc.sql("select id from stock_reservation where id = ? for update").param(reservation)
				.query(Long.class).list());
		// Lines are applied in product order so that concurrent moves lock stock rows in the same order.
		List<CheckedLine> ordered = checked.lines().stream().sorted(Comparator.comparingLong((CheckedLine l) -> l.product().id())
			.thenComparingInt(CheckedLine::index)).toList();
		for (CheckedLine line : ordered) {
			switch (checked.type()) {
				case RECEIPT -> receive(move, warehouse, line, line.quantity(), user);
				case ISSUE -> issue(move, warehouse, checked.customerId(), line, user, day);
				case TRANSFER -> transfer(move, warehouse, Objects.requireNonNull(checked.toWarehouseId()), line, user);
				case ADJUSTMENT -> adjust(move, warehouse, line, user);
			}
		}
		StockMoveView saved = load(move);
		audit.created(RECORD_TYPE, move, Map.of("number", saved.number(), "type", checked.type(), "warehouse",
				saved.warehouseCode(), "reason", checked.reason() == null ? "" : checked.reason(), "lines", saved.lines().size()));
		events.publishEvent(moved(saved));
		return saved;
	}

	private static StockMoved moved(StockMoveView move) {
		return new StockMoved(move.id(), move.number(), move.type(), move.warehouseId(), move.toWarehouseId(),
				move.customerId(), move.movedAt(), move.lines().stream()
					.map(line -> new StockMoved.Line(line.productId(), line.baseQuantity(), line.lot().isEmpty() ? null : line.lot(),
							line.serials(), line.reservationId()))
					.toList());
	}

	private void receive(long move, long warehouse, CheckedLine line, BigDecimal quantity, CurrentUser user) {
		String lot = line.lot() == null ? "" : line.lot();
		balances.add(line.product().id(), warehouse, lot, line.expiry(), quantity);
		List<Long> serialIds = line.product().tracking() == Tracking.SERIAL
				? serials.receive(line.product(), warehouse, line.serials(), line.lot(), move, "RECEIVED", user.username())
				: List.of();
		writeLine(move, line, quantity, lot, line.expiry(), null, serialIds, false);
	}

	private void issue(long move, long warehouse, @Nullable Long customer, CheckedLine line, CurrentUser user,
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

	private void transfer(long move, long from, long to, CheckedLine line, CurrentUser user) {
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

	private void adjust(long move, long warehouse, CheckedLine line, CurrentUser user) {
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
	private Reservation consume(CheckedLine line, long warehouse) {
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
	private void writeLine(long move, CheckedLine line, BigDecimal baseQuantity, String lot, @Nullable LocalDate expiry,
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
		return ids.stream().map(moves::get).filter(Objects::nonNull).toList();
	}

	private static StockMoveView move(ResultSet rs, List<StockMoveView.Line> lines) throws SQLException {
		return new StockMoveView(rs.getLong(1), rs.getString(2), StockMoveType.valueOf(rs.getString(3)), rs.getLong(4),
				rs.getString(5), rs.getObject(6, Long.class), rs.getString(7), rs.getString(8), rs.getString(9),
				rs.getObject(10, Long.class), rs.getObject(11, OffsetDateTime.class).toInstant(), rs.getString(12), lines);
	}
}
