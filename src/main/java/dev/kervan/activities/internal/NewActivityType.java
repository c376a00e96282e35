package dev.kervan.activities.internal;

import dev.kervan.platform.Patch;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A kind of activity to add: a name and a category; the rest is optional (due the day it is planned, active). */
@Schema(description = "An activity type; delayDays and nextTypeId plan the follow-up when one is done.")
public record NewActivityType(@Schema(maxLength = 80) String name, ActivityTypes.Category category,
		@Schema(maxLength = 200) @Nullable String defaultSummary,
		@Schema(minimum = "0", maximum = "3650") @Nullable Integer delayDays, @Nullable Long nextTypeId,
		@Nullable Boolean active) {

	/** The same fields as a change of a type that has the defaults: what is not sent keeps them. */
	ActivityTypeChange asChange() {
		return new ActivityTypeChange(Patch.of(name), Patch.of(category), Patch.of(defaultSummary),
				Patch.unlessNull(delayDays), Patch.unlessNull(nextTypeId), Patch.unlessNull(active), null);
	}
}
