package dev.kervan.customers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import dev.kervan.support.KervanIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.transaction.support.TransactionTemplate;

class DemoCustomersIntegrationTests extends KervanIntegrationTest {

	@Autowired
	private CustomerAccounts accounts;

	@Autowired
	private Contacts contacts;

	@Autowired
	private Addresses addresses;

	@Autowired
	private Lookups lookups;

	@Autowired
	private CustomerClasses classes;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private SearchWords words;

	@Autowired
	private Clock clock;

	@Test
	void twoHundredTurkishAndIranianAccountsWithContactsAndAddressesLoadOnce() {
		var demo = new DemoCustomers(accounts, contacts, addresses, lookups, classes, transactions, words, clock);
		demo.run(new DefaultApplicationArguments());
		long count = countDemo();
		demo.run(new DefaultApplicationArguments());
		assertThat(countDemo()).isEqualTo(count).isEqualTo(DemoCustomers.COUNT);

		assertThat(jdbc.sql("select count(*) from customer where external_ref like 'demo-%' and country = 'IR'")
			.query(Long.class).single()).isBetween(50L, 90L);
		assertThat(jdbc.sql("select count(*) from customer where external_ref like 'demo-%' and phone is not null")
			.query(Long.class).single()).isGreaterThan(190L);
		assertThat(jdbc.sql("""
				select count(*) from customer_contact k join customer c on c.id = k.customer
				where c.external_ref like 'demo-%'""").query(Long.class).single()).isGreaterThan(150L);
		assertThat(jdbc.sql("""
				select count(*) from customer_address a join customer c on c.id = a.customer
				where c.external_ref like 'demo-%'""").query(Long.class).single()).isGreaterThanOrEqualTo(200L);

		String first = SampleAccounts.of(0).name();
		String token = api.token("admin", ADMIN_PASSWORD);
		String found = api.get("/api/v1/customers?q=" + URLEncoder.encode(first, StandardCharsets.UTF_8)).bearer(token).send()
			.body();
		assertThat(found).contains(first);
	}

	@Test
	void samplesAreTheSameEveryTime() {
		assertThat(SampleAccounts.of(42)).isEqualTo(SampleAccounts.of(42));
		assertThat(SampleAccounts.of(42)).isNotEqualTo(SampleAccounts.of(43));
	}

	private long countDemo() {
		return jdbc.sql("select count(*) from customer where external_ref like 'demo-%'").query(Long.class).single();
	}
}
