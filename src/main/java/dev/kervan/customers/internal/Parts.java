package dev.kervan.customers.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * The records that belong to an account: branches, contacts, addresses, bank accounts, payment cards,
 * relations, agreements and notes. Each is a small aggregate of its own pointing at its account.
 */
public final class Parts {

	private Parts() {
	}

	/** What every part of an account has. */
	public abstract static class Part implements VersionedRows.Row {

		@Id
		@Nullable Long id;
		long customer;
		Instant createdAt = Instant.EPOCH;
		@Version
		@Nullable Long version;

		public long id() {
			return id == null ? 0 : id;
		}

		public long customer() {
			return customer;
		}

		public long version() {
			return version == null ? 0 : version;
		}

		public Instant createdAt() {
			return createdAt;
		}

		/** The fields the audit trail compares. */
		abstract Map<String, Object> auditSnapshot();
	}

	@Table("customer_branch")
	public static class Branch extends Part {
		String name = "";
		@Nullable String email;
		@Nullable String phone;
		@Nullable String address;
		@Nullable String city;
		@Nullable String managerName;
		@Nullable Long representative;
		@Nullable BigDecimal salesTarget;
		@Nullable String notes;

		@Override
		Map<String, Object> auditSnapshot() {
			return snapshot("name", name, "email", email, "phone", phone, "address", address, "city", city,
					"managerName", managerName, "representativeId", representative, "salesTarget", salesTarget, "notes",
					notes);
		}
	}

	@Table("customer_contact")
	public static class Contact extends Part {
		@Nullable Long branch;
		String name = "";
		@Nullable String jobTitle;
		@Nullable String department;
		@Nullable String email;
		@Nullable String phone;
		@Nullable String mobile;
		@Nullable String language;
		boolean portalAccess;
		@Nullable String notes;

		@Override
		Map<String, Object> auditSnapshot() {
			return snapshot("branchId", branch, "name", name, "jobTitle", jobTitle, "department", department, "email",
					email, "phone", phone, "mobile", mobile, "language", language, "portalAccess", portalAccess, "notes",
					notes);
		}
	}

	@Table("customer_address")
	public static class Address extends Part {
		/** What an address is used for. */
		public enum Purpose {
			CONTACT, INVOICE, DELIVERY, OTHER
		}

		Purpose purpose = Purpose.CONTACT;
		@Nullable String label;
		String line1 = "";
		@Nullable String line2;
		@Nullable String district;
		String city = "";
		@Nullable String region;
		@Nullable String postalCode;
		String country = "TR";

		@Override
		Map<String, Object> auditSnapshot() {
			return snapshot("purpose", purpose, "label", label, "line1", line1, "line2", line2, "district", district,
					"city", city, "region", region, "postalCode", postalCode, "country", country);
		}
	}

	@Table("customer_bank_account")
	public static class BankAccount extends Part {
		String iban = "";
		@Nullable String bankName;
		@Nullable String holder;
		@Nullable String currency;

		@Override
		Map<String, Object> auditSnapshot() {
			return snapshot("iban", iban, "bankName", bankName, "holder", holder, "currency", currency);
		}
	}

	/** A card kept masked: its last four digits and expiry, never the number or the security code. */
	@Table("customer_payment_card")
	public static class PaymentCard extends Part {
		String last4 = "";
		int expiryMonth;
		int expiryYear;
		@Nullable String holder;
		@Nullable String brand;

		@Override
		Map<String, Object> auditSnapshot() {
			return snapshot("last4", last4, "expiry", "%02d/%d".formatted(expiryMonth, expiryYear), "holder", holder,
					"brand", brand);
		}
	}

	@Table("customer_relation")
	public static class Relation extends Part {
		/** How two people are related. */
		public enum Type {
			REFERRED_BY, FAMILY, COLLEAGUE
		}

		long related;
		Type type = Type.REFERRED_BY;
		@Nullable String note;

		@Override
		Map<String, Object> auditSnapshot() {
			return snapshot("relatedId", related, "type", type, "note", note);
		}
	}

	@Table("customer_agreement")
	public static class Agreement extends Part {
		String title = "";
		LocalDate startsOn = LocalDate.EPOCH;
		@Nullable LocalDate endsOn;
		@Nullable UUID attachment;
		@Nullable String notes;

		@Override
		Map<String, Object> auditSnapshot() {
			return snapshot("title", title, "startsOn", startsOn, "endsOn", endsOn, "attachmentId", attachment, "notes",
					notes);
		}
	}

	@Table("customer_note")
	public static class Note extends Part {
		String text = "";
		String author = "";

		@Override
		Map<String, Object> auditSnapshot() {
			return snapshot("text", text);
		}
	}

	private static Map<String, Object> snapshot(Object... namesAndValues) {
		var snapshot = new LinkedHashMap<String, Object>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			snapshot.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return snapshot;
	}
}
