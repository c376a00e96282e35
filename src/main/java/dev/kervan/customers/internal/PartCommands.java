package dev.kervan.customers.internal;

import static dev.kervan.customers.internal.CreateFields.given;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.kervan.customers.internal.Parts.Address;
import dev.kervan.customers.internal.Parts.Relation;
import dev.kervan.platform.Patch;
import dev.kervan.platform.SentVersion;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * What the API and the pages send to add a part to an account ({@link NewPart}) or to change one
 * ({@link PartChange}). A part is added as a change of a blank part, so adding and changing go through the same
 * rules. In a change only the fields given change and {@code null} clears one; fields of the part as answered may be
 * sent back as they are and are ignored.
 */
public final class PartCommands {

	private PartCommands() {
	}

	/** A part to add to an account. */
	public sealed interface NewPart permits NewBranch, NewContact, NewAddress, NewBankAccount, NewPaymentCard, NewRelation,
			NewAgreement, NewNote {

		/** The part's fields as a change of a blank part. */
		PartChange asChange();
	}

	/** A change of one of an account's parts. */
	public sealed interface PartChange permits BranchChange, ContactChange, AddressChange, BankAccountChange,
			PaymentCardChange, RelationChange, AgreementChange, NoteChange {

		/** The version the change is based on, as sent in the body. */
		@Nullable SentVersion version();
	}

	@Schema(description = "A branch (part branches).")
	@JsonIgnoreProperties({ "id", "version", "phoneDisplay", "createdAt" })
	public record NewBranch(@Schema(maxLength = 200) String name, @Nullable String email, @Nullable String phone,
			@Schema(maxLength = 500) @Nullable String address, @Schema(maxLength = 120) @Nullable String city,
			@Schema(maxLength = 200) @Nullable String managerName, @Nullable Long representativeId,
			@Schema(description = "In the account's currency.") @Nullable BigDecimal salesTarget,
			@Schema(maxLength = 4000) @Nullable String notes) implements NewPart {

		@Override
		public BranchChange asChange() {
			return new BranchChange(given(name), given(email), given(phone), given(address), given(city),
					given(managerName), given(representativeId), given(salesTarget), given(notes), null);
		}
	}

	@Schema(description = "Changes a branch; only the fields sent change.")
	@JsonIgnoreProperties({ "id", "phoneDisplay", "createdAt" })
	public record BranchChange(@Schema(maxLength = 200) Patch<String> name, Patch<String> email, Patch<String> phone,
			@Schema(maxLength = 500) Patch<String> address, @Schema(maxLength = 120) Patch<String> city,
			@Schema(maxLength = 200) Patch<String> managerName, Patch<Long> representativeId,
			Patch<BigDecimal> salesTarget, @Schema(maxLength = 4000) Patch<String> notes,
			@Nullable SentVersion version) implements PartChange {
	}

	@Schema(description = "A contact person (part contacts).")
	@JsonIgnoreProperties({ "id", "version", "phoneDisplay", "mobileDisplay", "createdAt" })
	public record NewContact(@Schema(maxLength = 200) String name, @Nullable Long branchId,
			@Schema(maxLength = 120) @Nullable String jobTitle, @Schema(maxLength = 120) @Nullable String department,
			@Nullable String email, @Nullable String phone, @Nullable String mobile,
			@Schema(description = "en, tr or fa.") @Nullable String language, @Nullable Boolean portalAccess,
			@Schema(maxLength = 4000) @Nullable String notes) implements NewPart {

		@Override
		public ContactChange asChange() {
			return new ContactChange(given(name), given(branchId), given(jobTitle), given(department), given(email),
					given(phone), given(mobile), given(language), given(portalAccess), given(notes), null);
		}
	}

	@Schema(description = "Changes a contact; only the fields sent change.")
	@JsonIgnoreProperties({ "id", "phoneDisplay", "mobileDisplay", "createdAt" })
	public record ContactChange(@Schema(maxLength = 200) Patch<String> name, Patch<Long> branchId,
			@Schema(maxLength = 120) Patch<String> jobTitle, @Schema(maxLength = 120) Patch<String> department,
			Patch<String> email, Patch<String> phone, Patch<String> mobile, Patch<String> language,
			Patch<Boolean> portalAccess, @Schema(maxLength = 4000) Patch<String> notes,
			@Nullable SentVersion version) implements PartChange {
	}

	@Schema(description = "An address (part addresses); the country is the account's when absent.")
	@JsonIgnoreProperties({ "id", "version", "createdAt" })
	public record NewAddress(@Schema(description = "CONTACT when absent.") Address.@Nullable Purpose purpose,
			@Schema(maxLength = 120) @Nullable String label, @Schema(maxLength = 300) String line1,
			@Schema(maxLength = 300) @Nullable String line2, @Schema(maxLength = 120) @Nullable String district,
			@Schema(maxLength = 120) String city, @Schema(maxLength = 120) @Nullable String region,
			@Schema(maxLength = 20) @Nullable String postalCode, @Nullable String country) implements NewPart {

		@Override
		public AddressChange asChange() {
			return new AddressChange(given(purpose), given(label), given(line1), given(line2), given(district),
					given(city), given(region), given(postalCode), given(country), null);
		}
	}

