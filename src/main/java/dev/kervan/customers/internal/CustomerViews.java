package dev.kervan.customers.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.kervan.customers.CustomerKind;
import dev.kervan.customers.CustomerRole;
import dev.kervan.customers.CustomerStatus;
import dev.kervan.platform.Versioned;
import org.jspecify.annotations.Nullable;

/** How accounts are answered, in the API and to the pages. */
public final class CustomerViews {

	private CustomerViews() {
	}

	/** A row of the accounts list. */
	public record ListItem(long id, String name, CustomerKind kind, CustomerStatus status, Set<CustomerRole> roles,
			String country, @Nullable String taxNumber, @Nullable String email, @Nullable String phone,
			String phoneDisplay, List<String> tags, @Nullable Long salespersonId, @Nullable String salespersonName,
			@Nullable Long classId, @Nullable String className, @Nullable Long categoryId, @Nullable String categoryName,
			@Nullable String city, boolean archived, Instant createdAt, long version) {
	}

	/** An account with everything it says about itself. */
	public record Detail(long id, CustomerKind kind, String name, Set<CustomerRole> roles, CustomerStatus status,
			String country, @Nullable String taxOffice, @Nullable String taxNumber, @Nullable String email,
			@Nullable String phone, String phoneDisplay, @Nullable String website, @Nullable Long categoryId,
			@Nullable String categoryName, @Nullable Long sectorId, @Nullable String sectorName, @Nullable Long sizeBandId,
			@Nullable String sizeBandName, @Nullable Long classId, @Nullable String className, List<String> tags,
			@Nullable Long salespersonId, @Nullable String salespersonName, @Nullable Long teamId,
			@Nullable Integer paymentTermDays, @Nullable BigDecimal creditLimit, @Nullable BigDecimal riskLimit,
			String currency, String language, @Nullable Long referrerId, @Nullable String referrerName,
			@Nullable Long priceListId, @Nullable String eInvoiceAlias, @Nullable String receivableAccount,
			@Nullable String payableAccount, @Nullable LocalDate birthDate, @Nullable String externalRef,
			Map<String, String> extraFields, boolean archived, @Nullable Instant archivedAt, Instant createdAt,
			Instant updatedAt, String createdBy, long version) implements Versioned {
	}

	/** An account whose name resembles one being typed. */
	public record Similar(long id, String name, @Nullable String taxNumber, String country, double similarity) {
	}
}
