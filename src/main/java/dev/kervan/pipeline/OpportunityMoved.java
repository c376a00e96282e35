package dev.kervan.pipeline;

import java.time.Instant;

/** An opportunity's card went to another stage of its team's pipeline. */
public record OpportunityMoved(long opportunityId, long teamId, long fromStageId, long toStageId, Instant at) {
}
