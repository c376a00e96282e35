package dev.kervan.inventory.internal;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.kervan.catalog.Catalog;
import dev.kervan.catalog.ProductFacts;
import dev.kervan.platform.ImportedCells;
import dev.kervan.platform.ImportedWords;
import dev.kervan.platform.ImportedTable;
import dev.kervan.platform.InvalidInputException;
import dev.kervan.platform.Problems;
import dev.kervan.platform.TextHygiene;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The stock a company starts with, from a CSV or XLSX file: a row per product (by code or barcode) and lot, or per
 * unit for serial-numbered products. Every row is checked before anything is written; the good rows become one
 * receipt into the warehouse, posted through the stock ledger with the reason "Opening stock" and the file's name
 * as reference, with the rows of the same product and lot added up into one line. Refused rows are reported with
 * their numbers and reasons and are left out.
 */
@Service
public class OpeningStockImport {

	static final int MAX_ROWS = 10_000;

	/** What an import posted; serializable, since pages hand it over a redirect in the session. */
	@Schema(name = "OpeningStockResult")
	public record Result(@Nullable Long moveId, @Nullable String moveNumber, int lines, List<RowError> errors)
			implements Serializable {

		public Result {
			errors = List.copyOf(errors);
		}
	}

	@Schema(name = "OpeningStockRowError")
	public record RowError(int row, String message) implements Serializable {
	}

	private static final Map<String, List<String>> COLUMNS = columns();

	/** The rows of one line of the receipt: a product and lot. */
	private static final class Line {
		final ProductFacts product;
		final String lot;
		@Nullable LocalDate expiry;
		BigDecimal quantity = BigDecimal.ZERO;
		final List<String> serials = new ArrayList<>();
		final List<Integer> rows = new ArrayList<>();

		Line(ProductFacts product, String lot) {
			this.product = product;
			this.lot = lot;
		}
	}

	private final InventoryPolicy policy;
	private final Warehouses warehouses;
	private final Catalog catalog;
	private final StockLedger ledger;
	private final JdbcClient jdbc;
	private final Problems problems;
	private final Map<String, List<String>> headerNames;

	OpeningStockImport(InventoryPolicy policy, Warehouses warehouses, Catalog catalog, StockLedger ledger, JdbcClient jdbc,
			Problems problems, MessageSource messages) {
		this.policy = policy;
		this.warehouses = warehouses;
		this.catalog = catalog;
		this.ledger = ledger;
		this.jdbc = jdbc;
		this.problems = problems;
		this.headerNames = ImportedCells.headerNames(messages, "inventory.opening.column.", COLUMNS);
	}

	public Result run(long warehouseId, String filename, byte[] content) {
		policy.requireWarehouse();
		Warehouses.Warehouse warehouse = warehouses.find(warehouseId)
			.orElseThrow(() -> InvalidInputException.of("warehouseId", "error.stock.unknown-warehouse", String.valueOf(warehouseId)));
		if (!warehouse.active()) {
			throw InvalidInputException.of("warehouseId", "error.stock.inactive-warehouse", warehouse.code());
		}
		ImportedTable table = ImportedTable.read(filename, content, ImportedTable.Limits.DEFAULT.withRows(MAX_ROWS));
		Map<String, Integer> columns = ImportedCells.columns(table.headers(), headerNames);
		if (!columns.containsKey("productCode")) {
			throw InvalidInputException.of("file", "error.import.column-missing",
					problems.message("inventory.opening.column.productCode"));
		}
		if (!columns.containsKey("quantity") && !columns.containsKey("serial")) {
			throw InvalidInputException.of("file", "error.import.column-missing",
					problems.message("inventory.opening.column.quantity"));
		}
		var lines = new LinkedHashMap<String, Line>();
		var serialRows = new HashMap<String, Integer>();
		var errors = new ArrayList<RowError>();
		for (ImportedTable.Line row : table.lines()) {
			var problemsOfRow = new ArrayList<String>();
			Map<String, String> cells = new HashMap<>();
			columns.forEach((field, column) -> {
				String value = ImportedCells.text(row.cell(column));
				if (!value.isEmpty()) {
					cells.put(field, value);
				}
			});
			Checked checked = check(cells, table.headers(), columns, problemsOfRow);
			if (checked != null && checked.serial() != null) {
				String key = checked.product().id() + "/" + checked.serial();
				Integer earlier = serialRows.putIfAbsent(key, row.number());
				if (earlier != null) {
					problemsOfRow.add(problems.message("error.import.same-serial", checked.serial(), earlier));
				}
			}
			if (checked != null && problemsOfRow.isEmpty()) {
				Line line = lines.computeIfAbsent(checked.product().id() + "/" + checked.lot(),
						k -> new Line(checked.product(), checked.lot()));
				if (line.expiry != null && checked.expiry() != null && !line.expiry.equals(checked.expiry())) {
					problemsOfRow.add(problems.message("error.import.lot-expiry", checked.lot()));
				}
				else {
					line.expiry = line.expiry == null ? checked.expiry() : line.expiry;
					line.quantity = line.quantity.add(checked.quantity());
					if (checked.serial() != null) {
						line.serials.add(checked.serial());
					}
					line.rows.add(row.number());
				}
			}
			if (!problemsOfRow.isEmpty()) {
				errors.add(new RowError(row.number(), String.join("; ", problemsOfRow)));
			}
		}
		refuseKnownSerials(lines, errors);
		if (lines.isEmpty()) {
			return new Result(null, null, 0, sorted(errors));
		}
		List<Line> posted = List.copyOf(lines.values());
		try {
			StockMoveView move = ledger.post(receipt(warehouseId, filename, posted));
			return new Result(move.id(), move.number(), move.lines().size(), sorted(errors));
		}
		catch (StockMoveChecks.Refused refused) {
			// Checked above, so only a change in between (a product closed, a unit gone) lands here: the rows of the
			// refused lines are named, and nothing was posted.
			if (refused.header()) {
				throw refused;
			}
			refused.lines().forEach((index, violations) -> {
				String message = violations.stream().map(v -> problems.message(v.messageCode(), v.arguments()))
					.collect(Collectors.joining("; "));
				posted.get(index).rows.forEach(row -> errors.add(new RowError(row, message)));
			});
			return new Result(null, null, 0, sorted(errors));
		}
	}

