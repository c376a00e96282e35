package dev.kervan.catalog.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import dev.kervan.customers.CustomerRole;
import dev.kervan.customers.Customers;
import dev.kervan.identity.CurrentUser;
import dev.kervan.platform.AuditTrail;
import dev.kervan.platform.Checks;
import dev.kervan.platform.Decimals;
import dev.kervan.platform.DomainException;
import dev.kervan.platform.ErrorKind;
import dev.kervan.platform.Money;
import dev.kervan.platform.Patch;
import dev.kervan.platform.RecordNotFoundException;
import io.swagger.v3.oas.annotations.media.Schema;
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

	private static final List<String> LINK_KINDS = List.of("ALTERNATIVE", "RELATED");

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

	@Schema(description = "An attribute and its values, such as Colour: Red, Blue.")
	public record NewProductAttribute(@Schema(maxLength = 80) String name,
			@Schema(description = "At most 80 characters each.") @Nullable List<@Nullable String> values) {
	}

	@Schema(description = "The attribute values to combine: one variant per combination; existing ones are kept.")
	public record VariantChoices(List<AttributeChoice> attributes) {
	}

	public record AttributeChoice(Long attributeId, @Schema(description = "Values of the attribute.") List<@Nullable String> values) {
	}

	public record NewProductLink(Long productId,
			@Schema(allowableValues = { "ALTERNATIVE", "RELATED" }, description = "ALTERNATIVE links both ways.") String kind) {
	}

	/** A supplier of the product, or new terms of one already named: terms not sent stay as they were. */
	@Schema(description = "A supplier of the product, or new terms of one already named; terms not sent stay as they were.")
	public record SupplierTerms(@Schema(description = "An account with the supplier role.") Long supplierId,
			@Schema(maxLength = 80) Patch<String> supplierCode, Patch<BigDecimal> price,
			@Schema(description = "ISO 4217; the product's when absent.") Patch<String> currency,
			@Schema(minimum = "0", maximum = "3650") Patch<Integer> leadDays, Patch<BigDecimal> minQuantity,
			Patch<Boolean> preferred) {

		/** The same terms, preferred or not as a form's box says. */
		public SupplierTerms preferring(boolean ticked) {
			return new SupplierTerms(supplierId, supplierCode, price, currency, leadDays, minQuantity, Patch.of(ticked));
		}
	}

	@Schema(description = "A competitor's price, by competitorId or by the competitor's name (made when new).")
	public record NewCompetitorPrice(@Nullable Long competitorId, @Schema(maxLength = 120) @Nullable String competitor,
			BigDecimal price, @Schema(description = "ISO 4217; the product's when absent.") @Nullable String currency,
			@Schema(description = "Not in the future; today when absent.") @Nullable LocalDate observedOn,
			@Schema(maxLength = 300) @Nullable String note) {
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
	public Attribute createAttribute(NewProductAttribute attribute) {
		policy.requireProductEditor();
		var checks = new Checks();
		String name = checks.required("name", checks.name("name", attribute.name(), 80));
		List<String> values = names(checks, "values", attribute.values(), 80);
		checks.throwIfInvalid();
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
	 */
	@Transactional
	public List<ProductRow> generateVariants(long productId, VariantChoices choices) {
		policy.requireProductEditor();
		ProductRow template = products.load(productId);
		if (template.variantOfId() != null) {
			throw new DomainException(ErrorKind.CONFLICT, "error.product.variant-of-variant");
		}
		var checks = new Checks();
		var chosen = new LinkedHashMap<Attribute, List<String>>();
		var attributesById = new HashMap<Long, Attribute>();
		attributes().forEach(a -> attributesById.put(a.id(), a));
		List<AttributeChoice> items = choices.attributes() == null ? List.of() : choices.attributes();
		for (int i = 0; i < items.size(); i++) {
			Checks item = checks.item("attributes", i);
			AttributeChoice choice = items.get(i);
			Attribute attribute = choice == null || choice.attributeId() == null ? null : attributesById.get(choice.attributeId());
			if (attribute == null) {
				item.reject("attributeId", "error.product.unknown-attribute",
						String.valueOf(choice == null ? null : choice.attributeId()));
				continue;
			}
			List<String> values = names(item, "values", choice.values(), Integer.MAX_VALUE);
			if (values.isEmpty()) {
				item.reject("values", "error.value.required");
			}
			values.stream().filter(v -> !attribute.values().contains(v)).findFirst()
				.ifPresent(v -> item.reject("values", "error.product.unknown-attribute-value", v));
			chosen.put(attribute, values);
		}
		if (items.isEmpty()) {
			checks.reject("attributes", "error.value.required");
		}
		checks.throwIfInvalid();
		var axes = new LinkedHashMap<String, List<String>>();
		chosen.forEach((attribute, values) -> {
			jdbc.sql("""
					insert into product_attribute_value (product, attribute, vals) values (?, ?, ?)
					on conflict (product, attribute) do update set vals = excluded.vals""")
				.params(productId, attribute.id(), values.toArray(String[]::new))
				.update();
			axes.put(attribute.name(), values);
		});
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
	public List<Link> link(long productId, NewProductLink link) {
		policy.requireProductEditor();
		products.load(productId);
		var checks = new Checks();
		Long other = checks.required("productId", link.productId());
		if (other != null && other == productId) {
			checks.reject("productId", "error.product.link-self");
		}
		String kind = checks.name("kind", link.kind());
		String linkKind = kind == null ? "" : kind.toUpperCase(Locale.ROOT);
		if (!LINK_KINDS.contains(linkKind)) {
			checks.reject("kind", "error.value.invalid", String.valueOf(kind));
		}
		checks.throwIfInvalid();
		products.load(other);
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
	public Supplier saveSupplier(long productId, SupplierTerms terms) {
		CurrentUser user = policy.requireSupplierEditor();
		ProductRow product = products.load(productId);
		var checks = new Checks();
		Long supplierId = checks.required("supplierId", terms.supplierId());
		if (supplierId != null) {
			customers.find(supplierId).ifPresentOrElse(account -> {
				if (!account.roles().contains(CustomerRole.SUPPLIER)) {
					checks.reject("supplierId", "error.product.not-a-supplier", account.name());
				}
			}, () -> checks.reject("supplierId", "error.product.unknown-supplier", String.valueOf(supplierId)));
		}
		Supplier current = supplierId == null ? null
				: suppliers(productId).stream().filter(s -> s.supplierId() == supplierId).findFirst().orElse(null);
		String supplierCode = checks.code("supplierCode", terms.supplierCode(), 80)
			.applyTo(current == null ? null : current.supplierCode());
		BigDecimal amount = checks.amount("price", terms.price()).applyTo(current == null ? null : current.price());
		String currency = checks.currency("currency", terms.currency()).applyTo(current == null ? null : current.currency());
		Integer leadDays = checks.range("leadDays", terms.leadDays(), 0, 3650).applyTo(current == null ? null : current.leadDays());
		BigDecimal minQuantity = terms.minQuantity().map(quantity -> positive(checks, "minQuantity", quantity))
			.applyTo(current == null ? null : current.minQuantity());
		boolean preferred = terms.preferred().isGiven() || current == null ? Boolean.TRUE.equals(terms.preferred().value())
				: current.preferred();
		checks.throwIfInvalid();
		String termsCurrency = currency == null ? product.currency() : currency;
		Money price = amount == null ? null : Money.of(amount, termsCurrency);
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
			.params(productId, supplierId, supplierCode, amount, termsCurrency, leadDays, minQuantity, preferred)
			.update();
		Supplier saved = suppliers(productId).stream().filter(s -> s.supplierId() == supplierId).findFirst().orElseThrow();
		audit.updated(Products.RECORD_TYPE, productId, Map.of(), Map.of("supplier", saved.supplierName(), "supplierPrice",
				price == null ? "" : price.amount().toPlainString(), "by", user.username()));
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
	public CompetitorPrice addCompetitorPrice(long productId, NewCompetitorPrice seen) {
		CurrentUser user = policy.requirePriceEditor();
		ProductRow product = products.load(productId);
		var checks = new Checks();
		Long competitorId = seen.competitorId();
		String competitorName = checks.name("competitor", seen.competitor(), 120);
		if (competitorId == null && competitorName == null) {
			checks.reject("competitor", "error.value.required");
		}
		if (competitorId != null && competitors().stream().noneMatch(c -> c.id() == competitorId)) {
			checks.reject("competitorId", "error.product.unknown-competitor", String.valueOf(competitorId));
		}
		BigDecimal amount = checks.required("price", checks.amount("price", seen.price()));
		String currency = checks.currency("currency", seen.currency());
		LocalDate today = LocalDate.now(clock);
		LocalDate observedOn = checks.date("observedOn", seen.observedOn());
		if (observedOn != null && observedOn.isAfter(today.plusDays(1))) {
			checks.reject("observedOn", "error.product.future-date");
		}
		String note = checks.freeText("note", seen.note(), 300);
		checks.throwIfInvalid();
		Money price = Money.of(Objects.requireNonNull(amount), currency == null ? product.currency() : currency);
		long competitor = competitorId != null ? competitorId : jdbc.sql("""
				insert into competitor (name) values (?) on conflict (lower(name)) do update set name = competitor.name
				returning id""")
			.param(competitorName)
			.query(Long.class)
			.single();
		long id = jdbc.sql("""
				insert into competitor_price (product, competitor, price, currency, observed_on, note, created_by)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(productId, competitor, price.amount(), price.currency().getCurrencyCode(),
					observedOn == null ? today : observedOn, note, user.username())
			.query(Long.class)
			.single();
		return competitorPrices(productId).stream().filter(p -> p.id() == id).findFirst().orElseThrow();
	}

	private static @Nullable BigDecimal positive(Checks checks, String field, BigDecimal value) {
		BigDecimal quantity = checks.quantity(field, value);
		if (quantity != null && quantity.signum() <= 0) {
			checks.reject(field, "error.value.positive");
		}
		return quantity;
	}

	/** Names in a list (attribute values): blanks and repeats dropped, each at most {@code maxLength} characters. */
	private static List<String> names(Checks checks, String field, @Nullable List<@Nullable String> texts, int maxLength) {
		var names = new LinkedHashSet<String>();
		for (String text : texts == null ? List.<@Nullable String>of() : texts) {
			String name = checks.name(field, text);
			if (name != null) {
				names.add(name);
			}
		}
		if (names.stream().anyMatch(name -> name.length() > maxLength)) {
			checks.reject(field, "error.value.too-long", maxLength);
		}
		return List.copyOf(names);
	}
}
