package dev.kervan.pipeline.internal;

import dev.kervan.platform.Patch;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A stage to add to a team's pipeline: last unless sequence says otherwise, at 10 % unless probability says so. */
public record NewStage(@Nullable Long teamId, String name, @Nullable Integer sequence,
		@Schema(minimum = "0", maximum = "100") @Nullable Integer probability, @Nullable Boolean folded,
		@Schema(description = "Moving a card into a won stage wins it.") @Nullable Boolean won) {

	/** The new stage as a change of an empty one. */
	StageChange asChange() {
		return new StageChange(Patch.of(name), Patch.unlessNull(sequence), Patch.unlessNull(probability),
				Patch.unlessNull(folded), Patch.unlessNull(won), null);
	}
}
