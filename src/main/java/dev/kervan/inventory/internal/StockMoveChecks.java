package dev.kervan.inventory.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import dev.kervan.catalog.Catalog;
import dev.kervan.catalog.ProductFacts;
import dev.kervan.catalog.Tracking;
import dev.kervan.customers.Customers;
import dev.kervan.inventory.StockMoveType;
import dev.kervan.platform.Checks;
import dev.kervan.platform.FieldViolation;
import dev.kervan.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Checks a stock move draft once, whole, before anything is written: the header against the warehouses and
 * accounts, each line against the catalog (the product, its unit, how it is tracked). Every problem is found, each
 * named by its field ({@code lines[2].quantity}), and all are refused in one answer. What passes is a
 * {@link CheckedMove}, ready to post; what needs the stock itself (enough on hand, a serial still there) is the
 * ledger's to find while posting.
 */
@Component
class StockMoveChecks {

	/** Serial numbers one line may carry: a pallet's worth, and far below what an int counts. */
	private static final BigDecimal MOST_SERIALS_PER_LINE = BigDecimal.valueOf(10_000);

	/** A move that passed its checks: what the ledger posts. */
	record CheckedMove(StockMoveType type, long warehouseId, @Nullable Long toWarehouseId, @Nullable String reason,
			@Nullable String reference, @Nullable Long customerId, List<CheckedLine> lines) {
	}

	/**
	 * A line that passed its checks: the quantity in the product's unit ({@code quantity}, signed for adjustments;
	 * zero for a count, whose {@code counted} is what is on the shelf) and as entered ({@code entered} in
	 * {@code unitId}).
	 */
	record CheckedLine(int index, ProductFacts product, BigDecimal entered, long unitId, @Nullable BigDecimal counted,
			BigDecimal quantity, @Nullable String lot, @Nullable LocalDate expiry, List<String> serials,
			@Nullable Long reservationId) {
	}

	/**
	 * A draft refused by its checks. Besides every violation named as the API answers it, it says which lines were
	 * refused and why, by the lines' own fields, for callers that answer per line (the opening stock import names the
	 * rows of the file behind a line).
	 */
	static final class Refused extends InvalidInputException {

		private final Map<Integer, List<FieldViolation>> lines;
		private final boolean header;

		Refused(List<FieldViolation> violations, Map<Integer, List<FieldViolation>> lines, boolean header) {
			super(violations);
			this.lines = Map.copyOf(lines);
			this.header = header;
		}

		/** The refused lines by their place in the draft, each with its violations named by the line's fields. */
		Map<Integer, List<FieldViolation>> lines() {
			return lines;
		}

		/** Whether something besides the lines was refused (the warehouse, the type, no lines at all). */
		boolean header() {
			return header;
		}
	}

	private final Catalog catalog;
	private final Customers customers;
	private final Warehouses warehouses;

	StockMoveChecks(Catalog catalog, Customers customers, Warehouses warehouses) {
		this.catalog = catalog;
		this.customers = customers;
		this.warehouses = warehouses;
	}

