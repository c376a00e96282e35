package dev.kervan.customers;

import java.util.Optional;

/**
 * The customer master as other modules see it.
 */
public interface Customers {

	/** The account, archived ones included. */
	Optional<CustomerSummary> find(long id);
}
