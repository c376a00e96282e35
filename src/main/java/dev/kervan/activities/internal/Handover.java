package dev.kervan.activities.internal;

import dev.kervan.platform.SentVersion;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** Who takes an activity over: a colleague, or else whoever takes a team's work, with a note for them. */
@Schema(description = "Hands the activity to a colleague, or to a team's member, with a note.")
public record Handover(@Nullable Long assigneeId, @Nullable Long teamId,
		@Schema(maxLength = 2000) @Nullable String note, @Nullable SentVersion version) {
}
