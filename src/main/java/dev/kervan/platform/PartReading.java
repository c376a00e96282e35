package dev.kervan.platform;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * How a part of a record reads in the record's history (an account's contact, kept as {@code contacts[12].phone}):
 * its noun (a message key: "contact"), the field that names it ({@code name}; none when the line's own value does, as
 * an attachment's file name), the kind of record that names it when the change does not ({@link RecordNames}), and
 * its fields. A part added with a change is said as added, one taken away as removed, and a changed one field by
 * field. A part that shows in the history as an entry of its own (an account's notes) is {@code quietWhenAdded}.
 */
public record PartReading(String noun, @Nullable String titleField, @Nullable String namesKind, Map<String, FieldReading> fields,
		boolean quietWhenAdded) {

	public static PartReading of(String noun, @Nullable String titleField, @Nullable String namesKind,
			Map<String, FieldReading> fields) {
		return new PartReading(noun, titleField, namesKind, fields, false);
	}

	/** The part is shown by an entry of its own when added; only its later changes are said. */
	public PartReading addedQuietly() {
		return new PartReading(noun, titleField, namesKind, fields, true);
	}
}
