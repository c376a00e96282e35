package dev.kervan.catalog.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.kervan.customers.Customers;
import dev.kervan.platform.AuditTrail;
import dev.kervan.platform.Decimals;
import dev.kervan.platform.DomainException;
import dev.kervan.platform.ErrorKind;
import dev.kervan.platform.ExpectedVersion;
import dev.kervan.platform.PatchDocument;
import dev.kervan.platform.RecordNotFoundException;
import dev.kervan.platform.Versioned;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Price lists: a currency, the accounts and customer classes they apply to (none: every customer), and rules that
 * set a fixed price or take a percentage off the base price, from a minimum quantity, between dates. How the rules
 * are chosen is {@link Prices}' business.
 */
@Service
public class PriceLists {

	static final String RECORD_TYPE = "price-list";

	public enum RuleType {
		FIXED, PERCENT_OFF
	}

	/** A rule of a list: for a product, a category (and those below it), or, naming neither, every product. */
	public record Rule(long id, @Nullable Long productId, @Nullable String productCode, @Nullable Long categoryId,
			RuleType type, BigDecimal value, BigDecimal minQuantity, @Nullable LocalDate validFrom, @Nullable LocalDate validTo) {

		public Rule {
			value = Decimals.plain(value, type == RuleType.FIXED ? 2 : 0);
			minQuantity = Decimals.quantity(minQuantity);
		}
	}

	public record PriceList(long id, String name, String currency, boolean active, @Nullable LocalDate validFrom,
			@Nullable LocalDate validTo, @Nullable String notes, List<Long> customerIds, List<Long> customerClassIds,
			List<Rule> rules, long version) implements Versioned {

		Map<String, Object> snapshot() {
			var values = new LinkedHashMap<String, Object>();
			values.put("name", name);
			values.put("currency", currency);
			values.put("active", active);
			values.put("validFrom", validFrom);
			values.put("validTo", validTo);
			values.put("customers", customerIds);
			values.put("classes", customerClassIds);
			values.put("rules", rules.size());
			return values;
		}
	}

	private final JdbcClient jdbc;
	private final CatalogPolicy policy;
	private final Customers customers;
	private final ProductCategories categories;
	private final AuditTrail audit;

	PriceLists(JdbcClient jdbc, CatalogPolicy policy, Customers customers, ProductCategories categories, AuditTrail audit) {
		this.jdbc = jdbc;
		this.policy = policy;
		this.customers = customers;
		this.categories = categories;
		this.audit = audit;
	}

	public List<PriceList> list() {
		policy.requireReader();
		return jdbc.sql("select id from price_list order by active desc, lower(name)").query(Long.class).list().stream()
			.map(this::load)
			.toList();
	}

	public PriceList get(long id) {
		policy.requireReader();
		return load(id);
	}

	/** The lists with a rule for this product or one of its categories, or for every product. */
	public List<PriceList> forProduct(long productId) {
		policy.requireReader();
		return jdbc.sql("""
				select distinct r.price_list from price_rule r join product p on p.id = ?
				where r.product = p.id or (r.product is null and r.category is null)
				   or r.category in (select c.id from product_category c where p.category in (select id from product_category_tree(c.id)))""")
			.param(productId)
			.query(Long.class)
			.list()
			.stream()
			.map(this::load)
			.toList();
	}

