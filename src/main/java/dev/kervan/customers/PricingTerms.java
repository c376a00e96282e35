package dev.kervan.customers;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * What decides an account's prices: its class with the class's default discount, and the price list set on the
 * account itself.
 */
public record PricingTerms(long customerId, @Nullable Long classId, @Nullable String className, BigDecimal classDiscount,
		@Nullable Long priceListId, String currency) {
}
