package dev.kervan.platform;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One change of a business record as the audit trail kept it: the lines one actor wrote in one transaction (the
 * same time and actor), in the order they were written.
 */
public record AuditChange(Instant at, @Nullable Long actorId, String actorName, List<AuditEntry> lines) {
}
