package dev.kervan.customers.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import dev.kervan.customers.CustomerKind;
import dev.kervan.customers.CustomerRole;
import dev.kervan.customers.CustomerStatus;
import dev.kervan.customers.CustomerSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An account: a company or a person we sell to, buy from, or both. Accounts are archived, never deleted, so
 * documents and history keep pointing at them. Branches, contacts, addresses and the rest are records of their
 * own that point here.
 */
@Table("customer")
public class Customer {

	@Id
	@Nullable Long id;
	CustomerKind kind = CustomerKind.COMPANY;
	String name = "";
	boolean isCustomer = true;
	boolean isSupplier;
	CustomerStatus status = CustomerStatus.ACTIVE;
	String country = "TR";
	@Nullable String taxOffice;
	@Nullable String taxNumber;
	@Nullable String email;
	@Nullable String phone;
	@Nullable String website;
	@Nullable Long category;
	@Nullable Long sector;
	@Nullable Long sizeBand;
	@Nullable Long customerClass;
	Set<String> tags = new LinkedHashSet<>();
	@Nullable Long salesperson;
	@Nullable Long team;
	@Nullable Integer paymentTermDays;
	@Nullable BigDecimal creditLimit;
	@Nullable BigDecimal riskLimit;
	String currency = "TRY";
	String language = "tr";
	@Nullable Long referrer;
	@Nullable Long priceList;
	@Nullable String eInvoiceAlias;
	@Nullable String receivableAccount;
	@Nullable String payableAccount;
	@Nullable LocalDate birthDate;
	@Nullable String externalRef;
	String extraFields = "{}";
	@Nullable Instant archivedAt;
	String searchText = "";
	String searchDigits = "";
	String sortName = "";
	Instant createdAt = Instant.EPOCH;
	Instant updatedAt = Instant.EPOCH;
	String createdBy = "system";
	@Version
	@Nullable Long version;

	public long id() {
		if (id == null) {
			throw new IllegalStateException("The account is not saved yet");
		}
		return id;
	}

	public long version() {
		return version == null ? 0 : version;
	}

	public boolean archived() {
		return archivedAt != null;
	}

	public Set<CustomerRole> roles() {
		var roles = EnumSet.noneOf(CustomerRole.class);
		if (isCustomer) {
			roles.add(CustomerRole.CUSTOMER);
		}
		if (isSupplier) {
			roles.add(CustomerRole.SUPPLIER);
		}
		return roles;
	}

	void assignRoles(Set<CustomerRole> roles) {
		isCustomer = roles.contains(CustomerRole.CUSTOMER);
		isSupplier = roles.contains(CustomerRole.SUPPLIER);
	}

	CustomerSummary summary() {
		return new CustomerSummary(id(), name, kind, status, roles(), country, salesperson, customerClass, currency,
				archived());
	}

	/** The fields the audit trail compares. */
	Map<String, Object> auditSnapshot() {
		var snapshot = new LinkedHashMap<String, Object>();
		snapshot.put("kind", kind);
		snapshot.put("name", name);
		snapshot.put("roles", roles());
		snapshot.put("status", status);
		snapshot.put("country", country);
		snapshot.put("taxOffice", taxOffice);
		snapshot.put("taxNumber", taxNumber);
		snapshot.put("email", email);
		snapshot.put("phone", phone);
		snapshot.put("website", website);
		snapshot.put("categoryId", category);
		snapshot.put("sectorId", sector);
		snapshot.put("sizeBandId", sizeBand);
		snapshot.put("classId", customerClass);
		snapshot.put("tags", tags);
		snapshot.put("salespersonId", salesperson);
		snapshot.put("teamId", team);
		snapshot.put("paymentTermDays", paymentTermDays);
		snapshot.put("creditLimit", creditLimit);
		snapshot.put("riskLimit", riskLimit);
		snapshot.put("currency", currency);
		snapshot.put("language", language);
		snapshot.put("referrerId", referrer);
		snapshot.put("priceListId", priceList);
		snapshot.put("eInvoiceAlias", eInvoiceAlias);
		snapshot.put("receivableAccount", receivableAccount);
		snapshot.put("payableAccount", payableAccount);
		snapshot.put("birthDate", birthDate);
		snapshot.put("externalRef", externalRef);
		snapshot.put("extraFields", extraFields);
		snapshot.put("archived", archived());
		return snapshot;
	}
}
