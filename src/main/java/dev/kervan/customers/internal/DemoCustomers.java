package dev.kervan.customers.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import dev.kervan.customers.internal.Parts.Address;
import dev.kervan.customers.internal.Parts.Contact;
import dev.kervan.customers.internal.SampleAccounts.Sample;
import dev.kervan.platform.PhoneNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With {@code --demo}: about two hundred Turkish and Iranian companies and people with their contacts and
 * addresses, plus the lists they are classified by. Loaded once; a second start leaves them alone.
 */
@Component
@Order(20)
@ConditionalOnBooleanProperty("kervan.demo")
class DemoCustomers implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoCustomers.class);
	static final int COUNT = 200;

	private final CustomerAccounts accounts;
	private final Contacts contacts;
	private final Addresses addresses;
	private final Lookups lookups;
	private final CustomerClasses classes;
	private final TransactionTemplate transactions;
	private final SearchWords words;
	private final Clock clock;

	DemoCustomers(CustomerAccounts accounts, Contacts contacts, Addresses addresses, Lookups lookups,
			CustomerClasses classes, TransactionTemplate transactions, SearchWords words, Clock clock) {
		this.words = words;
		this.clock = clock;
		this.accounts = accounts;
		this.contacts = contacts;
		this.addresses = addresses;
		this.lookups = lookups;
		this.classes = classes;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		if (accounts.findByExternalRef("demo-0").isPresent()) {
			return;
		}
		transactions.executeWithoutResult(status -> load());
		log.info("Demo data: {} accounts with contacts and addresses", COUNT);
	}

	private void load() {
		List<Long> categories = save(Lookup.Kind.CATEGORY, "Kurumsal müşteri", "Bayi", "Perakende", "Tedarikçi");
		List<Long> sectors = save(Lookup.Kind.SECTOR, "Gıda", "Tekstil", "İnşaat", "Makina", "Enerji", "Lojistik");
		List<Long> sizes = save(Lookup.Kind.SIZE_BAND, "1-9", "10-49", "50-249", "250+");
		List<Long> customerClasses = List.of(customerClass("Son kullanıcı", "0", "50000"),
				customerClass("Bayi", "10", "250000"), customerClass("Ana bayi", "18", "1000000"));
		Instant now = clock.instant();
		for (int n = 0; n < COUNT; n++) {
			Sample sample = SampleAccounts.of(n);
			var customer = new Customer();
			customer.kind = sample.kind();
			customer.name = sample.name();
			customer.country = sample.country();
			customer.taxNumber = sample.taxNumber();
			customer.email = sample.email();
			customer.phone = PhoneNumbers.toE164(sample.phone(), sample.country()).orElse(null);
			customer.status = sample.status();
			customer.language = sample.language();
			customer.currency = sample.currency();
			customer.tags = new java.util.LinkedHashSet<>(sample.tags());
			customer.paymentTermDays = sample.paymentTermDays();
			customer.category = categories.get(n % categories.size());
			customer.isSupplier = customer.category.equals(categories.get(3));
			customer.isCustomer = !customer.isSupplier || n % 2 == 0;
			customer.sector = sectors.get(n % sectors.size());
			customer.sizeBand = sizes.get(n % sizes.size());
			customer.customerClass = customerClasses.get(n % customerClasses.size());
			customer.creditLimit = BigDecimal.valueOf(10_000L * (1 + n % 20));
			customer.externalRef = "demo-" + n;
			customer.createdAt = now;
			customer.updatedAt = now;
			customer.createdBy = "demo";
			var terms = sample.contacts().stream()
				.map(c -> new SearchIndex.ContactTerms(c.name(), c.email(), c.phone(), null))
				.toList();
			SearchIndex.refresh(customer, terms, sample.addresses().stream().map(SampleAccounts.SampleAddress::city).toList());
			Customer saved = accounts.save(customer);
			words.remember(saved.searchText);
			for (var sampleContact : sample.contacts()) {
				var contact = new Contact();
				contact.customer = saved.id();
				contact.createdAt = now;
				contact.name = sampleContact.name();
				contact.email = sampleContact.email();
				contact.mobile = PhoneNumbers.toE164(sampleContact.phone(), sample.country()).orElse(null);
				contact.department = sampleContact.department();
				contact.language = sample.language();
				contacts.save(contact);
			}
			for (var sampleAddress : sample.addresses()) {
				var address = new Address();
				address.customer = saved.id();
				address.createdAt = now;
				address.purpose = Address.Purpose.valueOf(sampleAddress.purpose());
				address.line1 = sampleAddress.line1();
				address.district = sampleAddress.district();
				address.city = sampleAddress.city();
				address.postalCode = sampleAddress.postalCode();
				address.country = sampleAddress.country();
				addresses.save(address);
			}
		}
	}

	private List<Long> save(Lookup.Kind kind, String... names) {
		var ids = new java.util.ArrayList<Long>();
		for (int i = 0; i < names.length; i++) {
			String name = names[i];
			Lookup existing = lookups.findByKind(kind.name()).stream().filter(l -> l.name().equals(name)).findFirst()
				.orElseGet(() -> null);
			ids.add(existing != null ? existing.id() : lookups.save(new Lookup(kind, name, i)).id());
		}
		return ids;
	}

	private long customerClass(String name, String discount, String riskLimit) {
		return classes.findAllOrdered().stream().filter(c -> c.name().equals(name)).findFirst().map(CustomerClass::id)
			.orElseGet(() -> {
				var customerClass = new CustomerClass(name);
				customerClass.defaultDiscount = new BigDecimal(discount);
				customerClass.riskLimit = new BigDecimal(riskLimit);
				return classes.save(customerClass).id();
			});
	}
}
