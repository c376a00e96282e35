package dev.kervan.activities.internal;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * An activity to plan on a record: its type, the record (its kind as the owning module names it, and its id); the
 * summary and due date default from the type, the assignee to whoever plans it.
 */
@Schema(description = "An activity planned on a record; summary and dueDate default from the type, the assignee to you.")
public record NewActivity(Long typeId,
		@Schema(description = "The kind of record, as its module names it: CUSTOMER, OPPORTUNITY, LEAD…", maxLength = 40)
		String subjectType, Long subjectId, @Schema(maxLength = 200) @Nullable String summary,
		@Schema(maxLength = 4000) @Nullable String note, @Nullable LocalDate dueDate, @Nullable Long assigneeId) {
}
