package dev.kervan.customers.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.kervan.customers.CustomerKind;
import dev.kervan.customers.internal.PartRepositories.PartRepository;
import dev.kervan.customers.internal.PartViews.AddressView;
import dev.kervan.customers.internal.PartViews.AgreementView;
import dev.kervan.customers.internal.PartViews.BankAccountView;
import dev.kervan.customers.internal.PartViews.BranchView;
import dev.kervan.customers.internal.PartViews.ContactView;
import dev.kervan.customers.internal.PartViews.NoteView;
import dev.kervan.customers.internal.PartViews.PartView;
import dev.kervan.customers.internal.PartViews.PaymentCardView;
import dev.kervan.customers.internal.PartViews.RelationView;
import dev.kervan.customers.internal.Parts.Address;
import dev.kervan.customers.internal.Parts.Agreement;
import dev.kervan.customers.internal.Parts.BankAccount;
import dev.kervan.customers.internal.Parts.Branch;
import dev.kervan.customers.internal.Parts.Contact;
import dev.kervan.customers.internal.Parts.Note;
import dev.kervan.customers.internal.Parts.Part;
import dev.kervan.customers.internal.Parts.PaymentCard;
import dev.kervan.customers.internal.Parts.Relation;
import dev.kervan.identity.CurrentUser;
import dev.kervan.identity.Users;
import dev.kervan.platform.Money;
import dev.kervan.platform.Attachments;
import dev.kervan.platform.AuditTrail;
import dev.kervan.platform.Cursor;
import dev.kervan.platform.DomainException;
import dev.kervan.platform.ErrorKind;
import dev.kervan.platform.ExpectedVersion;
import dev.kervan.platform.KeysetPage;
import dev.kervan.platform.Languages;
import dev.kervan.platform.PageLimit;
import dev.kervan.platform.PatchDocument;
import dev.kervan.platform.PhoneNumbers;
import dev.kervan.platform.RecordNotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * The parts of an account (branches, contacts, addresses, bank accounts, payment cards, relations, agreements,
 * notes): listed, added, changed and removed under the account's rules. Bank accounts and payment cards are
 * financial data; everything else follows who may edit the account. Every change is in the account's history.
 */
@Service
public class CustomerParts {

	/** The kinds of parts, named as in the API's paths. */
	public enum Kind {
		BRANCHES("branches", false), CONTACTS("contacts", false), ADDRESSES("addresses", false),
		BANK_ACCOUNTS("bank-accounts", true), PAYMENT_CARDS("payment-cards", true), RELATIONS("relations", false),
		AGREEMENTS("agreements", false), NOTES("notes", false);

		private final String path;
		private final boolean finance;

		Kind(String path, boolean finance) {
			this.path = path;
			this.finance = finance;
		}

		public String path() {
			return path;
		}

		public static Optional<Kind> ofPath(String path) {
			return Arrays.stream(values()).filter(kind -> kind.path.equals(path)).findFirst();
		}
	}

	private static final Pattern EXPIRY = Pattern.compile("(\\d{1,2})\\s*/\\s*(\\d{2}|\\d{4})");
	private static final String[] READ_ONLY = { "id", "version", "createdAt", "phoneDisplay", "mobileDisplay",
			"ibanDisplay", "masked", "expired", "current", "relatedName", "author" };

	private final CustomerService customers;
	private final CustomerPolicy policy;
	private final AuditTrail audit;
	private final Attachments attachments;
	private final Users users;
	private final Clock clock;
	private final Map<Kind, Handler<?>> handlers;

	CustomerParts(CustomerService customers, CustomerPolicy policy, AuditTrail audit, Attachments attachments,
			Users users, Clock clock, Branches branches, Contacts contacts, Addresses addresses,
			BankAccounts bankAccounts, PaymentCards cards, Relations relations, Agreements agreements, Notes notes,
			CustomerAccounts accounts) {
		this.customers = customers;
		this.policy = policy;
		this.audit = audit;
		this.attachments = attachments;
		this.users = users;
		this.clock = clock;
		this.handlers = Map.of(
				Kind.BRANCHES, new Handler<>(branches, Branch::new, this::applyBranch, BranchView::of),
				Kind.CONTACTS, new Handler<>(contacts, Contact::new, this::applyContact, ContactView::of),
				Kind.ADDRESSES, new Handler<>(addresses, Address::new, this::applyAddress, AddressView::of),
				Kind.BANK_ACCOUNTS, new Handler<>(bankAccounts, BankAccount::new, this::applyBankAccount, BankAccountView::of),
				Kind.PAYMENT_CARDS, new Handler<>(cards, PaymentCard::new, this::applyCard,
						card -> PaymentCardView.of(card, LocalDate.now(clock))),
				Kind.RELATIONS, new Handler<>(relations, Relation::new, this::applyRelation,
						r -> new RelationView(r.id(), r.related, accounts.findById(r.related).map(c -> c.name).orElse(""),
								r.type, r.note, r.createdAt(), r.version())),
				Kind.AGREEMENTS, new Handler<>(agreements, Agreement::new, this::applyAgreement,
						agreement -> AgreementView.of(agreement, LocalDate.now(clock))),
				Kind.NOTES, new Handler<>(notes, Note::new, this::applyNote, NoteView::of));
	}

