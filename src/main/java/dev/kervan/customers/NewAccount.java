package dev.kervan.customers;

import org.jspecify.annotations.Nullable;

/**
 * An account another module opens (a lead becoming a customer, say). It goes through the same rules as one
 * entered by hand: a known tax number in the same country is refused with a link to the existing account.
 */
public record NewAccount(CustomerKind kind, String name, String country, @Nullable String email, @Nullable String phone,
		@Nullable String taxNumber, @Nullable Long salespersonId) {
}
