package dev.kervan.customers;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An account was archived: it left lists and searches, takes no new parts and stays readable by id. Published in
 * the transaction that archives it; archiving an archived account publishes nothing.
 *
 * @param salespersonId the salesperson the account was assigned to, if any
 */
public record CustomerArchived(long customerId, @Nullable Long salespersonId, Instant at) {
}
