package dev.kervan.pipeline.internal;

import java.math.BigDecimal;

import dev.kervan.platform.Patch;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Switches the lead step and sets the revenue segments (A from segmentA up, B from segmentB up). */
public record PipelineSettingsChange(Patch<Boolean> leadsEnabled, Patch<BigDecimal> segmentA, Patch<BigDecimal> segmentB,
		@Schema(type = "integer", description = "The version the change is based on, unless sent as If-Match")
		@Nullable JsonNode version) {
}
