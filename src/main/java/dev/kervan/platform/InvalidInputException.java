package dev.kervan.platform;

import java.util.List;

/**
 * The request broke one or more field rules; answered 400 with every violation listed.
 */
public class InvalidInputException extends DomainException {

	private final List<FieldViolation> violations;

	public InvalidInputException(List<FieldViolation> violations) {
		super(ErrorKind.INVALID, "error.validation");
		if (violations.isEmpty()) {
			throw new IllegalArgumentException("An invalid input needs at least one violation");
		}
		this.violations = List.copyOf(violations);
	}

	public static InvalidInputException of(String field, String messageCode, Object... arguments) {
		return new InvalidInputException(List.of(new FieldViolation(field, messageCode, arguments)));
	}

	@Override
	public List<FieldViolation> violations() {
		return violations;
	}
}
