package dev.kervan.catalog.internal;

/**
 * A document could not be mailed: the mail server refused or could not be reached (502), or no mail server is
 * configured (503). Carries a message code, like a domain refusal, but answers as a failure of the server.
 */
public class DocumentNotSentException extends RuntimeException {

	private final int status;
	private final String messageCode;

	DocumentNotSentException(int status, String messageCode, Throwable cause) {
		super(messageCode, cause);
		this.status = status;
		this.messageCode = messageCode;
	}

	DocumentNotSentException(int status, String messageCode) {
		super(messageCode);
		this.status = status;
		this.messageCode = messageCode;
	}

	public int status() {
		return status;
	}

	public String messageCode() {
		return messageCode;
	}
}
