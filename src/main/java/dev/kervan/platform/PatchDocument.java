package dev.kervan.platform;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.JsonNodeException;

/**
 * A JSON object sent to create or change a record, read field by field: a field that is absent stays as it
 * is, a field sent as {@code null} is cleared, anything else must have the right type. Every problem is
 * collected as a {@link FieldViolation}, so one answer lists them all; unknown fields are refused rather than
 * silently ignored, because a misspelt field name would otherwise look like a successful change.
 */
public final class PatchDocument {

	private final JsonNode body;
	private final String path;
	private final Set<String> known = new LinkedHashSet<>();
	private final List<FieldViolation> violations;
	private final List<PatchDocument> items = new ArrayList<>();
	/** The rules each value is checked by, shared with typed commands. */
	private final Checks checks;

	private PatchDocument(JsonNode body, String path, List<FieldViolation> violations) {
		this.body = body;
		this.path = path;
		this.violations = violations;
		this.checks = new Checks(violations, path);
	}

	/** Reads a request body; anything but a JSON object is refused. */
	public static PatchDocument of(@Nullable JsonNode body) {
		if (body == null || !body.isObject()) {
			throw new DomainException(ErrorKind.INVALID, "error.body-shape");
		}
		return new PatchDocument(body, "", new ArrayList<>());
	}

	/**
	 * The objects of a list field (such as a document's lines), each read like a document of its own whose
	 * problems are named by their place, e.g. {@code lines[2].quantity}; {@code null} means none.
	 */
	public List<PatchDocument> items(String field) {
		JsonNode value = value(field);
		if (value == null) {
			return List.of();
		}
		if (!value.isArray()) {
			return invalidList(field);
		}
		var documents = new ArrayList<PatchDocument>();
		int index = 0;
		for (JsonNode item : value) {
			if (!item.isObject()) {
				return invalidList(field);
			}
			var document = new PatchDocument(item, path + field + "[" + index++ + "].", violations);
			items.add(document);
			documents.add(document);
		}
		return documents;
	}

	/** Names fields that may be sent but are not changed this way (such as {@code id} or {@code createdAt}). */
	public PatchDocument ignoring(String... fields) {
		known.addAll(List.of(fields));
		return this;
	}

	public boolean has(String field) {
		known.add(field);
		return body.has(field);
	}

	/**
	 * A name, title or other short text, by the rules of {@link TextHygiene}: a control character, a character that
	 * changes the writing direction or a full card number is refused (and the text answered without the offending
	 * characters, so that it can still be looked up safely until the violation is thrown).
	 */
	public @Nullable String text(String field) {
		return checks.name(field, raw(field));
	}

	/** A text of at most {@code maxLength} characters; a longer one is refused. */
	public @Nullable String text(String field, int maxLength) {
		return checks.name(field, raw(field), maxLength);
	}

	/**
	 * A code, number or address typed by hand (a product code, a lot, a tax or phone number, an IBAN): no control
	 * character at all and no character that changes the writing direction, see {@link TextHygiene}.
	 */
	public @Nullable String code(String field) {
		return checks.code(field, raw(field));
	}

	/** A code of at most {@code maxLength} characters; a longer one is refused. */
	public @Nullable String code(String field, int maxLength) {
		return checks.code(field, raw(field), maxLength);
	}

	/**
	 * Free text (a note, a description, a message, a line of an address): control characters other than tab and line
	 * breaks and direction overrides are taken out, not refused; a full card number is refused.
	 */
	public @Nullable String freeText(String field, int maxLength) {
		return checks.freeText(field, raw(field), maxLength);
	}

	/**
	 * A web address: {@code http://} or {@code https://} with a host, or a bare host such as {@code www.example.com},
	 * kept as typed; any other scheme ({@code javascript:}, {@code data:}) is refused.
	 */
	public @Nullable String webAddress(String field, int maxLength) {
		return checks.webAddress(field, raw(field), maxLength);
	}

	/** Whether text is a web address as {@link #webAddress} takes one. */
	public static boolean isWebAddress(String address) {
		return Checks.isWebAddress(address);
	}

