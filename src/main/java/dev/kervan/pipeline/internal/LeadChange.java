package dev.kervan.pipeline.internal;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.kervan.platform.Patch;
import dev.kervan.platform.SentVersion;
import org.jspecify.annotations.Nullable;

/**
 * A change of a lead's fields: only the fields sent change, {@code null} clears one. Its status changes by
 * qualifying, disqualifying, reopening and converting. Fields of the lead as answered may be sent back as they
 * are: they are ignored.
 */
@JsonIgnoreProperties({ "id", "status", "teamId", "disqualifyReason", "opportunityId", "customerId", "createdAt",
		"createdBy", "actions" })
public record LeadChange(Patch<String> title, Patch<String> contactName, Patch<String> companyName, Patch<String> email,
		Patch<String> phone, Patch<String> country, Patch<String> source, Patch<String> campaign,
		Patch<BigDecimal> expectedRevenue, Patch<String> currency, Patch<Integer> priority,
		Patch<List<@Nullable String>> tags, Patch<Long> salespersonId, Patch<String> notes,
		@Nullable SentVersion version) {
}
