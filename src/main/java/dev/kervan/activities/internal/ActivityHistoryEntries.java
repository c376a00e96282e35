package dev.kervan.activities.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.kervan.activities.ActivityHistory;
import dev.kervan.identity.CurrentUsers;
import dev.kervan.platform.HistoryEntry;
import dev.kervan.platform.HistoryLine;
import dev.kervan.platform.HistoryLine.Segment;
import dev.kervan.platform.RecordHistory;
import dev.kervan.platform.TranslatedNames;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A record's activities for its history, read in one query with the names of who planned, took and did them. */
@Component
class ActivityHistoryEntries implements ActivityHistory {

	private static final int LIMIT = 200;

	private final JdbcClient jdbc;
	private final CurrentUsers users;
	private final RecordHistory history;

	ActivityHistoryEntries(JdbcClient jdbc, CurrentUsers users, RecordHistory history) {
		this.jdbc = jdbc;
		this.users = users;
		this.history = history;
	}

	@Override
	public List<HistoryEntry> of(String subjectType, long subjectId) {
		ActivityPolicy.requireStaff(users.get());
		var entries = new ArrayList<HistoryEntry>();
		jdbc.sql("""
				select a.summary, a.status, a.due_date, a.created_at, a.done_at, a.feedback, %s as type,
				       planner.display_name as planner, assignee.display_name as assignee, doer.display_name as doer
				from activity a join activity_type t on t.id = a.type
				  join user_ref assignee on assignee.id = a.assignee
				  left join user_ref planner on planner.id = a.created_by
				  left join user_ref doer on doer.id = a.done_by
				where a.subject_type = :type and a.subject_id = :id
				order by a.created_at desc, a.id desc limit :limit""".formatted(TranslatedNames.shown("t")))
			.param("type", subjectType.toUpperCase(Locale.ROOT))
			.param("id", subjectId)
			.param("limit", LIMIT)
			.query(rs -> {
				String type = rs.getString("type");
				String summary = rs.getString("summary");
				String assignee = rs.getString("assignee");
				String planner = rs.getString("planner");
				var planned = new ArrayList<HistoryLine>();
				planned.add(history.say("history.activity.planned", who(planner, assignee), Segment.value(type),
						Segment.value(summary), Segment.who(assignee),
						Segment.value(history.formats().date(rs.getObject("due_date", LocalDate.class)))));
				if ("CANCELLED".equals(rs.getString("status"))) {
					planned.add(history.say("history.activity.cancelled"));
				}
				entries.add(new HistoryEntry(rs.getObject("created_at", OffsetDateTime.class).toInstant(),
						HistoryEntry.Kind.ACTIVITY_PLANNED, List.copyOf(planned), null));
				OffsetDateTime done = rs.getObject("done_at", OffsetDateTime.class);
				if (done != null) {
					entries.add(new HistoryEntry(done.toInstant(), HistoryEntry.Kind.ACTIVITY_DONE,
							List.of(history.say("history.activity.done", who(rs.getString("doer"), assignee),
									Segment.value(type), Segment.value(summary))),
							rs.getString("feedback")));
				}
			});
		return entries;
	}

	/** Who did it; an activity planned by the system (a follow-up) or by a former user reads as its assignee's. */
	private static Segment who(@Nullable String name, String otherwise) {
		return Segment.who(name != null ? name : otherwise);
	}
}