	/** An amount of money: not negative, at most four decimals and fifteen digits before the point. */
	public @Nullable BigDecimal amount(String field) {
		return checks.amount(field, decimal(field));
	}

	/**
	 * A quantity: at most four decimals and fifteen digits before the point; whether it may be negative or zero is
	 * the caller's rule.
	 */
	public @Nullable BigDecimal quantity(String field) {
		return checks.quantity(field, decimal(field));
	}

	/** An e-mail address (one {@code @}, a dot in the domain, no spaces), at most 254 characters. */
	public @Nullable String email(String field) {
		return checks.email(field, raw(field));
	}

	public static boolean isEmail(@Nullable String email) {
		return Checks.isEmail(email);
	}

	/** An ISO 4217 currency code, upper-cased: {@code try} is read as {@code TRY}. */
	public @Nullable String currency(String field) {
		return checks.currency(field, raw(field));
	}

	/** A number, sent as a JSON number or as text; one out of any record's range ({@code 1e400}) is refused. */
	public @Nullable BigDecimal decimal(String field) {
		JsonNode value = value(field);
		if (value == null) {
			return null;
		}
		BigDecimal decimal = null;
		try {
			if (value.isNumber()) {
				decimal = value.decimalValue();
			}
			else if (value.isString() && !value.asString().isBlank()) {
				decimal = new BigDecimal(value.asString().strip());
			}
		}
		catch (NumberFormatException | JsonNodeException e) {
			// answered below; a JSON number that overflowed a double (1e400) has no decimal value
		}
		if (decimal == null) {
			return invalid(field);
		}
		return checks.decimal(field, decimal);
	}

	public @Nullable Integer integer(String field) {
		BigDecimal value = decimal(field);
		if (value == null) {
			return null;
		}
		try {
			return value.intValueExact();
		}
		catch (ArithmeticException e) {
			return notWhole(field, value);
		}
	}

	public @Nullable Long id(String field) {
		BigDecimal value = decimal(field);
		if (value == null) {
			return null;
		}
		try {
			return value.longValueExact();
		}
		catch (ArithmeticException e) {
			return notWhole(field, value);
		}
	}

	public @Nullable Boolean bool(String field) {
		JsonNode value = value(field);
		if (value == null) {
			return null;
		}
		return value.isBoolean() ? value.booleanValue() : invalid(field);
	}

	/** An ISO date ({@code 2026-12-31}) from {@link Dates#EARLIEST} to {@link Dates#LATEST}. */
	public @Nullable LocalDate date(String field) {
		String text = text(field);
		if (text == null) {
			return null;
		}
		LocalDate date;
		try {
			date = LocalDate.parse(text);
		}
		catch (DateTimeParseException e) {
			return invalid(field);
		}
		return checks.date(field, date);
	}

