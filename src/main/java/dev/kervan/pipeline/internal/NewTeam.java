package dev.kervan.pipeline.internal;

import java.math.BigDecimal;
import java.util.List;

import dev.kervan.platform.Patch;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A sales team to make: a name is enough; active, in TRY, without members unless said otherwise. */
public record NewTeam(String name, @Nullable Long leaderId, @Nullable String alias, @Nullable String region,
		@Nullable BigDecimal monthlyTarget, @Nullable String currency, @Nullable Boolean active,
		@Schema(description = "The users in the team.") @Nullable List<Long> memberIds) {

	/** The new team as a change of an empty one. */
	TeamChange asChange() {
		return new TeamChange(Patch.of(name), Patch.unlessNull(leaderId), Patch.unlessNull(alias), Patch.unlessNull(region),
				Patch.unlessNull(monthlyTarget), Patch.unlessNull(currency), Patch.unlessNull(active), Patch.unlessNull(memberIds),
				null);
	}
}