	/**
	 * The draft as it is to be posted on {@code day} (lots without an expiry date expire a shelf life after it), or
	 * {@link Refused} with every problem.
	 */
	CheckedMove check(StockMoveDraft draft, LocalDate day) {
		var checks = new Checks();
		StockMoveType type = checks.required("type", draft.type());
		Long warehouse = activeWarehouse(checks, "warehouseId", draft.warehouseId(), true);
		Long toWarehouse = activeWarehouse(checks, "toWarehouseId", draft.toWarehouseId(), type == StockMoveType.TRANSFER);
		if (type != StockMoveType.TRANSFER && toWarehouse != null) {
			checks.reject("toWarehouseId", "error.stock.to-warehouse-transfer-only");
		}
		if (toWarehouse != null && toWarehouse.equals(warehouse)) {
			checks.reject("toWarehouseId", "error.stock.same-warehouse");
		}
		String reason = checks.freeText("reason", draft.reason(), StockMoveDraft.REASON);
		if (type == StockMoveType.ADJUSTMENT && reason == null) {
			checks.reject("reason", "error.stock.reason-required");
		}
		String reference = checks.name("reference", draft.reference(), StockMoveDraft.REFERENCE);
		Long customer = draft.customerId();
		if (customer != null && customers.find(customer).isEmpty()) {
			checks.reject("customerId", "error.stock.unknown-customer", String.valueOf(customer));
		}
		List<StockMoveDraft.Line> drafted = draft.lines() == null ? List.of() : draft.lines();
		if (drafted.isEmpty()) {
			checks.reject("lines", "error.stock.no-lines");
		}
		boolean header = checks.hasViolations();
		var products = catalog.find(drafted.stream().filter(Objects::nonNull).map(StockMoveDraft.Line::productId)
			.filter(Objects::nonNull).toList());
		var lines = new ArrayList<CheckedLine>();
		var refusedLines = new TreeMap<Integer, List<FieldViolation>>();
		var serialsSeen = new HashSet<String>();
		for (int index = 0; index < drafted.size(); index++) {
			// Each line is checked on its own, so that the lines refused are known by their place as well as by name.
			var lineChecks = new Checks();
			CheckedLine line = checkLine(lineChecks, index, drafted.get(index), products, type, day, serialsSeen);
			List<FieldViolation> problems = violations(lineChecks);
			if (!problems.isEmpty()) {
				refusedLines.put(index, problems);
				Checks named = checks.item("lines", index);
				problems.forEach(problem -> named.reject(problem.field(), problem.messageCode(), problem.arguments()));
			}
			else if (line != null) {
				lines.add(line);
			}
		}
		if (checks.hasViolations()) {
			throw new Refused(violations(checks), refusedLines, header);
		}
		return new CheckedMove(Objects.requireNonNull(type), Objects.requireNonNull(warehouse), toWarehouse, reason,
				reference, customer, lines);
	}

	private @Nullable Long activeWarehouse(Checks checks, String field, @Nullable Long id, boolean required) {
		if (id == null) {
			if (required) {
				checks.reject(field, "error.value.required");
			}
			return null;
		}
		var found = warehouses.find(id);
		if (found.isEmpty()) {
			checks.reject(field, "error.stock.unknown-warehouse", String.valueOf(id));
		}
		else if (!found.get().active()) {
			checks.reject(field, "error.stock.inactive-warehouse", found.get().code());
		}
		return id;
	}

	/** One line checked into {@code checks}; {@code null} when it cannot be read far enough to be posted. */
	private @Nullable CheckedLine checkLine(Checks checks, int index, StockMoveDraft.@Nullable Line drafted,
			Map<Long, ProductFacts> products, @Nullable StockMoveType type, LocalDate day, Set<String> serialsSeen) {
		if (drafted == null) {
			checks.reject("productId", "error.value.required");
			return null;
		}
		Long productId = drafted.productId();
		ProductFacts product = productId == null ? null : products.get(productId);
		if (productId == null) {
			checks.reject("productId", "error.value.required");
		}
		else if (product == null) {
			checks.reject("productId", "error.stock.unknown-product", String.valueOf(productId));
		}
		else if (product.service()) {
			checks.reject("productId", "error.stock.service", product.code());
		}
		String unit = checks.code("unit", drafted.unit(), StockMoveDraft.Line.UNIT);
		BigDecimal entered = checks.quantity("quantity", drafted.quantity());
		BigDecimal counted = checks.quantity("countedQuantity", drafted.countedQuantity());
		if (counted != null && type != StockMoveType.ADJUSTMENT) {
			checks.reject("countedQuantity", "error.stock.count-adjustment-only");
			counted = null;
		}
		if (drafted.quantity() == null && drafted.countedQuantity() == null) {
			checks.reject("quantity", "error.value.required");
		}
		else if (entered != null && counted != null) {
			checks.reject("countedQuantity", "error.stock.quantity-or-count");
		}
		else if (entered != null && type != StockMoveType.ADJUSTMENT && entered.signum() <= 0) {
			checks.reject("quantity", "error.stock.quantity-positive");
		}
		else if (entered != null && entered.signum() == 0) {
			checks.reject("quantity", "error.stock.quantity-zero");
		}
		else if (counted != null && counted.signum() < 0) {
			checks.reject("countedQuantity", "error.value.not-negative");
		}
		String lot = checks.code("lot", drafted.lot(), StockMoveDraft.Line.LOT);
		LocalDate expiry = checks.date("expiry", drafted.expiry());
		List<String> serials = serials(checks, drafted.serials());
		Long reservation = drafted.reservationId();
		if (reservation != null && type != StockMoveType.ISSUE) {
			checks.reject("reservationId", "error.stock.reservation-issue-only");
		}
		if (product == null || (entered == null && counted == null)) {
			return null;
		}
		BigDecimal amount = entered == null ? counted : entered;
		var converted = catalog.inProductUnit(product, unit, amount);
		if (converted.isEmpty()) {
			checks.reject("unit", "error.stock.unknown-unit", String.valueOf(unit), product.unitCode());
			return null;
		}
		BigDecimal quantity = converted.get().inProductUnit();
		if (quantity.signum() == 0 || quantity.precision() - quantity.scale() > 15) {
			checks.reject("quantity", "error.value.quantity");
			return null;
		}
		boolean inward = type == StockMoveType.RECEIPT || (type == StockMoveType.ADJUSTMENT && entered != null && entered.signum() > 0);
		checkTracking(checks, product, inward, counted != null, quantity, lot, expiry, serials, serialsSeen);
		LocalDate lotExpiry = expiry;
		if (inward && product.tracking() == Tracking.LOT && lotExpiry == null && product.shelfLifeDays() != null) {
			lotExpiry = day.plusDays(product.shelfLifeDays());
		}
		return new CheckedLine(index, product, amount, converted.get().unitId(), counted == null ? null : quantity,
				entered == null ? BigDecimal.ZERO : quantity, lot, lotExpiry, serials, reservation);
	}

