package dev.kervan.platform;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns what a page's form sent into the same command record the API binds from JSON, by the same rules: a value
 * of the wrong type or out of range is refused naming its field, as the API names it ({@code lines[2].quantity}).
 * A page thus calls a service exactly as the API does, and refuses what the API refuses. One difference: people type
 * numbers and dates their way, so a form's amounts, quantities and whole numbers are read by {@link TypedNumbers} in
 * the reader's language ({@code 12.500,50} in Turkish) and its dates by {@link TypedDates} in their calendar
 * ({@code ۱۴۰۵/۰۹/۱۲}); the JSON API keeps its canonical forms ({@code "12500.50"}, {@code "2026-12-31"}).
 */
@Component
public class Commands {

	private final JsonMapper json;
	private final JsonMapper typed;

	Commands(JsonMapper json, Formats formats) {
		this.json = json;
		this.typed = json.rebuild().addModule(TypedValues.module(formats)).build();
	}

	/** The command a form's fields (as JSON, see {@link FormState#toJson}) make, numbers and dates as people type them. */
	public <T> T read(JsonNode fields, Class<T> command) {
		return read(typed, fields, command);
	}

	/**
	 * The command fields in the API's canonical forms make ({@code "1234.500"} is 1234.5 in every language): for an
	 * import, whose cells {@link ImportedCells} has read already.
	 */
	public <T> T readCanonical(JsonNode fields, Class<T> command) {
		return read(json, fields, command);
	}

	private static <T> T read(JsonMapper mapper, JsonNode fields, Class<T> command) {
		try {
			return mapper.treeToValue(fields, command);
		}
		catch (JacksonException refused) {
			throw new InvalidInputException(List.of(violation(refused)));
		}
	}

	/** The field a binding failure names and why, as problem responses and forms show it. */
	public static FieldViolation violation(JacksonException refused) {
		return new FieldViolation(field(refused), messageCode(refused), arguments(refused));
	}

	/** The field a binding failure happened at: {@code title}, {@code lines[2].quantity}; empty for the whole body. */
	public static String field(JacksonException refused) {
		var field = new StringBuilder();
		for (var reference : refused.getPath()) {
			if (reference.getPropertyName() != null) {
				field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else {
				field.append('[').append(reference.getIndex()).append(']');
			}
		}
		return field.toString();
	}

	private static String messageCode(JacksonException refused) {
		if (refused instanceof TypedValues.Unreadable unreadable) {
			return unreadable.messageCode();
		}
		if (refused instanceof UnrecognizedPropertyException) {
			return "error.value.unknown-field";
		}
		if (refused instanceof InputCoercionException) {
			return "error.value.out-of-range";
		}
		if (isDate(refused)) {
			return Dates.OUT_OF_RANGE;
		}
		return "error.value.invalid-type";
	}

	private static Object[] arguments(JacksonException refused) {
		if (refused instanceof TypedValues.Unreadable unreadable) {
			return unreadable.arguments();
		}
		return isDate(refused) ? Dates.range() : new Object[0];
	}

	private static boolean isDate(@Nullable JacksonException refused) {
		return refused instanceof MismatchedInputException mismatch && mismatch.getTargetType() == java.time.LocalDate.class;
	}
}
