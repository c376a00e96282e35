package dev.kervan.platform;

/**
 * Somebody changed the record since the caller read it. Answered 412 when the caller's version came in
 * {@code If-Match}, 409 when it came in the body; either way nothing was changed.
 */
public class VersionConflictException extends DomainException {

	private final long currentVersion;

	public VersionConflictException(String recordType, Object id, long currentVersion, boolean fromIfMatch) {
		super(fromIfMatch ? ErrorKind.PRECONDITION_FAILED : ErrorKind.CONFLICT, "error.version-conflict", recordType,
				String.valueOf(id), currentVersion);
		this.currentVersion = currentVersion;
	}

	public long currentVersion() {
		return currentVersion;
	}
}