	private record Checked(ProductFacts product, BigDecimal quantity, String lot, @Nullable LocalDate expiry,
			@Nullable String serial) {
	}

	/** One row checked by the rules of a receipt; {@code null} when something is wrong (told in {@code out}). */
	private @Nullable Checked check(Map<String, String> cells, List<String> headers, Map<String, Integer> columns,
			List<String> out) {
		for (String field : List.of("productCode", "unit", "lot", "serial")) {
			var problem = TextHygiene.codeProblem(cells.get(field));
			if (problem.isPresent()) {
				out.add(where(field, headers, columns) + problems.message(problem.get()));
				return null;
			}
		}
		String code = cells.get("productCode");
		String serial = cells.get("serial");
		String lot = cells.getOrDefault("lot", "");
		ProductFacts product = null;
		if (code == null) {
			out.add(where("productCode", headers, columns) + problems.message("error.value.required"));
		}
		else {
			product = catalog.findByCodeOrBarcode(code).orElse(null);
			if (product == null) {
				out.add(where("productCode", headers, columns) + problems.message("error.import.unknown-product-code", code));
			}
			else if (product.service()) {
				out.add(problems.message("error.stock.service", product.code()));
				product = null;
			}
		}
		BigDecimal entered = null;
		String quantityText = cells.get("quantity");
		if (quantityText == null && serial != null) {
			entered = BigDecimal.ONE;
		}
		else if (quantityText == null) {
			out.add(where("quantity", headers, columns) + problems.message("error.value.required"));
		}
		else {
			try {
				entered = new BigDecimal(ImportedCells.decimal(quantityText));
				if (entered.signum() <= 0) {
					out.add(where("quantity", headers, columns) + problems.message("error.stock.quantity-positive"));
					entered = null;
				}
				else if (entered.scale() > 4 || entered.precision() - entered.scale() > 15) {
					out.add(where("quantity", headers, columns) + problems.message("error.value.quantity"));
					entered = null;
				}
			}
			catch (NumberFormatException e) {
				out.add(where("quantity", headers, columns) + problems.message("error.value.invalid", quantityText));
			}
		}
		LocalDate expiry = null;
		if (cells.containsKey("expiry")) {
			try {
				expiry = LocalDate.parse(ImportedCells.date(cells.get("expiry")));
			}
			catch (DateTimeParseException e) {
				out.add(where("expiry", headers, columns) + problems.message("error.value.invalid", cells.get("expiry")));
			}
		}
		if (lot.length() > 60) {
			out.add(where("lot", headers, columns) + problems.message("error.value.too-long", 60));
		}
		if (serial != null && serial.length() > 80) {
			out.add(where("serial", headers, columns) + problems.message("error.value.too-long", 80));
		}
		if (product == null || entered == null) {
			return null;
		}
		String unit = cells.get("unit");
		// A unit as typed first (a unit of the company's own may be called anything), then as people write units.
		var counted = catalog.inProductUnit(product, unit, entered);
		var spoken = unit == null ? java.util.Optional.<String>empty() : ImportedWords.UNITS.read(unit);
		if (counted.isEmpty() && spoken.isPresent()) {
			counted = catalog.inProductUnit(product, spoken.get(), entered);
		}
		if (counted.isEmpty()) {
			out.add(where("unit", headers, columns)
					+ problems.message("error.stock.unknown-unit", cells.get("unit"), product.unitCode()));
			return null;
		}
		BigDecimal quantity = counted.get().inProductUnit();
		switch (product.tracking()) {
			case SERIAL -> {
				if (serial == null) {
					out.add(where("serial", headers, columns) + problems.message("error.import.serial-needed", product.code()));
				}
				else if (quantity.compareTo(BigDecimal.ONE) != 0) {
					out.add(where("quantity", headers, columns) + problems.message("error.import.serial-one", product.code()));
				}
				if (!lot.isEmpty()) {
					out.add(where("lot", headers, columns) + problems.message("error.stock.no-lots", product.code()));
				}
			}
			case LOT -> {
				if (lot.isEmpty()) {
					out.add(where("lot", headers, columns) + problems.message("error.stock.lot-needed", product.code()));
				}
				if (serial != null) {
					out.add(where("serial", headers, columns) + problems.message("error.stock.no-serials", product.code()));
				}
			}
			case NONE -> {
				if (!lot.isEmpty() || expiry != null) {
					out.add(where(lot.isEmpty() ? "expiry" : "lot", headers, columns)
							+ problems.message("error.stock.no-lots", product.code()));
				}
				if (serial != null) {
					out.add(where("serial", headers, columns) + problems.message("error.stock.no-serials", product.code()));
				}
			}
		}
		return out.isEmpty() ? new Checked(product, quantity, lot, expiry, serial) : null;
	}

