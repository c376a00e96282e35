package dev.kervan.platform;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One field of one change to a business record: who changed it, when, and from what to what. A create lists
 * the new values, a delete the old ones.
 */
public record AuditEntry(long id, Instant occurredAt, @Nullable Long actorId, String actorName, String recordType,
		String recordId, Action action, String field, @Nullable String oldValue, @Nullable String newValue) {

	public enum Action {
		CREATE, UPDATE, DELETE
	}
}
