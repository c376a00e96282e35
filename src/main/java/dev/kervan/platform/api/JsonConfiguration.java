package dev.kervan.platform.api;

import java.math.BigDecimal;
import java.time.LocalDate;

import dev.kervan.platform.Dates;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * JSON as the API promises it: decimals (money, quantities, rates) travel as strings such as {@code "12.50"},
 * so no client rounds them through a floating-point number, and are read exactly; dates are ISO dates within
 * {@link Dates}' range.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

	@Bean
	JacksonModule decimalsAsStrings() {
		return new SimpleModule("kervan-decimals").addSerializer(BigDecimal.class, new ValueSerializer<>() {
			@Override
			public void serialize(BigDecimal value, JsonGenerator generator, SerializationContext context) {
				generator.writeString(value.toPlainString());
			}
		});
	}

	@Bean
	JacksonModule acceptedDates() {
		return new SimpleModule("kervan-dates").addDeserializer(LocalDate.class, new AcceptedDateDeserializer());
	}

	/**
	 * Numbers in request bodies read as {@link BigDecimal}, not {@code double}: {@code 12345678901234567.89} keeps its
	 * cents, and {@code 1e400} or {@code 1e-400} stay what was sent, to be refused as out of range, instead of
	 * becoming infinity or zero on the way in.
	 */
	@Bean
	JsonMapperBuilderCustomizer exactNumbers() {
		return builder -> builder.enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS);
	}

	/**
	 * Request records are read strictly: a field the
	 * record does not know is refused (a misspelt name would otherwise look like a successful change), and a number
	 * with a fraction is no whole number (2.5 stars is refused, not taken as 2).
	 */
	@Bean
	JsonMapperBuilderCustomizer strictRequests() {
		return builder -> builder.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
	}

	/**
	 * A choice (an enum) is read by its name in any case ({@code "meeting"} is {@code MEETING}), as people type
	 * them in forms and spreadsheets, a blank one as none (the usual value), and never by its position: {@code 2}
	 * or {@code "2"} is refused, not taken as the third constant.
	 */
	@Bean
	JsonMapperBuilderCustomizer choicesByName() {
		return builder -> builder.enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
			.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
			.withCoercionConfig(LogicalType.Enum,
					coercion -> coercion.setCoercion(CoercionInputShape.EmptyString, CoercionAction.AsNull));
	}

	/**
	 * A field sent twice ({@code {"name": "A", "name": "B"}}) is refused as malformed: which of the two a client
	 * meant cannot be known, and taking the last one silently hides the mistake.
	 */
	@Bean
	JsonMapperBuilderCustomizer noFieldTwice() {
		return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
	}

	/** A date of a request record: an ISO date within {@link Dates}' range, else a refusal naming the field. */
	static final class AcceptedDateDeserializer extends StdScalarDeserializer<LocalDate> {

		AcceptedDateDeserializer() {
			super(LocalDate.class);
		}

		@Override
		public LocalDate deserialize(JsonParser parser, DeserializationContext context) {
			if (!parser.hasToken(JsonToken.VALUE_STRING)) {
				return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
			}
			String text = parser.getString();
			return Dates.parse(text)
				.orElseGet(() -> (LocalDate) context.handleWeirdStringValue(LocalDate.class, text,
						"not a date from %s to %s", Dates.range()));
		}
	}
}
