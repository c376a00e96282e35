package dev.kervan.customers.internal;

import java.util.Map;
import java.util.Set;

import dev.kervan.platform.RecordNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The names of accounts, their settings and their parts, for the histories that name them. */
@Component
class CustomerRecordNames implements RecordNames {

	static final String CUSTOMER = "customer";
	static final String CATEGORY = "customer-category";
	static final String SECTOR = "customer-sector";
	static final String SIZE_BAND = "customer-size-band";
	static final String CLASS = "customer-class";
	static final String EXTRA_FIELD = "customer-field";
	static final String BRANCH = "customer-branch";
	static final String CONTACT = "customer-contact";
	static final String ADDRESS = "customer-address";
	static final String BANK_ACCOUNT = "customer-bank-account";
	static final String PAYMENT_CARD = "customer-payment-card";
	static final String AGREEMENT = "customer-agreement";
	static final String NOTE = "customer-note";

	/** Each kind's names by id, as one query. */
	private static final Map<String, String> QUERIES = Map.ofEntries(
			Map.entry(CUSTOMER, "select id, name from customer where id = any(:ids)"),
			Map.entry(CATEGORY, "select id, name from customer_lookup where id = any(:ids)"),
			Map.entry(SECTOR, "select id, name from customer_lookup where id = any(:ids)"),
			Map.entry(SIZE_BAND, "select id, name from customer_lookup where id = any(:ids)"),
			Map.entry(CLASS, "select id, name from customer_class where id = any(:ids)"),
			Map.entry(BRANCH, "select id, name from customer_branch where id = any(:ids)"),
			Map.entry(CONTACT, "select id, name from customer_contact where id = any(:ids)"),
			Map.entry(ADDRESS, "select id, concat_ws(', ', line1, city) from customer_address where id = any(:ids)"),
			Map.entry(BANK_ACCOUNT, "select id, iban from customer_bank_account where id = any(:ids)"),
			Map.entry(PAYMENT_CARD, "select id, last4 from customer_payment_card where id = any(:ids)"),
			Map.entry(AGREEMENT, "select id, title from customer_agreement where id = any(:ids)"),
			Map.entry(NOTE, "select id, left(text, 100) from customer_note where id = any(:ids)"));

	private final JdbcClient jdbc;

	CustomerRecordNames(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Set<String> kinds() {
		return Set.of(CUSTOMER, CATEGORY, SECTOR, SIZE_BAND, CLASS, EXTRA_FIELD, BRANCH, CONTACT, ADDRESS, BANK_ACCOUNT,
				PAYMENT_CARD, AGREEMENT, NOTE);
	}

	@Override
	public Map<String, String> names(String kind, Set<String> ids) {
		if (EXTRA_FIELD.equals(kind)) {
			// An extra field is kept by its code, which categories may share: any of their labels names it.
			return RecordNames.byCode(jdbc, "select distinct on (code) code, label from customer_field where code = any(:codes) order by code, id", ids);
		}
		return RecordNames.byId(jdbc, QUERIES.get(kind), ids);
	}
}
