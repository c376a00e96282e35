package dev.kervan.platform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * How one field of a record reads in its history: its label (a message key) and how the audit trail's text of its
 * values is shown to people ({@link Kind}), with what that kind needs ({@code detail}: the message prefix of a
 * choice, the kind of record an id names, the field holding an amount's currency), and optionally a sentence of its
 * own for a change ({@code sentence}: "{0} moved it from {2} to {3}"; a message named {@code sentence.<new value>}
 * wins when the bundle has it, as "{0} marked it won").
 */
public record FieldReading(String label, Kind kind, @Nullable String detail, @Nullable String sentence) {

	/** How values read. */
	public enum Kind {
		/** As typed, shortened when long. */
		TEXT,
		/** A note or a description: shortened more, on one line. */
		LONG_TEXT,
		/** A number in the reader's digits and marks. */
		NUMBER,
		/** A whole percentage ({@code 40} is 40 %). */
		PERCENT,
		/** An amount in the currency the field named by {@code detail} held at the time. */
		MONEY,
		/** An ISO date in the reader's calendar. */
		DATE,
		/** {@code true} or {@code false} as yes or no. */
		YES_NO,
		/** An enum's name through the message {@code detail + name}. */
		CHOICE,
		/** Several enum names, each through the message {@code detail + name}. */
		CHOICES,
		/** The id of a record of the kind {@code detail}, by its name ({@link RecordNames}). */
		REFERENCE,
		/** Several ids of records of the kind {@code detail}. */
		REFERENCES,
		/** Names by language ({@code {tr=…, fa=…}}): a change reads per language, as "Name (Persian)". */
		NAMES,
		/** An ISO country code, by the country's name. */
		COUNTRY,
		/** A language code, by the language's name. */
		LANGUAGE,
		/** A phone number kept in E.164, in international format. */
		PHONE,
		/** Several texts (tags, barcodes). */
		LIST,
		/** A priority of 0 to 3, as stars. */
		STARS,
		/** Values by name as a map keeps them ({@code {Colour=Red, Size=M}}), as "Colour: Red, Size: M". */
		PAIRS,
		/** A JSON object whose keys name records of the kind {@code detail} (an account's extra fields). */
		KEYED,
		/** Not shown: what the record's other lines say already. */
		HIDDEN
	}

	/** Fields in the order a change lists them, labelled by a message prefix and the field's name unless told. */
	public static Fields labelled(String labelPrefix) {
		return new Fields(labelPrefix);
	}

	/** Builds a describer's fields in order: each call adds a field; {@code label} and {@code said} change the last. */
	public static final class Fields {

		private final String labelPrefix;
		private final Map<String, FieldReading> fields = new LinkedHashMap<>();
		private @Nullable String last;

		private Fields(String labelPrefix) {
			this.labelPrefix = labelPrefix;
		}

		public Fields text(String name) {
			return add(name, Kind.TEXT, null);
		}

		public Fields longText(String name) {
			return add(name, Kind.LONG_TEXT, null);
		}

		public Fields number(String name) {
			return add(name, Kind.NUMBER, null);
		}

		public Fields percent(String name) {
			return add(name, Kind.PERCENT, null);
		}

		public Fields money(String name, String currencyField) {
			return add(name, Kind.MONEY, currencyField);
		}

		public Fields date(String name) {
			return add(name, Kind.DATE, null);
		}

		public Fields yesNo(String name) {
			return add(name, Kind.YES_NO, null);
		}

		public Fields choice(String name, String messagePrefix) {
			return add(name, Kind.CHOICE, messagePrefix);
		}

		public Fields choices(String name, String messagePrefix) {
			return add(name, Kind.CHOICES, messagePrefix);
		}

		public Fields reference(String name, String kind) {
			return add(name, Kind.REFERENCE, kind);
		}

		public Fields references(String name, String kind) {
			return add(name, Kind.REFERENCES, kind);
		}

		public Fields names(String name) {
			return add(name, Kind.NAMES, null);
		}

		public Fields country(String name) {
			return add(name, Kind.COUNTRY, null);
		}

		public Fields language(String name) {
			return add(name, Kind.LANGUAGE, null);
		}

		public Fields phone(String name) {
			return add(name, Kind.PHONE, null);
		}

		public Fields list(String name) {
			return add(name, Kind.LIST, null);
		}

		public Fields stars(String name) {
			return add(name, Kind.STARS, null);
		}

		public Fields pairs(String name) {
			return add(name, Kind.PAIRS, null);
		}

		public Fields keyed(String name, String kind) {
			return add(name, Kind.KEYED, kind);
		}

		public Fields hidden(String name) {
			return add(name, Kind.HIDDEN, null);
		}

		/** The last field's label is this message, not the prefix and its name. */
		public Fields label(String key) {
			FieldReading field = lastField();
			fields.put(last, new FieldReading(key, field.kind(), field.detail(), field.sentence()));
			return this;
		}

		/** A change of the last field is said by this message ({0} who, {1} the label, {2} before, {3} after). */
		public Fields said(String key) {
			FieldReading field = lastField();
			fields.put(last, new FieldReading(field.label(), field.kind(), field.detail(), key));
			return this;
		}

		public Map<String, FieldReading> build() {
			return Collections.unmodifiableMap(new LinkedHashMap<>(fields));
		}

		private Fields add(String name, Kind kind, @Nullable String detail) {
			fields.put(name, new FieldReading(labelPrefix + name, kind, detail, null));
			last = name;
			return this;
		}

		private FieldReading lastField() {
			if (last == null) {
				throw new IllegalStateException("No field yet");
			}
			return fields.get(last);
		}
	}
}
