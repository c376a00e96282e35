package dev.kervan.activities.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import dev.kervan.activities.ActivitySubject;
import dev.kervan.identity.CurrentUsers;
import dev.kervan.platform.RecordNotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Everything that happened with a customer, newest first, in one timeline: activities done on the account and
 * on its opportunities, notes, opportunities opened, moved, won and lost. The other modules' tables are read
 * here, never written.
 */
@Service
public class InteractionHistory {

	/** One event: when, what kind, who, a text, and the page of the record it happened on. */
	public record Event(Instant at, String kind, @Nullable String who, String text, @Nullable String detail, String link) {
	}

	private static final int LIMIT = 200;

	private final JdbcClient jdbc;
	private final CurrentUsers users;
	private final ActivityPolicy policy;

	InteractionHistory(JdbcClient jdbc, CurrentUsers users, ActivityPolicy policy) {
		this.jdbc = jdbc;
		this.users = users;
		this.policy = policy;
	}

	public List<Event> ofCustomer(long customer) {
		ActivityPolicy.requireStaff(users.get());
		if (!policy.seesSubject(ActivitySubject.CUSTOMER, customer)) {
			throw new RecordNotFoundException("customer", customer);
		}
		return jdbc.sql("""
				with deals as (select id, title from opportunity where customer = :customer)
				select * from (
				  select a.done_at as at, 'ACTIVITY' as kind, u.display_name as who, t.name || ': ' || a.summary as text,
				         a.feedback as detail,
				         case when a.subject_type = 'OPPORTUNITY' then '/pipeline/opportunities/' || a.subject_id
				              else '/customers/' || a.subject_id end as link
				  from activity a join activity_type t on t.id = a.type left join app_user u on u.id = a.done_by
				  where a.status = 'DONE' and ((a.subject_type = 'CUSTOMER' and a.subject_id = :customer)
				        or (a.subject_type = 'OPPORTUNITY' and a.subject_id in (select id from deals)))
				  union all
				  select n.created_at, 'NOTE', n.author, n.text, null, '/customers/' || n.customer || '?tab=notes'
				  from customer_note n where n.customer = :customer
				  union all
				  select l.occurred_at, 'OPPORTUNITY_' || l.action, l.actor_name, d.title,
				         case when l.field = 'stage' then s.name when l.field = 'status' then l.new_value end,
				         '/pipeline/opportunities/' || d.id
				  from audit_log l join deals d on l.record_type = 'opportunity' and l.record_id = d.id::text
				  left join pipeline_stage s on l.field = 'stage' and s.id::text = l.new_value
				  where (l.action = 'CREATE' and l.field = 'title') or (l.action = 'UPDATE' and l.field in ('stage', 'status'))
				) events order by at desc limit :limit""")
			.param("customer", customer)
			.param("limit", LIMIT)
			.query((rs, n) -> new Event(rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("kind"),
					rs.getString("who"), rs.getString("text"), rs.getString("detail"), rs.getString("link")))
			.list();
	}
}
