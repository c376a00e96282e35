package dev.kervan.activities.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.kervan.platform.Patch;
import dev.kervan.platform.SentVersion;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A change of an activity type: only the fields sent change; {@code null} clears the default summary and the
 * follow-up (the name, category and delay cannot be cleared).
 */
@JsonIgnoreProperties("id")
@Schema(description = "Only the fields sent change.")
public record ActivityTypeChange(@Schema(maxLength = 80) Patch<String> name, Patch<ActivityTypes.Category> category,
		@Schema(maxLength = 200) Patch<String> defaultSummary,
		@Schema(minimum = "0", maximum = "3650") Patch<Integer> delayDays, Patch<Long> nextTypeId, Patch<Boolean> active,
		@Nullable SentVersion version) {

	/** Offers the type again, or retires it, and changes nothing else (the types page's switch). */
	public static ActivityTypeChange activeOnly(boolean active) {
		return new ActivityTypeChange(Patch.absent(), Patch.absent(), Patch.absent(), Patch.absent(), Patch.absent(),
				Patch.of(active), null);
	}
}
