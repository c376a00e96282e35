package dev.kervan.catalog.internal;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.kervan.platform.Patch;
import dev.kervan.platform.SentVersion;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A change of a price list: only the fields sent change, {@code null} clears one; the customers, the classes and the
 * rules, when sent, replace the list's own. The list's id, as answered, may be sent back.
 */
@JsonIgnoreProperties({ "id" })
@Schema(description = "Only the fields sent change; customerIds, customerClassIds and rules replace the old ones when sent.")
public record PriceListChange(@Schema(maxLength = 120) Patch<String> name, @Schema(description = "ISO 4217.") Patch<String> currency,
		Patch<Boolean> active, Patch<LocalDate> validFrom, Patch<LocalDate> validTo,
		@Schema(maxLength = 2000) Patch<String> notes, Patch<List<@Nullable Long>> customerIds,
		Patch<List<@Nullable Long>> customerClassIds, Patch<List<@Nullable PriceRuleLine>> rules,
		@Nullable SentVersion version) {

	/** A change of the rules alone: the list's rules with one added or left out. */
	public static PriceListChange ofRules(List<PriceRuleLine> rules) {
		return new PriceListChange(Patch.absent(), Patch.absent(), Patch.absent(), Patch.absent(), Patch.absent(),
				Patch.absent(), Patch.absent(), Patch.absent(), Patch.of(rules), null);
	}

	/** The same change, making the list active or not as a form's box says. */
	public PriceListChange activating(boolean ticked) {
		return new PriceListChange(name, currency, Patch.of(ticked), validFrom, validTo, notes, customerIds,
				customerClassIds, rules, version);
	}
}
