package dev.kervan.catalog.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.kervan.platform.Commands;
import dev.kervan.platform.DomainException;
import dev.kervan.platform.ExpectedVersion;
import dev.kervan.platform.FieldViolation;
import dev.kervan.platform.ImportedCells;
import dev.kervan.platform.ImportedTable;
import dev.kervan.platform.ImportedWords;
import dev.kervan.platform.InvalidInputException;
import dev.kervan.platform.Problems;
import dev.kervan.platform.TextHygiene;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Products from a CSV or XLSX file. Columns are found by their headers (English, Turkish or Persian, or as the
 * product export writes them); a unit may be its code or a word people write for it ("Adet", "عدد", "kg"), a
 * currency its code or a word ("TL"). A row whose code exists changes that product, in the columns the file has and
 * whose cells are filled; any other row enters a new product. Every row goes through the same rules as a product
 * entered by hand, in a transaction of its own: a refused row changes nothing (not even the categories its path
 * would have created) and is reported with its number and reasons, and the other rows go on.
 */
@Service
public class ProductImport {

	static final int MAX_ROWS = 10_000;

	/** The importable columns in the order the export writes them, each with the other words its header may be. */
	static final Map<String, List<String>> COLUMNS = columns();

	private static final Set<String> DECIMALS = Set.of("vatRate", "salePrice", "standardCost", "minStock", "maxStock");

	/** Whole numbers, which a spreadsheet may write with decimals ({@code 24.0}, {@code 24,00}). */
	private static final Set<String> WHOLE_NUMBERS = Set.of("shelfLifeDays", "warrantyLength");

	private final Products products;
	private final Units units;
	private final ProductCategories categories;
	private final CatalogPolicy policy;
	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final Problems problems;
	private final Commands commands;
	private final Map<String, List<String>> headerNames;

	ProductImport(Products products, Units units, ProductCategories categories, CatalogPolicy policy, JdbcClient jdbc,
			TransactionTemplate transactions, Problems problems, Commands commands, MessageSource messages) {
		this.products = products;
		this.units = units;
		this.commands = commands;
		this.categories = categories;
		this.policy = policy;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.problems = problems;
		this.headerNames = ImportedCells.headerNames(messages, "catalog.files.column.", COLUMNS);
	}

	public ImportResult run(String filename, byte[] content) {
		policy.requireProductEditor();
		ImportedTable table = ImportedTable.read(filename, content, ImportedTable.Limits.DEFAULT.withRows(MAX_ROWS));
		Map<String, Integer> columns = ImportedCells.columns(table.headers(), headerNames);
		if (!columns.containsKey("code")) {
			throw InvalidInputException.of("file", "error.import.column-missing", problems.message("catalog.files.column.code"));
		}
		int created = 0;
		int updated = 0;
		var errors = new ArrayList<ImportResult.RowError>();
		for (ImportedTable.Line line : table.lines()) {
			var cells = new LinkedHashMap<String, String>();
			columns.forEach((field, column) -> {
				String value = ImportedCells.text(line.cell(column));
				if (!value.isEmpty()) {
					cells.put(field, DECIMALS.contains(field) ? ImportedCells.decimal(value)
							: WHOLE_NUMBERS.contains(field) ? ImportedCells.wholeNumber(value) : value);
				}
			});
			try {
				Boolean wasNew = transactions.execute(status -> save(cells));
				if (Boolean.TRUE.equals(wasNew)) {
					created++;
				}
				else {
					updated++;
				}
			}
			catch (DomainException refusal) {
				errors.add(new ImportResult.RowError(line.number(), reasons(refusal, table.headers(), columns, problems)));
			}
			catch (DataIntegrityViolationException clash) {
				// Two imports entering the same code or barcode at once: the database keeps them unique.
				errors.add(new ImportResult.RowError(line.number(), problems.message("error.integrity")));
			}
		}
		return new ImportResult(created, updated, errors);
	}

	/** Saves one row; answers whether it entered a new product. */
	private boolean save(Map<String, String> cells) {
		String code = cells.get("code");
		if (code != null) {
			TextHygiene.codeProblem(code).ifPresent(problem -> {
				throw InvalidInputException.of("code", problem);
			});
		}
		ProductRow existing = code == null ? null : findByCode(code);
		ObjectNode body = JsonNodeFactory.instance.objectNode();
		var names = new LinkedHashMap<String, String>(existing == null ? Map.of() : existing.names());
		cells.forEach((field, value) -> {
			switch (field) {
				case "name_tr" -> names.put("tr", value);
				case "name_fa" -> names.put("fa", value);
				case "barcode" -> {
					var barcodes = body.putArray("barcodes");
					for (String barcode : value.split("[\\s;,]+")) {
						if (!barcode.isBlank()) {
							barcodes.add(barcode);
						}
					}
				}
				case "category" -> {
					Long category = categoryOf(value);
					if (category != null) {
						body.put("categoryId", category);
					}
				}
				case "unit" -> body.put(field, units.idOf(value).isPresent() ? value
						: ImportedWords.UNITS.read(value).orElse(value));
				case "currency" -> body.put(field, ImportedWords.currency(value).orElse(value));
				default -> body.put(field, value);
			}
		});
		if (cells.containsKey("name_tr") || cells.containsKey("name_fa")) {
			var node = body.putObject("names");
			names.forEach(node::put);
		}
		if (existing == null) {
			products.create(commands.readCanonical(body, ProductDraft.class));
			return true;
		}
		products.update(existing.id(), ExpectedVersion.unconditional(), commands.readCanonical(body, ProductChange.class));
		return false;
	}

