package dev.kervan.customers.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.kervan.customers.CustomerKind;
import dev.kervan.customers.internal.PartCommands.AddressChange;
import dev.kervan.customers.internal.PartCommands.AgreementChange;
import dev.kervan.customers.internal.PartCommands.BankAccountChange;
import dev.kervan.customers.internal.PartCommands.BranchChange;
import dev.kervan.customers.internal.PartCommands.ContactChange;
import dev.kervan.customers.internal.PartCommands.NewAddress;
import dev.kervan.customers.internal.PartCommands.NewAgreement;
import dev.kervan.customers.internal.PartCommands.NewBankAccount;
import dev.kervan.customers.internal.PartCommands.NewBranch;
import dev.kervan.customers.internal.PartCommands.NewContact;
import dev.kervan.customers.internal.PartCommands.NewNote;
import dev.kervan.customers.internal.PartCommands.NewPart;
import dev.kervan.customers.internal.PartCommands.NewPaymentCard;
import dev.kervan.customers.internal.PartCommands.NewRelation;
import dev.kervan.customers.internal.PartCommands.NoteChange;
import dev.kervan.customers.internal.PartCommands.PartChange;
import dev.kervan.customers.internal.PartCommands.PaymentCardChange;
import dev.kervan.customers.internal.PartCommands.RelationChange;
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
import dev.kervan.platform.Attachments;
import dev.kervan.platform.AuditTrail;
import dev.kervan.platform.Checks;
import dev.kervan.platform.Cursor;
import dev.kervan.platform.DomainException;
import dev.kervan.platform.ErrorKind;
import dev.kervan.platform.ExpectedVersion;
import dev.kervan.platform.KeysetPage;
import dev.kervan.platform.Languages;
import dev.kervan.platform.PageLimit;
import dev.kervan.platform.Patch;
import dev.kervan.platform.RecordNotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The parts of an account (branches, contacts, addresses, bank accounts, payment cards, relations, agreements,
 * notes): listed, added, changed and removed under the account's rules. Bank accounts and payment cards are
 * financial data; everything else follows who may edit the account. Every change is in the account's history.
 */
@Service
public class CustomerParts {

	/** The kinds of parts, named as in the API's paths, with what adds and what changes one. */
	public enum Kind {
		BRANCHES("branches", false, NewBranch.class, BranchChange.class),
		CONTACTS("contacts", false, NewContact.class, ContactChange.class),
		ADDRESSES("addresses", false, NewAddress.class, AddressChange.class),
		BANK_ACCOUNTS("bank-accounts", true, NewBankAccount.class, BankAccountChange.class),
		PAYMENT_CARDS("payment-cards", true, NewPaymentCard.class, PaymentCardChange.class),
		RELATIONS("relations", false, NewRelation.class, RelationChange.class),
		AGREEMENTS("agreements", false, NewAgreement.class, AgreementChange.class),
		NOTES("notes", false, NewNote.class, NoteChange.class);

		private final String path;
		private final boolean finance;
		private final Class<? extends NewPart> creates;
		private final Class<? extends PartChange> changes;

		Kind(String path, boolean finance, Class<? extends NewPart> creates, Class<? extends PartChange> changes) {
			this.path = path;
			this.finance = finance;
			this.creates = creates;
			this.changes = changes;
		}

		public String path() {
			return path;
		}

		/** The record that changes a part of this kind, which a page reads its form into. */
		public Class<? extends PartChange> changes() {
			return changes;
		}

		/** Whether parts of this kind are financial data (bank accounts, payment cards). */
		public boolean finance() {
			return finance;
		}

		/** The record that adds a part of this kind, which a page reads its form into. */
		public Class<? extends NewPart> creates() {
			return creates;
		}

		public static Optional<Kind> ofPath(String path) {
			return Arrays.stream(values()).filter(kind -> kind.path.equals(path)).findFirst();
		}

		/** The kind of part a command adds. */
		public static Kind of(NewPart command) {
			return Arrays.stream(values()).filter(kind -> kind.creates.isInstance(command)).findFirst().orElseThrow();
		}

		static Kind of(PartChange change) {
			return Arrays.stream(values()).filter(kind -> kind.changes.isInstance(change)).findFirst().orElseThrow();
		}
	}

	private static final Pattern EXPIRY = Pattern.compile("(\\d{1,2})\\s*/\\s*(\\d{2}|\\d{4})");
	/** Field names under which a card number or a security code may be sent, each refused by its name. */
	private static final Set<String> CARD_NUMBERS = Set.of("number", "cardNumber", "pan");
	private static final Set<String> SECURITY_CODES = Set.of("cvv", "cvc", "cvv2", "securityCode");

