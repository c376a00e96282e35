package dev.kervan.customers.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import dev.kervan.activities.ActivityHistory;
import dev.kervan.platform.HistoryEntry;
import dev.kervan.platform.HistoryLine.Segment;
import dev.kervan.platform.RecordHistory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** An account's history for its page: its changes in words, its notes and the activities on it, newest first. */
@Component
class AccountHistory {

	private static final int NOTES = 200;

	private final RecordHistory history;
	private final ActivityHistory activities;
	private final JdbcClient jdbc;

	AccountHistory(RecordHistory history, ActivityHistory activities, JdbcClient jdbc) {
		this.history = history;
		this.activities = activities;
		this.jdbc = jdbc;
	}

	/** For an account the current user may read. */
	List<HistoryEntry> of(Customer customer) {
		var beside = new ArrayList<HistoryEntry>(notes(customer.id()));
		beside.addAll(activities.of(CustomerActivitySubjects.TYPE, customer.id()));
		return history.of(CustomerService.RECORD_TYPE, customer.id(), customer.auditSnapshot(), beside);
	}

	private List<HistoryEntry> notes(long customer) {
		return jdbc.sql("""
				select n.created_at, coalesce(u.display_name, n.author) as author, n.text
				from customer_note n left join user_ref u on u.username = n.author
				where n.customer = :customer order by n.created_at desc, n.id desc limit :limit""")
			.param("customer", customer)
			.param("limit", NOTES)
			.query((rs, n) -> new HistoryEntry(rs.getObject("created_at", OffsetDateTime.class).toInstant(),
					HistoryEntry.Kind.NOTE, List.of(history.say("history.note", Segment.who(rs.getString("author")))),
					rs.getString("text")))
			.list();
	}
}
