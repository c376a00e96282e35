package dev.kervan.customers.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.kervan.identity.CurrentUsers;
import dev.kervan.identity.Role;
import dev.kervan.platform.Money;
import dev.kervan.platform.AuditTrail;
import dev.kervan.platform.DomainException;
import dev.kervan.platform.ErrorKind;
import dev.kervan.platform.ExpectedVersion;
import dev.kervan.platform.PatchDocument;
import dev.kervan.platform.RecordNotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * The administrators' settings behind accounts: categories, sectors and size bands, customer classes, and the
 * extra fields of each category. Staff read them (to fill forms); administrators change them. Entries are
 * deactivated rather than deleted, since accounts point at them.
 */
@Service
public class CustomerSettings {

	private static final String[] READ_ONLY = { "id", "version", "kind" };

	private final Lookups lookups;
	private final CustomerClasses classes;
	private final ExtraFields fields;
	private final CustomerPolicy policy;
	private final CurrentUsers users;
	private final AuditTrail audit;

	CustomerSettings(Lookups lookups, CustomerClasses classes, ExtraFields fields, CustomerPolicy policy,
			CurrentUsers users, AuditTrail audit) {
		this.lookups = lookups;
		this.classes = classes;
		this.fields = fields;
		this.policy = policy;
		this.users = users;
		this.audit = audit;
	}

	public List<Lookup> lookups(Lookup.Kind kind) {
		policy.requireReader();
		return lookups.findByKind(kind.name());
	}

	public List<CustomerClass> classes() {
		policy.requireReader();
		return classes.findAllOrdered();
	}

	public List<ExtraField> fields(@Nullable Long category) {
		policy.requireReader();
		return category == null ? fields.findAll() : fields.findByCategory(category);
	}

	public Lookup lookup(Lookup.Kind kind, long id) {
		policy.requireReader();
		return findLookup(kind, id);
	}

	public CustomerClass customerClass(long id) {
		policy.requireReader();
		return findClass(id);
	}

	public ExtraField field(long id) {
		policy.requireReader();
		return findField(id);
	}

	@Transactional
	public Lookup createLookup(Lookup.Kind kind, JsonNode body) {
		requireAdmin();
		PatchDocument doc = PatchDocument.of(body).ignoring(READ_ONLY);
		String name = name(doc, true);
		Integer order = doc.integer("sortOrder");
		doc.has("active");
		doc.throwIfInvalid();
		var lookup = new Lookup(kind, name, order == null ? 0 : order);
		Lookup saved = save(() -> lookups.save(lookup));
		audit.created("customer-" + kind.name().toLowerCase(Locale.ROOT), saved.id(), Map.of("name", saved.name()));
		return saved;
	}

	@Transactional
	public Lookup updateLookup(Lookup.Kind kind, long id, ExpectedVersion expected, JsonNode body) {
		requireAdmin();
		Lookup lookup = findLookup(kind, id);
		expected.verify("lookup", id, lookup.version());
		Map<String, Object> before = lookupSnapshot(lookup);
		PatchDocument doc = PatchDocument.of(body).ignoring(READ_ONLY);
		if (doc.has("name")) {
			lookup.name = name(doc, true);
		}
		if (doc.has("sortOrder")) {
			Integer order = doc.integer("sortOrder");
			lookup.sortOrder = order == null ? 0 : order;
		}
		if (doc.has("active")) {
			Boolean active = doc.bool("active");
			lookup.active = active == null || active;
		}
		doc.throwIfInvalid();
		if (!AuditTrail.changes(before, lookupSnapshot(lookup))) {
			return findLookup(kind, id);
		}
		Lookup saved = save(() -> lookups.save(lookup));
		audit.updated("customer-" + kind.name().toLowerCase(Locale.ROOT), id, before, lookupSnapshot(saved));
		return saved;
	}

	@Transactional
	public CustomerClass createClass(JsonNode body) {
		requireAdmin();
		PatchDocument doc = PatchDocument.of(body).ignoring(READ_ONLY);
		var customerClass = new CustomerClass(name(doc, true));
		applyClass(doc, customerClass);
		doc.throwIfInvalid();
		CustomerClass saved = save(() -> classes.save(customerClass));
		audit.created("customer-class", saved.id(), classSnapshot(saved));
		return saved;
	}

	@Transactional
	public CustomerClass updateClass(long id, ExpectedVersion expected, JsonNode body) {
		requireAdmin();
		CustomerClass customerClass = findClass(id);
		expected.verify("class", id, customerClass.version());
		Map<String, Object> before = classSnapshot(customerClass);
		PatchDocument doc = PatchDocument.of(body).ignoring(READ_ONLY);
		if (doc.has("name")) {
			customerClass.name = name(doc, true);
		}
		applyClass(doc, customerClass);
		doc.throwIfInvalid();
		if (!AuditTrail.changes(before, classSnapshot(customerClass))) {
			return findClass(id);
		}
		CustomerClass saved = save(() -> classes.save(customerClass));
		audit.updated("customer-class", id, before, classSnapshot(saved));
		return saved;
	}