	/** An enum constant by name, case-insensitive. */
	public <E extends Enum<E>> @Nullable E choice(String field, Class<E> type) {
		String text = text(field);
		if (text == null) {
			return null;
		}
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equalsIgnoreCase(text)) {
				return constant;
			}
		}
		return invalid(field);
	}

	/** A list of ids (numbers, or texts of digits), repeats dropped, in the order sent; {@code null} means none. */
	public List<Long> ids(String field) {
		JsonNode value = value(field);
		if (value == null) {
			return List.of();
		}
		var ids = new LinkedHashSet<Long>();
		for (JsonNode item : value.isArray() ? value : List.<JsonNode>of()) {
			try {
				ids.add(item.isIntegralNumber() ? item.longValue() : Long.parseLong(item.asString().strip()));
			}
			catch (RuntimeException e) {
				violations.add(new FieldViolation(path + field, "error.value.invalid-type"));
				return List.of();
			}
		}
		if (!value.isArray()) {
			violations.add(new FieldViolation(path + field, "error.value.invalid-type"));
		}
		return List.copyOf(ids);
	}

	/**
	 * A list of texts, blanks and repeats dropped, in the order sent; {@code null} means none. Each is read as a name
	 * ({@link #text}).
	 */
	public List<String> texts(String field) {
		return texts(field, false);
	}

	/** A list of codes (barcodes, serial numbers), blanks and repeats dropped, in the order sent; see {@link #code}. */
	public List<String> codes(String field) {
		return texts(field, true);
	}

	private List<String> texts(String field, boolean codes) {
		JsonNode value = value(field);
		if (value == null) {
			return List.of();
		}
		if (!value.isArray()) {
			violations.add(new FieldViolation(path + field, "error.value.invalid-type"));
			return List.of();
		}
		var texts = new LinkedHashSet<String>();
		for (JsonNode item : value) {
			if (!item.isString()) {
				violations.add(new FieldViolation(path + field, "error.value.invalid-type"));
				return List.of();
			}
			String text = item.asString().strip();
			var problem = codes ? TextHygiene.codeProblem(text) : TextHygiene.nameProblem(text);
			if (problem.isPresent()) {
				violations.add(new FieldViolation(path + field, problem.get()));
				return List.of();
			}
			if (!text.isEmpty()) {
				texts.add(text);
			}
		}
		return List.copyOf(texts);
	}

	/** An object of texts (numbers and booleans are read as their text), {@code null} means empty. */
	public Map<String, String> textMap(String field) {
		JsonNode value = value(field);
		var map = new LinkedHashMap<String, String>();
		if (value == null) {
			return map;
		}
		if (!value.isObject()) {
			violations.add(new FieldViolation(path + field, "error.value.invalid-type"));
			return map;
		}
		for (var entry : value.properties()) {
			JsonNode item = entry.getValue();
			if (item.isNull()) {
				map.put(entry.getKey(), null);
			}
			else if (item.isString() || item.isNumber() || item.isBoolean()) {
				var problem = TextHygiene.codeProblem(entry.getKey()).or(() -> TextHygiene.nameProblem(item.asString()));
				if (problem.isPresent()) {
					violations.add(new FieldViolation(path + field + "." + entry.getKey(), problem.get()));
				}
				else {
					map.put(entry.getKey(), item.asString());
				}
			}
			else {
				violations.add(new FieldViolation(path + field + "." + entry.getKey(), "error.value.invalid-type"));
			}
		}
		return map;
	}

	/** Adds a rule's violation found while applying the document. */
	public void reject(String field, String messageCode, Object... arguments) {
		checks.reject(field, messageCode, arguments);
	}

	/** Whether a problem has been found so far, in this document or any other read with it. */
	public boolean hasViolations() {
		return !violations.isEmpty();
	}

	/** Throws every violation found, unknown fields included; does nothing when all is well. */
	public void throwIfInvalid() {
		collectUnknownFields();
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
	}

	private void collectUnknownFields() {
		for (var entry : body.properties()) {
			if (!known.contains(entry.getKey())) {
				violations.add(new FieldViolation(path + entry.getKey(), "error.value.unknown-field"));
			}
		}
		items.forEach(PatchDocument::collectUnknownFields);
	}

	/** A field's text as sent, stripped, {@code null} when absent or blank; any other JSON than a scalar is refused. */
	private @Nullable String raw(String field) {
		JsonNode value = value(field);
		if (value == null) {
			return null;
		}
		if (value.isString() || value.isNumber() || value.isBoolean()) {
			String text = value.asString().strip();
			return text.isEmpty() ? null : text;
		}
		return invalid(field);
	}

	private <T> List<T> invalidList(String field) {
		violations.add(new FieldViolation(path + field, "error.value.invalid-type"));
		return List.of();
	}

	private @Nullable JsonNode value(String field) {
		known.add(field);
		JsonNode value = body.get(field);
		return value == null || value.isNull() ? null : value;
	}

	/** A number that is no whole number of the field's size: a fraction has the wrong type, a whole number is too large. */
	private <T> @Nullable T notWhole(String field, BigDecimal value) {
		if (value.stripTrailingZeros().scale() > 0) {
			return invalid(field);
		}
		reject(field, "error.value.out-of-range");
		return null;
	}

	private <T> @Nullable T invalid(String field) {
		violations.add(new FieldViolation(path + field, "error.value.invalid-type"));
		return null;
	}
}
