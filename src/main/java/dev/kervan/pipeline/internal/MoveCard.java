package dev.kervan.pipeline.internal;

import dev.kervan.platform.SentVersion;
import org.jspecify.annotations.Nullable;

/** A card dropped on a stage of its pipeline, before another card of that stage or (without one) at its end. */
public record MoveCard(@Nullable Long stageId, @Nullable Long beforeId,
		@Nullable SentVersion version) {
}