	@Transactional
	public ExtraField createField(JsonNode body) {
		requireAdmin();
		PatchDocument doc = PatchDocument.of(body).ignoring(READ_ONLY);
		Long category = doc.id("categoryId");
		if (category == null || lookups.findById(category).filter(l -> l.kind() == Lookup.Kind.CATEGORY).isEmpty()) {
			doc.reject("categoryId", category == null ? "error.value.required" : "error.customer.unknown-reference",
					String.valueOf(category));
		}
		String code = doc.text("code");
		if (code == null || !code.matches("[a-z][a-z0-9_]{0,39}")) {
			doc.reject("code", "error.customer.field-code");
		}
		ExtraField.Type type = doc.choice("type", ExtraField.Type.class);
		if (type == null) {
			doc.reject("type", "error.value.required");
		}
		String label = doc.text("label");
		if (label == null) {
			doc.reject("label", "error.value.required");
		}
		if (category == null || code == null || type == null || label == null) {
			for (String optional : new String[] { "required", "choices", "sortOrder", "active" }) {
				doc.has(optional);
			}
			doc.throwIfInvalid();
		}
		var field = new ExtraField(category, code, label, type);
		applyField(doc, field);
		doc.throwIfInvalid();
		ExtraField saved = save(() -> fields.save(field));
		audit.created("customer-field", saved.id(), Map.of("code", saved.code(), "label", saved.label(), "type", saved.type()));
		return saved;
	}

	@Transactional
	public ExtraField updateField(long id, ExpectedVersion expected, JsonNode body) {
		requireAdmin();
		ExtraField field = findField(id);
		expected.verify("field", id, field.version());
		Map<String, Object> before = fieldSnapshot(field);
		PatchDocument doc = PatchDocument.of(body).ignoring("id", "version", "categoryId", "code", "type");
		if (doc.has("label")) {
			String label = doc.text("label");
			if (label == null) {
				doc.reject("label", "error.value.required");
			}
			else {
				field.label = label;
			}
		}
		applyField(doc, field);
		doc.throwIfInvalid();
		if (!AuditTrail.changes(before, fieldSnapshot(field))) {
			return findField(id);
		}
		ExtraField saved = save(() -> fields.save(field));
		audit.updated("customer-field", id, before, fieldSnapshot(saved));
		return saved;
	}

	private Lookup findLookup(Lookup.Kind kind, long id) {
		return lookups.findById(id).filter(l -> l.kind() == kind)
			.orElseThrow(() -> new RecordNotFoundException(kind.name().toLowerCase(Locale.ROOT), id));
	}

	private CustomerClass findClass(long id) {
		return classes.findById(id).orElseThrow(() -> new RecordNotFoundException("class", id));
	}

	private ExtraField findField(long id) {
		return fields.findById(id).orElseThrow(() -> new RecordNotFoundException("field", id));
	}

	private static Map<String, Object> lookupSnapshot(Lookup lookup) {
		return Map.of("name", lookup.name, "sortOrder", lookup.sortOrder, "active", lookup.active);
	}

	private static Map<String, Object> fieldSnapshot(ExtraField field) {
		return Map.of("label", field.label, "required", field.required, "choices", String.join(", ", field.choices), "sortOrder",
				field.sortOrder, "active", field.active);
	}

	private void applyClass(PatchDocument doc, CustomerClass customerClass) {
		if (doc.has("defaultDiscount")) {
			BigDecimal discount = doc.decimal("defaultDiscount");
			if (discount == null || discount.signum() < 0 || discount.compareTo(BigDecimal.valueOf(100)) > 0
					|| discount.scale() > 2) {
				doc.reject("defaultDiscount", "error.customer.discount");
			}
			else {
				customerClass.defaultDiscount = discount;
			}
		}
		if (doc.has("riskLimit")) {
			BigDecimal limit = doc.decimal("riskLimit");
			if (!CustomerRules.isAmount(limit)) {
				doc.reject("riskLimit", "error.customer.amount");
			}
			customerClass.riskLimit = limit;
		}
		if (doc.has("currency")) {
			String currency = doc.text("currency");
			if (!Money.isCurrency(currency == null ? null : currency.toUpperCase(Locale.ROOT))) {
				doc.reject("currency", "error.customer.currency");
			}
			else {
				customerClass.currency = currency.toUpperCase(Locale.ROOT);
			}
		}
		if (doc.has("active")) {
			Boolean active = doc.bool("active");
			customerClass.active = active == null || active;
		}
	}

	private void applyField(PatchDocument doc, ExtraField field) {
		if (doc.has("required")) {
			Boolean required = doc.bool("required");
			field.required = required != null && required;
		}
		if (doc.has("choices")) {
			field.choices = new ArrayList<>(doc.texts("choices"));
		}
		if (field.type == ExtraField.Type.CHOICE && field.choices.isEmpty()) {
			doc.reject("choices", "error.customer.field-choices");
		}
		if (doc.has("sortOrder")) {
			Integer order = doc.integer("sortOrder");
			field.sortOrder = order == null ? 0 : order;
		}
		if (doc.has("active")) {
			Boolean active = doc.bool("active");
			field.active = active == null || active;
		}
	}

	private static String name(PatchDocument doc, boolean required) {
		String name = doc.text("name");
		if (name == null) {
			if (required) {
				doc.reject("name", "error.value.required");
			}
			return "";
		}
		if (name.length() > 120) {
			doc.reject("name", "error.value.too-long", 120);
		}
		return name;
	}

	private static Map<String, Object> classSnapshot(CustomerClass c) {
		var snapshot = new java.util.LinkedHashMap<String, Object>();
		snapshot.put("name", c.name);
		snapshot.put("defaultDiscount", c.defaultDiscount);
		snapshot.put("riskLimit", c.riskLimit);
		snapshot.put("currency", c.currency);
		snapshot.put("active", c.active);
		return snapshot;
	}

	private void requireAdmin() {
		users.get().require(Role.ADMIN);
	}

	private static <T> T save(java.util.function.Supplier<T> save) {
		try {
			return save.get();
		}
		catch (DuplicateKeyException e) {
			throw new DomainException(ErrorKind.CONFLICT, "error.customer.setting-duplicate");
		}
	}
}