	/** Applies a JSON document to a part, collecting violations in the document. */
	@FunctionalInterface
	private interface Applier<T extends Part> {
		void apply(PatchDocument doc, T part, Customer customer, boolean creating);
	}

	private record Handler<T extends Part>(PartRepository<T> repository, Supplier<T> factory, Applier<T> applier,
			Function<T, PartView> view) {
	}

	public KeysetPage<PartView> list(long customerId, Kind kind, @Nullable String cursor, PageLimit limit) {
		customers.get(customerId);
		Cursor after = Cursor.decode(cursor, 1);
		long afterId = after == null ? (kind == Kind.NOTES ? Long.MAX_VALUE : 0) : after.number(0);
		return page(handler(kind), customerId, afterId, limit);
	}

	/** Every part of a kind, for the account's page. */
	public List<PartView> all(long customerId, Kind kind) {
		long start = kind == Kind.NOTES ? Long.MAX_VALUE : 0;
		return all(handler(kind), customerId, start);
	}

	public PartView get(long customerId, Kind kind, long partId) {
		customers.get(customerId);
		return view(handler(kind), load(handler(kind), customerId, kind, partId));
	}

	@Transactional
	public PartView create(long customerId, Kind kind, JsonNode body) {
		Customer customer = editable(customerId, kind);
		return create(handler(kind), customer, kind, body);
	}

	@Transactional
	public PartView update(long customerId, Kind kind, long partId, ExpectedVersion expected, JsonNode body) {
		Customer customer = editable(customerId, kind);
		return update(handler(kind), customer, kind, partId, expected, body);
	}

	@Transactional
	public void delete(long customerId, Kind kind, long partId) {
		Customer customer = editable(customerId, kind);
		delete(handler(kind), customer, kind, partId);
	}

	private <T extends Part> KeysetPage<PartView> page(Handler<T> handler, long customerId, long afterId, PageLimit limit) {
		List<T> rows = handler.repository().page(customerId, afterId, limit.probe());
		return KeysetPage.of(rows, limit, part -> Cursor.encode(part.id())).map(part -> handler.view().apply(part));
	}

	private <T extends Part> List<PartView> all(Handler<T> handler, long customerId, long start) {
		return handler.repository().page(customerId, start, 1000).stream().map(part -> handler.view().apply(part)).toList();
	}

	private <T extends Part> PartView create(Handler<T> handler, Customer customer, Kind kind, JsonNode body) {
		PatchDocument doc = PatchDocument.of(body).ignoring(READ_ONLY);
		T part = handler.factory().get();
		part.customer = customer.id();
		part.createdAt = clock.instant();
		handler.applier().apply(doc, part, customer, true);
		doc.throwIfInvalid();
		T saved = save(handler, part);
		audit.updated(CustomerService.RECORD_TYPE, customer.id(), Map.of(),
				prefixed(kind, saved.id(), saved.auditSnapshot()));
		afterChange(kind, customer);
		return handler.view().apply(saved);
	}

	private <T extends Part> PartView update(Handler<T> handler, Customer customer, Kind kind, long partId,
			ExpectedVersion expected, JsonNode body) {
		T part = load(handler, customer.id(), kind, partId);
		expected.verify(kind.path(), partId, part.version());
		Map<String, Object> before = part.auditSnapshot();
		PatchDocument doc = PatchDocument.of(body).ignoring(READ_ONLY);
		handler.applier().apply(doc, part, customer, false);
		doc.throwIfInvalid();
		if (!AuditTrail.changes(before, part.auditSnapshot())) {
			return handler.view().apply(load(handler, customer.id(), kind, partId));
		}
		T saved = save(handler, part);
		audit.updated(CustomerService.RECORD_TYPE, customer.id(), prefixed(kind, partId, before),
				prefixed(kind, partId, saved.auditSnapshot()));
		afterChange(kind, customer);
		return handler.view().apply(saved);
	}

