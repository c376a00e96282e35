package dev.kervan.platform;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One entry of a record's history as its page shows it: when, what kind, what happened in sentences (each with the
 * values it lists, as a creation's), and a text of its own (a note, what came of an activity).
 */
public record HistoryEntry(Instant at, Kind kind, List<HistoryLine> lines, @Nullable String text) {

	/** What the entry tells; the page shows each with its icon. */
	public enum Kind {
		CREATED, CHANGED, NOTE, ACTIVITY_PLANNED, ACTIVITY_DONE
	}
}
