package dev.kervan.customers.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import dev.kervan.customers.CustomerArchived;
import dev.kervan.customers.CustomerRestored;
import dev.kervan.customers.CustomerRole;
import dev.kervan.customers.CustomerStatus;
import dev.kervan.customers.CustomerSummary;
import dev.kervan.customers.Customers;
import dev.kervan.customers.NewAccount;
import dev.kervan.identity.CurrentUser;
import dev.kervan.platform.AuditTrail;
import dev.kervan.platform.Checks;
import dev.kervan.platform.DomainException;
import dev.kervan.platform.ErrorKind;
import dev.kervan.platform.ExpectedVersion;
import dev.kervan.platform.RecordNotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating, changing, archiving and restoring accounts, each checked, audited and refused as a whole when any
 * part is wrong.
 */
@Service
public class CustomerService implements Customers {

	static final String RECORD_TYPE = "customer";

	private final CustomerAccounts accounts;
	private final Contacts contacts;
	private final Addresses addresses;
	private final CustomerEditor editor;
	private final CustomerPolicy policy;
	private final AuditTrail audit;
	private final Clock clock;
	private final SearchWords words;
	private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
	private final ApplicationEventPublisher events;

	CustomerService(CustomerAccounts accounts, Contacts contacts, Addresses addresses, CustomerEditor editor, CustomerPolicy policy,
			AuditTrail audit, Clock clock, SearchWords words, org.springframework.jdbc.core.simple.JdbcClient jdbc,
			ApplicationEventPublisher events) {
		this.events = events;
		this.words = words;
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.contacts = contacts;
		this.addresses = addresses;
		this.editor = editor;
		this.policy = policy;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	public java.util.Optional<CustomerSummary> find(long id) {
		return accounts.findById(id).map(Customer::summary);
	}

	@Override
	public java.util.Optional<dev.kervan.customers.PricingTerms> pricingTerms(long id) {
		return jdbc.sql("""
				select c.id, c.customer_class, k.name, coalesce(k.default_discount, 0), c.price_list, c.currency
				from customer c left join customer_class k on k.id = c.customer_class where c.id = ?""")
			.param(id)
			.query((rs, n) -> new dev.kervan.customers.PricingTerms(rs.getLong(1), rs.getObject(2, Long.class), rs.getString(3),
					rs.getBigDecimal(4), rs.getObject(5, Long.class), rs.getString(6)))
			.optional();
	}

	@Override
	public Map<Long, String> names(java.util.Collection<Long> ids) {
		var names = new java.util.HashMap<Long, String>();
		accounts.findAllById(ids).forEach(c -> names.put(c.id(), c.name));
		return names;
	}

	@Override
	@Transactional
	public CustomerSummary open(NewAccount account) {
		return create(new NewCustomer(account.kind(), account.name(), List.of(CustomerRole.CUSTOMER.name()),
				CustomerStatus.POTENTIAL, account.country(), null, account.taxNumber(), account.email(), account.phone(),
				null, null, null, null, null, null, account.salespersonId(), null, null, null, null, null, null, null, null,
				null, null, null, null, null, null, Map.of())).summary();
	}

	/** The account for reading; archived accounts stay readable by id. */
	public Customer get(long id) {
		policy.requireReader();
		return load(id);
	}

	@Transactional
	public Customer create(NewCustomer command) {
		CurrentUser user = policy.requireCreator();
		CustomerChange fields = command.asChange();
		if (!policy.mayEditFinance(user) && fields.givesFinance()) {
			throw new DomainException(ErrorKind.FORBIDDEN, "error.customer.finance-forbidden");
		}
		var customer = new Customer();
		customer.createdAt = clock.instant();
		customer.updatedAt = customer.createdAt;
		customer.createdBy = user.username();
		var checks = new Checks();
		editor.apply(fields, customer, true, user, checks);
		checks.throwIfInvalid();
		refuseDuplicates(customer);
		SearchIndex.refresh(customer, List.of(), List.of());
		Customer saved = save(customer);
		audit.created(RECORD_TYPE, saved.id(), saved.auditSnapshot());
		return saved;
	}

	/** Changes the account's fields given; the credit terms need an accountant or a sales manager. */
	@Transactional
	public Customer update(long id, ExpectedVersion expected, CustomerChange change) {
		CurrentUser user = policy.requireReader();
		Customer customer = load(id);
		if (change.givesGeneral()) {
			policy.requireEdit(user, customer);
		}
		if (change.givesFinance()) {
			policy.requireFinance(user);
		}
		expected.verify(RECORD_TYPE, id, customer.version());
		Map<String, Object> before = customer.auditSnapshot();
		String taxBefore = customer.country + customer.taxNumber;
		String refBefore = String.valueOf(customer.externalRef);
		var checks = new Checks();
		editor.apply(change, customer, false, user, checks);
		checks.throwIfInvalid();
		if (!AuditTrail.changes(before, customer.auditSnapshot())) {
			return load(id);
		}
		if (!taxBefore.equals(customer.country + customer.taxNumber)
				|| !refBefore.equals(String.valueOf(customer.externalRef))) {
			refuseDuplicates(customer);
		}
		customer.updatedAt = clock.instant();
		reindex(customer);
		Customer saved = save(customer);
		audit.updated(RECORD_TYPE, id, before, saved.auditSnapshot());
		return saved;
	}

	/**
	 * Archives the account: it leaves lists and searches but stays readable by id, and {@link CustomerArchived} is
	 * published. Archiving twice is fine and changes nothing the second time.
	 */
	@Transactional
	public void archive(long id) {
		CurrentUser user = policy.requireReader();
		Customer customer = load(id);
		policy.requireEdit(user, customer);
		if (customer.archived()) {
			return;
		}
		Map<String, Object> before = customer.auditSnapshot();
		customer.archivedAt = clock.instant();
		customer.updatedAt = customer.archivedAt;
		save(customer);
		audit.updated(RECORD_TYPE, id, before, customer.auditSnapshot());
		events.publishEvent(new CustomerArchived(id, customer.salesperson, customer.archivedAt));
	}

	/** Brings an archived account back and publishes {@link CustomerRestored}; an account not archived stays as it is. */
	@Transactional
	public Customer restore(long id) {
		CurrentUser user = policy.requireReader();
		Customer customer = load(id);
		policy.requireEdit(user, customer);
		if (!customer.archived()) {
			return customer;
		}
		Map<String, Object> before = customer.auditSnapshot();
		customer.archivedAt = null;
		customer.updatedAt = clock.instant();
		Customer saved = save(customer);
		audit.updated(RECORD_TYPE, id, before, saved.auditSnapshot());
		events.publishEvent(new CustomerRestored(id, saved.salesperson, saved.updatedAt));
		return saved;
	}

	/** Recomputes what the account is found by, after its contacts or addresses changed. */
	@Transactional
	public void reindex(long id) {
		Customer customer = load(id);
		reindex(customer);
		save(customer);
	}

	Customer load(long id) {
		return accounts.findById(id).orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, id));
	}

	/** Recomputes what the account is found by, without saving it. */
	void refreshIndex(Customer customer) {
		reindex(customer);
	}

	private void reindex(Customer customer) {
		var terms = contacts.page(customer.id(), 0, Integer.MAX_VALUE)
			.stream()
			.map(c -> new SearchIndex.ContactTerms(c.name, c.email, c.phone, c.mobile))
			.toList();
		List<String> cities = addresses.page(customer.id(), 0, Integer.MAX_VALUE).stream()
			.map(address -> address.city)
			.filter(java.util.Objects::nonNull)
			.toList();
		SearchIndex.refresh(customer, terms, cities);
	}

	private void refuseDuplicates(Customer customer) {
		if (customer.taxNumber != null) {
			accounts.findByTaxNumber(customer.country, customer.taxNumber)
				.filter(existing -> customer.id == null || existing.id() != customer.id())
				.ifPresent(existing -> {
					throw new DuplicateCustomerException("error.customer.duplicate-tax-number", existing);
				});
		}
		if (customer.externalRef != null) {
			accounts.findByExternalRef(customer.externalRef)
				.filter(existing -> customer.id == null || existing.id() != customer.id())
				.ifPresent(existing -> {
					throw new DuplicateCustomerException("error.customer.duplicate-external-ref", existing);
				});
		}
	}

	/** Saves the account and remembers the words it is found by. */
	Customer save(Customer customer) {
		try {
			Customer saved = accounts.save(customer);
			words.remember(saved.searchText);
			return saved;
		}
		catch (DuplicateKeyException e) {
			// Another request took the tax number or reference between the check and this write.
			throw new DomainException(ErrorKind.CONFLICT, "error.customer.duplicate-tax-number-race");
		}
	}
}
