package dev.kervan.customers.internal;

import java.util.Map;

import dev.kervan.platform.DomainException;
import dev.kervan.platform.ErrorKind;

/** An account with the same tax number (same country) or external reference exists already. */
class DuplicateCustomerException extends DomainException {

	private final long existingId;

	DuplicateCustomerException(String messageCode, Customer existing) {
		super(ErrorKind.CONFLICT, messageCode, existing.name, existing.id());
		this.existingId = existing.id();
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("existingId", existingId, "existing", "/api/v1/customers/" + existingId, "existingPage",
				"/customers/" + existingId);
	}
}