	private <T extends Part> void delete(Handler<T> handler, Customer customer, Kind kind, long partId) {
		T part = load(handler, customer.id(), kind, partId);
		handler.repository().delete(part);
		audit.updated(CustomerService.RECORD_TYPE, customer.id(), prefixed(kind, partId, part.auditSnapshot()), Map.of());
		afterChange(kind, customer);
	}

	private <T extends Part> PartView view(Handler<T> handler, T part) {
		return handler.view().apply(part);
	}

	private <T extends Part> T load(Handler<T> handler, long customerId, Kind kind, long partId) {
		return handler.repository()
			.findById(partId)
			.filter(part -> part.customer() == customerId)
			.orElseThrow(() -> new RecordNotFoundException(kind.path(), partId));
	}

	private <T extends Part> T save(Handler<T> handler, T part) {
		try {
			return handler.repository().save(part);
		}
		catch (DuplicateKeyException e) {
			throw new DomainException(ErrorKind.CONFLICT, "error.customer.part-duplicate");
		}
	}

	private Customer editable(long customerId, Kind kind) {
		CurrentUser user = policy.requireReader();
		Customer customer = customers.load(customerId);
		if (kind.finance) {
			policy.requireFinance(user);
		}
		else {
			policy.requireEdit(user, customer);
		}
		if (customer.archived()) {
			throw new DomainException(ErrorKind.CONFLICT, "error.customer.archived");
		}
		return customer;
	}

	private void afterChange(Kind kind, Customer customer) {
		if (kind == Kind.CONTACTS) {
			customers.reindex(customer.id());
		}
	}

	@SuppressWarnings("unchecked")
	private <T extends Part> Handler<T> handler(Kind kind) {
		return (Handler<T>) handlers.get(kind);
	}

	private static Map<String, Object> prefixed(Kind kind, long id, Map<String, Object> fields) {
		var prefixed = new java.util.LinkedHashMap<String, Object>();
		fields.forEach((field, value) -> prefixed.put(kind.path() + "[" + id + "]." + field, value));
		return prefixed;
	}

	// --- the rules of each kind of part -------------------------------------------------------------------------------

	private void applyBranch(PatchDocument doc, Branch branch, Customer customer, boolean creating) {
		branch.name = required(doc, "name", 200, branch.name, creating);
		if (doc.has("email")) {
			branch.email = email(doc, "email");
		}
		if (doc.has("phone")) {
			branch.phone = phone(doc, "phone", customer.country);
		}
		if (doc.has("address")) {
			branch.address = doc.freeText("address", 500);
		}
		if (doc.has("city")) {
			branch.city = optional(doc, "city", 120);
		}
		if (doc.has("managerName")) {
			branch.managerName = optional(doc, "managerName", 200);
		}
		if (doc.has("representativeId")) {
			Long id = doc.id("representativeId");
			if (id != null && users.find(id).filter(u -> u.active()).isEmpty()) {
				doc.reject("representativeId", "error.customer.unknown-reference", id);
			}
			branch.representative = id;
		}
		if (doc.has("salesTarget")) {
			branch.salesTarget = doc.decimal("salesTarget");
			if (!CustomerRules.isAmount(branch.salesTarget)) {
				doc.reject("salesTarget", "error.customer.amount");
			}
		}
		if (doc.has("notes")) {
			branch.notes = doc.freeText("notes", 4000);
		}
	}

	private void applyContact(PatchDocument doc, Contact contact, Customer customer, boolean creating) {
		contact.name = required(doc, "name", 200, contact.name, creating);
		if (doc.has("branchId")) {
			Long branch = doc.id("branchId");
			if (branch != null && handler(Kind.BRANCHES).repository().findById(branch)
				.filter(b -> b.customer() == customer.id())
				.isEmpty()) {
				doc.reject("branchId", "error.customer.unknown-reference", branch);
			}
			contact.branch = branch;
		}
		if (doc.has("jobTitle")) {
			contact.jobTitle = optional(doc, "jobTitle", 120);
		}
		if (doc.has("department")) {
			contact.department = optional(doc, "department", 120);
		}
		if (doc.has("email")) {
			contact.email = email(doc, "email");
		}
		if (doc.has("phone")) {
			contact.phone = phone(doc, "phone", customer.country);
		}
		if (doc.has("mobile")) {
			contact.mobile = phone(doc, "mobile", customer.country);
		}
		if (doc.has("language")) {
			String language = doc.text("language");
			if (language == null) {
				contact.language = null;
			}
			else {
				contact.language = Languages.supported(language).map(Locale::getLanguage).orElse(null);
				if (contact.language == null) {
					doc.reject("language", "error.user.language-unsupported", language);
				}
			}
		}
		if (doc.has("portalAccess")) {
			Boolean portal = doc.bool("portalAccess");
			contact.portalAccess = portal != null && portal;
		}
		if (doc.has("notes")) {
			contact.notes = doc.freeText("notes", 4000);
		}
	}

