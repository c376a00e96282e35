package dev.kervan.platform;

/**
 * One invalid field of a request: the field's name as the client sent it and a translatable message.
 */
public record FieldViolation(String field, String messageCode, Object... arguments) {

	public FieldViolation {
		arguments = arguments.clone();
	}
}
