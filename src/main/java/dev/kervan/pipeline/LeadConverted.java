package dev.kervan.pipeline;

import java.time.Instant;

/** A lead became an opportunity, for an existing account or one opened from the lead. */
public record LeadConverted(long leadId, long opportunityId, long customerId, Instant at) {
}
