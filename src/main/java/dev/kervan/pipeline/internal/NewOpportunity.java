package dev.kervan.pipeline.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * An opportunity to enter: a title is enough. The team defaults to the user's, the stage to the team's first, the
 * probability to the stage's, the currency to the customer's (else TRY).
 */
public record NewOpportunity(String title, @Nullable Long customerId, @Nullable String prospectName,
		@Nullable String email, @Nullable String phone, @Nullable BigDecimal expectedRevenue, @Nullable String currency,
		@Schema(description = "0–100; unset takes the stage's") @Nullable Integer probability,
		@Schema(description = "0–3 stars") @Nullable Integer priority, @Nullable List<@Nullable String> tags,
		@Nullable LocalDate expectedCloseDate, @Nullable Long salespersonId, @Nullable String source, @Nullable String notes,
		@Nullable Long teamId, @Nullable Long stageId) {

	/** Just a title, on a team's stage (the board's quick entry, a converted lead's first step). */
	public static NewOpportunity titled(String title, @Nullable BigDecimal expectedRevenue, @Nullable Long teamId,
			@Nullable Long stageId) {
		return new NewOpportunity(title, null, null, null, null, expectedRevenue, null, null, null, null, null, null, null,
				null, teamId, stageId);
	}
}
