package dev.kervan.platform;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One sentence of a history entry, in the reader's language, cut into segments so that a page isolates each name and
 * value ({@code <bdi>}) within the sentence's direction, and the values it lists (a record's first values).
 */
public record HistoryLine(List<Segment> segments, List<Detail> details) {

	/** The sentence as plain text, as a screen reader or a test reads it. */
	public String text() {
		var text = new StringBuilder();
		segments.forEach(segment -> text.append(segment.text()));
		return text.toString();
	}

	public HistoryLine withDetails(List<Detail> values) {
		return new HistoryLine(segments, values);
	}

	/**
	 * A piece of a sentence: the words around, who, a field's label or a value ({@code full}: the value before it was
	 * shortened; {@code dir}: the direction of a value that has no letters to tell it, as a phone number's digits).
	 */
	public record Segment(String text, Role role, @Nullable String full, @Nullable String dir) {

		public static Segment who(String name) {
			return new Segment(name, Role.WHO, null, null);
		}

		public static Segment field(String label) {
			return new Segment(label, Role.FIELD, null, null);
		}

		public static Segment value(String text) {
			return new Segment(text, Role.VALUE, null, null);
		}

		/** A value read left to right whatever the page's direction: "+90 532 111 22 33" in a Persian sentence. */
		public static Segment leftToRight(String text) {
			return new Segment(text, Role.VALUE, null, "ltr");
		}

		public static Segment words(String text) {
			return new Segment(text, Role.WORDS, null, null);
		}
	}

	public enum Role {
		WORDS, WHO, FIELD, VALUE
	}

	/** A value listed under a sentence: its field's label and the value. */
	public record Detail(String label, Segment value) {
	}
}
