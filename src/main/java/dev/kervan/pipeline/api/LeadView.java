package dev.kervan.pipeline.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import dev.kervan.pipeline.LeadAction;
import dev.kervan.pipeline.LeadStatus;
import dev.kervan.pipeline.internal.LeadRow;
import dev.kervan.platform.Decimals;
import dev.kervan.platform.Versioned;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A lead as the API answers it. */
record LeadView(long id, String title, @Nullable String contactName, @Nullable String companyName,
		@Nullable String email, @Nullable String phone, String country, @Nullable String source, @Nullable String campaign,
		BigDecimal expectedRevenue, String currency, int priority, List<String> tags, @Nullable Long salespersonId,
		long teamId, @Nullable String notes, LeadStatus status, @Nullable String disqualifyReason,
		@Nullable Long opportunityId, @Nullable Long customerId, Instant createdAt, String createdBy, long version,
		@Schema(description = "What the caller may do to it now: the actions its state allows, none when they may not change it")
		Set<LeadAction> actions) implements Versioned {

	static LeadView of(LeadRow row, Set<LeadAction> actions) {
		return new LeadView(row.id(), row.title(), row.contactName(), row.companyName(), row.email(), row.phone(), row.country(),
				row.source(), row.campaign(), Decimals.plain(row.expectedRevenue(), 2), row.currency(), row.priority(), row.tags(),
				row.salespersonId(), row.teamId(), row.notes(), row.status(), row.disqualifyReason(), row.opportunityId(),
				row.customerId(), row.createdAt(), row.createdBy(), row.version(), actions);
	}
}
