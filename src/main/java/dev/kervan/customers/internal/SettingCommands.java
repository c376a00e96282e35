package dev.kervan.customers.internal;

import static dev.kervan.customers.internal.CreateFields.given;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.kervan.platform.Patch;
import dev.kervan.platform.SentVersion;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * What administrators send to add and change the settings behind accounts: the entries of the lists (categories,
 * sectors, size bands), customer classes and extra fields. In a change only the fields given change; fields of the
 * entry as answered may be sent back as they are and are ignored.
 */
public final class SettingCommands {

	private SettingCommands() {
	}

	@Schema(description = "A category, sector or size band.")
	@JsonIgnoreProperties({ "id", "version", "kind", "active" })
	public record NewLookup(@Schema(maxLength = 120) String name, @Nullable Integer sortOrder) {

		LookupChange asChange() {
			return new LookupChange(given(name), given(sortOrder), Patch.absent(), null);
		}
	}

	@Schema(description = "Renames, reorders or retires a category, sector or size band.")
	@JsonIgnoreProperties({ "id", "kind" })
	public record LookupChange(@Schema(maxLength = 120) Patch<String> name, Patch<Integer> sortOrder,
			@Schema(description = "null is taken as true.") Patch<Boolean> active,
			@Nullable SentVersion version) {

		/** Retires an entry, or brings it back. */
		public static LookupChange active(boolean active) {
			return new LookupChange(Patch.absent(), Patch.absent(), Patch.of(active), null);
		}
	}

	@Schema(description = "A customer class: its discount and risk limit apply to its accounts.")
	@JsonIgnoreProperties({ "id", "version", "kind" })
	public record NewCustomerClass(@Schema(maxLength = 120) String name,
			@Schema(description = "A percentage from 0 to 100, two decimals at most.") @Nullable BigDecimal defaultDiscount,
			@Schema(description = "In the class's currency.") @Nullable BigDecimal riskLimit,
			@Schema(description = "ISO 4217; TRY when absent.") @Nullable String currency, @Nullable Boolean active) {

		CustomerClassChange asChange() {
			return new CustomerClassChange(given(name), given(defaultDiscount), given(riskLimit), given(currency),
					given(active), null);
		}
	}

	@Schema(description = "Changes a customer class; only the fields sent change.")
	@JsonIgnoreProperties({ "id", "kind" })
	public record CustomerClassChange(@Schema(maxLength = 120) Patch<String> name, Patch<BigDecimal> defaultDiscount,
			Patch<BigDecimal> riskLimit, Patch<String> currency,
			@Schema(description = "null is taken as true.") Patch<Boolean> active,
			@Nullable SentVersion version) {
	}

	@Schema(description = "An extra field the accounts of a category carry.")
	@JsonIgnoreProperties({ "id", "version", "kind" })
	public record NewExtraField(Long categoryId, @Schema(pattern = "^[a-z][a-z0-9_]{0,39}$") String code, String label,
			ExtraField.Type type, @Nullable Boolean required,
			@Schema(description = "The values a CHOICE field may take; required for one.") @Nullable List<String> choices,
			@Nullable Integer sortOrder, @Nullable Boolean active) {

		/** What the field has that a change may change too. */
		ExtraFieldChange asChange() {
			return new ExtraFieldChange(Patch.of(label), given(required), given(choices), given(sortOrder), given(active),
					null);
		}
	}

	@Schema(description = "Changes an extra field; its category, code and type stay.")
	@JsonIgnoreProperties({ "id", "categoryId", "code", "type" })
	public record ExtraFieldChange(Patch<String> label, Patch<Boolean> required, Patch<List<String>> choices,
			Patch<Integer> sortOrder, @Schema(description = "null is taken as true.") Patch<Boolean> active,
			@Nullable SentVersion version) {
	}
}
