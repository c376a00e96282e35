package dev.kervan.platform;

import java.util.List;

/**
 * A business rule refused a request. It carries a message code and arguments rather than a finished sentence,
 * so the same refusal reads right in English, Turkish and Persian; the API turns it into problem+json, pages
 * show the message next to the form.
 */
public class DomainException extends RuntimeException {

	private final ErrorKind kind;
	private final String messageCode;
	private final Object[] arguments;

	public DomainException(ErrorKind kind, String messageCode, Object... arguments) {
		super(messageCode + (arguments.length == 0 ? "" : " " + List.of(arguments)));
		this.kind = kind;
		this.messageCode = messageCode;
		this.arguments = arguments.clone();
	}

	public ErrorKind kind() {
		return kind;
	}

	public String messageCode() {
		return messageCode;
	}

	public Object[] arguments() {
		return arguments.clone();
	}

	/** Extra members of the problem answer, e.g. a link to the record a duplicate collides with. */
	public java.util.Map<String, Object> properties() {
		return java.util.Map.of();
	}

	/** The field errors behind the refusal, empty unless the input itself was invalid. */
	public List<FieldViolation> violations() {
		return List.of();
	}
}
