package dev.kervan.catalog.internal;

import java.time.LocalDate;
import java.util.List;

import dev.kervan.platform.Patch;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A price list to create: a name and a currency are enough; it is active, for every customer, and has no rules yet. */
@Schema(description = "A price list: who it applies to (customers, classes, or everyone when neither) and its rules.")
public record NewPriceList(@Schema(maxLength = 120) String name, @Schema(description = "ISO 4217.") String currency,
		@Nullable Boolean active, @Nullable LocalDate validFrom, @Nullable LocalDate validTo,
		@Schema(maxLength = 2000) @Nullable String notes, @Nullable List<@Nullable Long> customerIds,
		@Nullable List<@Nullable Long> customerClassIds, @Nullable List<@Nullable PriceRuleLine> rules) {

	/** The fields given, as a change of a list that has none yet. */
	PriceListChange asChange() {
		return new PriceListChange(Patch.unlessNull(name), Patch.unlessNull(currency), Patch.unlessNull(active),
				Patch.unlessNull(validFrom), Patch.unlessNull(validTo), Patch.unlessNull(notes),
				Patch.unlessNull(customerIds), Patch.unlessNull(customerClassIds), Patch.unlessNull(rules), null);
	}
}