	private final CustomerService customers;
	private final CustomerPolicy policy;
	private final AuditTrail audit;
	private final Attachments attachments;
	private final Users users;
	private final Clock clock;
	private final CustomerAccounts accounts;
	private final Map<Kind, Handler<?, ?>> handlers;

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
		this.accounts = accounts;
		this.handlers = Map.of(
				Kind.BRANCHES, handler(Kind.BRANCHES, branches, Branch::new, this::applyBranch, BranchView::of),
				Kind.CONTACTS, handler(Kind.CONTACTS, contacts, Contact::new, this::applyContact, ContactView::of),
				Kind.ADDRESSES, handler(Kind.ADDRESSES, addresses, Address::new,
						(AddressChange change, Address address, Customer customer, boolean creating, Checks checks) ->
							applyAddress(change, address, customer, creating, creating, checks), AddressView::of),
				Kind.BANK_ACCOUNTS, handler(Kind.BANK_ACCOUNTS, bankAccounts, BankAccount::new, this::applyBankAccount,
						BankAccountView::of),
				Kind.PAYMENT_CARDS, handler(Kind.PAYMENT_CARDS, cards, PaymentCard::new, this::applyCard,
						card -> PaymentCardView.of(card, LocalDate.now(clock))),
				Kind.RELATIONS, handler(Kind.RELATIONS, relations, Relation::new, this::applyRelation,
						r -> new RelationView(r.id(), r.related, accounts.findById(r.related).map(c -> c.name).orElse(""),
								r.type, r.note, r.createdAt(), r.version())),
				Kind.AGREEMENTS, handler(Kind.AGREEMENTS, agreements, Agreement::new, this::applyAgreement,
						agreement -> AgreementView.of(agreement, LocalDate.now(clock))),
				Kind.NOTES, handler(Kind.NOTES, notes, Note::new, this::applyNote, NoteView::of));
	}

	/** Applies a change to a part, collecting what is wrong in the checks; {@code creating} on a blank part. */
	@FunctionalInterface
	private interface Applier<T extends Part, C extends PartChange> {
		void apply(C change, T part, Customer customer, boolean creating, Checks checks);
	}

	/** What the service knows of a kind of part: where it is kept, how it is changed and how it is answered. */
	private record Handler<T extends Part, C extends PartChange>(PartRepository<T> repository, VersionedRows<T> rows,
			Supplier<T> factory, Class<C> changes, Applier<T, C> applier, Function<T, PartView> view) {
	}

	@SuppressWarnings("unchecked")
	private static <T extends Part, C extends PartChange> Handler<T, C> handler(Kind kind, PartRepository<T> repository,
			Supplier<T> factory, Applier<T, C> applier, Function<T, PartView> view) {
		return new Handler<>(repository, new VersionedRows<>(kind.path(), repository, Part::auditSnapshot,
				"error.customer.part-duplicate"), factory, (Class<C>) kind.changes, applier, view);
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

	/** Adds a part to an account the user may change; an archived account takes none. */
	@Transactional
	public PartView create(long customerId, NewPart command) {
		PartChange fields = command.asChange();
		Kind kind = Kind.of(fields);
		return create(handler(kind), editable(customerId, kind), kind, fields);
	}

	/** Changes the fields given of one of the account's parts, on the version the client saw. */
	@Transactional
	public PartView update(long customerId, long partId, ExpectedVersion expected, PartChange change) {
		Kind kind = Kind.of(change);
		return update(handler(kind), editable(customerId, kind), kind, partId, expected, change);
	}

	@Transactional
	public void delete(long customerId, Kind kind, long partId) {
		Customer customer = editable(customerId, kind);
		delete(handler(kind), customer, kind, partId);
	}

	private <T extends Part> KeysetPage<PartView> page(Handler<T, ?> handler, long customerId, long afterId, PageLimit limit) {
		List<T> rows = handler.repository().page(customerId, afterId, limit.probe());
		return KeysetPage.of(rows, limit, part -> Cursor.encode(part.id())).map(part -> handler.view().apply(part));
	}

	private <T extends Part> List<PartView> all(Handler<T, ?> handler, long customerId, long start) {
		return handler.repository().page(customerId, start, 1000).stream().map(part -> handler.view().apply(part)).toList();
	}

	private <T extends Part, C extends PartChange> PartView create(Handler<T, C> handler, Customer customer, Kind kind,
			PartChange fields) {
		T part = handler.factory().get();
		part.customer = customer.id();
		part.createdAt = clock.instant();
		T saved = handler.rows().add(part,
				checks -> handler.applier().apply(handler.changes().cast(fields), part, customer, true, checks),
				stored -> audited(customer, kind, stored.id(), Map.of(), stored.auditSnapshot()));
		return handler.view().apply(saved);
	}

	private <T extends Part, C extends PartChange> PartView update(Handler<T, C> handler, Customer customer, Kind kind,
			long partId, ExpectedVersion expected, PartChange change) {
		T part = load(handler, customer.id(), kind, partId);
		T changed = handler.rows().change(part, expected,
				checks -> handler.applier().apply(handler.changes().cast(change), part, customer, false, checks),
				(before, stored) -> audited(customer, kind, partId, before, stored.auditSnapshot()));
		return handler.view().apply(changed);
	}

	private <T extends Part> void delete(Handler<T, ?> handler, Customer customer, Kind kind, long partId) {
		T part = load(handler, customer.id(), kind, partId);
		handler.repository().delete(part);
		audited(customer, kind, partId, part.auditSnapshot(), Map.of());
	}

	/**
	 * The account's history gets the part's fields, named by the part; contacts and addresses (their cities) change
	 * what the account is found by.
	 */
	private void audited(Customer customer, Kind kind, long partId, Map<String, Object> before, Map<String, Object> after) {
		audit.updated(CustomerService.RECORD_TYPE, customer.id(), prefixed(kind, partId, before),
				prefixed(kind, partId, after));
		if (kind == Kind.CONTACTS || kind == Kind.ADDRESSES) {
			customers.reindex(customer.id());
		}
	}

	private <T extends Part> PartView view(Handler<T, ?> handler, T part) {
		return handler.view().apply(part);
	}

	private <T extends Part> T load(Handler<T, ?> handler, long customerId, Kind kind, long partId) {
		return handler.repository()
			.findById(partId)
			.filter(part -> part.customer() == customerId)
			.orElseThrow(() -> new RecordNotFoundException(kind.path(), partId));
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

	@SuppressWarnings("unchecked")
	private <T extends Part, C extends PartChange> Handler<T, C> handler(Kind kind) {
		return (Handler<T, C>) handlers.get(kind);
	}

	private static Map<String, Object> prefixed(Kind kind, long id, Map<String, Object> fields) {
		var prefixed = new java.util.LinkedHashMap<String, Object>();
		fields.forEach((field, value) -> prefixed.put(kind.path() + "[" + id + "]." + field, value));
		return prefixed;
	}

	// --- the rules of each kind of part -------------------------------------------------------------------------------

	private void applyBranch(BranchChange change, Branch branch, Customer customer, boolean creating, Checks checks) {
		branch.name = required(checks, "name", change.name(), 200, branch.name, creating);
		if (change.email().isGiven()) {
			branch.email = CustomerRules.email(checks, "email", change.email().value());
		}
		if (change.phone().isGiven()) {
			branch.phone = checks.phone("phone", change.phone().value(), customer.country);
		}
		branch.address = checks.freeText("address", change.address(), 500).applyTo(branch.address);
		branch.city = checks.name("city", change.city(), 120).applyTo(branch.city);
		branch.managerName = checks.name("managerName", change.managerName(), 200).applyTo(branch.managerName);
		if (change.representativeId().isGiven()) {
			Long id = change.representativeId().value();
			if (id != null && users.find(id).filter(u -> u.active()).isEmpty()) {
				checks.reject("representativeId", "error.customer.unknown-reference", id);
			}
			branch.representative = id;
		}
		branch.salesTarget = CustomerRules.amount(checks, "salesTarget", change.salesTarget()).applyTo(branch.salesTarget);
		branch.notes = checks.freeText("notes", change.notes(), 4000).applyTo(branch.notes);
	}

	private void applyContact(ContactChange change, Contact contact, Customer customer, boolean creating, Checks checks) {
		contact.name = required(checks, "name", change.name(), 200, contact.name, creating);
		if (change.branchId().isGiven()) {
			Long branch = change.branchId().value();
			if (branch != null && handler(Kind.BRANCHES).repository().findById(branch)
				.filter(b -> b.customer() == customer.id())
				.isEmpty()) {
				checks.reject("branchId", "error.customer.unknown-reference", branch);
			}
			contact.branch = branch;
		}
		contact.jobTitle = checks.name("jobTitle", change.jobTitle(), 120).applyTo(contact.jobTitle);
		contact.department = checks.name("department", change.department(), 120).applyTo(contact.department);
		if (change.email().isGiven()) {
			contact.email = CustomerRules.email(checks, "email", change.email().value());
		}
		if (change.phone().isGiven()) {
			contact.phone = checks.phone("phone", change.phone().value(), customer.country);
		}
		if (change.mobile().isGiven()) {
			contact.mobile = checks.phone("mobile", change.mobile().value(), customer.country);
		}
		if (change.language().isGiven()) {
			String language = checks.name("language", change.language().value());
			contact.language = language == null ? null : Languages.supported(language).map(Locale::getLanguage).orElse(null);
			if (language != null && contact.language == null) {
				checks.reject("language", "error.user.language-unsupported", language);
			}
		}
		if (change.portalAccess().isGiven()) {
			contact.portalAccess = Boolean.TRUE.equals(change.portalAccess().value());
		}
		contact.notes = checks.freeText("notes", change.notes(), 4000).applyTo(contact.notes);
	}

	/**
	 * The rules of an address; {@code streetRequired} is false for an import, whose file may give the city and
	 * district of an account without its street (the street stays empty until someone writes it).
	 */
	static void applyAddress(AddressChange change, Address address, Customer customer, boolean creating,
			boolean streetRequired, Checks checks) {
		if (creating) {
			address.country = customer.country;
		}
		if (change.purpose().isGiven()) {
			Address.Purpose purpose = change.purpose().value();
			if (purpose != null) {
				address.purpose = purpose;
			}
			else if (creating) {
				checks.reject("purpose", "error.value.required");
			}
		}
		address.label = checks.name("label", change.label(), 120).applyTo(address.label);
		address.line1 = streetRequired || change.line1().isGiven()
				? requiredFreeText(checks, "line1", change.line1(), 300, address.line1, streetRequired)
				: address.line1;
		address.line2 = checks.freeText("line2", change.line2(), 300).applyTo(address.line2);
		address.district = checks.name("district", change.district(), 120).applyTo(address.district);
		address.city = required(checks, "city", change.city(), 120, address.city, creating);
		address.region = checks.name("region", change.region(), 120).applyTo(address.region);
		address.postalCode = checks.code("postalCode", change.postalCode(), 20).applyTo(address.postalCode);
		if (change.country().isGiven()) {
			String country = checks.name("country", change.country().value());
			String code = country == null ? null : country.toUpperCase(Locale.ROOT);
			if (!CustomerRules.isCountry(code)) {
				checks.reject("country", "error.customer.country");
			}
			else {
				address.country = code;
			}
		}
	}

	private void applyBankAccount(BankAccountChange change, BankAccount account, Customer customer, boolean creating,
			Checks checks) {
		if (creating || change.iban().isGiven()) {
			String typed = checks.code("iban", change.iban().value());
			if (typed == null) {
				checks.reject("iban", "error.value.required");
			}
			else {
				CustomerRules.validIban(typed)
					.ifPresentOrElse(iban -> account.iban = iban, () -> checks.reject("iban", "error.customer.iban"));
			}
		}
		account.bankName = checks.name("bankName", change.bankName(), 200).applyTo(account.bankName);
		account.holder = checks.name("holder", change.holder(), 200).applyTo(account.holder);
		if (change.currency().isGiven()) {
			// A bank account may be in no currency in particular.
			String typed = checks.name("currency", change.currency().value());
			account.currency = typed == null ? null : CustomerRules.currency(checks, "currency", typed).orElse(null);
		}
	}

	/**
	 * Cards are kept masked. A full card number or a security code is refused outright, wherever it is put, so it
	 * is never stored, logged or echoed back.
	 */
	private void applyCard(PaymentCardChange change, PaymentCard card, Customer customer, boolean creating,
			Checks checks) {
		for (String other : change.others()) {
			checks.reject(other, CARD_NUMBERS.contains(other) ? "error.card.number-refused"
					: SECURITY_CODES.contains(other) ? "error.card.security-code-refused" : "error.value.unknown-field");
		}
		if (creating || change.last4().isGiven()) {
			String last4 = checks.code("last4", change.last4().value());
			if (last4 == null || !last4.matches("[0-9]{4}")) {
				checks.reject("last4", "error.card.last4");
			}
			else {
				card.last4 = last4;
			}
		}
		if (creating || change.expiry().isGiven()) {
			String expiry = checks.code("expiry", change.expiry().value());
			Matcher matcher = expiry == null ? null : EXPIRY.matcher(expiry);
			if (matcher == null || !matcher.matches()) {
				checks.reject("expiry", "error.card.expiry");
			}
			else {
				int month = Integer.parseInt(matcher.group(1));
				int year = Integer.parseInt(matcher.group(2));
				year = year < 100 ? 2000 + year : year;
				if (month < 1 || month > 12 || year > 2100) {
					checks.reject("expiry", "error.card.expiry");
				}
				else {
					card.expiryMonth = month;
					card.expiryYear = year;
				}
			}
		}
		// A card number in the holder or the brand is refused by the text rules, as in any name.
		card.holder = checks.name("holder", change.holder(), 200).applyTo(card.holder);
		card.brand = checks.name("brand", change.brand(), 30).applyTo(card.brand);
	}

	private void applyRelation(RelationChange change, Relation relation, Customer customer, boolean creating,
			Checks checks) {
		if (customer.kind != CustomerKind.PERSON) {
			checks.reject("relatedId", "error.customer.relation-persons");
		}
		if (creating || change.relatedId().isGiven()) {
			Long related = change.relatedId().value();
			if (related == null) {
				checks.reject("relatedId", "error.value.required");
			}
			else if (related == customer.id()) {
				checks.reject("relatedId", "error.customer.relation-self");
			}
			else {
				Optional<Customer> other = accounts.findById(related);
				if (other.isEmpty()) {
					checks.reject("relatedId", "error.customer.unknown-reference", related);
				}
				else if (other.get().kind != CustomerKind.PERSON) {
					checks.reject("relatedId", "error.customer.relation-persons");
				}
				else {
					relation.related = related;
				}
			}
		}
		if (creating || change.type().isGiven()) {
			Relation.Type type = change.type().value();
			if (type == null) {
				checks.reject("type", "error.value.required");
			}
			else {
				relation.type = type;
			}
		}
		relation.note = checks.freeText("note", change.note(), 500).applyTo(relation.note);
	}

	private void applyAgreement(AgreementChange change, Agreement agreement, Customer customer, boolean creating,
			Checks checks) {
		agreement.title = required(checks, "title", change.title(), 200, agreement.title, creating);
		if (creating || change.startsOn().isGiven()) {
			LocalDate startsOn = checks.date("startsOn", change.startsOn().value());
			if (startsOn == null) {
				checks.reject("startsOn", "error.value.required");
			}
			else {
				agreement.startsOn = startsOn;
			}
		}
		agreement.endsOn = checks.date("endsOn", change.endsOn()).applyTo(agreement.endsOn);
		if (agreement.endsOn != null && agreement.endsOn.isBefore(agreement.startsOn)) {
			checks.reject("endsOn", "error.customer.agreement-dates");
		}
		if (change.attachmentId().isGiven()) {
			UUID attachment = change.attachmentId().value();
			if (attachment != null && attachments.find(attachment)
				.filter(a -> a.ownerType().equals(CustomerService.RECORD_TYPE) && a.ownerId().equals(String.valueOf(customer.id())))
				.isEmpty()) {
				checks.reject("attachmentId", "error.customer.unknown-reference", attachment);
			}
			agreement.attachment = attachment;
		}
		agreement.notes = checks.freeText("notes", change.notes(), 4000).applyTo(agreement.notes);
	}

	private void applyNote(NoteChange change, Note note, Customer customer, boolean creating, Checks checks) {
		note.text = requiredFreeText(checks, "text", change.text(), 10_000, note.text, creating);
		if (creating) {
			note.author = policy.requireReader().username();
		}
	}

	// --- field helpers -----------------------------------------------------------------------------------------------

	/** A name a part cannot do without: required when adding, and when changed it cannot be cleared. */
	private static String required(Checks checks, String field, Patch<String> value, int length, String current,
			boolean creating) {
		if (!creating && !value.isGiven()) {
			return current;
		}
		return orRequired(checks, field, checks.name(field, value.value(), length), current);
	}

	private static String requiredFreeText(Checks checks, String field, Patch<String> value, int length, String current,
			boolean creating) {
		if (!creating && !value.isGiven()) {
			return current;
		}
		return orRequired(checks, field, checks.freeText(field, value.value(), length), current);
	}

	private static String orRequired(Checks checks, String field, @Nullable String text, String current) {
		if (text == null) {
			checks.reject(field, "error.value.required");
			return current;
		}
		return text;
	}
}
