package dev.kervan.platform;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The checks every field of a command goes through at the edge, the same for the API, the pages and the imports,
 * before any business rule: texts by {@link TextHygiene}'s rules and stripped (a blank text is no text), lengths,
 * amounts, quantities, currencies, addresses and dates. A check answers the value as it is to be kept and records a
 * violation named by its field (and place in a list: {@code lines[2].quantity}) instead of throwing, so that one
 * answer lists every problem: {@link #throwIfInvalid()} throws them all at once.
 */
public final class Checks {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");
	/** An http(s) address or a bare host: a host of letters, digits, dots and dashes, a port, then anything but spaces. */
	private static final Pattern WEB_ADDRESS = Pattern.compile(
			"((?i:https?)://)?([\\p{L}\\p{N}](?:[\\p{L}\\p{N}.-]*[\\p{L}\\p{N}])?)(?::\\d{1,5})?(?:[/?#]\\S*)?");

	private final List<FieldViolation> violations;
	private final String path;

	public Checks() {
		this(new ArrayList<>(), "");
	}

	Checks(List<FieldViolation> violations, String path) {
		this.violations = violations;
		this.path = path;
	}

	/** The checks of one item of a list field, whose violations are named by its place: {@code lines[2].quantity}. */
	public Checks item(String list, int index) {
		return new Checks(violations, path + list + "[" + index + "].");
	}

	// --- texts ---------------------------------------------------------------------------------------------------

	/**
	 * A name, title or other short text: a control character, a character that changes the writing direction or a
	 * full card number is refused (and the text answered without the offending characters, so that it can still be
	 * looked up safely until the violation is thrown).
	 */
	public @Nullable String name(String field, @Nullable String text) {
		String stripped = stripped(text);
		if (stripped == null) {
			return null;
		}
		var problem = TextHygiene.nameProblem(stripped);
		if (problem.isPresent()) {
			reject(field, problem.get());
			return stripped(TextHygiene.withoutRefused(stripped, true));
		}
		return stripped;
	}

	/** A name of at most {@code maxLength} characters; a longer one is refused. */
	public @Nullable String name(String field, @Nullable String text, int maxLength) {
		return limited(field, name(field, text), maxLength);
	}

	public Patch<String> name(String field, Patch<String> text, int maxLength) {
		return text.map(value -> name(field, value, maxLength));
	}

	/**
	 * A code, number or address typed by hand (a product code, a lot, a tax or phone number, an IBAN): no control
	 * character at all and no character that changes the writing direction.
	 */
	public @Nullable String code(String field, @Nullable String text) {
		String stripped = stripped(text);
		if (stripped == null) {
			return null;
		}
		var problem = TextHygiene.codeProblem(stripped);
		if (problem.isPresent()) {
			reject(field, problem.get());
			return stripped(TextHygiene.withoutRefused(stripped, false));
		}
		return stripped;
	}

	public @Nullable String code(String field, @Nullable String text, int maxLength) {
		return limited(field, code(field, text), maxLength);
	}

	public Patch<String> code(String field, Patch<String> text, int maxLength) {
		return text.map(value -> code(field, value, maxLength));
	}

	/**
	 * Free text (a note, a description, a message, a line of an address): control characters other than tab and
	 * line breaks and direction overrides are taken out, not refused; a full card number is refused.
	 */
	public @Nullable String freeText(String field, @Nullable String text, int maxLength) {
		String cleaned = text == null ? null : stripped(TextHygiene.freeText(text));
		if (TextHygiene.containsCardNumber(cleaned)) {
			reject(field, TextHygiene.CARD_NUMBER);
		}
		return limited(field, cleaned, maxLength);
	}

	public Patch<String> freeText(String field, Patch<String> text, int maxLength) {
		return text.map(value -> freeText(field, value, maxLength));
	}

	/** An e-mail address (one {@code @}, a dot in the domain, no spaces), at most 254 characters. */
	public @Nullable String email(String field, @Nullable String text) {
		String email = code(field, text);
		if (email != null && !isEmail(email)) {
			reject(field, "error.value.email");
		}
		return email;
	}

	public Patch<String> email(String field, Patch<String> text) {
		return text.map(value -> email(field, value));
	}

	public static boolean isEmail(@Nullable String email) {
		return email != null && email.length() <= 254 && EMAIL.matcher(email).matches();
	}

	/**
	 * A phone number as typed, kept in international form (E.164) by the rules of the country it is in; one that is
	 * no phone number there is refused.
	 */
	public @Nullable String phone(String field, @Nullable String typed, String country) {
		String number = code(field, typed, 40);
		if (number == null) {
			return null;
		}
		return PhoneNumbers.toE164(number, country).orElseGet(() -> {
			reject(field, "error.phone.invalid");
			return null;
		});
	}

	/**
	 * A web address: {@code http://} or {@code https://} with a host, or a bare host such as {@code www.example.com},
	 * kept as typed; any other scheme ({@code javascript:}, {@code data:}) is refused.
	 */
	public @Nullable String webAddress(String field, @Nullable String text, int maxLength) {
		String address = code(field, text, maxLength);
		if (address != null && !isWebAddress(address)) {
			reject(field, "error.value.web-address");
		}
		return address;
	}

	/** Whether text is a web address as {@link #webAddress} takes one. */
	public static boolean isWebAddress(String address) {
		var matcher = WEB_ADDRESS.matcher(address);
		// Without a scheme, a dot tells a host (www.example.com:8080) from a scheme (javascript:1).
		return matcher.matches() && (matcher.group(1) != null || matcher.group(2).contains("."));
	}

	/** An ISO 4217 currency code, upper-cased: {@code try} is read as {@code TRY}. */
	public @Nullable String currency(String field, @Nullable String text) {
		String typed = name(field, text);
		String code = typed == null ? null : typed.toUpperCase(Locale.ROOT);
		if (code != null && !Money.isCurrency(code)) {
			reject(field, "error.value.currency", typed);
		}
		return code;
	}

	public Patch<String> currency(String field, Patch<String> text) {
		return text.map(value -> currency(field, value));
	}

	/** Tags: each a {@link #name}, blanks and repeats dropped, in the order sent; {@code null} is none. */
	public List<String> tags(String field, @Nullable List<@Nullable String> texts, int maxCount, int maxLength) {
		if (texts == null) {
			return List.of();
		}
		var kept = new LinkedHashSet<String>();
		for (String text : texts) {
			String tag = name(field, text);
			if (tag != null) {
				kept.add(tag);
			}
		}
		if (kept.size() > maxCount) {
			reject(field, "error.value.too-many-tags", maxCount);
		}
		if (kept.stream().anyMatch(tag -> tag.length() > maxLength)) {
			reject(field, "error.value.too-long", maxLength);
		}
		return List.copyOf(kept);
	}

	public Patch<List<String>> tags(String field, Patch<List<@Nullable String>> texts, int maxCount, int maxLength) {
		return texts.map(value -> tags(field, value, maxCount, maxLength));
	}

	// --- numbers and dates ---------------------------------------------------------------------------------------

	/** A number within any record's range ({@code 1e400} is not). */
	public @Nullable BigDecimal decimal(String field, @Nullable BigDecimal value) {
		if (value != null && !Decimals.isWithinRange(value)) {
			reject(field, "error.value.out-of-range");
			return null;
		}
		return value;
	}

	/** An amount of money: not negative, at most four decimals and fifteen digits before the point. */
	public @Nullable BigDecimal amount(String field, @Nullable BigDecimal value) {
		BigDecimal amount = decimal(field, value);
		if (amount != null && (amount.signum() < 0 || amount.scale() > 4 || amount.precision() - amount.scale() > 15)) {
			reject(field, "error.value.amount");
		}
		return amount;
	}

	public Patch<BigDecimal> amount(String field, Patch<BigDecimal> value) {
		return value.map(amount -> amount(field, amount));
	}

	/**
	 * A quantity: at most four decimals and fifteen digits before the point; whether it may be negative or zero is the
	 * caller's rule.
	 */
	public @Nullable BigDecimal quantity(String field, @Nullable BigDecimal value) {
		BigDecimal quantity = decimal(field, value);
		if (quantity != null && (quantity.scale() > 4 || quantity.precision() - quantity.scale() > 15)) {
			reject(field, "error.value.quantity");
		}
		return quantity;
	}

	/** A whole number from {@code min} to {@code max}. */
	public @Nullable Integer range(String field, @Nullable Integer value, int min, int max) {
		if (value != null && (value < min || value > max)) {
			reject(field, "error.value.range", min, max);
		}
		return value;
	}

	public Patch<Integer> range(String field, Patch<Integer> value, int min, int max) {
		return value.map(number -> range(field, number, min, max));
	}

	/** A date from {@link Dates#EARLIEST} to {@link Dates#LATEST}. */
	public @Nullable LocalDate date(String field, @Nullable LocalDate value) {
		if (value != null && !Dates.isAccepted(value)) {
			reject(field, Dates.OUT_OF_RANGE, Dates.range());
			return null;
		}
		return value;
	}

	public Patch<LocalDate> date(String field, Patch<LocalDate> value) {
		return value.map(date -> date(field, date));
	}

	// --- outcome -------------------------------------------------------------------------------------------------

	/** Refuses a missing value; answers the value as it is. */
	public <T> @Nullable T required(String field, @Nullable T value) {
		if (value == null) {
			reject(field, "error.value.required");
		}
		return value;
	}

	/** Adds a rule's violation found while checking. */
	public void reject(String field, String messageCode, Object... arguments) {
		violations.add(new FieldViolation(path + field, messageCode, arguments));
	}

	/** Whether a problem has been found so far, in these checks or any other made with them. */
	public boolean hasViolations() {
		return !violations.isEmpty();
	}

	/** Throws every violation found; does nothing when all is well. */
	public void throwIfInvalid() {
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
	}

	private @Nullable String limited(String field, @Nullable String text, int maxLength) {
		if (text != null && text.length() > maxLength) {
			reject(field, "error.value.too-long", maxLength);
		}
		return text;
	}

	private static @Nullable String stripped(@Nullable String text) {
		if (text == null) {
			return null;
		}
		String stripped = text.strip();
		return stripped.isEmpty() ? null : stripped;
	}
}
