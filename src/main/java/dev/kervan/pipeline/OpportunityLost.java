package dev.kervan.pipeline;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** An opportunity was lost, for one of the lost reasons. */
public record OpportunityLost(long opportunityId, @Nullable Long customerId, long lostReasonId, Instant at) {
}
