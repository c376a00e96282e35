package dev.kervan.activities.internal;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.kervan.platform.Patch;
import dev.kervan.platform.SentVersion;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A change of a planned activity: another day, type, summary or note; only the fields sent change, and a note sent
 * as {@code null} is cleared (the type, summary and day cannot be). The assignee changes by a handover, so another
 * {@code assigneeId} is refused with the reason. The other fields of the activity as answered may be sent back:
 * they are ignored.
 */
@JsonIgnoreProperties({ "id", "typeName", "category", "subjectType", "subjectId", "assigneeName", "status", "feedback",
		"doneAt", "previousId", "createdBy" })
@Schema(description = "Reschedules or rewords an activity; its assignee changes by a handover.")
public record ActivityChange(Patch<Long> typeId, @Schema(maxLength = 200) Patch<String> summary,
		@Schema(maxLength = 4000) Patch<String> note, Patch<LocalDate> dueDate,
		@Schema(hidden = true) Patch<Long> assigneeId, @Nullable SentVersion version) {
}
