package dev.kervan.customers.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import dev.kervan.customers.internal.Parts.Address;
import dev.kervan.customers.internal.Parts.Agreement;
import dev.kervan.customers.internal.Parts.BankAccount;
import dev.kervan.customers.internal.Parts.Branch;
import dev.kervan.customers.internal.Parts.Contact;
import dev.kervan.customers.internal.Parts.Note;
import dev.kervan.customers.internal.Parts.PaymentCard;
import dev.kervan.customers.internal.Parts.Relation;
import dev.kervan.platform.Decimals;
import dev.kervan.platform.PhoneNumbers;
import dev.kervan.platform.Versioned;
import org.jspecify.annotations.Nullable;

/** How an account's parts are answered, in the API and to the pages. */
public final class PartViews {

	private PartViews() {
	}

	/** What every part's answer has. */
	public interface PartView extends Versioned {
		long id();
	}

	public record BranchView(long id, String name, @Nullable String email, @Nullable String phone, String phoneDisplay,
			@Nullable String address, @Nullable String city, @Nullable String managerName, @Nullable Long representativeId,
			@Nullable BigDecimal salesTarget, @Nullable String notes, Instant createdAt, long version) implements PartView {

		static BranchView of(Branch b) {
			return new BranchView(b.id(), b.name, b.email, b.phone, PhoneNumbers.display(b.phone), b.address, b.city,
					b.managerName, b.representative, Decimals.plain(b.salesTarget, 2), b.notes, b.createdAt(), b.version());
		}
	}

	public record ContactView(long id, @Nullable Long branchId, String name, @Nullable String jobTitle,
			@Nullable String department, @Nullable String email, @Nullable String phone, String phoneDisplay,
			@Nullable String mobile, String mobileDisplay, @Nullable String language, boolean portalAccess,
			@Nullable String notes, Instant createdAt, long version) implements PartView {

		static ContactView of(Contact c) {
			return new ContactView(c.id(), c.branch, c.name, c.jobTitle, c.department, c.email, c.phone,
					PhoneNumbers.display(c.phone), c.mobile, PhoneNumbers.display(c.mobile), c.language, c.portalAccess,
					c.notes, c.createdAt(), c.version());
		}
	}

	public record AddressView(long id, Address.Purpose purpose, @Nullable String label, String line1,
			@Nullable String line2, @Nullable String district, String city, @Nullable String region,
			@Nullable String postalCode, String country, Instant createdAt, long version) implements PartView {

		static AddressView of(Address a) {
			return new AddressView(a.id(), a.purpose, a.label, a.line1, a.line2, a.district, a.city, a.region,
					a.postalCode, a.country, a.createdAt(), a.version());
		}
	}

	public record BankAccountView(long id, String iban, String ibanDisplay, @Nullable String bankName,
			@Nullable String holder, @Nullable String currency, Instant createdAt, long version) implements PartView {

		static BankAccountView of(BankAccount b) {
			return new BankAccountView(b.id(), b.iban, b.iban.replaceAll("(.{4})(?!$)", "$1 "), b.bankName, b.holder,
					b.currency, b.createdAt(), b.version());
		}
	}

	public record PaymentCardView(long id, String last4, String masked, String expiry, @Nullable String holder,
			@Nullable String brand, boolean expired, Instant createdAt, long version) implements PartView {

		static PaymentCardView of(PaymentCard c, LocalDate today) {
			// A card is valid to the last day of its expiry month.
			boolean expired = !today.isBefore(LocalDate.of(c.expiryYear, c.expiryMonth, 1).plusMonths(1));
			return new PaymentCardView(c.id(), c.last4, "•••• •••• •••• " + c.last4,
					"%02d/%02d".formatted(c.expiryMonth, c.expiryYear % 100), c.holder, c.brand, expired, c.createdAt(),
					c.version());
		}
	}

	public record RelationView(long id, long relatedId, String relatedName, Relation.Type type, @Nullable String note,
			Instant createdAt, long version) implements PartView {
	}

	public record AgreementView(long id, String title, LocalDate startsOn, @Nullable LocalDate endsOn,
			@Nullable UUID attachmentId, @Nullable String notes, boolean current, Instant createdAt, long version) implements PartView {

		static AgreementView of(Agreement a, LocalDate today) {
			boolean current = !a.startsOn.isAfter(today) && (a.endsOn == null || !a.endsOn.isBefore(today));
			return new AgreementView(a.id(), a.title, a.startsOn, a.endsOn, a.attachment, a.notes, current,
					a.createdAt(), a.version());
		}
	}

	public record NoteView(long id, String text, String author, Instant createdAt, long version) implements PartView {

		static NoteView of(Note n) {
			return new NoteView(n.id(), n.text, n.author, n.createdAt(), n.version());
		}
	}
}
