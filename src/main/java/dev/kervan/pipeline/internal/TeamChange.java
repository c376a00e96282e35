package dev.kervan.pipeline.internal;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.kervan.platform.Patch;
import dev.kervan.platform.SentVersion;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A change of a sales team: only the fields sent change; memberIds replaces the members when sent. */
@JsonIgnoreProperties({ "id", "leaderName" })
public record TeamChange(Patch<String> name, Patch<Long> leaderId, Patch<String> alias, Patch<String> region,
		Patch<BigDecimal> monthlyTarget, Patch<String> currency, Patch<Boolean> active,
		@Schema(description = "The users in the team.") Patch<List<Long>> memberIds,
		@Nullable SentVersion version) {
}
