package dev.kervan.customers;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An archived account was brought back into lists and searches. Published in the transaction that restores it;
 * restoring an account that is not archived publishes nothing.
 *
 * @param salespersonId the salesperson the account is assigned to, if any
 */
public record CustomerRestored(long customerId, @Nullable Long salespersonId, Instant at) {
}
