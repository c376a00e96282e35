package dev.kervan.platform;

import java.util.Map;

/**
 * A document kept as a Spring Data aggregate with a {@code @Version}: what {@link DocumentChanges} needs to save it
 * with its audit line and refuse a lost update.
 */
public interface VersionedDocument {

	/** Its id, once saved. */
	long id();

	/** The version it was read at (0 before its first save). */
	long version();

	/** What the audit trail compares: field name to value, in a stable order. */
	Map<String, Object> snapshot();
}
