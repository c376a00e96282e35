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
import java.util.Set;
import java.util.TreeMap;

import dev.kervan.customers.CustomerKind;
import dev.kervan.customers.CustomerRole;
import dev.kervan.customers.CustomerStatus;
import dev.kervan.identity.CurrentUser;
import dev.kervan.identity.Role;
import dev.kervan.identity.Users;
import dev.kervan.platform.Dates;
import dev.kervan.platform.Decimals;
import dev.kervan.platform.Money;
import dev.kervan.platform.Languages;
import dev.kervan.platform.PatchDocument;
import dev.kervan.platform.PhoneNumbers;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies a JSON document to an account, field by field, checking each value and who may change it. Used
 * for creating (on a blank account) and changing alike, so both refuse the same things the same way.
 */
@Component
class CustomerEditor {

	/** Fields anyone who may edit the account changes. */
	static final Set<String> GENERAL = Set.of("kind", "name", "roles", "status", "country", "taxOffice", "taxNumber",
			"email", "phone", "website", "categoryId", "sectorId", "sizeBandId", "classId", "tags", "salespersonId",
			"teamId", "language", "referrerId", "priceListId", "eInvoiceAlias", "birthDate", "externalRef",
			"extraFields");

	/** Credit terms: only accountants and sales managers change them. */
	static final Set<String> FINANCE = Set.of("paymentTermDays", "creditLimit", "riskLimit", "currency",
			"receivableAccount", "payableAccount");

	/** Fields the API answers that a client may send back unchanged. */
	static final String[] READ_ONLY = { "id", "version", "createdAt", "updatedAt", "createdBy", "archived",
			"phoneDisplay", "categoryName", "sectorName", "sizeBandName", "className", "salespersonName",
			"referrerName", "archivedAt" };

	private static final int MAX_TAGS = 30;
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final References database;
	private final Clock clock;

