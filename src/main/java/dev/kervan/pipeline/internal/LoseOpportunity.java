package dev.kervan.pipeline.internal;

import dev.kervan.platform.SentVersion;
import org.jspecify.annotations.Nullable;

/** Why an opportunity was lost: one of the lost reasons, and perhaps a note. */
public record LoseOpportunity(@Nullable Long lostReasonId, @Nullable String note,
		@Nullable SentVersion version) {
}
