package dev.kervan.platform;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.deser.std.StdScalarDeserializer;

/**
 * The version a request says it is based on, as its body names it: a whole number from 0, or the same digits in a
 * string (as a page's hidden field or an ETag copied by hand sends it). {@link ExpectedVersion} weighs it against
 * If-Match; the API document shows it as an integer.
 */
@JsonDeserialize(using = SentVersion.Reader.class)
public record SentVersion(long number) {

	static final String INVALID = "error.value.version";

	public SentVersion {
		if (number < 0) {
			throw InvalidInputException.of("version", INVALID);
		}
	}

	/** Reads a number or a string of digits; anything else is refused with its own message, beside the field. */
	static final class Reader extends StdScalarDeserializer<SentVersion> {

		Reader() {
			super(SentVersion.class);
		}

		@Override
		public SentVersion deserialize(JsonParser parser, DeserializationContext context) {
			Long number = null;
			if (parser.hasToken(JsonToken.VALUE_NUMBER_INT) && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
				number = parser.getLongValue();
			}
			else if (parser.hasToken(JsonToken.VALUE_STRING)) {
				number = ExpectedVersion.digits(parser.getString().strip());
			}
			if (number == null || number < 0) {
				throw new TypedValues.Unreadable(parser, parser.getString(), SentVersion.class, INVALID);
			}
			return new SentVersion(number);
		}
	}
}
