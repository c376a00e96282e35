package dev.kervan.customers;

import java.util.List;

import dev.kervan.platform.Option;

/**
 * The price lists an account may be given as its own. The catalog keeps price lists and implements this; the
 * account only holds the list's id, which the catalog's prices read back through {@link Customers#pricingTerms}.
 */
public interface AccountPriceLists {

	/** The active price lists, as a form offers them (id, name). */
	List<Option> choices();

	/** Whether an active price list has this id. */
	boolean isActive(long priceListId);
}
