package dev.kervan.platform;

import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Which characters stored text may hold: the one place that decides it, for the API, the forms, the imports, file
 * names and documents alike. Three kinds of text:
 * <ul>
 * <li><b>codes</b> (product and warehouse codes, lots, serials, tax numbers, phone numbers, e-mail addresses, file
 * names): no control character at all (not even a tab or a line break) and no character that changes the writing
 * direction, the invisible marks (LRM, RLM, ALM) included: a code must read the same wherever it is shown;</li>
 * <li><b>names</b> (of accounts, products, people, titles, summaries, references): no control character but tab and
 * line breaks, no direction override, embedding or isolate (U+202A–U+202E, U+2066–U+2069, the trick that shows
 * {@code ‮gnp.exe} as {@code exe.png}); the marks LRM, RLM and ALM stay, Persian text needs them next to Latin
 * words and digits; and no full card number;</li>
 * <li><b>free text</b> (notes, descriptions, messages, reasons, addresses' lines): the same characters are taken
 * out rather than refused, since a note pasted from elsewhere may carry them unseen; a full card number is still
 * refused.</li>
 * </ul>
 * Refusals are message codes; none of them echoes the text, so a card number is never repeated back or logged.
 */
public final class TextHygiene {

	/** A control character (NUL, BEL, DEL, C1…), or a code unit that is no character at all (a lone surrogate). */
	public static final String CONTROL_CHARACTER = "error.text.control-character";

	/** PostgreSQL's states for text it cannot hold: a NUL in text (22021) or in JSON (22P05). */
	private static final java.util.Set<String> UNSTORABLE = java.util.Set.of("22021", "22P05");

	/** Whether the database refused a write or a query for a character no text rule caught (a NUL, say). */
	public static boolean isUnstorable(Throwable cause) {
		return cause instanceof java.sql.SQLException refused && UNSTORABLE.contains(refused.getSQLState());
	}

	/** A character that changes the writing direction of the text around it. */
	public static final String DIRECTION_CHARACTER = "error.text.direction-character";

	/** What looks like a full payment card number. */
	public static final String CARD_NUMBER = "error.card.number-refused";

	/**
	 * The first 13 to 19 digits of a run of digits, possibly split by spaces or dashes: the shape of a card number. A
	 * run glued to a letter is an IBAN, a serial or another code, not a card; nor is the rest of a longer run.
	 */
	private static final Pattern CARD_LIKE = Pattern.compile("(?<![\\p{L}\\p{Nd}])(?<!\\p{Nd}[ -])(?:\\p{Nd}[ -]?){12,18}\\p{Nd}");

	private TextHygiene() {
	}

	/** What is wrong with a code, if anything: a message code. */
	public static Optional<String> codeProblem(@Nullable String text) {
		return characterProblem(text, false);
	}

	/** What is wrong with a name, if anything: a message code. */
	public static Optional<String> nameProblem(@Nullable String text) {
		Optional<String> problem = characterProblem(text);
		if (problem.isPresent()) {
			return problem;
		}
		return containsCardNumber(text) ? Optional.of(CARD_NUMBER) : Optional.empty();
	}

	/**
	 * What is wrong with the characters of a name, if anything, leaving card numbers to the field's own rules: for
	 * text checked before it is known which field it fills (a cell of an imported file).
	 */
	public static Optional<String> characterProblem(@Nullable String text) {
		return characterProblem(text, true);
	}

	/**
	 * Free text with the characters it may not hold taken out: control characters but tab and line breaks, direction
	 * overrides, embeddings and isolates, and code units that are no character.
	 */
	public static String freeText(String text) {
		return without(text, true);
	}

	/** A code or name with every character it may not hold taken out, to look it up or show it after a refusal. */
	public static String withoutRefused(String text, boolean name) {
		return without(text, name);
	}

	/**
	 * Text as an XML document may carry it: characters XML 1.0 cannot hold (control characters but tab and line
	 * breaks, lone surrogates, U+FFFE and U+FFFF) and direction overrides are taken out. For documents built from
	 * stored text, some of it stored before these rules.
	 */
	public static String forXml(String text) {
		return without(text, true);
	}

	/** Whether text holds something shaped like a full card number (13 to 19 digits) that passes the Luhn check. */
	public static boolean containsCardNumber(@Nullable String text) {
		if (text == null || text.length() < 13) {
			return false;
		}
		var matcher = CARD_LIKE.matcher(text);
		while (matcher.find()) {
			if (luhn(matcher.group())) {
				return true;
			}
		}
		return false;
	}

	private static boolean luhn(String candidate) {
		int sum = 0;
		int digits = 0;
		boolean doubled = false;
		for (int i = candidate.length() - 1; i >= 0; i--) {
			int digit = Character.digit(candidate.charAt(i), 10);
			if (digit < 0) {
				continue;
			}
			if (doubled) {
				digit *= 2;
				if (digit > 9) {
					digit -= 9;
				}
			}
			sum += digit;
			digits++;
			doubled = !doubled;
		}
		return digits >= 13 && sum % 10 == 0;
	}

	private static Optional<String> characterProblem(@Nullable String text, boolean name) {
		if (text == null) {
			return Optional.empty();
		}
		boolean direction = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (isControl(c, name) || isLoneSurrogate(text, i)) {
				return Optional.of(CONTROL_CHARACTER);
			}
			direction |= isDirectionOverride(c) || (!name && isDirectionMark(c));
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
		}
		return direction ? Optional.of(DIRECTION_CHARACTER) : Optional.empty();
	}

	private static String without(String text, boolean name) {
		StringBuilder kept = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
					&& Character.isLowSurrogate(text.charAt(i + 1));
			boolean refused = isControl(c, name) || isLoneSurrogate(text, i) || isDirectionOverride(c)
					|| (!name && isDirectionMark(c));
			if (refused && kept == null) {
				kept = new StringBuilder(text.length()).append(text, 0, i);
			}
			if (!refused && kept != null) {
				kept.append(c);
				if (pair) {
					kept.append(text.charAt(i + 1));
				}
			}
			if (pair) {
				i++;
			}
		}
		return kept == null ? text : kept.toString();
	}

	/** C0 and C1 control characters and DEL; in names and free text tab and line breaks are text. */
	private static boolean isControl(char c, boolean lines) {
		if (lines && (c == '\t' || c == '\n' || c == '\r')) {
			return false;
		}
		// U+FFFE and U+FFFF are no characters; XML refuses them like control characters.
		return Character.getType(c) == Character.CONTROL || c == '\uFFFE' || c == '\uFFFF';
	}

	private static boolean isLoneSurrogate(String text, int i) {
		char c = text.charAt(i);
		if (Character.isHighSurrogate(c)) {
			return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
		}
		return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
	}

	/** Embeddings, overrides and isolates: they reorder the text that follows them. */
	private static boolean isDirectionOverride(char c) {
		return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
	}

	/** The invisible marks LRM, RLM and ALM: harmless in words, misleading in codes. */
	private static boolean isDirectionMark(char c) {
		return c == '\u200E' || c == '\u200F' || c == '\u061C';
	}
}
