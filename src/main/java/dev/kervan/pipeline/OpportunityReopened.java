package dev.kervan.pipeline;

import java.time.Instant;

/** A won or lost opportunity is open again. */
public record OpportunityReopened(long opportunityId, Instant at) {
}
