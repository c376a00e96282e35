package dev.kervan.customers.internal;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import dev.kervan.activities.ActivitySubjects;
import dev.kervan.activities.TimelineEvent;
import dev.kervan.customers.Customers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Activities on accounts; an account's timeline shows its notes. Archived accounts take no activities. */
@Component
class CustomerActivitySubjects implements ActivitySubjects {

	static final String TYPE = "CUSTOMER";

	private final Customers customers;
	private final JdbcClient jdbc;

	CustomerActivitySubjects(Customers customers, JdbcClient jdbc) {
		this.customers = customers;
		this.jdbc = jdbc;
	}

	@Override
	public String type() {
		return TYPE;
	}

	@Override
	public boolean accepts(long id) {
		return customers.find(id).filter(account -> !account.archived()).isPresent();
	}

	@Override
	public Map<Long, String> titles(Collection<Long> ids) {
		return customers.names(ids);
	}

	@Override
	public String link(long id) {
		return "/customers/" + id;
	}

	@Override
	public List<TimelineEvent> timeline(String type, long id, int limit) {
		if (!TYPE.equals(type)) {
			return List.of();
		}
		return jdbc.sql("""
				select created_at, author, text from customer_note where customer = :customer
				order by created_at desc, id desc limit :limit""")
			.param("customer", id)
			.param("limit", limit)
			.query((rs, n) -> new TimelineEvent(rs.getObject("created_at", OffsetDateTime.class).toInstant(), "NOTE",
					rs.getString("author"), rs.getString("text"), null, link(id) + "?tab=notes"))
			.list();
	}
}
