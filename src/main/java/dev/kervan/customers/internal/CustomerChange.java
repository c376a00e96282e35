package dev.kervan.customers.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.kervan.customers.CustomerKind;
import dev.kervan.customers.CustomerRole;
import dev.kervan.customers.CustomerStatus;
import dev.kervan.platform.Patch;
import dev.kervan.platform.SentVersion;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A change of an account: only the fields given change, {@code null} clears one. The credit terms (payment term,
 * limits, currency, ledger accounts) are financial data, which only accountants and sales managers change. Fields
 * of the account as answered may be sent back as they are: they are ignored. Any other field is refused together
 * with every other problem of the request ({@code unknownFields}), so that one answer lists them all.
 */
@Schema(description = "Only the fields sent change; null clears a field.")
@JsonIgnoreProperties({ "id", "createdAt", "updatedAt", "createdBy", "archived", "phoneDisplay", "categoryName",
		"sectorName", "sizeBandName", "className", "salespersonName", "referrerName", "archivedAt" })
public record CustomerChange(Patch<CustomerKind> kind, @Schema(maxLength = 300) Patch<String> name,
		@ArraySchema(schema = @Schema(implementation = CustomerRole.class)) Patch<List<String>> roles,
		Patch<CustomerStatus> status, Patch<String> country, @Schema(maxLength = 120) Patch<String> taxOffice,
		Patch<String> taxNumber, Patch<String> email, Patch<String> phone, @Schema(maxLength = 300) Patch<String> website,
		Patch<Long> categoryId, Patch<Long> sectorId, Patch<Long> sizeBandId, Patch<Long> classId,
		Patch<List<String>> tags, Patch<Long> salespersonId, Patch<Long> teamId, Patch<String> language,
		Patch<Long> referrerId, Patch<Long> priceListId, @Schema(maxLength = 120) Patch<String> eInvoiceAlias,
		Patch<LocalDate> birthDate, @Schema(maxLength = 100) Patch<String> externalRef,
		Patch<Map<String, @Nullable String>> extraFields,
		@Schema(minimum = "0", maximum = "3650") Patch<Integer> paymentTermDays, Patch<BigDecimal> creditLimit,
		Patch<BigDecimal> riskLimit, Patch<String> currency, @Schema(maxLength = 40) Patch<String> receivableAccount,
		@Schema(maxLength = 40) Patch<String> payableAccount,
		@Nullable SentVersion version,
		@JsonAnySetter @Schema(hidden = true) @Nullable Map<String, @Nullable Object> unknownFields) {

	/** Whether the change gives any field that whoever may edit the account changes. */
	boolean givesGeneral() {
		return Stream.of(kind, name, roles, status, country, taxOffice, taxNumber, email, phone, website, categoryId,
				sectorId, sizeBandId, classId, tags, salespersonId, teamId, language, referrerId, priceListId,
				eInvoiceAlias, birthDate, externalRef, extraFields).anyMatch(Patch::isGiven);
	}

	/** Whether the change gives any of the credit terms. */
	boolean givesFinance() {
		return Stream.of(paymentTermDays, creditLimit, riskLimit, currency, receivableAccount, payableAccount)
			.anyMatch(Patch::isGiven);
	}

	/** The fields sent that no account has. */
	Map<String, @Nullable Object> unknown() {
		return unknownFields == null ? Map.of() : unknownFields;
	}

	/** The change with this kind when it gives none: what an import's new account is unless its row says. */
	CustomerChange withKindIfAbsent(CustomerKind usual) {
		if (kind.isGiven()) {
			return this;
		}
		return new CustomerChange(Patch.of(usual), name, roles, status, country, taxOffice, taxNumber, email, phone,
				website, categoryId, sectorId, sizeBandId, classId, tags, salespersonId, teamId, language, referrerId,
				priceListId, eInvoiceAlias, birthDate, externalRef, extraFields, paymentTermDays, creditLimit, riskLimit,
				currency, receivableAccount, payableAccount, version, unknownFields);
	}

	/** The change with the values of the extra fields, which a page's form sends as fields of their own. */
	public CustomerChange withExtraFields(Map<String, @Nullable String> values) {
		return new CustomerChange(kind, name, roles, status, country, taxOffice, taxNumber, email, phone, website,
				categoryId, sectorId, sizeBandId, classId, tags, salespersonId, teamId, language, referrerId, priceListId,
				eInvoiceAlias, birthDate, externalRef, values.isEmpty() ? Patch.absent() : Patch.of(values),
				paymentTermDays, creditLimit, riskLimit, currency, receivableAccount, payableAccount, version,
				unknownFields);
	}
}
