package dev.kervan.customers.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.kervan.customers.internal.SampleAccounts.Sample;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Fills the customer tables with {@code n} sample accounts for the benchmark, with COPY: accounts, then their
 * contacts and addresses through staging tables joined on the accounts' external references. The search index
 * text is computed exactly as the application computes it. Indexes are dropped during the load and rebuilt after
 * it from their own definitions, as a bulk load should.
 */
public final class CustomerBenchData {

	private static final int CHUNK = 20_000;
	private static final String COLUMNS = "kind, name, is_customer, is_supplier, status, country, tax_number, email, phone, "
			+ "tags, payment_term_days, currency, language, external_ref, search_text, search_digits, sort_name, created_at, "
			+ "updated_at, created_by";

	private CustomerBenchData() {
	}

	public static void load(Connection connection, long count) throws SQLException, IOException, InterruptedException {
		CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
		connection.setAutoCommit(true);
		List<String> indexes = new ArrayList<>();
		try (var statement = connection.createStatement()) {
			var rs = statement.executeQuery("""
					select indexdef, indexname from pg_indexes
					where tablename in ('customer', 'customer_contact', 'customer_address')
					  and indexname not like '%_pkey' and indexdef not like 'CREATE UNIQUE%'""");
			var names = new ArrayList<String>();
			while (rs.next()) {
				indexes.add(rs.getString(1));
				names.add(rs.getString(2));
			}
			for (String name : names) {
				statement.execute("drop index " + name);
			}
			statement.execute("create unlogged table if not exists bench_contact (ref text, name text, email text, mobile text, department text, language text)");
			statement.execute("create unlogged table if not exists bench_address (ref text, purpose text, line1 text, district text, city text, postal_code text, country text)");
			statement.execute("truncate bench_contact, bench_address");
		}
		Instant now = Instant.now();
		try (ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()))) {
			List<Future<String[]>> chunks = new ArrayList<>();
			for (long start = 0; start < count; start += CHUNK) {
				long from = start;
				long to = Math.min(count, start + CHUNK);
				chunks.add(workers.submit(() -> render(from, to, now)));
			}
			for (Future<String[]> chunk : chunks) {
				String[] csv = chunk.get();
				copy.copyIn("copy customer (" + COLUMNS + ") from stdin with (format csv)", reader(csv[0]));
				copy.copyIn("copy bench_contact from stdin with (format csv)", reader(csv[1]));
				copy.copyIn("copy bench_address from stdin with (format csv)", reader(csv[2]));
			}
		}
		catch (java.util.concurrent.ExecutionException e) {
			throw new IllegalStateException(e.getCause());
		}
		try (var statement = connection.createStatement()) {
			statement.execute("""
					insert into customer_contact (customer, name, email, mobile, department, language, created_at)
					select c.id, b.name, b.email, b.mobile, b.department, b.language, now()
					from bench_contact b join customer c on c.external_ref = b.ref""");
			statement.execute("""
					insert into customer_address (customer, purpose, line1, district, city, postal_code, country, created_at)
					select c.id, b.purpose, b.line1, b.district, b.city, b.postal_code, b.country, now()
					from bench_address b join customer c on c.external_ref = b.ref""");
			statement.execute("drop table bench_contact, bench_address");
			statement.execute(SearchWords.rememberAllSql("customer"));
			for (String index : indexes) {
				statement.execute(index);
			}
			statement.execute("vacuum analyze customer");
			statement.execute("vacuum analyze customer_contact");
			statement.execute("vacuum analyze customer_address");
		}
	}

	private static String[] render(long from, long to, Instant now) {
		var customers = new StringBuilder();
		var contacts = new StringBuilder();
		var addresses = new StringBuilder();
		for (long n = from; n < to; n++) {
			Sample sample = SampleAccounts.of(n);
			String ref = "bench-" + n;
			var customer = new Customer();
			customer.name = sample.name();
			customer.kind = sample.kind();
			customer.country = sample.country();
			customer.taxNumber = sample.taxNumber();
			customer.email = sample.email();
			customer.phone = sample.phone();
			customer.tags = new java.util.LinkedHashSet<>(sample.tags());
			var terms = sample.contacts().stream()
				.map(c -> new SearchIndex.ContactTerms(c.name(), c.email(), c.phone(), null))
				.toList();
			SearchIndex.refresh(customer, terms, sample.addresses().stream().map(SampleAccounts.SampleAddress::city).toList());
			CopyText.row(customers, sample.kind().name(), sample.name(), true, n % 10 == 0, sample.status().name(),
					sample.country(), sample.taxNumber(), sample.email(), sample.phone(), CopyText.array(sample.tags()),
					sample.paymentTermDays(), sample.currency(), sample.language(), ref, customer.searchText,
					customer.searchDigits, customer.sortName, now, now, "bench");
			for (var contact : sample.contacts()) {
				CopyText.row(contacts, ref, contact.name(), contact.email(), contact.phone(), contact.department(),
						sample.language());
			}
			for (var address : sample.addresses()) {
				CopyText.row(addresses, ref, address.purpose(), address.line1(), address.district(), address.city(),
						address.postalCode(), address.country());
			}
		}
		return new String[] { customers.toString(), contacts.toString(), addresses.toString() };
	}

	private static Reader reader(String text) {
		return new StringReader(text);
	}
}
