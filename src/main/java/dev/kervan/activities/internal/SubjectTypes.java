package dev.kervan.activities.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.kervan.activities.ActivitySubjects;
import dev.kervan.platform.InvalidInputException;
import org.springframework.stereotype.Component;

/** The kinds of record activities can be planned on, as the modules that own them declared them. */
@Component
public class SubjectTypes {

	/** What {@code activity.subject_type} holds (varchar(12)). */
	private static final Pattern NAME = Pattern.compile("[A-Z][A-Z_]{0,11}");

	private final Map<String, ActivitySubjects> byType = new LinkedHashMap<>();

	SubjectTypes(List<ActivitySubjects> subjects) {
		for (ActivitySubjects kind : subjects) {
			if (!NAME.matcher(kind.type()).matches()) {
				throw new IllegalStateException("Activity subject type " + kind.type() + " of " + kind.getClass().getName()
						+ " is not 1 to 12 capital letters and underscores");
			}
			ActivitySubjects earlier = byType.putIfAbsent(kind.type(), kind);
			if (earlier != null) {
				throw new IllegalStateException("Activity subject type " + kind.type() + " is declared by both "
						+ earlier.getClass().getName() + " and " + kind.getClass().getName());
			}
		}
	}

	/** The kind of record of that name, in any case; empty for a name no module declares. */
	public Optional<ActivitySubjects> find(String type) {
		return Optional.ofNullable(byType.get(type.toUpperCase(Locale.ROOT)));
	}

	/** The kind of record a client named, or a 400 on the field {@code subjectType}. */
	public ActivitySubjects named(String type) {
		return find(type).orElseThrow(() -> InvalidInputException.of("subjectType", "error.value.invalid", type));
	}

	Collection<ActivitySubjects> all() {
		return byType.values();
	}
}
