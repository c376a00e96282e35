package dev.kervan.catalog.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.kervan.catalog.ProductUse;
import dev.kervan.catalog.Tracking;
import dev.kervan.identity.CurrentUser;
import dev.kervan.platform.AuditTrail;
import dev.kervan.platform.Checks;
import dev.kervan.platform.Cursor;
import dev.kervan.platform.CustomPlans;
import dev.kervan.platform.DomainException;
import dev.kervan.platform.ErrorKind;
import dev.kervan.platform.ExpectedVersion;
import dev.kervan.platform.KeysetPage;
import dev.kervan.platform.PageLimit;
import dev.kervan.platform.Patch;
import dev.kervan.platform.RecordNotFoundException;
import dev.kervan.platform.SearchText;
import dev.kervan.platform.VersionedRow;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Products and services: entered, changed and found. A code and a barcode belong to one product only; a barcode
 * of digits in a GS1 length must carry its check digit.
 */
@Service
public class Products {

	static final String RECORD_TYPE = "product";

	/** What the product list is filtered by. */
	public record Filter(@Nullable String query, @Nullable Long categoryId, @Nullable ProductStage stage,
			@Nullable Tracking tracking, @Nullable Boolean active) {

		public static Filter none() {
			return new Filter(null, null, null, null, null);
		}
	}

	/**
	 * How many products in code order a search reads before it looks for its matches through the search index
	 * instead: enough when they are common and spread over the catalog.
	 */
	private static final int SEARCH_WINDOW = 1_000;

	private final JdbcClient jdbc;
	private final List<ProductUse> uses;
	private final CatalogPolicy policy;
	private final Units units;
	private final ProductCategories categories;
	private final AuditTrail audit;
	private final CustomPlans customPlans;

	Products(JdbcClient jdbc, CatalogPolicy policy, Units units, ProductCategories categories, AuditTrail audit,
			CustomPlans customPlans, List<ProductUse> uses) {
		this.uses = uses;
		this.jdbc = jdbc;
		this.policy = policy;
		this.units = units;
		this.categories = categories;
		this.audit = audit;
		this.customPlans = customPlans;
	}

	public ProductRow get(long id) {
		policy.requireReader();
		return load(id);
	}

