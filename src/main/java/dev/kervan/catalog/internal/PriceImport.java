package dev.kervan.catalog.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.kervan.platform.AuditTrail;
import dev.kervan.platform.Checks;
import dev.kervan.platform.Commands;
import dev.kervan.platform.Decimals;
import dev.kervan.platform.DomainException;
import dev.kervan.platform.ErrorKind;
import dev.kervan.platform.ImportedCells;
import dev.kervan.platform.ImportedTable;
import dev.kervan.platform.InvalidInputException;
import dev.kervan.platform.Problems;
import dev.kervan.platform.TextHygiene;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Prices from a CSV or XLSX file into a price list: one rule per row, for a product (by code) or a category (by
 * path). Every row is checked by the same rules as a rule entered on the list; a rule for the same product or
 * category and the same minimum quantity as one the list has replaces it, the others are added. Refused rows are
 * reported with their numbers and reasons; the good ones are written together, in one transaction, and change the
 * list's version.
 */
@Service
public class PriceImport {

	static final Map<String, List<String>> COLUMNS = columns();

	private record Target(@Nullable Long product, @Nullable Long category, BigDecimal minQuantity) {
	}

	private final PriceLists lists;
	private final ProductCategories categories;
	private final CatalogPolicy policy;
	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final AuditTrail audit;
	private final Problems problems;
	private final Commands commands;
	private final Map<String, List<String>> headerNames;

	PriceImport(PriceLists lists, ProductCategories categories, CatalogPolicy policy, JdbcClient jdbc,
			TransactionTemplate transactions, AuditTrail audit, Problems problems, Commands commands, MessageSource messages) {
		this.lists = lists;
		this.commands = commands;
		this.categories = categories;
		this.policy = policy;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.audit = audit;
		this.problems = problems;
		this.headerNames = ImportedCells.headerNames(messages, "catalog.files.column.", COLUMNS);
	}

	public ImportResult run(long listId, String filename, byte[] content) {
		policy.requirePriceEditor();
		lists.load(listId);
		ImportedTable table = ImportedTable.read(filename, content,
				ImportedTable.Limits.DEFAULT.withRows(ProductImport.MAX_ROWS));
		Map<String, Integer> columns = ImportedCells.columns(table.headers(), headerNames);
		if (!columns.containsKey("productCode") && !columns.containsKey("category")) {
			throw InvalidInputException.of("file", "error.import.column-missing",
					problems.message("catalog.files.column.productCode"));
		}
		if (!columns.containsKey("value")) {
			throw InvalidInputException.of("file", "error.import.column-missing", problems.message("catalog.files.column.value"));
		}
		Map<String, Long> paths = new HashMap<>();
		categories.tree().forEach(c -> paths.put(c.path().toLowerCase(java.util.Locale.ROOT), c.id()));
		var rules = new LinkedHashMap<Target, PriceLists.Rule>();
		var rowOf = new HashMap<Target, Integer>();
		var errors = new ArrayList<ImportResult.RowError>();
		for (ImportedTable.Line line : table.lines()) {
			var cells = new HashMap<String, String>();
			columns.forEach((field, column) -> {
				String value = ImportedCells.text(line.cell(column));
				if (!value.isEmpty()) {
					cells.put(field, value);
				}
			});
			try {
				PriceLists.Rule rule = read(cells, paths);
				var target = new Target(rule.productId(), rule.categoryId(), Decimals.quantity(rule.minQuantity()));
				Integer earlier = rowOf.putIfAbsent(target, line.number());
				if (earlier != null) {
					throw new DomainException(ErrorKind.INVALID, "error.import.same-rule", earlier);
				}
				rules.put(target, rule);
			}
			catch (DomainException refusal) {
				errors.add(new ImportResult.RowError(line.number(), ProductImport.reasons(refusal, table.headers(), columns,
						problems)));
			}
		}
		if (rules.isEmpty()) {
			return new ImportResult(0, 0, errors);
		}
		int[] counts = Objects.requireNonNull(transactions.execute(status -> write(listId, rules)));
		return new ImportResult(counts[0], counts[1], errors);
	}

