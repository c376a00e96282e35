package dev.kervan.catalog.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;

import dev.kervan.customers.Customers;
import dev.kervan.platform.AuditTrail;
import dev.kervan.platform.Checks;
import dev.kervan.platform.Decimals;
import dev.kervan.platform.DomainException;
import dev.kervan.platform.ErrorKind;
import dev.kervan.platform.ExpectedVersion;
import dev.kervan.platform.Option;
import dev.kervan.platform.Patch;
import dev.kervan.platform.RecordNotFoundException;
import dev.kervan.platform.Versioned;
import dev.kervan.platform.VersionedRow;
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
	public PriceList create(NewPriceList list) {
		policy.requirePriceEditor();
		var checks = new Checks();
		Fields fields = Fields.NONE.changedBy(list.asChange(), checks, this);
		checks.throwIfInvalid();
		requireFreeName(fields.name(), 0);
		long id = jdbc.sql("""
				insert into price_list (name, currency, active, valid_from, valid_to, notes) values (?, ?, ?, ?, ?, ?)
				returning id""")
			.params(fields.name(), fields.currency(), fields.active(), fields.validFrom(), fields.validTo(), fields.notes())
			.query(Long.class)
			.single();
		writeParts(id, fields, true);
		PriceList saved = load(id);
		audit.created(RECORD_TYPE, id, saved.snapshot());
		return saved;
	}

	@Transactional
	public PriceList update(long id, ExpectedVersion expected, PriceListChange change) {
		policy.requirePriceEditor();
		var row = VersionedRow.read(RECORD_TYPE, id, expected, this::load);
		PriceList before = row.current();
		var checks = new Checks();
		Fields fields = Fields.of(before).changedBy(change, checks, this);
		checks.throwIfInvalid();
		if (fields.sameAs(before)) {
			return before;
		}
		requireFreeName(fields.name(), id);
		row.requireWritten(jdbc.sql("""
				update price_list set name = ?, currency = ?, active = ?, valid_from = ?, valid_to = ?, notes = ?,
				  version = version + 1
				where id = ? and version = ?""")
			.params(fields.name(), fields.currency(), fields.active(), fields.validFrom(), fields.validTo(), fields.notes(), id,
					before.version())
			.update());
		writeParts(id, fields, false);
		PriceList after = load(id);
		audit.updated(RECORD_TYPE, id, before.snapshot(), after.snapshot());
		return after;
	}

	private void requireFreeName(@Nullable String name, long except) {
		if (jdbc.sql("select exists (select 1 from price_list where lower(name) = lower(?) and id <> ?)").params(name, except)
			.query(Boolean.class).single()) {
			throw new DomainException(ErrorKind.CONFLICT, "error.price-list.name-taken", name);
		}
	}

	/**
	 * A list's fields after a change; the accounts, classes and rules are {@code null} where the change leaves them as
	 * they are.
	 */
	private record Fields(@Nullable String name, @Nullable String currency, boolean active, @Nullable LocalDate validFrom,
			@Nullable LocalDate validTo, @Nullable String notes, @Nullable List<Long> customerIds,
			@Nullable List<Long> classIds, @Nullable List<Rule> rules) {

		/** A new list before anything is given: active, for every customer. */
		static final Fields NONE = new Fields(null, null, true, null, null, null, null, null, null);

		static Fields of(PriceList list) {
			return new Fields(list.name(), list.currency(), list.active(), list.validFrom(), list.validTo(), list.notes(),
					null, null, null);
		}

		Fields changedBy(PriceListChange change, Checks checks, PriceLists lists) {
			String newName = checks.required("name", checks.name("name", change.name(), 120).applyTo(name));
			String newCurrency = checks.required("currency", checks.currency("currency", change.currency()).applyTo(currency));
			LocalDate from = checks.date("validFrom", change.validFrom()).applyTo(validFrom);
			LocalDate to = checks.date("validTo", change.validTo()).applyTo(validTo);
			if (from != null && to != null && to.isBefore(from)) {
				checks.reject("validTo", "error.price-list.dates");
			}
			return new Fields(newName, newCurrency,
					change.active().isGiven() ? !Boolean.FALSE.equals(change.active().value()) : active, from, to,
					checks.freeText("notes", change.notes(), 2000).applyTo(notes),
					lists.known(checks, "customerIds", change.customerIds(), lists::isCustomer, "error.price-list.unknown-customer"),
					lists.known(checks, "customerClassIds", change.customerClassIds(), lists::isCustomerClass,
							"error.price-list.unknown-class"),
					change.rules().isGiven() ? lists.checkedRules(checks, change.rules().value()) : null);
		}

		/** Whether writing these fields would leave the list as it is. */
		boolean sameAs(PriceList list) {
			return !AuditTrail.changes(
					values(list.name(), list.currency(), list.active(), list.validFrom(), list.validTo(), list.notes(),
							list.customerIds(), list.customerClassIds(), list.rules()),
					values(name, currency, active, validFrom, validTo, notes,
							customerIds == null ? list.customerIds() : customerIds,
							classIds == null ? list.customerClassIds() : classIds, rules == null ? list.rules() : rules));
		}

		private static Map<String, Object> values(@Nullable String name, @Nullable String currency, boolean active,
				@Nullable LocalDate validFrom, @Nullable LocalDate validTo, @Nullable String notes, List<Long> customers,
				List<Long> classes, List<Rule> rules) {
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

	/** The ids sent (repeats dropped), each of a record that exists; {@code null} when none were sent. */
	private @Nullable List<Long> known(Checks checks, String field, Patch<List<@Nullable Long>> sent, LongPredicate exists,
			String unknown) {
		if (!sent.isGiven()) {
			return null;
		}
		var ids = new LinkedHashSet<Long>();
		for (Long id : sent.value() == null ? List.<@Nullable Long>of() : sent.value()) {
			if (id == null) {
				checks.reject(field, "error.value.invalid-type");
			}
			else if (ids.add(id) && !exists.test(id)) {
				checks.reject(field, unknown, String.valueOf(id));
			}
		}
		return List.copyOf(ids);
	}

	private boolean isCustomer(long id) {
		return customers.find(id).isPresent();
	}

	/**
	 * The customer classes a list may be for, by name: the active ones and those it is for already (the page
	 * shows a list's audience and offers it as boxes to tick).
	 */
	public List<Option> classOptions(PriceList list) {
		policy.requireReader();
		return jdbc.sql("select id, name from customer_class_ref where active or id = any (:chosen) order by lower(name), id")
			.param("chosen", list.customerClassIds().toArray(Long[]::new))
			.query((rs, n) -> new Option(String.valueOf(rs.getLong("id")), rs.getString("name")))
			.list();
	}

	private boolean isCustomerClass(long id) {
		return jdbc.sql("select exists (select 1 from customer_class_ref where id = ?)").param(id).query(Boolean.class).single();
	}

	private List<Rule> checkedRules(Checks checks, @Nullable List<@Nullable PriceRuleLine> lines) {
		var rules = new ArrayList<Rule>();
		List<@Nullable PriceRuleLine> sent = lines == null ? List.of() : lines;
		for (int i = 0; i < sent.size(); i++) {
			PriceRuleLine line = sent.get(i);
			if (line == null) {
				checks.reject("rules", "error.value.invalid-type");
				continue;
			}
			Rule rule = checkedRule(checks.item("rules", i), line);
			if (rule != null) {
				rules.add(rule);
			}
		}
		return rules;
	}

	/** One rule as sent, checked; {@code null} when it is refused (the reasons are in the checks). */
	@Nullable Rule checkedRule(Checks checks, PriceRuleLine line) {
		Long productId = line.productId();
		Long categoryId = line.categoryId();
		if (productId != null && categoryId != null) {
			checks.reject("categoryId", "error.price-list.product-or-category");
		}
		if (productId != null && !jdbc.sql("select exists (select 1 from product where id = ?)").param(productId)
			.query(Boolean.class).single()) {
			checks.reject("productId", "error.price-list.unknown-product", String.valueOf(productId));
		}
		if (categoryId != null && !categories.exists(categoryId)) {
			checks.reject("categoryId", "error.product.unknown-category", String.valueOf(categoryId));
		}
		RuleType type = checks.required("type", line.type());
		BigDecimal value = checks.required("value", checks.amount("value", line.value()));
		if (value != null && type == RuleType.PERCENT_OFF && value.compareTo(BigDecimal.valueOf(100)) > 0) {
			checks.reject("value", "error.value.range", 0, 100);
		}
		BigDecimal minQuantity = checks.quantity("minQuantity", line.minQuantity());
		if (minQuantity != null && minQuantity.signum() < 0) {
			checks.reject("minQuantity", "error.value.not-negative");
		}
		LocalDate validFrom = checks.date("validFrom", line.validFrom());
		LocalDate validTo = checks.date("validTo", line.validTo());
		if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
			checks.reject("validTo", "error.price-list.dates");
		}
		if (type != null && value != null) {
			return new Rule(0, productId, null, categoryId, type, value, minQuantity == null ? BigDecimal.ZERO : minQuantity,
					validFrom, validTo);
		}
		return null;
	}

	private void writeParts(long id, Fields fields, boolean created) {
		if (fields.customerIds() != null) {
			jdbc.sql("delete from price_list_customer where price_list = ?").param(id).update();
			fields.customerIds().forEach(customer -> jdbc.sql("insert into price_list_customer (price_list, customer) values (?, ?)")
				.params(id, customer).update());
		}
		if (fields.classIds() != null) {
			jdbc.sql("delete from price_list_class where price_list = ?").param(id).update();
			fields.classIds().forEach(c -> jdbc.sql("insert into price_list_class (price_list, customer_class) values (?, ?)")
				.params(id, c).update());
		}
		if (fields.rules() != null || created) {
			jdbc.sql("delete from price_rule where price_list = ?").param(id).update();
			for (Rule rule : fields.rules() == null ? List.<Rule>of() : fields.rules()) {
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