	private void applyAddress(PatchDocument doc, Address address, Customer customer, boolean creating) {
		if (creating) {
			address.country = customer.country;
		}
		if (creating || doc.has("purpose")) {
			Address.Purpose purpose = doc.choice("purpose", Address.Purpose.class);
			if (purpose != null) {
				address.purpose = purpose;
			}
			else if (doc.has("purpose") && creating) {
				doc.reject("purpose", "error.value.required");
			}
		}
		if (doc.has("label")) {
			address.label = optional(doc, "label", 120);
		}
		address.line1 = requiredFreeText(doc, "line1", 300, address.line1, creating);
		if (doc.has("line2")) {
			address.line2 = doc.freeText("line2", 300);
		}
		if (doc.has("district")) {
			address.district = optional(doc, "district", 120);
		}
		address.city = required(doc, "city", 120, address.city, creating);
		if (doc.has("region")) {
			address.region = optional(doc, "region", 120);
		}
		if (doc.has("postalCode")) {
			address.postalCode = doc.code("postalCode", 20);
		}
		if (doc.has("country")) {
			String country = doc.text("country");
			String code = country == null ? null : country.toUpperCase(Locale.ROOT);
			if (!CustomerRules.isCountry(code)) {
				doc.reject("country", "error.customer.country");
			}
			else {
				address.country = code;
			}
		}
	}

	private void applyBankAccount(PatchDocument doc, BankAccount account, Customer customer, boolean creating) {
		if (creating || doc.has("iban")) {
			String typed = doc.code("iban");
			if (typed == null) {
				doc.reject("iban", "error.value.required");
			}
			else {
				CustomerRules.validIban(typed)
					.ifPresentOrElse(iban -> account.iban = iban, () -> doc.reject("iban", "error.customer.iban"));
			}
		}
		if (doc.has("bankName")) {
			account.bankName = optional(doc, "bankName", 200);
		}
		if (doc.has("holder")) {
			account.holder = optional(doc, "holder", 200);
		}
		if (doc.has("currency")) {
			String currency = doc.text("currency");
			String code = currency == null ? null : currency.toUpperCase(Locale.ROOT);
			if (code != null && !Money.isCurrency(code)) {
				doc.reject("currency", "error.customer.currency");
			}
			account.currency = code;
		}
	}

	/**
	 * Cards are kept masked. A full card number or a security code is refused outright, wherever it is put, so it
	 * is never stored, logged or echoed back.
	 */
	private void applyCard(PatchDocument doc, PaymentCard card, Customer customer, boolean creating) {
		for (String forbidden : new String[] { "number", "cardNumber", "pan", "cvv", "cvc", "cvv2", "securityCode" }) {
			if (doc.has(forbidden)) {
				doc.reject(forbidden, forbidden.startsWith("c") || forbidden.startsWith("s")
						? "error.card.security-code-refused" : "error.card.number-refused");
			}
		}
		if (creating || doc.has("last4")) {
			String last4 = doc.code("last4");
			if (last4 == null || !last4.matches("[0-9]{4}")) {
				doc.reject("last4", "error.card.last4");
			}
			else {
				card.last4 = last4;
			}
		}
		if (creating || doc.has("expiry")) {
			String expiry = doc.code("expiry");
			Matcher matcher = expiry == null ? null : EXPIRY.matcher(expiry);
			if (matcher == null || !matcher.matches()) {
				doc.reject("expiry", "error.card.expiry");
			}
			else {
				int month = Integer.parseInt(matcher.group(1));
				int year = Integer.parseInt(matcher.group(2));
				year = year < 100 ? 2000 + year : year;
				if (month < 1 || month > 12 || year > 2100) {
					doc.reject("expiry", "error.card.expiry");
				}
				else {
					card.expiryMonth = month;
					card.expiryYear = year;
				}
			}
		}
		// A card number in the holder or the brand is refused by the text rules, as in any name.
		if (doc.has("holder")) {
			card.holder = optional(doc, "holder", 200);
		}
		if (doc.has("brand")) {
			card.brand = optional(doc, "brand", 30);
		}
	}

