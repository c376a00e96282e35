package dev.kervan.pipeline.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** A card dropped on a stage of its pipeline, before another card of that stage or (without one) at its end. */
public record MoveCard(@Nullable Long stageId, @Nullable Long beforeId,
		@Schema(type = "integer", description = "The version the move is based on, unless sent as If-Match")
		@Nullable JsonNode version) {
}
