package dev.kervan.pipeline.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import dev.kervan.pipeline.OpportunityAction;
import dev.kervan.pipeline.OpportunityStatus;
import dev.kervan.platform.Versioned;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** An opportunity as the API answers it. */
record OpportunityView(long id, String title, @Nullable Long customerId, @Nullable String customerName,
		@Nullable String prospectName, @Nullable String email, @Nullable String phone, BigDecimal expectedRevenue,
		String currency, int probability, int priority, List<String> tags, @Nullable LocalDate expectedCloseDate,
		@Nullable Long salespersonId, @Nullable String salespersonName, long teamId, long stageId, OpportunityStatus status,
		@Nullable String source, @Nullable Long lostReasonId, @Nullable String lostNote, @Nullable Instant closedAt,
		@Nullable String notes, Instant createdAt, Instant updatedAt, String createdBy, long version,
		@Schema(description = "What the caller may do to it now: the actions its state allows, none when they may not change it")
		Set<OpportunityAction> actions) implements Versioned {
}
