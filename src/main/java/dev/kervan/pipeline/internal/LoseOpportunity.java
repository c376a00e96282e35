package dev.kervan.pipeline.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Why an opportunity was lost: one of the lost reasons, and perhaps a note. */
public record LoseOpportunity(@Nullable Long lostReasonId, @Nullable String note,
		@Schema(type = "integer", description = "The version this is based on, unless sent as If-Match")
		@Nullable JsonNode version) {
}