	private void applyRelation(PatchDocument doc, Relation relation, Customer customer, boolean creating) {
		if (customer.kind != CustomerKind.PERSON) {
			doc.reject("relatedId", "error.customer.relation-persons");
		}
		if (creating || doc.has("relatedId")) {
			Long related = doc.id("relatedId");
			if (related == null) {
				doc.reject("relatedId", "error.value.required");
			}
			else if (related == customer.id()) {
				doc.reject("relatedId", "error.customer.relation-self");
			}
			else {
				Optional<Customer> other = Optional.ofNullable(related).flatMap(id -> {
					try {
						return Optional.of(customers.load(id));
					}
					catch (RecordNotFoundException e) {
						return Optional.empty();
					}
				});
				if (other.isEmpty()) {
					doc.reject("relatedId", "error.customer.unknown-reference", related);
				}
				else if (other.get().kind != CustomerKind.PERSON) {
					doc.reject("relatedId", "error.customer.relation-persons");
				}
				else {
					relation.related = related;
				}
			}
		}
		if (creating || doc.has("type")) {
			Relation.Type type = doc.choice("type", Relation.Type.class);
			if (type == null) {
				doc.reject("type", "error.value.required");
			}
			else {
				relation.type = type;
			}
		}
		if (doc.has("note")) {
			relation.note = doc.freeText("note", 500);
		}
	}

	private void applyAgreement(PatchDocument doc, Agreement agreement, Customer customer, boolean creating) {
		agreement.title = required(doc, "title", 200, agreement.title, creating);
		if (creating || doc.has("startsOn")) {
			LocalDate startsOn = doc.date("startsOn");
			if (startsOn == null) {
				doc.reject("startsOn", "error.value.required");
			}
			else {
				agreement.startsOn = startsOn;
			}
		}
		if (doc.has("endsOn")) {
			agreement.endsOn = doc.date("endsOn");
		}
		if (agreement.endsOn != null && agreement.endsOn.isBefore(agreement.startsOn)) {
			doc.reject("endsOn", "error.customer.agreement-dates");
		}
		if (doc.has("attachmentId")) {
			String text = doc.code("attachmentId");
			UUID attachment = null;
			if (text != null) {
				try {
					attachment = UUID.fromString(text);
				}
				catch (IllegalArgumentException e) {
					doc.reject("attachmentId", "error.value.invalid-type");
				}
			}
			UUID candidate = attachment;
			if (candidate != null && attachments.find(candidate)
				.filter(a -> a.ownerType().equals(CustomerService.RECORD_TYPE) && a.ownerId().equals(String.valueOf(customer.id())))
				.isEmpty()) {
				doc.reject("attachmentId", "error.customer.unknown-reference", candidate);
			}
			agreement.attachment = attachment;
		}
		if (doc.has("notes")) {
			agreement.notes = doc.freeText("notes", 4000);
		}
	}

	private void applyNote(PatchDocument doc, Note note, Customer customer, boolean creating) {
		note.text = requiredFreeText(doc, "text", 10_000, note.text, creating);
		if (creating) {
			note.author = policy.requireReader().username();
		}
	}

	// --- field helpers -----------------------------------------------------------------------------------------------

	private static String required(PatchDocument doc, String field, int length, String current, boolean creating) {
		if (!creating && !doc.has(field)) {
			return current;
		}
		return orRequired(doc, field, doc.text(field, length), current);
	}

	private static String requiredFreeText(PatchDocument doc, String field, int length, String current, boolean creating) {
		if (!creating && !doc.has(field)) {
			return current;
		}
		return orRequired(doc, field, doc.freeText(field, length), current);
	}

	private static String orRequired(PatchDocument doc, String field, @Nullable String text, String current) {
		if (text == null) {
			doc.reject(field, "error.value.required");
			return current;
		}
		return text;
	}

	private static @Nullable String optional(PatchDocument doc, String field, int length) {
		return doc.text(field, length);
	}

	private static @Nullable String email(PatchDocument doc, String field) {
		String email = doc.code(field);
		if (email != null && !CustomerRules.isEmail(email)) {
			doc.reject(field, "error.customer.email");
		}
		return email;
	}

	private static @Nullable String phone(PatchDocument doc, String field, String country) {
		String typed = doc.code(field);
		if (typed == null) {
			return null;
		}
		Optional<String> e164 = PhoneNumbers.toE164(typed, country);
		if (e164.isEmpty()) {
			doc.reject(field, "error.phone.invalid");
			return null;
		}
		return e164.get();
	}
}
