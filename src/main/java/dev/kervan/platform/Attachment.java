package dev.kervan.platform;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored file and what it is attached to.
 *
 * @param ownerType the kind of record, e.g. {@code customer}
 * @param ownerId the record's id
 * @param contentType the type found in the file's content, not the one the uploader claimed
 */
public record Attachment(UUID id, String ownerType, String ownerId, String filename, String contentType,
		long size, String sha256, Instant createdAt, String createdBy) {
}
