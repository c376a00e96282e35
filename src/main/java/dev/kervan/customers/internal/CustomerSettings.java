package dev.kervan.customers.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.kervan.customers.internal.SettingCommands.CustomerClassChange;
import dev.kervan.customers.internal.SettingCommands.ExtraFieldChange;
import dev.kervan.customers.internal.SettingCommands.LookupChange;
import dev.kervan.customers.internal.SettingCommands.NewCustomerClass;
import dev.kervan.customers.internal.SettingCommands.NewExtraField;
import dev.kervan.customers.internal.SettingCommands.NewLookup;
import dev.kervan.identity.CurrentUsers;
import dev.kervan.identity.Role;
import dev.kervan.platform.AuditTrail;
import dev.kervan.platform.Checks;
import dev.kervan.platform.ExpectedVersion;
import dev.kervan.platform.RecordNotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrators' settings behind accounts: categories, sectors and size bands, customer classes, and the
 * extra fields of each category. Staff read them (to fill forms); administrators change them. Entries are
 * deactivated rather than deleted, since accounts point at them.
 */
@Service
public class CustomerSettings {

	private static final String DUPLICATE = "error.customer.setting-duplicate";

	private final Lookups lookups;
	private final CustomerClasses classes;
	private final ExtraFields fields;
	private final CustomerPolicy policy;
	private final CurrentUsers users;
	private final AuditTrail audit;
	private final VersionedRows<Lookup> lookupRows;
	private final VersionedRows<CustomerClass> classRows;
	private final VersionedRows<ExtraField> fieldRows;

