package dev.kervan.pipeline.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.kervan.platform.Patch;
import dev.kervan.platform.SentVersion;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A change of a pipeline stage: only the fields sent change. Its team stays. */
@JsonIgnoreProperties({ "id", "teamId" })
public record StageChange(Patch<String> name, Patch<Integer> sequence,
		@Schema(minimum = "0", maximum = "100") Patch<Integer> probability, Patch<Boolean> folded,
		@Schema(description = "Moving a card into a won stage wins it.") Patch<Boolean> won,
		@Nullable SentVersion version) {
}
