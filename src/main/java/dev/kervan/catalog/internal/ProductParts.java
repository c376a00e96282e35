package dev.kervan.catalog.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.kervan.customers.CustomerRole;
import dev.kervan.customers.Customers;
import dev.kervan.identity.CurrentUser;
import dev.kervan.platform.AuditTrail;
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
 * What hangs off a product: its attributes and the variants generated from them, alternatives and related
 * products, suppliers with their terms, and competitors' prices over time.
 */
@Service
public class ProductParts {

	public record Attribute(long id, String name, List<String> values) {
	}

	public record AttributeValues(long attributeId, String attribute, List<String> values) {
	}

	public record Link(long productId, String code, String name, String kind) {
	}

	public record Supplier(long id, long productId, long supplierId, String supplierName, @Nullable String supplierCode,
			@Nullable BigDecimal price, String currency, @Nullable Integer leadDays, @Nullable BigDecimal minQuantity,
			boolean preferred, long version) {

		public Supplier {
			price = Decimals.plain(price, 2);
			minQuantity = Decimals.plain(minQuantity, 0);
		}
	}

	public record CompetitorPrice(long id, long productId, long competitorId, String competitor, BigDecimal price,
			String currency, LocalDate observedOn, @Nullable String note) {

		public CompetitorPrice {
			price = Decimals.plain(price, 2);
		}
	}

	public record Competitor(long id, String name, @Nullable String website) {
	}

	private final JdbcClient jdbc;
	private final CatalogPolicy policy;
	private final Products products;
	private final Customers customers;
	private final AuditTrail audit;
	private final Clock clock;

	ProductParts(JdbcClient jdbc, CatalogPolicy policy, Products products, Customers customers, AuditTrail audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.policy = policy;
		this.products = products;
		this.customers = customers;
		this.audit = audit;
		this.clock = clock;
	}

	// attributes and variants

	public List<Attribute> attributes() {
		policy.requireReader();
		return jdbc.sql("select id, name, vals from product_attribute order by lower(name)")
			.query((rs, n) -> new Attribute(rs.getLong(1), rs.getString(2), List.of((String[]) rs.getArray(3).getArray())))
			.list();
	}

	@Transactional
	public Attribute createAttribute(PatchDocument doc) {
		policy.requireProductEditor();
		String name = doc.text("name", 80);
		if (name == null) {
			doc.reject("name", "error.value.required");
		}
		List<String> values = doc.texts("values");
		values.stream().filter(v -> v.length() > 80).findFirst().ifPresent(v -> doc.reject("values", "error.value.too-long", 80));
		doc.throwIfInvalid();
		if (jdbc.sql("select exists (select 1 from product_attribute where lower(name) = lower(?))").param(name)
			.query(Boolean.class).single()) {
			throw new DomainException(ErrorKind.CONFLICT, "error.attribute.name-taken", name);
		}
		long id = jdbc.sql("insert into product_attribute (name, vals) values (?, ?) returning id")
			.params(name, values.toArray(String[]::new))
			.query(Long.class)
			.single();
		return new Attribute(id, name, values);
	}

	public List<AttributeValues> attributeValues(long productId) {
		products.get(productId);
		return jdbc.sql("""
				select a.id, a.name, v.vals from product_attribute_value v join product_attribute a on a.id = v.attribute
				where v.product = ? order by lower(a.name)""")
			.param(productId)
			.query((rs, n) -> new AttributeValues(rs.getLong(1), rs.getString(2), List.of((String[]) rs.getArray(3).getArray())))
			.list();
	}