	/** The serial numbers given, as codes, blanks left out. */
	private static List<String> serials(Checks checks, @Nullable List<@Nullable String> given) {
		if (given == null) {
			return List.of();
		}
		var serials = new ArrayList<String>();
		for (String text : given) {
			String serial = checks.code("serials", text);
			if (serial != null) {
				serials.add(serial);
			}
		}
		return serials;
	}

	private static void checkTracking(Checks checks, ProductFacts product, boolean inward, boolean counted,
			BigDecimal quantity, @Nullable String lot, @Nullable LocalDate expiry, List<String> serials,
			Set<String> serialsSeen) {
		switch (product.tracking()) {
			case SERIAL -> {
				if (quantity.stripTrailingZeros().scale() > 0) {
					checks.reject("quantity", "error.stock.serial-whole-units", product.code());
					return;
				}
				if (counted) {
					checks.reject("countedQuantity", "error.stock.serial-count", product.code());
					return;
				}
				if (quantity.abs().compareTo(MOST_SERIALS_PER_LINE) > 0) {
					checks.reject("quantity", "error.stock.serials-per-line", MOST_SERIALS_PER_LINE);
					return;
				}
				int units = quantity.abs().intValueExact();
				if (inward && serials.size() != units) {
					checks.reject("serials", "error.stock.serials-needed", units, product.code(), serials.size());
				}
				else if (!inward && !serials.isEmpty() && serials.size() != units) {
					checks.reject("serials", "error.stock.serials-count", units, serials.size());
				}
				for (String serial : serials) {
					if (serial.length() > StockMoveDraft.Line.SERIAL) {
						checks.reject("serials", "error.value.too-long", StockMoveDraft.Line.SERIAL);
					}
					else if (!serialsSeen.add(product.id() + "/" + serial)) {
						checks.reject("serials", "error.stock.serial-repeated", serial);
					}
				}
				if (lot != null) {
					checks.reject("lot", "error.stock.no-lots", product.code());
				}
			}
			case LOT -> {
				if ((inward || counted) && lot == null) {
					checks.reject("lot", "error.stock.lot-needed", product.code());
				}
				if (!serials.isEmpty()) {
					checks.reject("serials", "error.stock.no-serials", product.code());
				}
			}
			case NONE -> {
				if (lot != null || expiry != null) {
					checks.reject(lot != null ? "lot" : "expiry", "error.stock.no-lots", product.code());
				}
				if (!serials.isEmpty()) {
					checks.reject("serials", "error.stock.no-serials", product.code());
				}
			}
		}
	}

	/** What a set of checks found, in the order found. */
	private static List<FieldViolation> violations(Checks checks) {
		try {
			checks.throwIfInvalid();
			return List.of();
		}
		catch (InvalidInputException found) {
			return found.violations();
		}
	}
}
