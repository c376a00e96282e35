package dev.kervan.pipeline.internal;

import java.math.BigDecimal;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A lead to enter: a title is enough. The team defaults to the user's, the salesperson to the user when they sell,
 * the country to TR, the currency to TRY.
 */
public record NewLead(String title, @Nullable String contactName, @Nullable String companyName, @Nullable String email,
		@Nullable String phone, @Schema(description = "Two letters, ISO 3166") @Nullable String country,
		@Nullable String source, @Nullable String campaign, @Nullable BigDecimal expectedRevenue, @Nullable String currency,
		@Schema(description = "0–3 stars") @Nullable Integer priority, @Nullable List<@Nullable String> tags,
		@Nullable Long salespersonId, @Nullable Long teamId, @Nullable String notes) {
}