	private @Nullable ProductRow findByCode(String code) {
		return jdbc.sql("select id from product where lower(code) = lower(?)")
			.param(code)
			.query(Long.class)
			.optional()
			.map(products::load)
			.orElse(null);
	}

	/**
	 * The category at a path such as "Appliances / Washing machines", made where it is missing, under the same rules
	 * as a category entered by hand; {@code null} for a path of no names.
	 */
	private @Nullable Long categoryOf(String path) {
		Long parent = null;
		for (String part : path.split("/")) {
			String name = part.strip();
			if (name.isEmpty()) {
				continue;
			}
			TextHygiene.nameProblem(name).ifPresent(problem -> {
				throw InvalidInputException.of("categoryId", problem);
			});
			Long found = jdbc.sql("""
					select id from product_category where coalesce(parent, 0) = coalesce(cast(? as bigint), 0)
					  and lower(name) = lower(?) order by id limit 1""")
				.params(parent, name)
				.query(Long.class)
				.optional()
				.orElse(null);
			if (found == null) {
				try {
					found = categories.create(new ProductCategories.NewProductCategory(name, parent)).id();
				}
				catch (InvalidInputException refused) {
					throw new InvalidInputException(refused.violations().stream()
						.map(v -> new FieldViolation("categoryId", v.messageCode(), v.arguments()))
						.toList());
				}
			}
			parent = found;
		}
		return parent;
	}

	/**
	 * A refusal as one line: each invalid field under the header the file gives its column, or the refusal's own
	 * message when it names no field.
	 */
	static String reasons(DomainException refusal, List<String> headers, Map<String, Integer> columns, Problems problems) {
		if (refusal.violations().isEmpty()) {
			return problems.message(refusal.messageCode(), refusal.arguments());
		}
		var reasons = new ArrayList<String>();
		for (FieldViolation violation : refusal.violations()) {
			Integer column = columns.get(columnOf(violation.field()));
			String where = column == null ? violation.field() : headers.get(column);
			reasons.add(where + ": " + problems.message(violation.messageCode(), violation.arguments()));
		}
		return String.join("; ", reasons);
	}

	/** The column of the file a field of the rules comes from. */
	private static String columnOf(String field) {
		return switch (field) {
			case "names.tr" -> "name_tr";
			case "names.fa" -> "name_fa";
			case "barcodes" -> "barcode";
			case "categoryId" -> "category";
			case "productId" -> "productCode";
			default -> field;
		};
	}

	private static Map<String, List<String>> columns() {
		var columns = new LinkedHashMap<String, List<String>>();
		columns.put("code", List.of("product code", "productcode", "kod", "ürün kodu", "stok kodu", "کد", "کد کالا"));
		columns.put("name", ImportedWords.headers("name", "ürün adı", "stok adı", "نام کالا"));
		columns.put("name_tr", List.of("name tr", "ad tr", "türkçe ad", "نام ترکی"));
		columns.put("name_fa", List.of("name fa", "ad fa", "farsça ad", "نام فارسی"));
		columns.put("category", ImportedWords.headers("category", "category path"));
		columns.put("unit", ImportedWords.headers("unit"));
		columns.put("barcode", List.of("barcodes", "barkod", "barkodlar", "بارکد"));
		columns.put("brand", List.of("marka", "برند"));
		columns.put("model", List.of("مدل"));
		columns.put("manufacturerCode", List.of("manufacturer code", "üretici kodu", "کد سازنده"));
		columns.put("vatRate", List.of("vat", "vat rate", "kdv", "kdv oranı", "مالیات بر ارزش افزوده"));
		columns.put("salePrice", List.of("sale price", "price", "satış fiyatı", "fiyat", "قیمت فروش", "قیمت"));
		columns.put("standardCost", List.of("standard cost", "cost", "maliyet", "بهای تمام شده"));
		columns.put("currency", ImportedWords.headers("currency"));
		columns.put("minStock", List.of("min stock", "minimum stock", "asgari stok", "min stok", "حداقل موجودی"));
		columns.put("maxStock", List.of("max stock", "maximum stock", "azami stok", "max stok", "حداکثر موجودی"));
		columns.put("tracking", List.of("takip", "izleme", "ردیابی"));
		columns.put("kind", ImportedWords.headers("kind"));
		columns.put("stage", List.of("aşama", "مرحله"));
		columns.put("shelfLifeDays", List.of("shelf life", "shelf life days", "raf ömrü", "ماندگاری"));
		columns.put("warrantyLength", List.of("warranty", "warranty length", "garanti süresi", "garanti", "مدت گارانتی"));
		columns.put("warrantyUnit", List.of("warranty unit", "garanti birimi", "واحد گارانتی"));
		return columns;
	}
}
