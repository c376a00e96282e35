package dev.kervan.customers.internal;

import static dev.kervan.customers.internal.CreateFields.given;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.kervan.customers.CustomerKind;
import dev.kervan.customers.CustomerRole;
import dev.kervan.customers.CustomerStatus;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * An account to open: a kind and a name are enough. It is a customer, active, in Turkey, in Turkish lira unless said
 * otherwise; a salesperson's own account is theirs. A field left out or sent as {@code null} takes its default.
 * Fields of the account as answered may be sent back: they are ignored. Any other field is refused together with
 * every other problem of the request ({@code unknownFields}), so that one answer lists them all.
 */
@Schema(description = "A new account. The same tax number in the same country is refused with 409.")
@JsonIgnoreProperties({ "id", "version", "createdAt", "updatedAt", "createdBy", "archived", "phoneDisplay",
		"categoryName", "sectorName", "sizeBandName", "className", "salespersonName", "referrerName", "archivedAt" })
public record NewCustomer(CustomerKind kind, @Schema(maxLength = 300) String name,
		@ArraySchema(schema = @Schema(implementation = CustomerRole.class)) @Nullable List<String> roles,
		@Nullable CustomerStatus status,
		@Schema(description = "ISO 3166 country code; TR when absent.") @Nullable String country,
		@Schema(maxLength = 120) @Nullable String taxOffice, @Nullable String taxNumber, @Nullable String email,
		@Schema(description = "In any format; stored in E.164.") @Nullable String phone,
		@Schema(maxLength = 300) @Nullable String website, @Nullable Long categoryId, @Nullable Long sectorId,
		@Nullable Long sizeBandId, @Nullable Long classId,
		@Schema(description = "At most 30, of at most 40 characters each.") @Nullable List<String> tags,
		@Nullable Long salespersonId, @Schema(description = "No teams yet: must be null.") @Nullable Long teamId,
		@Schema(description = "en, tr or fa.") @Nullable String language, @Nullable Long referrerId,
		@Schema(description = "Must be null: set price lists on the account in the catalog.") @Nullable Long priceListId,
		@Schema(maxLength = 120) @Nullable String eInvoiceAlias, @Nullable LocalDate birthDate,
		@Schema(maxLength = 100) @Nullable String externalRef,
		@Schema(description = "Values of the extra fields of the account's category, by code.")
		@Nullable Map<String, @Nullable String> extraFields,
		@Schema(minimum = "0", maximum = "3650") @Nullable Integer paymentTermDays,
		@Schema(description = "In the account's currency.") @Nullable BigDecimal creditLimit,
		@Schema(description = "In the account's currency.") @Nullable BigDecimal riskLimit,
		@Schema(description = "ISO 4217; TRY when absent.") @Nullable String currency,
		@Schema(maxLength = 40) @Nullable String receivableAccount,
		@Schema(maxLength = 40) @Nullable String payableAccount,
		@JsonAnySetter @Schema(hidden = true) @Nullable Map<String, @Nullable Object> unknownFields) {

	/** The same fields as a change of a blank account: what is left out stays at its default. */
	CustomerChange asChange() {
		return new CustomerChange(given(kind), given(name), given(roles), given(status), given(country),
				given(taxOffice), given(taxNumber), given(email), given(phone), given(website), given(categoryId),
				given(sectorId), given(sizeBandId), given(classId), given(tags), given(salespersonId), given(teamId),
				given(language), given(referrerId), given(priceListId), given(eInvoiceAlias), given(birthDate),
				given(externalRef), given(extraFields), given(paymentTermDays), given(creditLimit), given(riskLimit),
				given(currency), given(receivableAccount), given(payableAccount), null, unknownFields);
	}

	/** The account with the values of its extra fields, which a page's form sends as fields of their own. */
	public NewCustomer withExtraFields(Map<String, @Nullable String> values) {
		return new NewCustomer(kind, name, roles, status, country, taxOffice, taxNumber, email, phone, website, categoryId,
				sectorId, sizeBandId, classId, tags, salespersonId, teamId, language, referrerId, priceListId, eInvoiceAlias,
				birthDate, externalRef, values.isEmpty() ? null : values, paymentTermDays, creditLimit, riskLimit, currency,
				receivableAccount, payableAccount, unknownFields);
	}
}