	CustomerEditor(Lookups lookups, CustomerClasses classes, ExtraFields extraFields, Users users, Clock clock) {
		this.clock = clock;
		this.database = new References() {
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

		boolean classExists(long id);

		List<ExtraField> fieldsOf(long category);

		boolean isSalesperson(long userId);

		boolean userExists(long userId);
	}

	References database() {
		return database;
	}

	/**
	 * Applies the document; violations are collected in it (the caller throws them). {@code creating} fills in
	 * the defaults a new account gets.
	 */
	void apply(PatchDocument doc, Customer customer, boolean creating, CurrentUser user) {
		apply(doc, customer, creating, user, database);
	}

	void apply(PatchDocument doc, Customer customer, boolean creating, CurrentUser user, References references) {
		doc.ignoring(READ_ONLY);
		if (creating || doc.has("kind")) {
			CustomerKind kind = doc.choice("kind", CustomerKind.class);
			if (kind != null) {
				customer.kind = kind;
			}
			else if (creating) {
				doc.reject("kind", "error.value.required");
			}
		}
		if (creating || doc.has("name")) {
			String name = doc.text("name");
			if (name == null) {
				doc.reject("name", "error.value.required");
			}
			else if (name.length() > 300) {
				doc.reject("name", "error.value.too-long", 300);
			}
			else {
				customer.name = name;
			}
		}
		if (doc.has("roles")) {
			var roles = EnumSet.noneOf(CustomerRole.class);
			for (String role : doc.texts("roles")) {
				try {
					roles.add(CustomerRole.valueOf(role.toUpperCase(Locale.ROOT)));
				}
				catch (IllegalArgumentException e) {
					doc.reject("roles", "error.value.invalid", role);
				}
			}
			if (roles.isEmpty()) {
				doc.reject("roles", "error.customer.roles-required");
			}
			else {
				customer.assignRoles(roles);
			}
		}
		if (doc.has("status")) {
			CustomerStatus status = doc.choice("status", CustomerStatus.class);
			if (status == null) {
				doc.reject("status", "error.value.required");
			}
			else {
				customer.status = status;
			}
		}
		if (doc.has("country")) {
			String country = upper(doc.text("country"));
			if (!CustomerRules.isCountry(country)) {
				doc.reject("country", "error.customer.country");
			}
			else {
				customer.country = country;
			}
		}
		applyOfficialData(doc, customer);
		applyLookups(doc, customer, references);
		applyPeople(doc, customer, creating, user, references);
		applyFinance(doc, customer);
		applyOther(doc, customer);
		applyExtraFields(doc, customer, creating, references);
	}

	private void applyOfficialData(PatchDocument doc, Customer customer) {
		if (doc.has("taxOffice")) {
			customer.taxOffice = doc.text("taxOffice", 120);
		}
		// The tax number and the phone are read with the country's rules, whichever of them changed.
		boolean countryChanged = doc.has("country");
		if (doc.has("taxNumber")) {
			String typed = doc.code("taxNumber");
			customer.taxNumber = typed == null ? null : CustomerRules.normalizeTaxNumber(typed);
		}
		if (customer.taxNumber != null && (doc.has("taxNumber") || countryChanged)) {
			CustomerRules.taxNumberProblem(customer.taxNumber, customer.country)
				.ifPresent(problem -> doc.reject("taxNumber", problem));
		}
		if (doc.has("email")) {
			String email = doc.code("email");
			if (email != null && !CustomerRules.isEmail(email)) {
				doc.reject("email", "error.customer.email");
			}
			customer.email = email;
		}
		if (doc.has("phone")) {
			String typed = doc.code("phone");
			if (typed == null) {
				customer.phone = null;
			}
			else {
				PhoneNumbers.toE164(typed, customer.country)
					.ifPresentOrElse(e164 -> customer.phone = e164, () -> doc.reject("phone", "error.phone.invalid"));
			}
		}
		if (doc.has("website")) {
			customer.website = doc.webAddress("website", 300);
		}
	}

	private void applyLookups(PatchDocument doc, Customer customer, References references) {
		if (doc.has("categoryId")) {
			customer.category = lookup(doc, "categoryId", Lookup.Kind.CATEGORY, references);
		}
		if (doc.has("sectorId")) {
			customer.sector = lookup(doc, "sectorId", Lookup.Kind.SECTOR, references);
		}
		if (doc.has("sizeBandId")) {
			customer.sizeBand = lookup(doc, "sizeBandId", Lookup.Kind.SIZE_BAND, references);
		}
		if (doc.has("classId")) {
			Long id = doc.id("classId");
			if (id != null && !references.classExists(id)) {
				doc.reject("classId", "error.customer.unknown-reference", id);
			}
			customer.customerClass = id;
		}
		if (doc.has("tags")) {
			var tags = new LinkedHashSet<String>();
			var seen = new LinkedHashSet<String>();
			for (String tag : doc.texts("tags")) {
				if (tag.length() > 40) {
					doc.reject("tags", "error.value.too-long", 40);
				}
				else if (seen.add(tag.toLowerCase(Locale.ROOT))) {
					tags.add(tag);
				}
			}
			if (tags.size() > MAX_TAGS) {
				doc.reject("tags", "error.customer.too-many-tags", MAX_TAGS);
			}
			customer.tags = tags;
		}
		if (doc.has("priceListId") && doc.id("priceListId") != null) {
			// Price lists come with the catalog; until then no account can point at one.
			doc.reject("priceListId", "error.customer.unknown-reference", doc.id("priceListId"));
		}
		if (doc.has("teamId") && doc.id("teamId") != null) {
			doc.reject("teamId", "error.customer.unknown-reference", doc.id("teamId"));
		}
	}

	private void applyPeople(PatchDocument doc, Customer customer, boolean creating, CurrentUser user,
			References references) {
		if (doc.has("salespersonId")) {
			Long id = doc.id("salespersonId");
			if (id != null && !references.isSalesperson(id)) {
				doc.reject("salespersonId", "error.customer.not-a-salesperson", id);
			}
			customer.salesperson = id;
		}
		else if (creating && user.has(Role.SALESPERSON) && !user.has(Role.SALES_MANAGER)) {
			// A salesperson's new account is theirs unless they say otherwise.
			customer.salesperson = user.id();
		}
		if (doc.has("referrerId")) {
			Long id = doc.id("referrerId");
			if (id != null && !references.userExists(id)) {
				doc.reject("referrerId", "error.customer.unknown-reference", id);
			}
			customer.referrer = id;
		}
	}

	private void applyFinance(PatchDocument doc, Customer customer) {
		if (doc.has("paymentTermDays")) {
			Integer days = doc.integer("paymentTermDays");
			if (days != null && (days < 0 || days > 3650)) {
				doc.reject("paymentTermDays", "error.value.range", 0, 3650);
			}
			customer.paymentTermDays = days;
		}
		if (doc.has("creditLimit")) {
			customer.creditLimit = amount(doc, "creditLimit");
		}
		if (doc.has("riskLimit")) {
			customer.riskLimit = amount(doc, "riskLimit");
		}
		if (doc.has("currency")) {
			String currency = upper(doc.text("currency"));
			if (!Money.isCurrency(currency)) {
				doc.reject("currency", "error.customer.currency");
			}
			else {
				customer.currency = currency;
			}
		}
		if (doc.has("receivableAccount")) {
			customer.receivableAccount = doc.code("receivableAccount", 40);
		}
		if (doc.has("payableAccount")) {
			customer.payableAccount = doc.code("payableAccount", 40);
		}
	}

	private void applyOther(PatchDocument doc, Customer customer) {
		if (doc.has("language")) {
			String language = doc.text("language");
			Languages.supported(language).ifPresentOrElse(l -> customer.language = l.getLanguage(),
					() -> doc.reject("language", "error.user.language-unsupported", String.valueOf(language)));
		}
		if (doc.has("eInvoiceAlias")) {
			customer.eInvoiceAlias = doc.code("eInvoiceAlias", 120);
		}
		if (doc.has("birthDate")) {
			LocalDate birthDate = doc.date("birthDate");
			if (birthDate != null && birthDate.isAfter(LocalDate.now(clock))) {
				doc.reject("birthDate", "error.customer.birth-date-future");
			}
			customer.birthDate = birthDate;
		}
		if (customer.birthDate != null && customer.kind == CustomerKind.COMPANY) {
			doc.reject("birthDate", "error.customer.birth-date-company");
		}
		if (doc.has("externalRef")) {
			customer.externalRef = doc.code("externalRef", 100);
		}
	}

	/**
	 * Extra fields are checked against the fields defined for the account's category: unknown fields, wrong
	 * types, choices outside the list and missing required values are refused.
	 */
	private void applyExtraFields(PatchDocument doc, Customer customer, boolean creating, References references) {
		boolean categoryChanged = doc.has("categoryId");
		if (!doc.has("extraFields") && !categoryChanged && !creating) {
			return;
		}
		Map<String, String> values = new TreeMap<>(read(customer.extraFields));
		if (doc.has("extraFields")) {
			doc.textMap("extraFields").forEach((code, value) -> {
				if (value == null || value.isBlank()) {
					values.remove(code);
				}
				else {
					values.put(code, value.strip());
				}
			});
		}
		List<ExtraField> fields = customer.category == null ? List.of() : references.fieldsOf(customer.category);
		var known = new LinkedHashMap<String, ExtraField>();
		fields.forEach(field -> known.put(field.code(), field));
		for (var entry : values.entrySet()) {
			ExtraField field = known.get(entry.getKey());
			if (field == null) {
				doc.reject("extraFields." + entry.getKey(), "error.value.unknown-field");
				continue;
			}
			String problem = problemOf(field, entry.getValue());
			if (problem != null) {
				doc.reject("extraFields." + entry.getKey(), problem, String.join(", ", field.choices()));
			}
		}
		for (ExtraField field : fields) {
			if (field.required() && !values.containsKey(field.code())) {
				doc.reject("extraFields." + field.code(), "error.value.required");
			}
		}
		customer.extraFields = JSON.writeValueAsString(values);
	}

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

	private @Nullable Long lookup(PatchDocument doc, String field, Lookup.Kind kind, References references) {
		Long id = doc.id(field);
		if (id != null && !references.lookupExists(id, kind)) {
			doc.reject(field, "error.customer.unknown-reference", id);
		}
		return id;
	}

	private static @Nullable BigDecimal amount(PatchDocument doc, String field) {
		BigDecimal amount = doc.decimal(field);
		if (!CustomerRules.isAmount(amount)) {
			doc.reject(field, "error.customer.amount");
		}
		return amount;
	}

	private static @Nullable String upper(@Nullable String text) {
		return text == null ? null : text.toUpperCase(Locale.ROOT);
	}
}
