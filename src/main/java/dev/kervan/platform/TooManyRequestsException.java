package dev.kervan.platform;

import java.time.Duration;

/**
 * The caller has to wait before trying again; answered 429 with {@code Retry-After}.
 */
public class TooManyRequestsException extends DomainException {

	private final Duration retryAfter;

	public TooManyRequestsException(String messageCode, Duration retryAfter) {
		super(ErrorKind.TOO_MANY_REQUESTS, messageCode);
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return retryAfter;
	}
}
