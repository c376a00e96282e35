package dev.kervan.customers;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What other modules may know about an account.
 *
 * @param classId the customer class, which carries the default discount and risk limit
 */
public record CustomerSummary(long id, String name, CustomerKind kind, CustomerStatus status, Set<CustomerRole> roles,
		String country, @Nullable Long salespersonId, @Nullable Long classId, String currency, boolean archived) {

	public CustomerSummary {
		roles = Set.copyOf(roles);
	}
}
