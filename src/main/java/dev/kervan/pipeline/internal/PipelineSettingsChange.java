package dev.kervan.pipeline.internal;

import java.math.BigDecimal;
import java.util.Map;

import dev.kervan.platform.Patch;
import dev.kervan.platform.SentVersion;
import org.jspecify.annotations.Nullable;

/**
 * Switches the lead step and sets the revenue segments (A from segmentA up, B from segmentB up). A currency's own bounds
 * are merged in as a JSON merge patch: {@code "segmentsByCurrency": {"EUR": {"segmentA": "5000", "segmentB": "1000"},
 * "USD": null}} sets the euro's and drops the dollar's (which then uses the general ones); null drops them all.
 */
public record PipelineSettingsChange(Patch<Boolean> leadsEnabled, Patch<BigDecimal> segmentA, Patch<BigDecimal> segmentB,
		Patch<Map<String, PipelineSettings.@Nullable CurrencySegments>> segmentsByCurrency,
		@Nullable SentVersion version) {
}
