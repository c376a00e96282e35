package dev.kervan.pipeline.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.kervan.platform.Patch;
import dev.kervan.platform.SentVersion;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A change of an opportunity's fields: only the fields sent change, {@code null} clears one (a cleared
 * probability goes back to the stage's). The stage and the team change by moving, winning, losing and reopening.
 * Fields of the opportunity as answered (id, status, names…) may be sent back as they are: they are ignored.
 */
@JsonIgnoreProperties({ "id", "status", "customerName", "salespersonName", "lostReasonId", "lostNote", "closedAt",
		"createdAt", "updatedAt", "createdBy", "actions" })
public record OpportunityChange(Patch<String> title, Patch<Long> customerId, Patch<String> prospectName,
		Patch<String> email, Patch<String> phone, Patch<BigDecimal> expectedRevenue, Patch<String> currency,
		Patch<Integer> probability, Patch<Integer> priority, Patch<List<@Nullable String>> tags,
		Patch<LocalDate> expectedCloseDate, Patch<Long> salespersonId, Patch<String> source, Patch<String> notes,
		@Schema(hidden = true) Patch<Long> teamId, @Schema(hidden = true) Patch<Long> stageId,
		@Nullable SentVersion version) {
}
