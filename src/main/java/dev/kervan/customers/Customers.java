package dev.kervan.customers;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The customer master as other modules see it.
 */
public interface Customers {

	/** The account, archived ones included. */
	Optional<CustomerSummary> find(long id);

	/** The names of the accounts that exist, archived ones included, by id. */
	Map<Long, String> names(Collection<Long> ids);

	/** The account's class discount and price list, archived accounts included. */
	Optional<PricingTerms> pricingTerms(long id);

	/** Opens an account as the current user, as a potential customer, checked like any other. */
	CustomerSummary open(NewAccount account);
}