	private PriceLists.Rule read(Map<String, String> cells, Map<String, Long> paths) {
		ObjectNode body = JsonNodeFactory.instance.objectNode();
		String code = cells.get("productCode");
		String path = cells.get("category");
		if (code != null) {
			TextHygiene.codeProblem(code).ifPresent(problem -> {
				throw InvalidInputException.of("productId", problem);
			});
			Long product = jdbc.sql("select id from product where lower(code) = lower(?)")
				.param(code)
				.query(Long.class)
				.optional()
				.orElseThrow(() -> InvalidInputException.of("productId", "error.import.unknown-product-code", code));
			body.put("productId", product);
		}
		if (path != null) {
			TextHygiene.nameProblem(path).ifPresent(problem -> {
				throw InvalidInputException.of("categoryId", problem);
			});
			String wanted = String.join(" / ", java.util.Arrays.stream(path.split("/")).map(String::strip)
				.filter(s -> !s.isEmpty()).toList()).toLowerCase(java.util.Locale.ROOT);
			Long category = paths.get(wanted);
			if (category == null) {
				throw InvalidInputException.of("categoryId", "error.import.unknown-category-path", path);
			}
			body.put("categoryId", category);
		}
		if (code == null && path == null) {
			throw InvalidInputException.of("productId", "error.value.required");
		}
		body.put("type", cells.getOrDefault("type", PriceLists.RuleType.FIXED.name()));
		putIfPresent(body, "value", cells.get("value") == null ? null : ImportedCells.decimal(cells.get("value")));
		putIfPresent(body, "minQuantity",
				cells.get("minQuantity") == null ? null : ImportedCells.decimal(cells.get("minQuantity")));
		putIfPresent(body, "validFrom", cells.get("validFrom") == null ? null : ImportedCells.date(cells.get("validFrom")));
		putIfPresent(body, "validTo", cells.get("validTo") == null ? null : ImportedCells.date(cells.get("validTo")));
		var checks = new Checks();
		PriceLists.Rule rule = lists.checkedRule(checks, commands.readCanonical(body, PriceRuleLine.class));
		checks.throwIfInvalid();
		return Objects.requireNonNull(rule);
	}

	private static void putIfPresent(ObjectNode body, String field, @Nullable String value) {
		if (value != null) {
			body.put(field, value);
		}
	}

	/** Writes the rules, replacing the list's own for the same target; answers how many were added and replaced. */
	private int[] write(long listId, Map<Target, PriceLists.Rule> rules) {
		// Locks the list first: a change of its rules on the page or through the API waits, then sees a new version.
		jdbc.sql("update price_list set version = version + 1 where id = ?").param(listId).update();
		PriceLists.PriceList before = lists.load(listId);
		int added = 0;
		int replaced = 0;
		for (var entry : rules.entrySet()) {
			Target target = entry.getKey();
			PriceLists.Rule rule = entry.getValue();
			int removed = jdbc.sql("""
					delete from price_rule where price_list = :list
					  and product is not distinct from cast(:product as bigint)
					  and category is not distinct from cast(:category as bigint)
					  and min_quantity = :minQuantity""")
				.param("list", listId)
				.param("product", target.product())
				.param("category", target.category())
				.param("minQuantity", target.minQuantity())
				.update();
			jdbc.sql("""
					insert into price_rule (price_list, product, category, type, value, min_quantity, valid_from, valid_to)
					values (?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(listId, rule.productId(), rule.categoryId(), rule.type().name(), rule.value(), rule.minQuantity(),
						rule.validFrom(), rule.validTo())
				.update();
			if (removed > 0) {
				replaced++;
			}
			else {
				added++;
			}
		}
		audit.updated(PriceLists.RECORD_TYPE, listId, before.snapshot(), lists.load(listId).snapshot());
		return new int[] { added, replaced };
	}

	private static Map<String, List<String>> columns() {
		var columns = new LinkedHashMap<String, List<String>>();
		columns.put("productCode", List.of("code", "product", "kod", "ürün kodu", "stok kodu", "کد", "کد کالا"));
		columns.put("category", List.of("kategori", "دسته", "دسته بندی"));
		columns.put("type", List.of("rule type", "tür", "tip", "kural türü", "نوع"));
		columns.put("value", List.of("price", "fiyat", "değer", "tutar", "قیمت", "مقدار"));
		columns.put("minQuantity", List.of("min quantity", "minimum quantity", "asgari miktar", "min miktar", "حداقل مقدار"));
		columns.put("validFrom", List.of("valid from", "from", "başlangıç", "geçerlilik başlangıcı", "از تاریخ"));
		columns.put("validTo", List.of("valid to", "to", "until", "bitiş", "geçerlilik bitişi", "تا تاریخ"));
		return columns;
	}
}