	CustomerSettings(Lookups lookups, CustomerClasses classes, ExtraFields fields, CustomerPolicy policy,
			CurrentUsers users, AuditTrail audit) {
		this.lookups = lookups;
		this.classes = classes;
		this.fields = fields;
		this.policy = policy;
		this.users = users;
		this.audit = audit;
		this.lookupRows = new VersionedRows<>("lookup", lookups, Lookup::auditSnapshot, DUPLICATE);
		this.classRows = new VersionedRows<>("class", classes, CustomerClass::auditSnapshot, DUPLICATE);
		this.fieldRows = new VersionedRows<>("field", fields, ExtraField::auditSnapshot, DUPLICATE);
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
	public Lookup createLookup(Lookup.Kind kind, NewLookup command) {
		requireAdmin();
		var lookup = new Lookup(kind, "", 0);
		return lookupRows.add(lookup, checks -> applyLookup(command.asChange(), lookup, true, checks),
				saved -> audit.created(auditType(kind), saved.id(), Map.of("name", saved.name())));
	}

	@Transactional
	public Lookup updateLookup(Lookup.Kind kind, long id, ExpectedVersion expected, LookupChange change) {
		requireAdmin();
		Lookup lookup = findLookup(kind, id);
		return lookupRows.change(lookup, expected, checks -> applyLookup(change, lookup, false, checks),
				(before, saved) -> audit.updated(auditType(kind), id, before, saved.auditSnapshot()));
	}

	@Transactional
	public CustomerClass createClass(NewCustomerClass command) {
		requireAdmin();
		var customerClass = new CustomerClass("");
		return classRows.add(customerClass, checks -> applyClass(command.asChange(), customerClass, true, checks),
				saved -> audit.created("customer-class", saved.id(), saved.auditSnapshot()));
	}

	@Transactional
	public CustomerClass updateClass(long id, ExpectedVersion expected, CustomerClassChange change) {
		requireAdmin();
		CustomerClass customerClass = findClass(id);
		return classRows.change(customerClass, expected, checks -> applyClass(change, customerClass, false, checks),
				(before, saved) -> audit.updated("customer-class", id, before, saved.auditSnapshot()));
	}

	@Transactional
	public ExtraField createField(NewExtraField command) {
		requireAdmin();
		var field = new ExtraField(0, "", "", ExtraField.Type.TEXT);
		return fieldRows.add(field, checks -> {
			Long category = command.categoryId();
			if (category == null || lookups.findById(category).filter(l -> l.kind() == Lookup.Kind.CATEGORY).isEmpty()) {
				checks.reject("categoryId", category == null ? "error.value.required" : "error.customer.unknown-reference",
						String.valueOf(category));
			}
			else {
				field.category = category;
			}
			String code = checks.name("code", command.code());
			if (code == null || !code.matches("[a-z][a-z0-9_]{0,39}")) {
				checks.reject("code", "error.customer.field-code");
			}
			else {
				field.code = code;
			}
			if (command.type() == null) {
				checks.reject("type", "error.value.required");
			}
			else {
				field.type = command.type();
			}
			applyField(command.asChange(), field, checks);
		}, saved -> audit.created("customer-field", saved.id(),
				Map.of("code", saved.code(), "label", saved.label(), "type", saved.type())));
	}

	@Transactional
	public ExtraField updateField(long id, ExpectedVersion expected, ExtraFieldChange change) {
		requireAdmin();
		ExtraField field = findField(id);
		return fieldRows.change(field, expected, checks -> applyField(change, field, checks),
				(before, saved) -> audit.updated("customer-field", id, before, saved.auditSnapshot()));
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

	private static String auditType(Lookup.Kind kind) {
		return "customer-" + kind.name().toLowerCase(Locale.ROOT);
	}

	private static void applyLookup(LookupChange change, Lookup lookup, boolean creating, Checks checks) {
		if (creating || change.name().isGiven()) {
			lookup.name = name(checks, change.name().value(), lookup.name);
		}
		if (change.sortOrder().isGiven()) {
			lookup.sortOrder = orZero(change.sortOrder().value());
		}
		if (change.active().isGiven()) {
			lookup.active = !Boolean.FALSE.equals(change.active().value());
		}
	}

	private static void applyClass(CustomerClassChange change, CustomerClass customerClass, boolean creating,
			Checks checks) {
		if (creating || change.name().isGiven()) {
			customerClass.name = name(checks, change.name().value(), customerClass.name);
		}
		if (change.defaultDiscount().isGiven()) {
			BigDecimal discount = checks.decimal("defaultDiscount", change.defaultDiscount().value());
			if (discount == null || discount.signum() < 0 || discount.compareTo(BigDecimal.valueOf(100)) > 0
					|| discount.scale() > 2) {
				checks.reject("defaultDiscount", "error.customer.discount");
			}
			else {
				customerClass.defaultDiscount = discount;
			}
		}
		customerClass.riskLimit = CustomerRules.amount(checks, "riskLimit", change.riskLimit())
			.applyTo(customerClass.riskLimit);
		if (change.currency().isGiven()) {
			CustomerRules.currency(checks, "currency", change.currency().value())
				.ifPresent(code -> customerClass.currency = code);
		}
		if (change.active().isGiven()) {
			customerClass.active = !Boolean.FALSE.equals(change.active().value());
		}
	}

	private static void applyField(ExtraFieldChange change, ExtraField field, Checks checks) {
		if (change.label().isGiven()) {
			String label = checks.name("label", change.label().value());
			if (label == null) {
				checks.reject("label", "error.value.required");
			}
			else {
				field.label = label;
			}
		}
		if (change.required().isGiven()) {
			field.required = Boolean.TRUE.equals(change.required().value());
		}
		if (change.choices().isGiven()) {
			var choices = new LinkedHashSet<String>();
			for (String typed : change.choices().value() == null ? List.<String>of() : change.choices().value()) {
				String choice = checks.name("choices", typed);
				if (choice != null) {
					choices.add(choice);
				}
			}
			field.choices = new ArrayList<>(choices);
		}
		if (field.type == ExtraField.Type.CHOICE && field.choices.isEmpty()) {
			checks.reject("choices", "error.customer.field-choices");
		}
		if (change.sortOrder().isGiven()) {
			field.sortOrder = orZero(change.sortOrder().value());
		}
		if (change.active().isGiven()) {
			field.active = !Boolean.FALSE.equals(change.active().value());
		}
	}

	/** The name of an entry, which none may go without; answers the current one when refused. */
	private static String name(Checks checks, @Nullable String typed, String current) {
		String name = checks.name("name", typed, 120);
		if (name == null) {
			checks.reject("name", "error.value.required");
			return current;
		}
		return name;
	}

	private static int orZero(@Nullable Integer number) {
		return number == null ? 0 : number;
	}

	private void requireAdmin() {
		users.get().require(Role.ADMIN);
	}
}