	PriceList load(long id) {
		PriceList head = jdbc.sql("""
				select id, name, currency, active, valid_from, valid_to, notes, version,
				  array(select customer from price_list_customer where price_list = l.id order by customer) as customers,
				  array(select customer_class from price_list_class where price_list = l.id order by customer_class) as classes
				from price_list l where id = ?""")
			.param(id)
			.query((rs, n) -> new PriceList(rs.getLong("id"), rs.getString("name"), rs.getString("currency"),
					rs.getBoolean("active"), rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
					rs.getString("notes"), List.of((Long[]) rs.getArray("customers").getArray()),
					List.of((Long[]) rs.getArray("classes").getArray()), List.of(), rs.getLong("version")))
			.optional()
			.orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, id));
		List<Rule> rules = jdbc.sql("""
				select r.id, r.product, p.code, r.category, r.type, r.value, r.min_quantity, r.valid_from, r.valid_to
				from price_rule r left join product p on p.id = r.product where r.price_list = ?
				order by p.code nulls last, r.category nulls last, r.min_quantity, r.id""")
			.param(id)
			.query((rs, n) -> new Rule(rs.getLong(1), rs.getObject(2, Long.class), rs.getString(3), rs.getObject(4, Long.class),
					RuleType.valueOf(rs.getString(5)), rs.getBigDecimal(6), rs.getBigDecimal(7),
					rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class)))
			.list();
		return new PriceList(head.id(), head.name(), head.currency(), head.active(), head.validFrom(), head.validTo(),
				head.notes(), head.customerIds(), head.customerClassIds(), rules, head.version());
	}

	@Transactional
	public PriceList create(PatchDocument doc) {
		policy.requirePriceEditor();
		Fields fields = read(doc, null);
		doc.throwIfInvalid();
		requireFreeName(fields.name, 0);
		long id = jdbc.sql("""
				insert into price_list (name, currency, active, valid_from, valid_to, notes) values (?, ?, ?, ?, ?, ?)
				returning id""")
			.params(fields.name, fields.currency, fields.active, fields.validFrom, fields.validTo, fields.notes)
			.query(Long.class)
			.single();
		writeParts(id, fields, true);
		PriceList saved = load(id);
		audit.created(RECORD_TYPE, id, saved.snapshot());
		return saved;
	}

	@Transactional
	public PriceList update(long id, ExpectedVersion expected, PatchDocument doc) {
		policy.requirePriceEditor();
		doc.ignoring("id", "version");
		PriceList before = load(id);
		expected.verify(RECORD_TYPE, id, before.version());
		Fields fields = read(doc, before);
		doc.throwIfInvalid();
		if (fields.sameAs(before)) {
			return before;
		}
		requireFreeName(fields.name, id);
		int changed = jdbc.sql("""
				update price_list set name = ?, currency = ?, active = ?, valid_from = ?, valid_to = ?, notes = ?,
				  version = version + 1
				where id = ? and version = ?""")
			.params(fields.name, fields.currency, fields.active, fields.validFrom, fields.validTo, fields.notes, id,
					before.version())
			.update();
		if (changed == 0) {
			throw expected.conflict(RECORD_TYPE, id, load(id).version());
		}
		writeParts(id, fields, false);
		PriceList after = load(id);
		audit.updated(RECORD_TYPE, id, before.snapshot(), after.snapshot());
		return after;
	}

	private void requireFreeName(String name, long except) {
		if (jdbc.sql("select exists (select 1 from price_list where lower(name) = lower(?) and id <> ?)").params(name, except)
			.query(Boolean.class).single()) {
			throw new DomainException(ErrorKind.CONFLICT, "error.price-list.name-taken", name);
		}
	}

	/** What a document sets; lists of accounts, classes and rules replace the old ones when sent. */
	private static final class Fields {

		String name = "";
		String currency = "TRY";
		boolean active = true;
		@Nullable LocalDate validFrom;
		@Nullable LocalDate validTo;
		@Nullable String notes;
		@Nullable List<Long> customerIds;
		@Nullable List<Long> classIds;
		@Nullable List<Rule> rules;

		/** Whether writing these fields would leave the list as it is. */
		boolean sameAs(PriceList list) {
			return !AuditTrail.changes(
					values(list.name(), list.currency(), list.active(), list.validFrom(), list.validTo(), list.notes(),
							list.customerIds(), list.customerClassIds(), list.rules()),
					values(name, currency, active, validFrom, validTo, notes,
							customerIds == null ? list.customerIds() : customerIds,
							classIds == null ? list.customerClassIds() : classIds, rules == null ? list.rules() : rules));
		}

		private static Map<String, Object> values(String name, String currency, boolean active, @Nullable LocalDate validFrom,
				@Nullable LocalDate validTo, @Nullable String notes, List<Long> customers, List<Long> classes, List<Rule> rules) {
			var values = new java.util.HashMap<String, Object>();
			values.put("name", name);
			values.put("currency", currency);
			values.put("active", active);
			values.put("validFrom", validFrom);
			values.put("validTo", validTo);
			values.put("notes", notes);
			values.put("customers", customers);
			values.put("classes", classes);
			values.put("rules", rules.stream().map(Fields::ruleKey).toList());
			return values;
		}

		private static String ruleKey(Rule rule) {
			return String.join("|", String.valueOf(rule.productId()), String.valueOf(rule.categoryId()), rule.type().name(),
					rule.value().stripTrailingZeros().toPlainString(), rule.minQuantity().stripTrailingZeros().toPlainString(),
					String.valueOf(rule.validFrom()), String.valueOf(rule.validTo()));
		}
	}

	private Fields read(PatchDocument doc, @Nullable PriceList current) {
		var fields = new Fields();
		if (current != null) {
			fields.name = current.name();
			fields.currency = current.currency();
			fields.active = current.active();
			fields.validFrom = current.validFrom();
			fields.validTo = current.validTo();
			fields.notes = current.notes();
		}
		if (current == null || doc.has("name")) {
			String name = doc.text("name", 120);
			if (name == null) {
				doc.reject("name", "error.value.required");
			}
			fields.name = name == null ? "" : name;
		}
		if (current == null || doc.has("currency")) {
			String currency = doc.currency("currency");
			if (currency == null) {
				doc.reject("currency", "error.value.required");
			}
			fields.currency = currency == null ? "TRY" : currency;
		}
		if (doc.has("active")) {
			fields.active = !Boolean.FALSE.equals(doc.bool("active"));
		}
		fields.validFrom = doc.has("validFrom") ? doc.date("validFrom") : fields.validFrom;
		fields.validTo = doc.has("validTo") ? doc.date("validTo") : fields.validTo;
		if (fields.validFrom != null && fields.validTo != null && fields.validTo.isBefore(fields.validFrom)) {
			doc.reject("validTo", "error.price-list.dates");
		}
		fields.notes = doc.has("notes") ? doc.freeText("notes", 2000) : fields.notes;
		if (doc.has("customerIds")) {
			fields.customerIds = doc.ids("customerIds");
			for (long customer : fields.customerIds) {
				if (customers.find(customer).isEmpty()) {
					doc.reject("customerIds", "error.price-list.unknown-customer", String.valueOf(customer));
				}
			}
		}
		if (doc.has("customerClassIds")) {
			fields.classIds = doc.ids("customerClassIds");
			for (long customerClass : fields.classIds) {
				if (!jdbc.sql("select exists (select 1 from customer_class_ref where id = ?)").param(customerClass)
					.query(Boolean.class).single()) {
					doc.reject("customerClassIds", "error.price-list.unknown-class", String.valueOf(customerClass));
				}
			}
		}
		if (doc.has("rules")) {
			fields.rules = readRules(doc);
		}
		return fields;
	}

	private List<Rule> readRules(PatchDocument doc) {
		var rules = new ArrayList<Rule>();
		for (PatchDocument item : doc.items("rules")) {
			Rule rule = readRule(item);
			if (rule != null) {
				rules.add(rule);
			}
		}
		return rules;
	}

	/** One rule as sent, checked; {@code null} when it is refused (the reasons are in the document). */
	@Nullable Rule readRule(PatchDocument item) {
		Long productId = item.id("productId");
		Long categoryId = item.id("categoryId");
		if (productId != null && categoryId != null) {
			item.reject("categoryId", "error.price-list.product-or-category");
		}
		if (productId != null && !jdbc.sql("select exists (select 1 from product where id = ?)").param(productId)
			.query(Boolean.class).single()) {
			item.reject("productId", "error.price-list.unknown-product", String.valueOf(productId));
		}
		if (categoryId != null && !categories.exists(categoryId)) {
			item.reject("categoryId", "error.product.unknown-category", String.valueOf(categoryId));
		}
		RuleType type = item.choice("type", RuleType.class);
		if (item.text("type") == null) {
			item.reject("type", "error.value.required");
		}
		BigDecimal value = item.amount("value");
		if (value == null) {
			item.reject("value", "error.value.required");
		}
		else if (type == RuleType.PERCENT_OFF && value.compareTo(BigDecimal.valueOf(100)) > 0) {
			item.reject("value", "error.value.range", 0, 100);
		}
		BigDecimal minQuantity = item.quantity("minQuantity");
		if (minQuantity != null && minQuantity.signum() < 0) {
			item.reject("minQuantity", "error.value.not-negative");
		}
		LocalDate validFrom = item.date("validFrom");
		LocalDate validTo = item.date("validTo");
		if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
			item.reject("validTo", "error.price-list.dates");
		}
		if (type != null && value != null) {
			return new Rule(0, productId, null, categoryId, type, value,
					minQuantity == null ? BigDecimal.ZERO : minQuantity, validFrom, validTo);
		}
		return null;
	}

	private void writeParts(long id, Fields fields, boolean created) {
		if (fields.customerIds != null) {
			jdbc.sql("delete from price_list_customer where price_list = ?").param(id).update();
			fields.customerIds.forEach(customer -> jdbc.sql("insert into price_list_customer (price_list, customer) values (?, ?)")
				.params(id, customer).update());
		}
		if (fields.classIds != null) {
			jdbc.sql("delete from price_list_class where price_list = ?").param(id).update();
			fields.classIds.forEach(c -> jdbc.sql("insert into price_list_class (price_list, customer_class) values (?, ?)")
				.params(id, c).update());
		}
		if (fields.rules != null || created) {
			jdbc.sql("delete from price_rule where price_list = ?").param(id).update();
			for (Rule rule : fields.rules == null ? List.<Rule>of() : fields.rules) {
				jdbc.sql("""
						insert into price_rule (price_list, product, category, type, value, min_quantity, valid_from, valid_to)
						values (?, ?, ?, ?, ?, ?, ?, ?)""")
					.params(id, rule.productId(), rule.categoryId(), rule.type().name(), rule.value(), rule.minQuantity(),
							rule.validFrom(), rule.validTo())
					.update();
			}
		}
	}
}
