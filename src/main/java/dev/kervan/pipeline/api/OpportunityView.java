package dev.kervan.pipeline.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dev.kervan.pipeline.OpportunityStatus;
import dev.kervan.platform.Versioned;
import org.jspecify.annotations.Nullable;

/** An opportunity as the API answers it. */
record OpportunityView(long id, String title, @Nullable Long customerId, @Nullable String customerName,
		@Nullable String prospectName, @Nullable String email, @Nullable String phone, BigDecimal expectedRevenue,
		String currency, int probability, int priority, List<String> tags, @Nullable LocalDate expectedCloseDate,
		@Nullable Long salespersonId, @Nullable String salespersonName, long teamId, long stageId, OpportunityStatus status,
		@Nullable String source, @Nullable Long lostReasonId, @Nullable String lostNote, @Nullable Instant closedAt,
		@Nullable String notes, Instant createdAt, Instant updatedAt, String createdBy, long version) implements Versioned {
}
