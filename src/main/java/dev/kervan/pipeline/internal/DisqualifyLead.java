package dev.kervan.pipeline.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Why a lead is not followed up (required). */
public record DisqualifyLead(@Nullable String reason,
		@Schema(type = "integer", description = "The version the action is based on, unless sent as If-Match")
		@Nullable JsonNode version) {
}
