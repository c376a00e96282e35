package dev.kervan.customers.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.kervan.customers.CustomerKind;
import dev.kervan.customers.CustomerRole;
import dev.kervan.customers.CustomerStatus;
import dev.kervan.customers.internal.ExtraField;
import dev.kervan.customers.internal.Parts.Address;
import dev.kervan.customers.internal.Parts.Relation;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * The request bodies of the customers module's JSON operations, as the API reads them: the schemas of
 * {@code /v3/api-docs}. The controllers still hand the JSON to the services as a {@code PatchDocument}, which keeps a
 * PATCH's "absent stays, null clears" and refuses unknown fields; a controller that binds one of these records
 * instead must keep both. In a change ({@code …Change}) every field is optional, and {@code version} (or
 * {@code If-Match}) names the version it is based on.
 */
final class CustomerRequests {

	private CustomerRequests() {
	}

	@Schema(description = "A new account. The same tax number in the same country is refused with 409.")
	record NewCustomer(CustomerKind kind, @Schema(maxLength = 300) String name, @Nullable List<CustomerRole> roles,
			@Nullable CustomerStatus status, @Schema(description = "ISO 3166 country code; TR when absent.") @Nullable String country,
			@Schema(maxLength = 120) @Nullable String taxOffice, @Nullable String taxNumber, @Nullable String email,
			@Schema(description = "In any format; stored in E.164.") @Nullable String phone,
			@Schema(maxLength = 300) @Nullable String website, @Nullable Long categoryId, @Nullable Long sectorId,
			@Nullable Long sizeBandId, @Nullable Long classId, @Schema(description = "At most 40 characters each.") @Nullable List<String> tags,
			@Nullable Long salespersonId, @Nullable Long referrerId,
			@Schema(minimum = "0", maximum = "3650") @Nullable Integer paymentTermDays, @Nullable BigDecimal creditLimit,
			@Nullable BigDecimal riskLimit, @Nullable String currency, @Schema(maxLength = 40) @Nullable String receivableAccount,
			@Schema(maxLength = 40) @Nullable String payableAccount, @Schema(description = "en, tr or fa.") @Nullable String language,
			@Schema(maxLength = 120) @Nullable String eInvoiceAlias, @Nullable LocalDate birthDate,
			@Schema(maxLength = 100) @Nullable String externalRef,
			@Schema(description = "Values of the extra fields of the account's category, by code.") @Nullable Map<String, String> extraFields) {
	}

	@Schema(description = "Only the fields sent change; null clears a field.")
	record CustomerChange(@Nullable CustomerKind kind, @Schema(maxLength = 300) @Nullable String name,
			@Nullable List<CustomerRole> roles, @Nullable CustomerStatus status, @Nullable String country,
			@Schema(maxLength = 120) @Nullable String taxOffice, @Nullable String taxNumber, @Nullable String email,
			@Nullable String phone, @Schema(maxLength = 300) @Nullable String website, @Nullable Long categoryId,
			@Nullable Long sectorId, @Nullable Long sizeBandId, @Nullable Long classId, @Nullable List<String> tags,
			@Nullable Long salespersonId, @Nullable Long referrerId,
			@Schema(minimum = "0", maximum = "3650") @Nullable Integer paymentTermDays, @Nullable BigDecimal creditLimit,
			@Nullable BigDecimal riskLimit, @Nullable String currency, @Schema(maxLength = 40) @Nullable String receivableAccount,
			@Schema(maxLength = 40) @Nullable String payableAccount, @Nullable String language,
			@Schema(maxLength = 120) @Nullable String eInvoiceAlias, @Nullable LocalDate birthDate,
			@Schema(maxLength = 100) @Nullable String externalRef, @Nullable Map<String, String> extraFields,
			@Nullable Long version) {
	}

	// --- parts: POST …/customers/{customerId}/{part} and PATCH …/{part}/{partId} ---------------------------------------

	@Schema(description = "A branch (part branches).")
	record NewBranch(@Schema(maxLength = 200) String name, @Nullable String email, @Nullable String phone,
			@Schema(maxLength = 500) @Nullable String address, @Schema(maxLength = 120) @Nullable String city,
			@Schema(maxLength = 200) @Nullable String managerName, @Nullable Long representativeId,
			@Nullable BigDecimal salesTarget, @Schema(maxLength = 4000) @Nullable String notes) {
	}

	@Schema(description = "A contact person (part contacts).")
	record NewContact(@Schema(maxLength = 200) String name, @Nullable Long branchId,
			@Schema(maxLength = 120) @Nullable String jobTitle, @Schema(maxLength = 120) @Nullable String department,
			@Nullable String email, @Nullable String phone, @Nullable String mobile,
			@Schema(description = "en, tr or fa.") @Nullable String language, @Nullable Boolean portalAccess,
			@Schema(maxLength = 4000) @Nullable String notes) {
	}

	@Schema(description = "An address (part addresses); the country is the account's when absent.")
	record NewAddress(Address.@Nullable Purpose purpose, @Schema(maxLength = 120) @Nullable String label,
			@Schema(maxLength = 300) String line1, @Schema(maxLength = 300) @Nullable String line2,
			@Schema(maxLength = 120) @Nullable String district, @Schema(maxLength = 120) String city,
			@Schema(maxLength = 120) @Nullable String region, @Schema(maxLength = 20) @Nullable String postalCode,
			@Nullable String country) {
	}

	@Schema(description = "A bank account (part bank-accounts).")
	record NewBankAccount(String iban, @Schema(maxLength = 200) @Nullable String bankName,
			@Schema(maxLength = 200) @Nullable String holder, @Nullable String currency) {
	}

