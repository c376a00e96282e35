package dev.kervan.customers.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import dev.kervan.customers.CustomerKind;
import dev.kervan.customers.CustomerRole;
import dev.kervan.customers.CustomerStatus;
import dev.kervan.customers.AccountPriceLists;
import dev.kervan.customers.AccountTeams;
import dev.kervan.identity.CurrentUser;
import dev.kervan.identity.Role;
import dev.kervan.identity.Users;
import dev.kervan.platform.Checks;
import dev.kervan.platform.Dates;
import dev.kervan.platform.Decimals;
import dev.kervan.platform.Languages;
import dev.kervan.platform.Patch;
import dev.kervan.platform.TextHygiene;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies a change to an account, field by field, checking each value. Used for creating (on a blank account),
 * changing and importing alike, so all three refuse the same things the same way.
 */
@Component
class CustomerEditor {

	private static final int MAX_TAGS = 30;
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final References database;
	private final Clock clock;

	CustomerEditor(Lookups lookups, CustomerClasses classes, ExtraFields extraFields, Users users, Clock clock,
			ObjectProvider<AccountPriceLists> priceLists, ObjectProvider<AccountTeams> teams) {
		this.clock = clock;
		this.database = new References() {
			@Override
			public boolean priceListActive(long id) {
				AccountPriceLists lists = priceLists.getIfAvailable();
				return lists != null && lists.isActive(id);
			}

			@Override
			public boolean teamActive(long id) {
				AccountTeams known = teams.getIfAvailable();
				return known != null && known.isActive(id);
			}

			@Override
			public boolean lookupExists(long id, Lookup.Kind kind) {
				return lookups.findById(id).filter(l -> l.kind() == kind && l.active()).isPresent();
			}

			@Override
			public boolean classExists(long id) {
				return classes.findById(id).filter(CustomerClass::active).isPresent();
			}

			@Override
			public List<ExtraField> fieldsOf(long category) {
				return extraFields.findByCategory(category).stream().filter(ExtraField::active).toList();
			}

			@Override
			public boolean isSalesperson(long userId) {
				return users.find(userId)
					.filter(u -> u.active() && u.roles().stream()
						.anyMatch(r -> r == Role.SALESPERSON || r == Role.SALES_MANAGER || r == Role.ADMIN))
					.isPresent();
			}

			@Override
			public boolean userExists(long userId) {
				return users.find(userId).isPresent();
			}
		};
	}

	/** What the rules look up elsewhere; an import answers from memory instead of asking per row. */
	interface References {
		boolean lookupExists(long id, Lookup.Kind kind);

		boolean priceListActive(long id);

		boolean teamActive(long id);

		boolean classExists(long id);

		List<ExtraField> fieldsOf(long category);

		boolean isSalesperson(long userId);

		boolean userExists(long userId);
	}

	References database() {
		return database;
	}

	/**
	 * Applies the change, collecting what is wrong in {@code checks} (the caller throws them). {@code creating} fills
	 * in the defaults a new account gets and requires its kind and name.
	 */
	void apply(CustomerChange change, Customer customer, boolean creating, CurrentUser user, Checks checks) {
		apply(change, customer, creating, user, database, checks);
	}

	void apply(CustomerChange change, Customer customer, boolean creating, CurrentUser user, References references,
			Checks checks) {
		change.unknown().keySet().forEach(field -> checks.reject(field, "error.value.unknown-field"));
		if (creating || change.kind().isGiven()) {
			CustomerKind kind = change.kind().value();
			if (kind != null) {
				customer.kind = kind;
			}
			else if (creating) {
				checks.reject("kind", "error.value.required");
			}
		}
		if (creating || change.name().isGiven()) {
			String name = checks.name("name", change.name().value(), 300);
			if (name == null) {
				checks.reject("name", "error.value.required");
			}
			else {
				customer.name = name;
			}
		}
		if (change.roles().isGiven()) {
			var roles = EnumSet.noneOf(CustomerRole.class);
			for (String typed : orNone(change.roles().value())) {
				String role = checks.name("roles", typed);
				if (role == null) {
					continue;
				}
				try {
					roles.add(CustomerRole.valueOf(role.toUpperCase(Locale.ROOT)));
				}
				catch (IllegalArgumentException e) {
					checks.reject("roles", "error.value.invalid", role);
				}
			}
			if (roles.isEmpty()) {
				checks.reject("roles", "error.customer.roles-required");
			}
			else {
				customer.assignRoles(roles);
			}
		}
		if (change.status().isGiven()) {
			CustomerStatus status = change.status().value();
			if (status == null) {
				checks.reject("status", "error.value.required");
			}
			else {
				customer.status = status;
			}
		}
		if (change.country().isGiven()) {
			String country = upper(checks.name("country", change.country().value()));
			if (!CustomerRules.isCountry(country)) {
				checks.reject("country", "error.customer.country");
			}
			else {
				customer.country = country;
			}
		}
		applyOfficialData(change, customer, checks);
		applyLookups(change, customer, references, checks);
		applyPeople(change, customer, creating, user, references, checks);
		applyFinance(change, customer, checks);
		applyOther(change, customer, checks);
		applyExtraFields(change, customer, creating, references, checks);
	}

