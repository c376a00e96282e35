package dev.kervan.activities.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.kervan.activities.ActivitySubjects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The name and page of each activity's record, looked up once per kind of record, keyed "TYPE:id". */
@Component
class SubjectNames {

	/** A record an activity is planned on, as a page links it; no link when no module declares its kind. */
	public record Subject(String name, @Nullable String link) {
	}

	private final SubjectTypes subjects;

	SubjectNames(SubjectTypes subjects) {
		this.subjects = subjects;
	}

	Map<String, Subject> of(List<ActivityRow> rows) {
		var titles = new HashMap<String, Map<Long, String>>();
		var subjects = new HashMap<String, Subject>();
		for (ActivityRow row : rows) {
			String type = row.subjectType();
			long id = row.subjectId();
			ActivitySubjects kind = this.subjects.find(type).orElse(null);
			Map<Long, String> names = titles.computeIfAbsent(type, t -> kind == null ? Map.of() : kind.titles(idsOf(rows, t)));
			subjects.putIfAbsent(type + ":" + id, new Subject(names.getOrDefault(id, "#" + id), kind == null ? null : kind.link(id)));
		}
		return subjects;
	}

	private static List<Long> idsOf(List<ActivityRow> rows, String type) {
		return rows.stream().filter(r -> r.subjectType().equals(type)).map(ActivityRow::subjectId).distinct().toList();
	}
}