	/** The header of a field's column and a colon, to put before a reason. */
	private static String where(String field, List<String> headers, Map<String, Integer> columns) {
		Integer column = columns.get(field);
		return column == null ? "" : headers.get(column) + ": ";
	}

	/** Serial numbers the ledger has for the product already (in stock, reserved, in service…) are refused. */
	private void refuseKnownSerials(Map<String, Line> lines, List<RowError> errors) {
		for (var iterator = lines.values().iterator(); iterator.hasNext();) {
			Line line = iterator.next();
			if (line.serials.isEmpty()) {
				continue;
			}
			List<String> known = jdbc.sql("""
					select serial from serial_number where product = ? and serial = any(?) and status <> 'SOLD'""")
				.params(line.product.id(), line.serials.toArray(String[]::new))
				.query(String.class)
				.list();
			for (String serial : known) {
				int index = line.serials.indexOf(serial);
				int row = line.rows.get(index);
				errors.add(new RowError(row, problems.message("error.serial.exists", serial, line.product.code())));
				line.serials.remove(index);
				line.rows.remove(index);
				line.quantity = line.quantity.subtract(BigDecimal.ONE);
			}
			if (line.serials.isEmpty()) {
				iterator.remove();
			}
		}
	}

	private StockMoveDraft receipt(long warehouseId, String filename, List<Line> lines) {
		return StockMoveDraft.receipt(warehouseId, problems.message("inventory.opening.reason"),
				filename.length() > StockMoveDraft.REFERENCE ? filename.substring(0, StockMoveDraft.REFERENCE) : filename,
				lines.stream().map(line -> StockMoveDraft.Line.received(line.product.id(), line.quantity,
						line.lot.isEmpty() ? null : line.lot, line.expiry, line.serials)).toList());
	}

	private static List<RowError> sorted(List<RowError> errors) {
		return errors.stream().sorted(java.util.Comparator.comparingInt(RowError::row)).toList();
	}

	private static Map<String, List<String>> columns() {
		var columns = new LinkedHashMap<String, List<String>>();
		columns.put("productCode", List.of("code", "product", "barcode", "kod", "ürün kodu", "stok kodu", "barkod", "کد",
				"کد کالا", "بارکد"));
		columns.put("quantity", List.of("qty", "miktar", "adet", "مقدار", "تعداد"));
		columns.put("unit", ImportedWords.headers("unit"));
		columns.put("lot", List.of("batch", "parti", "lot no", "سری ساخت", "بچ"));
		columns.put("expiry", List.of("expiry date", "expires", "son kullanma", "son kullanma tarihi", "skt", "تاریخ انقضا"));
		columns.put("serial", List.of("serial number", "serial no", "seri no", "seri numarası", "شماره سریال", "سریال"));
		return columns;
	}
}
