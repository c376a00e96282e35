package dev.kervan.platform;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jdk.NumberDeserializers;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * How {@link Commands#read} reads the text of a form's field into a number or a date of a command: as the reader
 * types it, in the language and calendar of the request. Anything that is no text (a number or null a page put in
 * the fields itself) is read as the API reads it.
 */
final class TypedValues {

	static final String NUMBER = "error.value.typed-number";
	static final String WHOLE_NUMBER = "error.value.typed-whole-number";
	static final String DATE = "error.value.typed-date";
	private static final BigDecimal NUMBER_EXAMPLE = new BigDecimal("12500.50");
	private static final BigDecimal WHOLE_NUMBER_EXAMPLE = new BigDecimal("1500");

	private TypedValues() {
	}

	static JacksonModule module(Formats formats) {
		return new SimpleModule("kervan-typed-values")
			.addDeserializer(BigDecimal.class, new Decimal(formats))
			.addDeserializer(Integer.class, new Whole<>(Integer.class, formats, BigDecimal::intValueExact))
			.addDeserializer(int.class, new Whole<>(int.class, formats, BigDecimal::intValueExact))
			.addDeserializer(Long.class, new Whole<>(Long.class, formats, BigDecimal::longValueExact))
			.addDeserializer(long.class, new Whole<>(long.class, formats, BigDecimal::longValueExact))
			.addDeserializer(LocalDate.class, new Day(formats));
	}

	/** A field's text that is no number or date, with the message that says what was expected, in the reader's way. */
	static final class Unreadable extends InvalidFormatException {

		private final String messageCode;
		private final Object[] arguments;

		Unreadable(JsonParser parser, String text, Class<?> type, String messageCode, Object... arguments) {
			super(parser, "not a value of " + type.getSimpleName() + " as typed here", text, type);
			this.messageCode = messageCode;
			this.arguments = arguments;
		}

		String messageCode() {
			return messageCode;
		}

		Object[] arguments() {
			return arguments.clone();
		}
	}

	private static boolean isTyped(JsonParser parser) {
		return parser.hasToken(JsonToken.VALUE_STRING) && !parser.getString().isBlank();
	}

	private static final class Decimal extends StdScalarDeserializer<BigDecimal> {

		private final Formats formats;

		Decimal(Formats formats) {
			super(BigDecimal.class);
			this.formats = formats;
		}

		@Override
		public BigDecimal deserialize(JsonParser parser, DeserializationContext context) {
			if (!isTyped(parser)) {
				return NumberDeserializers.BigDecimalDeserializer.instance.deserialize(parser, context);
			}
			String text = parser.getString();
			return TypedNumbers.read(text, LocaleContextHolder.getLocale())
				.orElseThrow(() -> new Unreadable(parser, text, BigDecimal.class, NUMBER,
						formats.inputAmount(NUMBER_EXAMPLE)));
		}
	}

	/** A whole number (a number of days, a percentage) typed like any number: {@code 1.500} in Turkish, {@code ۳۰}. */
	private static final class Whole<T> extends StdScalarDeserializer<T> {

		private final Formats formats;
		private final Function<BigDecimal, T> exact;
		private final ValueDeserializer<?> standard;

		Whole(Class<T> type, Formats formats, Function<BigDecimal, T> exact) {
			super(type);
			this.formats = formats;
			this.exact = exact;
			this.standard = NumberDeserializers.find(type);
		}

		@Override
		@SuppressWarnings("unchecked")
		public T deserialize(JsonParser parser, DeserializationContext context) {
			if (!isTyped(parser)) {
				return (T) standard.deserialize(parser, context);
			}
			String text = parser.getString();
			BigDecimal number = TypedNumbers.read(text, LocaleContextHolder.getLocale())
				.filter(value -> value.stripTrailingZeros().scale() <= 0)
				.orElseThrow(() -> new Unreadable(parser, text, handledType(), WHOLE_NUMBER,
						formats.inputNumber(WHOLE_NUMBER_EXAMPLE)));
			try {
				return exact.apply(number.stripTrailingZeros());
			}
			catch (ArithmeticException tooLarge) {
				throw new Unreadable(parser, text, handledType(), "error.value.out-of-range");
			}
		}

		@Override
		@SuppressWarnings("unchecked")
		public T getNullValue(DeserializationContext context) {
			return (T) standard.getNullValue(context);
		}
	}

	/** A date in the reader's order and calendar; one outside {@link Dates}' range is refused saying the range. */
	private static final class Day extends StdScalarDeserializer<LocalDate> {

		private final Formats formats;

		Day(Formats formats) {
			super(LocalDate.class);
			this.formats = formats;
		}

		@Override
		public @Nullable LocalDate deserialize(JsonParser parser, DeserializationContext context) {
			if (!parser.hasToken(JsonToken.VALUE_STRING)) {
				return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
			}
			String text = parser.getString();
			if (text.isBlank()) {
				return null;
			}
			LocalDate date = TypedDates.read(text, LocaleContextHolder.getLocale(), formats.calendar())
				.orElseThrow(() -> new Unreadable(parser, text, LocalDate.class, DATE, formats.inputDate(formats.example())));
			if (!Dates.isAccepted(date)) {
				throw new Unreadable(parser, text, LocalDate.class, Dates.OUT_OF_RANGE, formats.inputDate(Dates.EARLIEST),
						formats.inputDate(Dates.LATEST));
			}
			return date;
		}
	}
}