	/**
	 * Generates a product's variants: one per combination of the chosen values, coded {@code CODE-VALUE-VALUE} and
	 * named "Name (value, value)", inheriting every other field. Combinations that already exist are skipped, so
	 * adding a colour later generates only the new variants.
	 *
	 * @param doc {@code {"attributes": [{"attributeId": 1, "values": ["red", "blue"]}, …]}}
	 */
	@Transactional
	public List<ProductRow> generateVariants(long productId, PatchDocument doc) {
		policy.requireProductEditor();
		ProductRow template = products.load(productId);
		if (template.variantOfId() != null) {
			throw new DomainException(ErrorKind.CONFLICT, "error.product.variant-of-variant");
		}
		Map<String, String> chosen = new LinkedHashMap<>();
		var axes = new LinkedHashMap<String, List<String>>();
		var attributesById = new HashMap<Long, Attribute>();
		attributes().forEach(a -> attributesById.put(a.id(), a));
		List<PatchDocument> items = doc.items("attributes");
		for (int i = 0; i < items.size(); i++) {
			PatchDocument item = items.get(i);
			Long attributeId = item.id("attributeId");
			List<String> values = item.texts("values");
			Attribute attribute = attributeId == null ? null : attributesById.get(attributeId);
			if (attribute == null) {
				item.reject("attributeId", "error.product.unknown-attribute", String.valueOf(attributeId));
				continue;
			}
			if (values.isEmpty()) {
				item.reject("values", "error.value.required");
			}
			values.stream().filter(v -> !attribute.values().contains(v)).findFirst()
				.ifPresent(v -> item.reject("values", "error.product.unknown-attribute-value", v));
			axes.put(attribute.name(), values);
			chosen.put(String.valueOf(attribute.id()), String.join(",", values));
		}
		if (items.isEmpty()) {
			doc.reject("attributes", "error.value.required");
		}
		doc.throwIfInvalid();
		for (var entry : chosen.entrySet()) {
			long attributeId = Long.parseLong(entry.getKey());
			jdbc.sql("""
					insert into product_attribute_value (product, attribute, vals) values (?, ?, ?)
					on conflict (product, attribute) do update set vals = excluded.vals""")
				.params(productId, attributeId, entry.getValue().split(","))
				.update();
		}
		var created = new ArrayList<ProductRow>();
		for (Map<String, String> combination : combinations(axes)) {
			String suffix = String.join("-", combination.values());
			String code = (template.code() + "-" + suffix).toUpperCase(java.util.Locale.ROOT).replaceAll("\\s+", "");
			if (code.length() > 60 || jdbc.sql("select exists (select 1 from product where lower(code) = lower(?))").param(code)
				.query(Boolean.class).single()) {
				continue;
			}
			String name = template.name() + " (" + String.join(", ", combination.values()) + ")";
			long id = jdbc.sql("""
					insert into product (code, name, translations, kind, category, unit, brand, model, manufacturer_code,
					  length_cm, width_cm, height_cm, weight_kg, vat_rate, sales_account, purchase_account, standard_cost,
					  sale_price, currency, active, stage, target_market, shelf_life_days, min_stock, max_stock, warranty_length,
					  warranty_unit, tracking, variant_of, variant_values, description, created_by)
					select ?, left(?, 200), translations, kind, category, unit, brand, model, manufacturer_code, length_cm, width_cm,
					  height_cm, weight_kg, vat_rate, sales_account, purchase_account, standard_cost, sale_price, currency, active,
					  stage, target_market, shelf_life_days, min_stock, max_stock, warranty_length, warranty_unit, tracking, id,
					  cast(? as jsonb), description, created_by
					from product where id = ? returning id""")
				.params(code, name, ProductRow.json(combination), productId)
				.query(Long.class)
				.single();
			products.refreshSearchText(id);
			ProductRow variant = products.load(id);
			audit.created(Products.RECORD_TYPE, id, variant.snapshot());
			created.add(variant);
		}
		return created;
	}

	public List<ProductRow> variants(long productId) {
		products.get(productId);
		return jdbc.sql("select " + ProductRow.COLUMNS + ProductRow.FROM + " where p.variant_of = ? order by p.code")
			.param(productId)
			.query((rs, n) -> ProductRow.of(rs))
			.list();
	}

	static List<Map<String, String>> combinations(Map<String, List<String>> axes) {
		List<Map<String, String>> result = new ArrayList<>();
		result.add(new LinkedHashMap<>());
		for (var axis : axes.entrySet()) {
			var next = new ArrayList<Map<String, String>>();
			for (Map<String, String> partial : result) {
				for (String value : axis.getValue()) {
					var extended = new LinkedHashMap<>(partial);
					extended.put(axis.getKey(), value);
					next.add(extended);
				}
			}
			result = next;
		}
		return result;
	}

	// alternatives and related products