	private void applyOfficialData(CustomerChange change, Customer customer, Checks checks) {
		customer.taxOffice = checks.name("taxOffice", change.taxOffice(), 120).applyTo(customer.taxOffice);
		// The tax number and the phone are read with the country's rules, whichever of them changed.
		if (change.taxNumber().isGiven()) {
			String typed = checks.code("taxNumber", change.taxNumber().value());
			customer.taxNumber = typed == null ? null : CustomerRules.normalizeTaxNumber(typed);
		}
		if (customer.taxNumber != null && (change.taxNumber().isGiven() || change.country().isGiven())) {
			CustomerRules.taxNumberProblem(customer.taxNumber, customer.country)
				.ifPresent(problem -> checks.reject("taxNumber", problem));
		}
		if (change.email().isGiven()) {
			customer.email = CustomerRules.email(checks, "email", change.email().value());
		}
		if (change.phone().isGiven()) {
			customer.phone = checks.phone("phone", change.phone().value(), customer.country);
		}
		if (change.website().isGiven()) {
			customer.website = checks.webAddress("website", change.website().value(), 300);
		}
	}

	private void applyLookups(CustomerChange change, Customer customer, References references, Checks checks) {
		customer.category = lookup(checks, "categoryId", change.categoryId(), Lookup.Kind.CATEGORY, references)
			.applyTo(customer.category);
		customer.sector = lookup(checks, "sectorId", change.sectorId(), Lookup.Kind.SECTOR, references)
			.applyTo(customer.sector);
		customer.sizeBand = lookup(checks, "sizeBandId", change.sizeBandId(), Lookup.Kind.SIZE_BAND, references)
			.applyTo(customer.sizeBand);
		if (change.classId().isGiven()) {
			Long id = change.classId().value();
			if (id != null && !references.classExists(id)) {
				checks.reject("classId", "error.customer.unknown-reference", id);
			}
			customer.customerClass = id;
		}
		if (change.tags().isGiven()) {
			var tags = new LinkedHashSet<String>();
			var seen = new LinkedHashSet<String>();
			for (String typed : orNone(change.tags().value())) {
				String tag = checks.name("tags", typed);
				if (tag == null) {
					continue;
				}
				if (tag.length() > 40) {
					checks.reject("tags", "error.value.too-long", 40);
				}
				else if (seen.add(tag.toLowerCase(Locale.ROOT))) {
					tags.add(tag);
				}
			}
			if (tags.size() > MAX_TAGS) {
				checks.reject("tags", "error.customer.too-many-tags", MAX_TAGS);
			}
			customer.tags = tags;
		}
		if (change.priceListId().isGiven()) {
			Long id = change.priceListId().value();
			if (id != null && !references.priceListActive(id)) {
				checks.reject("priceListId", "error.customer.unknown-reference", id);
			}
			customer.priceList = id;
		}
		if (change.teamId().isGiven()) {
			Long id = change.teamId().value();
			if (id != null && !references.teamActive(id)) {
				checks.reject("teamId", "error.customer.unknown-reference", id);
			}
			customer.team = id;
		}
	}

	private void applyPeople(CustomerChange change, Customer customer, boolean creating, CurrentUser user,
			References references, Checks checks) {
		if (change.salespersonId().isGiven()) {
			Long id = change.salespersonId().value();
			if (id != null && !references.isSalesperson(id)) {
				checks.reject("salespersonId", "error.customer.not-a-salesperson", id);
			}
			customer.salesperson = id;
		}
		else if (creating && user.has(Role.SALESPERSON) && !user.has(Role.SALES_MANAGER)) {
			// A salesperson's new account is theirs unless they say otherwise.
			customer.salesperson = user.id();
		}
		if (change.referrerId().isGiven()) {
			Long id = change.referrerId().value();
			if (id != null && !references.userExists(id)) {
				checks.reject("referrerId", "error.customer.unknown-reference", id);
			}
			customer.referrer = id;
		}
	}

	private void applyFinance(CustomerChange change, Customer customer, Checks checks) {
		customer.paymentTermDays = checks.range("paymentTermDays", change.paymentTermDays(), 0, 3650)
			.applyTo(customer.paymentTermDays);
		customer.creditLimit = CustomerRules.amount(checks, "creditLimit", change.creditLimit()).applyTo(customer.creditLimit);
		customer.riskLimit = CustomerRules.amount(checks, "riskLimit", change.riskLimit()).applyTo(customer.riskLimit);
		if (change.currency().isGiven()) {
			CustomerRules.currency(checks, "currency", change.currency().value()).ifPresent(code -> customer.currency = code);
		}
		customer.receivableAccount = checks.code("receivableAccount", change.receivableAccount(), 40)
			.applyTo(customer.receivableAccount);
		customer.payableAccount = checks.code("payableAccount", change.payableAccount(), 40)
			.applyTo(customer.payableAccount);
	}

