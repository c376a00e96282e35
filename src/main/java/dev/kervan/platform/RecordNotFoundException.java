package dev.kervan.platform;

/**
 * The record asked for does not exist, or the caller may not know that it does.
 */
public class RecordNotFoundException extends DomainException {

	public RecordNotFoundException(String recordType, Object id) {
		super(ErrorKind.NOT_FOUND, "error.not-found", recordType, String.valueOf(id));
	}
}