	@Schema(description = "A payment card, kept masked (part payment-cards): a full card number or a security code is refused.")
	record NewPaymentCard(@Schema(pattern = "^[0-9]{4}$") String last4,
			@Schema(description = "MM/YY or MM/YYYY.", example = "08/29") String expiry,
			@Schema(maxLength = 200) @Nullable String holder, @Schema(maxLength = 30) @Nullable String brand) {
	}

	@Schema(description = "A relation between two persons (part relations).")
	record NewRelation(long relatedId, Relation.Type type, @Schema(maxLength = 500) @Nullable String note) {
	}

	@Schema(description = "An agreement (part agreements).")
	record NewAgreement(@Schema(maxLength = 200) String title, LocalDate startsOn, @Nullable LocalDate endsOn,
			@Schema(description = "One of the account's attachments.") @Nullable UUID attachmentId,
			@Schema(maxLength = 4000) @Nullable String notes) {
	}

	@Schema(description = "A note (part notes).")
	record NewNote(@Schema(maxLength = 10000) String text) {
	}

	@Schema(description = "Changes a branch; only the fields sent change.")
	record BranchChange(@Schema(maxLength = 200) @Nullable String name, @Nullable String email, @Nullable String phone,
			@Schema(maxLength = 500) @Nullable String address, @Schema(maxLength = 120) @Nullable String city,
			@Schema(maxLength = 200) @Nullable String managerName, @Nullable Long representativeId,
			@Nullable BigDecimal salesTarget, @Schema(maxLength = 4000) @Nullable String notes, @Nullable Long version) {
	}

	@Schema(description = "Changes a contact; only the fields sent change.")
	record ContactChange(@Schema(maxLength = 200) @Nullable String name, @Nullable Long branchId,
			@Schema(maxLength = 120) @Nullable String jobTitle, @Schema(maxLength = 120) @Nullable String department,
			@Nullable String email, @Nullable String phone, @Nullable String mobile, @Nullable String language,
			@Nullable Boolean portalAccess, @Schema(maxLength = 4000) @Nullable String notes, @Nullable Long version) {
	}

	@Schema(description = "Changes an address; only the fields sent change.")
	record AddressChange(Address.@Nullable Purpose purpose, @Schema(maxLength = 120) @Nullable String label,
			@Schema(maxLength = 300) @Nullable String line1, @Schema(maxLength = 300) @Nullable String line2,
			@Schema(maxLength = 120) @Nullable String district, @Schema(maxLength = 120) @Nullable String city,
			@Schema(maxLength = 120) @Nullable String region, @Schema(maxLength = 20) @Nullable String postalCode,
			@Nullable String country, @Nullable Long version) {
	}

	@Schema(description = "Changes a bank account; only the fields sent change.")
	record BankAccountChange(@Nullable String iban, @Schema(maxLength = 200) @Nullable String bankName,
			@Schema(maxLength = 200) @Nullable String holder, @Nullable String currency, @Nullable Long version) {
	}

	@Schema(description = "Changes a payment card; only the fields sent change.")
	record PaymentCardChange(@Schema(pattern = "^[0-9]{4}$") @Nullable String last4, @Nullable String expiry,
			@Schema(maxLength = 200) @Nullable String holder, @Schema(maxLength = 30) @Nullable String brand,
			@Nullable Long version) {
	}

	@Schema(description = "Changes a relation; only the fields sent change.")
	record RelationChange(@Nullable Long relatedId, Relation.@Nullable Type type,
			@Schema(maxLength = 500) @Nullable String note, @Nullable Long version) {
	}

	@Schema(description = "Changes an agreement; only the fields sent change.")
	record AgreementChange(@Schema(maxLength = 200) @Nullable String title, @Nullable LocalDate startsOn,
			@Nullable LocalDate endsOn, @Nullable UUID attachmentId, @Schema(maxLength = 4000) @Nullable String notes,
			@Nullable Long version) {
	}

	@Schema(description = "Changes a note.")
	record NoteChange(@Schema(maxLength = 10000) @Nullable String text, @Nullable Long version) {
	}

	// --- settings ------------------------------------------------------------------------------------------------------

	@Schema(description = "A category, sector or size band.")
	record NewLookup(@Schema(maxLength = 120) String name, @Nullable Integer sortOrder) {
	}

	record LookupChange(@Schema(maxLength = 120) @Nullable String name, @Nullable Integer sortOrder,
			@Nullable Boolean active, @Nullable Long version) {
	}

	@Schema(description = "A customer class: its discount and risk limit apply to its accounts.")
	record NewCustomerClass(@Schema(maxLength = 120) String name,
			@Schema(description = "A percentage from 0 to 100, two decimals at most.") @Nullable BigDecimal defaultDiscount,
			@Nullable BigDecimal riskLimit, @Nullable String currency, @Nullable Boolean active) {
	}

	record CustomerClassChange(@Schema(maxLength = 120) @Nullable String name, @Nullable BigDecimal defaultDiscount,
			@Nullable BigDecimal riskLimit, @Nullable String currency, @Nullable Boolean active, @Nullable Long version) {
	}

	@Schema(description = "An extra field the accounts of a category carry.")
	record NewExtraField(long categoryId, @Schema(pattern = "^[a-z][a-z0-9_]{0,39}$") String code, String label,
			ExtraField.Type type, @Nullable Boolean required,
			@Schema(description = "The values a CHOICE field may take; required for one.") @Nullable List<String> choices,
			@Nullable Integer sortOrder, @Nullable Boolean active) {
	}

	@Schema(description = "Changes an extra field; its category, code and type stay.")
	record ExtraFieldChange(@Nullable String label, @Nullable Boolean required, @Nullable List<String> choices,
			@Nullable Integer sortOrder, @Nullable Boolean active, @Nullable Long version) {
	}
}