	@Schema(description = "Changes an address; only the fields sent change.")
	@JsonIgnoreProperties({ "id", "createdAt" })
	public record AddressChange(Patch<Address.Purpose> purpose, @Schema(maxLength = 120) Patch<String> label,
			@Schema(maxLength = 300) Patch<String> line1, @Schema(maxLength = 300) Patch<String> line2,
			@Schema(maxLength = 120) Patch<String> district, @Schema(maxLength = 120) Patch<String> city,
			@Schema(maxLength = 120) Patch<String> region, @Schema(maxLength = 20) Patch<String> postalCode,
			Patch<String> country,
			@Nullable SentVersion version) implements PartChange {
	}

	@Schema(description = "A bank account (part bank-accounts).")
	@JsonIgnoreProperties({ "id", "version", "ibanDisplay", "createdAt" })
	public record NewBankAccount(String iban, @Schema(maxLength = 200) @Nullable String bankName,
			@Schema(maxLength = 200) @Nullable String holder, @Nullable String currency) implements NewPart {

		@Override
		public BankAccountChange asChange() {
			return new BankAccountChange(given(iban), given(bankName), given(holder), given(currency), null);
		}
	}

	@Schema(description = "Changes a bank account; only the fields sent change.")
	@JsonIgnoreProperties({ "id", "ibanDisplay", "createdAt" })
	public record BankAccountChange(Patch<String> iban, @Schema(maxLength = 200) Patch<String> bankName,
			@Schema(maxLength = 200) Patch<String> holder, Patch<String> currency,
			@Nullable SentVersion version) implements PartChange {
	}

	/**
	 * A payment card, kept masked. A card number or a security code sent in any field ({@code number}, {@code cvv}…)
	 * is refused by its name together with every other problem ({@code otherFields}), and never echoed.
	 */
	@Schema(description = "A payment card, kept masked (part payment-cards): a full card number or a security code is refused.")
	@JsonIgnoreProperties({ "id", "version", "masked", "expired", "createdAt" })
	public record NewPaymentCard(@Schema(pattern = "^[0-9]{4}$") String last4,
			@Schema(description = "MM/YY or MM/YYYY.", example = "08/29") String expiry,
			@Schema(maxLength = 200) @Nullable String holder, @Schema(maxLength = 30) @Nullable String brand,
			@JsonAnySetter @Schema(hidden = true) @Nullable Map<String, @Nullable Object> otherFields) implements NewPart {

		@Override
		public PaymentCardChange asChange() {
			return new PaymentCardChange(given(last4), given(expiry), given(holder), given(brand), null, otherFields);
		}
	}

	@Schema(description = "Changes a payment card; only the fields sent change.")
	@JsonIgnoreProperties({ "id", "masked", "expired", "createdAt" })
	public record PaymentCardChange(@Schema(pattern = "^[0-9]{4}$") Patch<String> last4,
			@Schema(description = "MM/YY or MM/YYYY.", example = "08/29") Patch<String> expiry,
			@Schema(maxLength = 200) Patch<String> holder, @Schema(maxLength = 30) Patch<String> brand,
			@Nullable SentVersion version,
			@JsonAnySetter @Schema(hidden = true) @Nullable Map<String, @Nullable Object> otherFields) implements PartChange {

		/** The names of the fields sent that a card does not have. */
		java.util.Set<String> others() {
			return otherFields == null ? java.util.Set.of() : otherFields.keySet();
		}
	}

	@Schema(description = "A relation between two persons (part relations).")
	@JsonIgnoreProperties({ "id", "version", "relatedName", "createdAt" })
	public record NewRelation(Long relatedId, Relation.Type type, @Schema(maxLength = 500) @Nullable String note)
			implements NewPart {

		@Override
		public RelationChange asChange() {
			return new RelationChange(given(relatedId), given(type), given(note), null);
		}
	}

	@Schema(description = "Changes a relation; only the fields sent change.")
	@JsonIgnoreProperties({ "id", "relatedName", "createdAt" })
	public record RelationChange(Patch<Long> relatedId, Patch<Relation.Type> type,
			@Schema(maxLength = 500) Patch<String> note,
			@Nullable SentVersion version) implements PartChange {
	}

	@Schema(description = "An agreement (part agreements).")
	@JsonIgnoreProperties({ "id", "version", "current", "createdAt" })
	public record NewAgreement(@Schema(maxLength = 200) String title, LocalDate startsOn, @Nullable LocalDate endsOn,
			@Schema(description = "One of the account's attachments.") @Nullable UUID attachmentId,
			@Schema(maxLength = 4000) @Nullable String notes) implements NewPart {

		@Override
		public AgreementChange asChange() {
			return new AgreementChange(given(title), given(startsOn), given(endsOn), given(attachmentId), given(notes),
					null);
		}
	}

	@Schema(description = "Changes an agreement; only the fields sent change.")
	@JsonIgnoreProperties({ "id", "current", "createdAt" })
	public record AgreementChange(@Schema(maxLength = 200) Patch<String> title, Patch<LocalDate> startsOn,
			Patch<LocalDate> endsOn, Patch<UUID> attachmentId, @Schema(maxLength = 4000) Patch<String> notes,
			@Nullable SentVersion version) implements PartChange {
	}

	@Schema(description = "A note (part notes).")
	@JsonIgnoreProperties({ "id", "version", "author", "createdAt" })
	public record NewNote(@Schema(maxLength = 10000) String text) implements NewPart {

		@Override
		public NoteChange asChange() {
			return new NoteChange(given(text), null);
		}
	}

	@Schema(description = "Changes a note.")
	@JsonIgnoreProperties({ "id", "author", "createdAt" })
	public record NoteChange(@Schema(maxLength = 10000) Patch<String> text,
			@Nullable SentVersion version) implements PartChange {
	}
}
