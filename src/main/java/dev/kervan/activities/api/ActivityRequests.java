package dev.kervan.activities.api;

import java.time.LocalDate;

import dev.kervan.activities.internal.ActivityTypes;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * The request bodies of the activities module's JSON operations, as the API reads them: the schemas of
 * {@code /v3/api-docs}. The controller still hands the JSON to the services as a {@code PatchDocument}, which keeps a
 * PATCH's "absent stays, null clears" and refuses unknown fields; a controller that binds one of these records
 * instead must keep both.
 */
final class ActivityRequests {

	private ActivityRequests() {
	}

	@Schema(description = "An activity type; delayDays and nextTypeId plan the follow-up when one is done.")
	record NewActivityType(@Schema(maxLength = 80) String name, ActivityTypes.Category category,
			@Schema(maxLength = 200) @Nullable String defaultSummary,
			@Schema(minimum = "0", maximum = "3650") @Nullable Integer delayDays, @Nullable Long nextTypeId,
			@Nullable Boolean active) {
	}

	@Schema(description = "Only the fields sent change.")
	record ActivityTypeChange(@Schema(maxLength = 80) @Nullable String name, ActivityTypes.@Nullable Category category,
			@Schema(maxLength = 200) @Nullable String defaultSummary,
			@Schema(minimum = "0", maximum = "3650") @Nullable Integer delayDays, @Nullable Long nextTypeId,
			@Nullable Boolean active, @Nullable Long version) {
	}

	@Schema(description = "An activity planned on a record; summary and dueDate default from the type, the assignee to you.")
	record NewActivity(long typeId,
			@Schema(description = "The kind of record, as its module names it: CUSTOMER, OPPORTUNITY, LEAD…", maxLength = 40) String subjectType, long subjectId,
			@Schema(maxLength = 200) @Nullable String summary, @Schema(maxLength = 4000) @Nullable String note,
			@Nullable LocalDate dueDate, @Nullable Long assigneeId) {
	}

	@Schema(description = "Reschedules or rewords an activity; its assignee changes by a handover.")
	record ActivityChange(@Nullable Long typeId, @Schema(maxLength = 200) @Nullable String summary,
			@Schema(maxLength = 4000) @Nullable String note, @Nullable LocalDate dueDate, @Nullable Long version) {
	}

	@Schema(description = "Marks the activity done, with feedback.")
	record Completion(@Schema(maxLength = 4000) @Nullable String feedback, @Nullable Long version) {
	}

	@Schema(description = "Hands the activity to a colleague, or to a team's member, with a note.")
	record Handover(@Nullable Long assigneeId, @Nullable Long teamId, @Schema(maxLength = 2000) @Nullable String note,
			@Nullable Long version) {
	}
}
