package dev.kervan.platform;

/**
 * What kind of refusal a {@link DomainException} is, which decides the HTTP status the API answers with.
 */
public enum ErrorKind {

	INVALID(400), UNAUTHENTICATED(401), FORBIDDEN(403), NOT_FOUND(404), CONFLICT(409), PRECONDITION_FAILED(412), UNPROCESSABLE(422),
	PRECONDITION_REQUIRED(428),
	TOO_MANY_REQUESTS(429);

	private final int status;

	ErrorKind(int status) {
		this.status = status;
	}

	public int status() {
		return status;
	}
}