	private void applyOther(CustomerChange change, Customer customer, Checks checks) {
		if (change.language().isGiven()) {
			String language = checks.name("language", change.language().value());
			Languages.supported(language).ifPresentOrElse(l -> customer.language = l.getLanguage(),
					() -> checks.reject("language", "error.user.language-unsupported", String.valueOf(language)));
		}
		customer.eInvoiceAlias = checks.code("eInvoiceAlias", change.eInvoiceAlias(), 120).applyTo(customer.eInvoiceAlias);
		if (change.birthDate().isGiven()) {
			LocalDate birthDate = checks.date("birthDate", change.birthDate().value());
			if (birthDate != null && birthDate.isAfter(LocalDate.now(clock))) {
				checks.reject("birthDate", "error.customer.birth-date-future");
			}
			customer.birthDate = birthDate;
		}
		if (customer.birthDate != null && customer.kind == CustomerKind.COMPANY) {
			checks.reject("birthDate", "error.customer.birth-date-company");
		}
		customer.externalRef = checks.code("externalRef", change.externalRef(), 100).applyTo(customer.externalRef);
	}

	/**
	 * Extra fields are checked against the fields defined for the account's category: unknown fields, wrong
	 * types, choices outside the list and missing required values are refused. A value sent as {@code null} or
	 * blank removes the field's value.
	 */
	private void applyExtraFields(CustomerChange change, Customer customer, boolean creating, References references,
			Checks checks) {
		if (!change.extraFields().isGiven() && !change.categoryId().isGiven() && !creating) {
			return;
		}
		var sent = change.extraFields().value();
		if ((sent == null || sent.isEmpty()) && customer.category == null && NO_VALUES.equals(customer.extraFields)) {
			return; // an account without a category has no extra fields: nothing to read, check or write (imports)
		}
		Map<String, String> values = new TreeMap<>(read(customer.extraFields));
		(sent == null ? Map.<String, @Nullable String>of() : sent).forEach((code, value) -> {
			var problem = TextHygiene.codeProblem(code).or(() -> TextHygiene.nameProblem(value == null ? "" : value));
			if (problem.isPresent()) {
				checks.reject("extraFields." + code, problem.get());
			}
			else if (value == null || value.isBlank()) {
				values.remove(code);
			}
			else {
				values.put(code, value.strip());
			}
		});
		List<ExtraField> fields = customer.category == null ? List.of() : references.fieldsOf(customer.category);
		var known = new LinkedHashMap<String, ExtraField>();
		fields.forEach(field -> known.put(field.code(), field));
		for (var entry : values.entrySet()) {
			ExtraField field = known.get(entry.getKey());
			if (field == null) {
				checks.reject("extraFields." + entry.getKey(), "error.value.unknown-field");
				continue;
			}
			String problem = problemOf(field, entry.getValue());
			if (problem != null) {
				checks.reject("extraFields." + entry.getKey(), problem, String.join(", ", field.choices()));
			}
		}
		for (ExtraField field : fields) {
			if (field.required() && !values.containsKey(field.code())) {
				checks.reject("extraFields." + field.code(), "error.value.required");
			}
		}
		customer.extraFields = JSON.writeValueAsString(values);
	}

	private static final String NO_VALUES = "{}";

	static Map<String, String> read(String json) {
		return JSON.readValue(json, new TypeReference<Map<String, String>>() {
		});
	}

	private static @Nullable String problemOf(ExtraField field, String value) {
		return switch (field.type()) {
			case TEXT -> value.length() > 500 ? "error.value.too-long" : null;
			case NUMBER -> {
				try {
					yield Decimals.isWithinRange(new BigDecimal(value)) ? null : "error.customer.extra-number";
				}
				catch (NumberFormatException e) {
					yield "error.customer.extra-number";
				}
			}
			case DATE -> Dates.parse(value).isPresent() ? null : "error.customer.extra-date";
			case CHOICE -> field.choices().contains(value) ? null : "error.customer.extra-choice";
		};
	}

	private static Patch<Long> lookup(Checks checks, String field, Patch<Long> id, Lookup.Kind kind,
			References references) {
		if (id.value() != null && !references.lookupExists(id.value(), kind)) {
			checks.reject(field, "error.customer.unknown-reference", id.value());
		}
		return id;
	}

	private static <T> List<T> orNone(@Nullable List<T> items) {
		return items == null ? List.of() : items;
	}

	private static @Nullable String upper(@Nullable String text) {
		return text == null ? null : text.toUpperCase(Locale.ROOT);
	}
}
