package dev.kervan.activities.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.kervan.activities.ActivitySubjects;
import dev.kervan.activities.TimelineEvent;
import dev.kervan.identity.CurrentUsers;
import dev.kervan.platform.RecordNotFoundException;
import dev.kervan.platform.TranslatedNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Everything that happened with a record, newest first, in one timeline: the activities done on it and on its parts
 * (an account's opportunities), and what the modules that own them tell (an account's notes, its opportunities
 * opened, moved, won and lost). Each module answers for its own records through {@link ActivitySubjects}.
 */
@Service
public class InteractionHistory {

	private static final int LIMIT = 200;

	private final JdbcClient jdbc;
	private final CurrentUsers users;
	private final ActivityPolicy policy;
	private final SubjectTypes subjects;

	InteractionHistory(JdbcClient jdbc, CurrentUsers users, ActivityPolicy policy, SubjectTypes subjects) {
		this.jdbc = jdbc;
		this.users = users;
		this.policy = policy;
		this.subjects = subjects;
	}

	public List<TimelineEvent> of(String subjectType, long id) {
		ActivityPolicy.requireStaff(users.get());
		String type = subjects.named(subjectType).type();
		if (!policy.seesSubject(type, id)) {
			throw new RecordNotFoundException(type.toLowerCase(Locale.ROOT), id);
		}
		var recordsByType = new LinkedHashMap<String, List<Long>>();
		recordsByType.put(type, new ArrayList<>(List.of(id)));
		var events = new ArrayList<TimelineEvent>();
		for (ActivitySubjects kind : subjects.all()) {
			Collection<Long> parts = kind.partsOf(type, id);
			if (!parts.isEmpty()) {
				recordsByType.computeIfAbsent(kind.type(), k -> new ArrayList<>()).addAll(parts);
			}
			events.addAll(kind.timeline(type, id, LIMIT));
		}
		events.addAll(activitiesDone(recordsByType));
		events.sort(Comparator.comparing(TimelineEvent::at).reversed());
		return events.size() > LIMIT ? List.copyOf(events.subList(0, LIMIT)) : events;
	}

	/** The activities done on the records, newest first: one condition per kind of record, each served by the subject index. */
	private List<TimelineEvent> activitiesDone(Map<String, List<Long>> recordsByType) {
		var conditions = new ArrayList<String>();
		var params = new HashMap<String, Object>();
		int n = 0;
		for (Map.Entry<String, List<Long>> records : recordsByType.entrySet()) {
			conditions.add("(a.subject_type = :type" + n + " and a.subject_id = any(cast(:ids" + n + " as bigint[])))");
			params.put("type" + n, records.getKey());
			params.put("ids" + n, records.getValue().toArray(Long[]::new));
			n++;
		}
		params.put("limit", LIMIT);
		return jdbc.sql("""
				select a.done_at, u.display_name as who, """ + TranslatedNames.shown("t") + """
				 || ': ' || a.summary as text, a.feedback, a.subject_type, a.subject_id
				from activity a join activity_type t on t.id = a.type left join user_ref u on u.id = a.done_by
				where a.status = 'DONE' and (""" + String.join(" or ", conditions) + """
				) order by a.done_at desc limit :limit""")
			.params(params)
			.query((rs, row) -> new TimelineEvent(rs.getObject("done_at", OffsetDateTime.class).toInstant(), "ACTIVITY",
					rs.getString("who"), rs.getString("text"), rs.getString("feedback"),
					link(rs.getString("subject_type"), rs.getLong("subject_id"))))
			.list();
	}

	private String link(String type, long id) {
		return subjects.find(type).map(kind -> kind.link(id)).orElse("/activities/today");
	}
}
