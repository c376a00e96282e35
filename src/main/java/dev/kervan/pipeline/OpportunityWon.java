package dev.kervan.pipeline;

import java.time.Instant;

import dev.kervan.platform.Money;
import org.jspecify.annotations.Nullable;

/** An opportunity was won, by hand or by dropping it on a won stage: a sale is coming. */
public record OpportunityWon(long opportunityId, @Nullable Long customerId, @Nullable Long salespersonId,
		Money expectedRevenue, Instant at) {
}
