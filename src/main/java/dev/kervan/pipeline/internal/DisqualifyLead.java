package dev.kervan.pipeline.internal;

import dev.kervan.platform.SentVersion;
import org.jspecify.annotations.Nullable;

/** Why a lead is not followed up (required). */
public record DisqualifyLead(@Nullable String reason,
		@Nullable SentVersion version) {
}
