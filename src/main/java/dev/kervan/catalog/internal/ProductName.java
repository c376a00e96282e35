package dev.kervan.catalog.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.deser.std.StdDeserializer;

/**
 * A product's name as a client sends it: a text, or its names by language ({@code {"en": "Kettle", "tr": "Su
 * ısıtıcı"}}), of which the English (else the first) is the name and the others are its translations.
 */
@JsonDeserialize(using = ProductName.Reader.class)
public record ProductName(@Nullable String text, Map<String, String> translations) {

	public ProductName {
		translations = Map.copyOf(translations);
	}

	public static ProductName of(@Nullable String text) {
		return new ProductName(text, Map.of());
	}

	/** Reads a text (a number or a truth value as its text), or an object of texts by language. */
	static final class Reader extends StdDeserializer<ProductName> {

		Reader() {
			super(ProductName.class);
		}

		@Override
		public ProductName deserialize(JsonParser parser, DeserializationContext context) {
			if (parser.currentToken().isScalarValue()) {
				return of(parser.getString());
			}
			if (!parser.hasToken(JsonToken.START_OBJECT)) {
				return (ProductName) context.handleUnexpectedToken(ProductName.class, parser);
			}
			var names = new LinkedHashMap<String, String>();
			for (String language = parser.nextName(); language != null; language = parser.nextName()) {
				JsonToken value = parser.nextToken();
				if (!value.isScalarValue() || value == JsonToken.VALUE_NULL) {
					return (ProductName) context.handleUnexpectedToken(String.class, parser);
				}
				names.put(language, parser.getString());
			}
			if (names.isEmpty()) {
				return context.reportInputMismatch(this, "An object of names names at least one language");
			}
			String main = names.containsKey("en") ? "en" : names.keySet().iterator().next();
			return new ProductName(names.remove(main), names);
		}
	}
}
