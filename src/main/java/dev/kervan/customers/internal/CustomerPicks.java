package dev.kervan.customers.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import dev.kervan.customers.CustomerKind;
import dev.kervan.customers.CustomerRole;
import dev.kervan.customers.internal.CustomerViews.ListItem;
import dev.kervan.platform.PageLimit;
import dev.kervan.platform.PhoneNumbers;
import dev.kervan.platform.Picker;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the account and contact pickers offer (platform.Picker), read as the accounts list is read: staff only,
 * archived accounts never.
 */
@Service
public class CustomerPicks {

	private final CustomerQueries queries;
	private final CustomerPolicy policy;
	private final JdbcClient jdbc;

	CustomerPicks(CustomerQueries queries, CustomerPolicy policy, JdbcClient jdbc) {
		this.queries = queries;
		this.policy = policy;
		this.jdbc = jdbc;
	}

	/**
	 * Accounts for what was typed: the account whose external reference it is first, then the accounts search's
	 * matches in its order (any part of the name, tax number, phone in any format, e-mail, a contact's name, a
	 * misspelt name), narrowed to a role (suppliers) or a kind (people) when asked. Nothing typed: the first by name.
	 */
	public List<Picker.Match> accounts(@Nullable String q, @Nullable CustomerRole role, @Nullable CustomerKind kind) {
		policy.requireReader();
		String typed = Picker.typed(q);
		var filter = new CustomerQueries.Filter(typed, null, null, null, null, null, null, role, kind);
		var found = new LinkedHashMap<Long, Picker.Match>();
		if (!typed.isEmpty()) {
			byExternalRef(typed, filter).forEach(match -> found.put(match.id(), match));
		}
		queries.page(filter, CustomerQueries.Sort.NAME, null, PageLimit.of(Picker.LIMIT))
			.items()
			.forEach(item -> found.putIfAbsent(item.id(), match(item)));
		return List.copyOf(found.values());
	}

	/** The contacts of an account for what was typed: their names, e-mail addresses and phone numbers. */
	public List<Picker.Match> contacts(long account, @Nullable String q) {
		policy.requireReader();
		Picker.Words words = Picker.words(q);
		// Numbers are kept as +90…: what was typed is compared without the zeros a national number starts with.
		String digits = PhoneNumbers.digits(Picker.typed(q)).replaceFirst("^0+", "");
		return jdbc.sql("""
				select t.id, t.name, t.job_title, t.email, t.phone, t.mobile from customer_contact t
				join customer c on c.id = t.customer and c.archived_at is null
				where t.customer = :account order by lower(t.name), t.id""")
			.param("account", account)
			.query((rs, n) -> new Contact(rs.getLong("id"), rs.getString("name"), rs.getString("job_title"),
					rs.getString("email"), rs.getString("phone"), rs.getString("mobile")))
			.stream()
			.filter(contact -> words.foundIn(contact.name(), contact.jobTitle(), contact.email())
					|| (digits.length() >= 3 && contact.digits().contains(digits)))
			.limit(Picker.LIMIT)
			.map(contact -> new Picker.Match(contact.id(), contact.name(), detail(contact.jobTitle(), contact.email(),
					PhoneNumbers.display(contact.mobile() != null ? contact.mobile() : contact.phone()))))
			.toList();
	}

	private record Contact(long id, String name, @Nullable String jobTitle, @Nullable String email, @Nullable String phone,
			@Nullable String mobile) {

		String digits() {
			return PhoneNumbers.digits(phone) + " " + PhoneNumbers.digits(mobile);
		}
	}

	/** External references are codes of other systems, matched whole, through their unique index. */
	private List<Picker.Match> byExternalRef(String typed, CustomerQueries.Filter filter) {
		var where = new ArrayList<String>(List.of("c.archived_at is null", "c.external_ref = :ref"));
		Map<String, Object> params = new HashMap<>(Map.of("ref", typed));
		CustomerQueries.filterConditions(filter, where, params);
		return jdbc.sql("select c.id, c.name, c.tax_number, c.external_ref from customer c where " + String.join(" and ", where))
			.params(params)
			.query((rs, n) -> new Picker.Match(rs.getLong("id"), rs.getString("name"),
					detail(rs.getString("tax_number"), rs.getString("external_ref"))))
			.list();
	}

	private static Picker.Match match(ListItem account) {
		return new Picker.Match(account.id(), account.name(), detail(account.taxNumber(), account.city()));
	}

	private static @Nullable String detail(@Nullable String... parts) {
		List<String> given = Stream.of(parts).filter(Objects::nonNull).filter(part -> !part.isBlank()).toList();
		return given.isEmpty() ? null : String.join(" · ", given);
	}
}