	public List<Link> links(long productId) {
		products.get(productId);
		return jdbc.sql("""
				select l.other, p.code, p.name, l.kind from product_link l join product p on p.id = l.other
				where l.product = ? order by l.kind, p.code""")
			.param(productId)
			.query((rs, n) -> new Link(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
	}

	/** Links two products; an alternative works both ways, so the other product lists this one as well. */
	@Transactional
	public List<Link> link(long productId, PatchDocument doc) {
		policy.requireProductEditor();
		products.load(productId);
		Long other = doc.id("productId");
		String kind = doc.text("kind");
		if (other == null) {
			doc.reject("productId", "error.value.required");
		}
		else if (other == productId) {
			doc.reject("productId", "error.product.link-self");
		}
		if (kind == null || !List.of("ALTERNATIVE", "RELATED").contains(kind.toUpperCase(java.util.Locale.ROOT))) {
			doc.reject("kind", "error.value.invalid", String.valueOf(kind));
		}
		doc.throwIfInvalid();
		products.load(other);
		String linkKind = kind.toUpperCase(java.util.Locale.ROOT);
		insertLink(productId, other, linkKind);
		if (linkKind.equals("ALTERNATIVE")) {
			insertLink(other, productId, linkKind);
		}
		return links(productId);
	}

	@Transactional
	public void unlink(long productId, long other, String kind) {
		policy.requireProductEditor();
		jdbc.sql("delete from product_link where product = ? and other = ? and kind = ?").params(productId, other, kind).update();
		if (kind.equals("ALTERNATIVE")) {
			jdbc.sql("delete from product_link where product = ? and other = ? and kind = ?").params(other, productId, kind).update();
		}
	}

	private void insertLink(long product, long other, String kind) {
		jdbc.sql("insert into product_link (product, other, kind) values (?, ?, ?) on conflict do nothing")
			.params(product, other, kind)
			.update();
	}

	// suppliers

	public List<Supplier> suppliers(long productId) {
		products.get(productId);
		return jdbc.sql("""
				select s.id, s.product, s.supplier, c.name, s.supplier_code, s.price, s.currency, s.lead_days, s.min_quantity,
				  s.preferred, s.version
				from product_supplier s join customer_ref c on c.id = s.supplier where s.product = ? order by s.preferred desc, c.name""")
			.param(productId)
			.query((rs, n) -> new Supplier(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
					rs.getBigDecimal(6), rs.getString(7), rs.getObject(8, Integer.class), rs.getBigDecimal(9), rs.getBoolean(10),
					rs.getLong(11)))
			.list();
	}

	/** Adds a supplier or changes its terms; a preferred supplier takes the place of the previous one. */
	@Transactional
	public Supplier saveSupplier(long productId, PatchDocument doc) {
		CurrentUser user = policy.requireSupplierEditor();
		ProductRow product = products.load(productId);
		Long supplierId = doc.id("supplierId");
		if (supplierId == null) {
			doc.reject("supplierId", "error.value.required");
		}
		else {
			customers.find(supplierId).ifPresentOrElse(account -> {
				if (!account.roles().contains(CustomerRole.SUPPLIER)) {
					doc.reject("supplierId", "error.product.not-a-supplier", account.name());
				}
			}, () -> doc.reject("supplierId", "error.product.unknown-supplier", String.valueOf(supplierId)));
		}
		// Terms not sent stay as they were for a supplier already listed.
		Supplier current = supplierId == null ? null
				: suppliers(productId).stream().filter(s -> s.supplierId() == supplierId).findFirst().orElse(null);
		String supplierCode = doc.has("supplierCode") || current == null ? doc.code("supplierCode", 80) : current.supplierCode();
		BigDecimal price = doc.has("price") || current == null ? doc.amount("price") : current.price();
		String currency = doc.has("currency") || current == null ? doc.currency("currency") : current.currency();
		Integer leadDays = doc.has("leadDays") || current == null ? doc.integer("leadDays") : current.leadDays();
		if (leadDays != null && (leadDays < 0 || leadDays > 3650)) {
			doc.reject("leadDays", "error.value.range", 0, 3650);
		}
		BigDecimal minQuantity = doc.has("minQuantity") || current == null ? doc.quantity("minQuantity") : current.minQuantity();
		if (minQuantity != null && minQuantity.signum() <= 0) {
			doc.reject("minQuantity", "error.value.positive");
		}
		boolean preferred = doc.has("preferred") || current == null ? Boolean.TRUE.equals(doc.bool("preferred"))
				: current.preferred();
		doc.throwIfInvalid();
		if (preferred) {
			jdbc.sql("update product_supplier set preferred = false where product = ? and supplier <> ?")
				.params(productId, supplierId)
				.update();
		}
		jdbc.sql("""
				insert into product_supplier (product, supplier, supplier_code, price, currency, lead_days, min_quantity, preferred)
				values (?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (product, supplier) do update set supplier_code = excluded.supplier_code, price = excluded.price,
				  currency = excluded.currency, lead_days = excluded.lead_days, min_quantity = excluded.min_quantity,
				  preferred = excluded.preferred, version = product_supplier.version + 1""")
			.params(productId, supplierId, supplierCode, price, currency == null ? product.currency() : currency, leadDays,
					minQuantity, preferred)
			.update();
		Supplier saved = suppliers(productId).stream().filter(s -> s.supplierId() == supplierId).findFirst().orElseThrow();
		audit.updated(Products.RECORD_TYPE, productId, Map.of(), Map.of("supplier", saved.supplierName(), "supplierPrice",
				price == null ? "" : price.toPlainString(), "by", user.username()));
		return saved;
	}

	@Transactional
	public void removeSupplier(long productId, long supplierRowId) {
		policy.requireSupplierEditor();
		int removed = jdbc.sql("delete from product_supplier where id = ? and product = ?").params(supplierRowId, productId).update();
		if (removed == 0) {
			throw new RecordNotFoundException("product-supplier", supplierRowId);
		}
	}

	// competitors

	public List<Competitor> competitors() {
		policy.requireReader();
		return jdbc.sql("select id, name, website from competitor order by lower(name)")
			.query((rs, n) -> new Competitor(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	public List<CompetitorPrice> competitorPrices(long productId) {
		products.get(productId);
		return jdbc.sql("""
				select cp.id, cp.product, cp.competitor, c.name, cp.price, cp.currency, cp.observed_on, cp.note
				from competitor_price cp join competitor c on c.id = cp.competitor
				where cp.product = ? order by cp.observed_on, cp.id""")
			.param(productId)
			.query((rs, n) -> new CompetitorPrice(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
					rs.getBigDecimal(5), rs.getString(6), rs.getObject(7, LocalDate.class), rs.getString(8)))
			.list();
	}

	/**
	 * Records a competitor's price seen on a day; the competitor is named by id or by name (a new name adds the
	 * competitor).
	 */
	@Transactional
	public CompetitorPrice addCompetitorPrice(long productId, PatchDocument doc) {
		CurrentUser user = policy.requirePriceEditor();
		ProductRow product = products.load(productId);
		Long competitorId = doc.id("competitorId");
		String competitorName = doc.text("competitor", 120);
		if (competitorId == null && competitorName == null) {
			doc.reject("competitor", "error.value.required");
		}
		if (competitorId != null && competitors().stream().noneMatch(c -> c.id() == competitorId)) {
			doc.reject("competitorId", "error.product.unknown-competitor", String.valueOf(competitorId));
		}
		BigDecimal price = doc.amount("price");
		if (price == null) {
			doc.reject("price", "error.value.required");
		}
		String currency = doc.currency("currency");
		LocalDate today = LocalDate.now(clock);
		LocalDate observedOn = doc.date("observedOn");
		if (observedOn != null && observedOn.isAfter(today.plusDays(1))) {
			doc.reject("observedOn", "error.product.future-date");
		}
		String note = doc.freeText("note", 300);
		doc.throwIfInvalid();
		long competitor = competitorId != null ? competitorId : jdbc.sql("""
				insert into competitor (name) values (?) on conflict (lower(name)) do update set name = competitor.name
				returning id""")
			.param(competitorName)
			.query(Long.class)
			.single();
		long id = jdbc.sql("""
				insert into competitor_price (product, competitor, price, currency, observed_on, note, created_by)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(productId, competitor, price, currency == null ? product.currency() : currency,
					observedOn == null ? today : observedOn, note, user.username())
			.query(Long.class)
			.single();
		return competitorPrices(productId).stream().filter(p -> p.id() == id).findFirst().orElseThrow();
	}
}
