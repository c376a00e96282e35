package dev.kervan.platform;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Numbers as people type them on a page: with the grouping and decimal marks of their language ({@code 12,500.50} in
 * English, {@code 12.500,50} in Turkish, {@code ۱۲٬۵۰۰٫۵۰} or {@code 12,500.50} in Persian), in Persian or
 * Arabic-Indic digits, with a currency before or after ({@code ₺12.500,50}, {@code 12.500,50 TL},
 * {@code 12,500.50 TRY}), spaces, and a minus sign ({@code -} or {@code −}). The one place that reads them: forms
 * through {@link Commands#read}, and spreadsheets through {@link ImportedCells#decimal}.
 * <p>
 * The rules: a mark that appears once among digits is the decimal mark when it is the language's; the Persian
 * decimal mark ({@code ٫}) always is. A mark followed by groups of exactly three digits groups thousands
 * ({@code 12.500} in Turkish is 12500, and so is {@code 1.234.567} 1234567 in any language); one that is not is the
 * decimal mark if it appears once ({@code 12.5} in Turkish is 12.5). With two marks the later one, appearing once,
 * is the decimal mark and the other groups thousands. Anything else ({@code 12,50,0}, {@code 1.2.3,4,5}, letters)
 * is no number: guessing would store an amount a thousand times off.
 */
public final class TypedNumbers {

	/** Longer than any number a record holds with its marks, currency and spaces; longer text is no number. */
	private static final int LONGEST = 100;

	private static final char PERSIAN_DECIMAL = '\u066b';
	private static final char PERSIAN_GROUPING = '\u066c';

	/** The marks a spreadsheet's cell may hold alone as its decimal mark: its language is not known. */
	private static final String ANY_DECIMAL_MARK = ".,";

	/** Currencies written as words, which no ISO code or symbol covers: Iran's rial. */
	private static final Set<String> CURRENCY_WORDS = Set.of("TL", "ریال", "ريال");

	private static final Set<String> CURRENCY_CODES = Currency.getAvailableCurrencies().stream()
		.map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());

	private TypedNumbers() {
	}

	/** The number typed in {@code language}; empty when the text is no number by the rules above. */
	public static Optional<BigDecimal> read(@Nullable String text, Locale language) {
		return read(text, decimalMark(language));
	}

	/**
	 * The number typed in a spreadsheet of an unknown language: as {@link #read}, except that a point or a comma
	 * appearing once, not followed by three digits, is the decimal mark whichever it is ({@code 12,5} and
	 * {@code 12.5} are both 12.5).
	 */
	public static Optional<BigDecimal> readAnyLanguage(@Nullable String text) {
		return read(text, ANY_DECIMAL_MARK);
	}

	/** The mark a language writes decimals with, among the Latin ones: Persian typed with Latin marks uses the point. */
	private static String decimalMark(Locale language) {
		return language.getLanguage().equals("tr") ? "," : ".";
	}

	private static Optional<BigDecimal> read(@Nullable String text, String decimalMarks) {
		if (text == null || text.isBlank() || text.length() > LONGEST) {
			return Optional.empty();
		}
		String normal = normalized(text);
		int first = firstNumberChar(normal);
		int last = lastNumberChar(normal);
		if (first < 0) {
			return Optional.empty();
		}
		Optional<Boolean> negative = sign(normal.substring(0, first).replace(" ", ""));
		String after = normal.substring(last + 1).replace(" ", "");
		if (negative.isEmpty() || !(after.isEmpty() || isCurrency(after))
				|| (!after.isEmpty() && hasCurrency(normal.substring(0, first)))) {
			return Optional.empty();
		}
		return plain(normal.substring(first, last + 1), decimalMarks)
			.map(plain -> new BigDecimal(negative.get() ? "-" + plain : plain));
	}

	/** The text with ASCII digits, one kind of space and the ASCII minus. */
	private static String normalized(String text) {
		var normal = new StringBuilder(text.length());
		for (char c : latinDigits(text.strip()).toCharArray()) {
			if (c == '\u00a0' || c == '\u202f' || c == '\u2009' || c == '\u2007' || c == '\t') {
				normal.append(' ');
			}
			else {
				normal.append(c == '\u2212' ? '-' : c);
			}
		}
		return normal.toString();
	}

	/**
	 * The text with Persian and Arabic-Indic digits as ASCII ones, and without the direction marks a Persian text
	 * carries around numbers (and {@link Formats} writes).
	 */
	static String latinDigits(String text) {
		var latin = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			if (c >= '\u06f0' && c <= '\u06f9') {
				latin.append((char) ('0' + c - '\u06f0'));
			}
			else if (c >= '\u0660' && c <= '\u0669') {
				latin.append((char) ('0' + c - '\u0660'));
			}
			else if (c != '\u200e' && c != '\u200f' && c != '\u061c') {
				latin.append(c);
			}
		}
		return latin.toString();
	}

	private static boolean isNumberChar(char c) {
		return c >= '0' && c <= '9' || c == '.' || c == ',' || c == PERSIAN_DECIMAL || c == PERSIAN_GROUPING;
	}

	private static int firstNumberChar(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (isNumberChar(text.charAt(i))) {
				return i;
			}
		}
		return -1;
	}

	private static int lastNumberChar(String text) {
		for (int i = text.length() - 1; i >= 0; i--) {
			if (isNumberChar(text.charAt(i))) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * Whether what stands before the number makes it negative: nothing, a sign, a currency, or a sign and a currency
	 * in either order; empty when it is anything else.
	 */
	private static Optional<Boolean> sign(String before) {
		if (before.isEmpty()) {
			return Optional.of(false);
		}
		char head = before.charAt(0);
		char tail = before.charAt(before.length() - 1);
		if (head == '-' || head == '+') {
			String rest = before.substring(1);
			return rest.isEmpty() || isCurrency(rest) ? Optional.of(head == '-') : Optional.empty();
		}
		if (tail == '-' || tail == '+') {
			String rest = before.substring(0, before.length() - 1);
			return isCurrency(rest) ? Optional.of(tail == '-') : Optional.empty();
		}
		return isCurrency(before) ? Optional.of(false) : Optional.empty();
	}

	private static boolean hasCurrency(String before) {
		return before.chars().anyMatch(c -> c != ' ' && c != '-' && c != '+');
	}

	/** A currency symbol ({@code ₺ $ € ﷼}), an ISO code in any case ({@code TRY}, {@code try}) or {@code TL}. */
	private static boolean isCurrency(String text) {
		if (text.codePointCount(0, text.length()) == 1) {
			return Character.getType(text.codePointAt(0)) == Character.CURRENCY_SYMBOL;
		}
		String upper = text.toUpperCase(Locale.ROOT);
		return CURRENCY_CODES.contains(upper) || CURRENCY_WORDS.contains(upper);
	}

	/** The digits and marks of a number as a plain decimal ({@code 12500.50}), or empty when the marks say nothing sure. */
	private static Optional<String> plain(String body, String decimalMarks) {
		Set<Character> marks = new LinkedHashSet<>();
		for (char c : body.toCharArray()) {
			if (c < '0' || c > '9') {
				if (!isNumberChar(c) && c != ' ') {
					return Optional.empty();
				}
				marks.add(c);
			}
		}
		if (marks.isEmpty()) {
			return Optional.of(body);
		}
		if (marks.size() > 2) {
			return Optional.empty();
		}
		if (marks.size() == 2) {
			int at = lastMark(body);
			char decimal = body.charAt(at);
			char grouping = marks.stream().filter(mark -> mark != decimal).findFirst().orElseThrow();
			if (!mayBeDecimal(decimal) || grouping == PERSIAN_DECIMAL || body.indexOf(decimal) != at) {
				return Optional.empty();
			}
			return grouped(body.substring(0, at), grouping).flatMap(whole -> decimal(whole, body.substring(at + 1)));
		}
		char mark = marks.iterator().next();
		int count = (int) body.chars().filter(c -> c == mark).count();
		if (mark == ' ' || mark == PERSIAN_GROUPING) {
			return grouped(body, mark);
		}
		int at = body.indexOf(mark);
		boolean once = count == 1;
		if (mark == PERSIAN_DECIMAL || once && decimalMarks.indexOf(mark) >= 0) {
			return once ? decimal(body.substring(0, at), body.substring(at + 1)) : Optional.empty();
		}
		Optional<String> grouped = grouped(body, mark);
		return grouped.isPresent() || !once ? grouped : decimal(body.substring(0, at), body.substring(at + 1));
	}

	private static int lastMark(String body) {
		for (int i = body.length() - 1; i >= 0; i--) {
			if (body.charAt(i) < '0' || body.charAt(i) > '9') {
				return i;
			}
		}
		return -1;
	}

	private static boolean mayBeDecimal(char mark) {
		return mark == '.' || mark == ',' || mark == PERSIAN_DECIMAL;
	}

	/**
	 * The digits of a whole number grouped by {@code mark} in thousands ({@code 1.234.567}), without the marks;
	 * empty when the groups are not one to three digits (not starting with 0) and then groups of three.
	 */
	private static Optional<String> grouped(String whole, char mark) {
		String[] groups = whole.split(java.util.regex.Pattern.quote(String.valueOf(mark)), -1);
		if (groups.length < 2 || groups[0].isEmpty() || groups[0].length() > 3 || groups[0].charAt(0) == '0') {
			return Optional.empty();
		}
		for (int i = 1; i < groups.length; i++) {
			if (groups[i].length() != 3) {
				return Optional.empty();
			}
		}
		return Optional.of(String.join("", groups));
	}

	/** A whole part (may be empty: {@code ,5}) and its decimals (at least one digit) as a plain decimal. */
	private static Optional<String> decimal(String whole, String fraction) {
		if (fraction.isEmpty() || !whole.chars().allMatch(Character::isDigit)) {
			return Optional.empty();
		}
		return Optional.of((whole.isEmpty() ? "0" : whole) + "." + fraction);
	}
}