	ProductRow load(long id) {
		return jdbc.sql("select " + ProductRow.COLUMNS + ProductRow.FROM + " where p.id = ?")
			.param(id)
			.query((rs, n) -> ProductRow.of(rs))
			.optional()
			.orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, id));
	}

	/**
	 * Products in code order. A search finds the words, in order, in the code, the names in every language, brand,
	 * model and manufacturer code, with accents and Turkish or Persian letter forms folded, or an exact barcode.
	 */
	public KeysetPage<ProductRow> list(Filter filter, @Nullable String cursor, PageLimit limit) {
		policy.requireReader();
		var where = new ArrayList<String>();
		var params = new HashMap<String, Object>();
		if (filter.categoryId() != null) {
			where.add("p.category in (select id from product_category_tree(:category))");
			params.put("category", filter.categoryId());
		}
		if (filter.stage() != null) {
			where.add("p.stage = :stage");
			params.put("stage", filter.stage().name());
		}
		if (filter.tracking() != null) {
			where.add("p.tracking = :tracking");
			params.put("tracking", filter.tracking().name());
		}
		if (filter.active() != null) {
			where.add("p.active = :active");
			params.put("active", filter.active());
		}
		String query = filter.query() == null ? "" : SearchText.fold(filter.query()).strip();
		String search = null;
		if (!query.isEmpty()) {
			// The barcodes as an array, not "p.id in (select …)": PostgreSQL cannot combine a sub-select in an "or"
			// with the search index, and walked the whole code index instead (60 ms at 100,000 products).
			// Every word, in any order: "ışıklı AB-100" finds what "AB-100 ışıklı" finds.
			var words = new ArrayList<String>();
			String[] typed = query.split(" ");
			for (int i = 0; i < typed.length; i++) {
				words.add("p.search_text like :word" + i);
				params.put("word" + i, "%" + SearchText.escapeLike(typed[i]) + "%");
			}
			search = "((" + String.join(" and ", words)
					+ ") or p.id = any (array(select b.product from product_barcode b where b.barcode = :exact)))";
			params.put("exact", filter.query().strip());
		}
		Cursor after = Cursor.decode(cursor, 2);
		if (after != null) {
			where.add("(p.code, p.id) > (:afterCode, :afterId)");
			params.put("afterCode", after.text(0));
			params.put("afterId", after.number(1));
		}
		params.put("limit", limit.probe());
		List<ProductRow> rows;
		if (search == null) {
			rows = jdbc.sql("select " + ProductRow.COLUMNS + ProductRow.FROM
					+ (where.isEmpty() ? "" : " where " + String.join(" and ", where)) + " order by p.code, p.id limit :limit")
				.params(params)
				.query((rs, n) -> ProductRow.of(rs))
				.list();
		}
		else {
			String scope = where.isEmpty() ? "true" : String.join(" and ", where);
			String condition = search;
			rows = customPlans.read(() -> firstMatches(scope, condition, params, limit.probe()));
		}
		return KeysetPage.of(rows, limit, row -> Cursor.encode(row.code(), row.id()));
	}

	/**
	 * The first products in code order, within the filters, that match a search. Where in code order a word's
	 * matches lie is beyond the planner's statistics, and codes go with categories as the words of names do:
	 * walking the code index in search of a category's word read most of the catalog. So the first products in order
	 * are tried (enough when matches are common and spread); when they do not fill the page, every match is found
	 * through the search index, and sorted. The same products as one query in code order, in either case.
	 */
	private List<ProductRow> firstMatches(String scope, String condition, Map<String, Object> params, int limit) {
		params.put("window", SEARCH_WINDOW);
		List<ProductRow> rows = jdbc.sql("select " + ProductRow.COLUMNS + " from (select * from product p where " + scope
				+ " order by p.code, p.id limit :window) p join unit_of_measure u on u.id = p.unit where " + condition
				+ " order by p.code, p.id limit :limit")
			.params(params)
			.query((rs, n) -> ProductRow.of(rs))
			.list();
		if (rows.size() >= limit) {
			return rows;
		}
		// Materialized, so that the planner finds all matches before it sorts them.
		return jdbc.sql("with found as materialized (select p.id, p.code from product p where " + scope + " and " + condition
				+ ") select " + ProductRow.COLUMNS + ProductRow.FROM
				+ " join (select id, code from found order by code, id limit :limit) page on page.id = p.id order by page.code, page.id")
			.params(params)
			.query((rs, n) -> ProductRow.of(rs))
			.list();
	}

	/** Enters a product; see {@link ProductDraft} for the usual values of the fields not given. */
	@Transactional
	public ProductRow create(ProductDraft draft) {
		CurrentUser user = policy.requireProductEditor();
		var checks = new Checks();
		ProductChange change = draft.asChange();
		ProductFields fields = ProductFields.usual(units.pieceId()).changedBy(change, checks, units, categories);
		List<String> barcodes = barcodes(checks, change.barcodes(), List.of(), 0);
		checks.throwIfInvalid();
		if (codeTaken(fields.code(), 0)) {
			throw new DomainException(ErrorKind.CONFLICT, "error.product.code-taken", fields.code());
		}
		var values = fields.columns();
		values.put("createdBy", user.username());
		long id = jdbc.sql("""
				insert into product (code, name, translations, kind, category, unit, brand, model, manufacturer_code, length_cm,
				  width_cm, height_cm, weight_kg, vat_rate, sales_account, purchase_account, standard_cost, sale_price, currency,
				  active, stage, target_market, shelf_life_days, min_stock, max_stock, warranty_length, warranty_unit, tracking,
				  variant_of, variant_values, description, created_by)
				values (:code, :name, cast(:translations as jsonb), :kind, :category, :unit, :brand, :model, :manufacturerCode,
				  :lengthCm, :widthCm, :heightCm, :weightKg, :vatRate, :salesAccount, :purchaseAccount, :standardCost, :salePrice,
				  :currency, :active, :stage, :targetMarket, :shelfLifeDays, :minStock, :maxStock, :warrantyLength, :warrantyUnit,
				  :tracking, :variantOf, cast(:variantValues as jsonb), :description, :createdBy)
				returning id""")
			.params(values)
			.query(Long.class)
			.single();
		writeBarcodes(id, barcodes);
		refreshSearchText(id);
		ProductRow saved = load(id);
		audit.created(RECORD_TYPE, id, saved.snapshot());
		return saved;
	}

	/**
	 * Changes a product's fields; see {@link ProductChange}. Nothing is written, and the product is answered as it
	 * is, when the change would leave it so.
	 */
	@Transactional
	public ProductRow update(long id, ExpectedVersion expected, ProductChange change) {
		policy.requireProductEditor();
		var row = VersionedRow.read(RECORD_TYPE, id, expected, this::load);
		ProductRow before = row.current();
		var checks = new Checks();
		ProductFields current = ProductFields.of(before);
		ProductFields fields = current.changedBy(change, checks, units, categories);
		if (change.tracking().isGiven() && fields.tracking() != current.tracking() && inUse(id)) {
			checks.reject("tracking", "error.product.tracking-fixed");
		}
		if (change.unit().isGiven() && fields.unit() != current.unit() && inUse(id)) {
			checks.reject("unit", "error.product.unit-fixed");
		}
		if (change.kind().isGiven() && fields.kind() != current.kind() && inUse(id)) {
			checks.reject("kind", "error.product.kind-fixed");
		}
		List<String> barcodes = barcodes(checks, change.barcodes(), before.barcodes(), id);
		checks.throwIfInvalid();
		var values = fields.columns();
		if (!AuditTrail.changes(current.columns(), values) && Set.copyOf(barcodes).equals(Set.copyOf(before.barcodes()))) {
			return before;
		}
		if (codeTaken(fields.code(), id)) {
			throw new DomainException(ErrorKind.CONFLICT, "error.product.code-taken", fields.code());
		}
		values.put("id", id);
		values.put("version", before.version());
		row.requireWritten(jdbc.sql("""
				update product set code = :code, name = :name, translations = cast(:translations as jsonb), kind = :kind,
				  category = :category, unit = :unit, brand = :brand, model = :model, manufacturer_code = :manufacturerCode,
				  length_cm = :lengthCm, width_cm = :widthCm, height_cm = :heightCm, weight_kg = :weightKg, vat_rate = :vatRate,
				  sales_account = :salesAccount, purchase_account = :purchaseAccount, standard_cost = :standardCost,
				  sale_price = :salePrice, currency = :currency, active = :active, stage = :stage, target_market = :targetMarket,
				  shelf_life_days = :shelfLifeDays, min_stock = :minStock, max_stock = :maxStock,
				  warranty_length = :warrantyLength, warranty_unit = :warrantyUnit, tracking = :tracking,
				  variant_of = :variantOf, variant_values = cast(:variantValues as jsonb), description = :description,
				  updated_at = now(), version = version + 1
				where id = :id and version = :version""")
			.params(values)
			.update());
		if (!barcodes.equals(before.barcodes())) {
			jdbc.sql("delete from product_barcode where product = ?").param(id).update();
			writeBarcodes(id, barcodes);
		}
		refreshSearchText(id);
		ProductRow after = load(id);
		audit.updated(RECORD_TYPE, id, before.snapshot(), after.snapshot());
		return after;
	}

	private boolean inUse(long id) {
		return uses.stream().anyMatch(use -> use.uses(id));
	}

	private boolean codeTaken(@Nullable String code, long except) {
		return code != null && jdbc.sql("select exists (select 1 from product where lower(code) = lower(?) and id <> ?)")
			.params(code, except)
			.query(Boolean.class)
			.single();
	}

	/**
	 * The barcodes after a change: those sent (blanks and repeats dropped), each with its check digit, none another
	 * product's code or barcode; the current ones when none were sent.
	 */
	private List<String> barcodes(Checks checks, Patch<List<@Nullable String>> sent, List<String> current, long productId) {
		if (!sent.isGiven()) {
			return current;
		}
		var barcodes = new LinkedHashSet<String>();
		for (String text : sent.value() == null ? List.<@Nullable String>of() : sent.value()) {
			String barcode = checks.code("barcodes", text);
			if (barcode != null) {
				barcodes.add(barcode);
			}
		}
		for (String barcode : barcodes) {
			if (!Barcodes.isValid(barcode)) {
				checks.reject("barcodes", "error.product.barcode-invalid", barcode);
				continue;
			}
			if (codeTaken(barcode, productId)) {
				checks.reject("barcodes", "error.product.barcode-is-code", barcode);
				continue;
			}
			jdbc.sql("select product from product_barcode where barcode = ? and product <> ?")
				.params(barcode, productId)
				.query(Long.class)
				.optional()
				.ifPresent(other -> checks.reject("barcodes", "error.product.barcode-taken", barcode, String.valueOf(other)));
		}
		return List.copyOf(barcodes);
	}

	private void writeBarcodes(long id, List<String> barcodes) {
		for (String barcode : barcodes) {
			jdbc.sql("insert into product_barcode (barcode, product) values (?, ?)").params(barcode, id).update();
		}
	}

	/** What a product is found by: code, names in every language, brand, model, manufacturer code and barcodes. */
	void refreshSearchText(long id) {
		jdbc.sql("""
				select p.code, p.name, p.translations::text, coalesce(p.brand, ''), coalesce(p.model, ''),
				  coalesce(p.manufacturer_code, ''), array_to_string(array(select barcode from product_barcode where product = p.id), ' ')
				from product p where p.id = ?""")
			.param(id)
			.query((rs, n) -> {
				var parts = new ArrayList<String>();
				parts.add(rs.getString(1));
				parts.add(rs.getString(2));
				parts.addAll(ProductRow.texts(rs.getString(3)).values());
				for (int column = 4; column <= 7; column++) {
					parts.add(rs.getString(column));
				}
				return searchText(parts);
			})
			.optional()
			.ifPresent(text -> jdbc.sql("update product set search_text = ? where id = ?").params(text, id).update());
	}

	static String searchText(List<String> parts) {
		return SearchText.fold(String.join(" ", parts)).replaceAll("\\s+", " ").strip();
	}
}
