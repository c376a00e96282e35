package dev.kervan.pipeline.api;

import java.math.BigDecimal;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * The request bodies of the pipeline's settings (teams, stages, lost reasons, the lead step), as the API reads them:
 * the schemas of {@code /v3/api-docs}. The controller still hands the JSON to the services as a
 * {@code PatchDocument}, which keeps a PATCH's "absent stays, null clears" and refuses unknown fields; a controller
 * that binds one of these records instead must keep both.
 */
final class PipelineSettingsRequests {

	private PipelineSettingsRequests() {
	}

	@Schema(description = "Switches the lead step and sets the revenue segments (A from segmentA up, B from segmentB up).")
	record SettingsChange(@Nullable Boolean leadsEnabled, @Nullable BigDecimal segmentA, @Nullable BigDecimal segmentB,
			@Nullable Long version) {
	}

	record NewTeam(@Schema(maxLength = 120) String name, @Nullable Long leaderId, @Schema(maxLength = 120) @Nullable String alias,
			@Schema(maxLength = 120) @Nullable String region, @Nullable BigDecimal monthlyTarget, @Nullable String currency,
			@Nullable Boolean active, @Schema(description = "The users in the team.") @Nullable List<Long> memberIds) {
	}

	@Schema(description = "Only the fields sent change; memberIds replaces the members when sent.")
	record TeamChange(@Schema(maxLength = 120) @Nullable String name, @Nullable Long leaderId,
			@Schema(maxLength = 120) @Nullable String alias, @Schema(maxLength = 120) @Nullable String region,
			@Nullable BigDecimal monthlyTarget, @Nullable String currency, @Nullable Boolean active,
			@Nullable List<Long> memberIds, @Nullable Long version) {
	}

	@Schema(description = "A stage of a team's pipeline; last unless sequence says otherwise.")
	record NewStage(long teamId, @Schema(maxLength = 80) String name, @Nullable Integer sequence,
			@Schema(minimum = "0", maximum = "100") @Nullable Integer probability, @Nullable Boolean folded,
			@Schema(description = "Moving a card into a won stage wins it.") @Nullable Boolean won) {
	}

	record StageChange(@Schema(maxLength = 80) @Nullable String name, @Nullable Integer sequence,
			@Schema(minimum = "0", maximum = "100") @Nullable Integer probability, @Nullable Boolean folded,
			@Nullable Boolean won, @Nullable Long version) {
	}

	record NewLostReason(@Schema(maxLength = 120) String name) {
	}

	@Schema(description = "Renames a lost reason or retires it (active false).")
	record LostReasonChange(@Schema(maxLength = 120) @Nullable String name, @Nullable Boolean active,
			@Nullable Long version) {
	}
}
