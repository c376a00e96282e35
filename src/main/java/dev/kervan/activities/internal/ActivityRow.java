package dev.kervan.activities.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.kervan.platform.TranslatedNames;
import dev.kervan.platform.Versioned;
import org.jspecify.annotations.Nullable;

/** An activity as stored, with the names a reader wants beside the ids. */
public record ActivityRow(long id, long typeId, String typeName, String category, String summary, @Nullable String note,
		String subjectType, long subjectId, long assigneeId, @Nullable String assigneeName, LocalDate dueDate,
		String status, @Nullable String feedback, @Nullable Instant doneAt, @Nullable Long previousId,
		@Nullable Long createdBy, long version) implements Versioned {

	/** The columns {@link #of} reads, the type named in the reader's language. */
	static String select() {
		return """
				select a.id, a.type, %s as type_name, t.category, a.summary, a.note, a.subject_type, a.subject_id, a.assignee,
				       u.display_name as assignee_name, a.due_date, a.status, a.feedback, a.done_at, a.previous, a.created_by, a.version
				from activity a join activity_type t on t.id = a.type left join user_ref u on u.id = a.assignee"""
			.formatted(TranslatedNames.shown("t"));
	}

	static ActivityRow of(ResultSet rs) throws SQLException {
		OffsetDateTime doneAt = rs.getObject("done_at", OffsetDateTime.class);
		return new ActivityRow(rs.getLong("id"), rs.getLong("type"), rs.getString("type_name"), rs.getString("category"),
				rs.getString("summary"), rs.getString("note"), rs.getString("subject_type"),
				rs.getLong("subject_id"), rs.getLong("assignee"), rs.getString("assignee_name"),
				rs.getObject("due_date", LocalDate.class), rs.getString("status"), rs.getString("feedback"),
				doneAt == null ? null : doneAt.toInstant(), rs.getObject("previous", Long.class), rs.getObject("created_by", Long.class),
				rs.getLong("version"));
	}

	public boolean planned() {
		return "PLANNED".equals(status);
	}

	Map<String, Object> snapshot() {
		var values = new LinkedHashMap<String, Object>();
		values.put("type", typeId);
		values.put("summary", summary);
		values.put("note", note);
		values.put("subject", subjectType + ":" + subjectId);
		values.put("assignee", assigneeId);
		values.put("dueDate", dueDate);
		values.put("status", status);
		values.put("feedback", feedback);
		return values;
	}
}
