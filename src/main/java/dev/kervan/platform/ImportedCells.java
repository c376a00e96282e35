package dev.kervan.platform;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;

/**
 * The cells of an {@link ImportedTable} as the rules read them. People type numbers and dates the way their
 * spreadsheet shows them: {@code 1.234,50} in Turkish, Persian digits, a date as {@code 31.12.2026}; an XLSX file
 * keeps a date as a day number. These read them back in the forms the JSON rules expect ({@code 1234.50},
 * {@code 2026-12-31}), leaving anything else as typed so that the rules refuse it with their own message.
 */
public final class ImportedCells {

	/** Day 0 of Excel's day numbers, with its 1900 leap-year bug already counted in. */
	private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

	private static final List<DateTimeFormatter> DAY_FIRST = List.of(DateTimeFormatter.ofPattern("d.M.uuuu"),
			DateTimeFormatter.ofPattern("d/M/uuuu"), DateTimeFormatter.ofPattern("uuuu/M/d"));

	private ImportedCells() {
	}

	/**
	 * A cell's text; a leading apostrophe that {@link TableExport} put before {@code = + - @} to keep a spreadsheet
	 * from running the cell as a formula is taken off again.
	 */
	public static String text(String cell) {
		String text = cell.strip();
		if (text.length() > 1 && text.charAt(0) == '\'' && "=+-@".indexOf(text.charAt(1)) >= 0) {
			return text.substring(1);
		}
		return text;
	}

	/**
	 * A number with a point for decimals and no grouping: {@code 1.234,5}, {@code 1,234.5}, {@code 12,5} and
	 * {@code ۱۲٫۵} become {@code 1234.5}, {@code 1234.5}, {@code 12.5} and {@code 12.5}. The rules are the ones of
	 * numbers typed on a page ({@link TypedNumbers}), except that a file's language is not known: a point or a comma
	 * alone, not followed by three digits, is its decimal mark.
	 */
	public static String decimal(String cell) {
		String text = text(cell);
		return TypedNumbers.readAnyLanguage(text).map(BigDecimal::toPlainString).orElse(text);
	}

	/**
	 * A whole number as the rules read it: {@code 30}, {@code 30,0} and {@code ۳۰} become {@code 30}; anything else is
	 * answered as typed.
	 */
	public static String wholeNumber(String cell) {
		String number = decimal(cell);
		try {
			BigDecimal value = new BigDecimal(number).stripTrailingZeros();
			return value.scale() <= 0 ? value.toPlainString() : number;
		}
		catch (NumberFormatException notANumber) {
			return number;
		}
	}

	/** A code typed with Persian or Arabic-Indic digits (a tax number, a phone) in ASCII digits. */
	public static String latinDigits(String cell) {
		return TypedNumbers.latinDigits(text(cell));
	}

	/**
	 * A date as ISO {@code 2026-12-31}, from ISO, {@code 31.12.2026}, {@code 31/12/2026} or an XLSX day number;
	 * anything else is answered as typed.
	 */
	public static String date(String cell) {
		String text = decimal(cell);
		if (text.matches("\\d{5}(\\.0+)?")) {
			return EXCEL_EPOCH.plusDays(Long.parseLong(text.replaceAll("\\..*", ""))).toString();
		}
		text = text(cell);
		try {
			return LocalDate.parse(text).toString();
		}
		catch (DateTimeParseException e) {
			// one of the day-first forms below
		}
		for (DateTimeFormatter format : DAY_FIRST) {
			try {
				return LocalDate.parse(text, format.withLocale(Locale.ROOT)).toString();
			}
			catch (DateTimeParseException e) {
				// the next form
			}
		}
		return text;
	}

	/**
	 * A header as a key to look columns up by: folded like search text ({@link SearchText}) and without spaces and
	 * punctuation, so {@code Name (Turkish)}, {@code name_tr} and {@code NAME-TR} differ only where the words do.
	 */
	public static String headerKey(String header) {
		var key = new StringBuilder();
		SearchText.fold(header).codePoints().filter(Character::isLetterOrDigit).forEach(key::appendCodePoint);
		return key.toString();
	}

	/**
	 * Which column holds each field: the first column whose header, as a {@link #headerKey}, is one of the field's
	 * names. Columns no field claims are left out.
	 *
	 * @param names the names of each field's column, in any form {@link #headerKey} reads (in every language)
	 */
	public static Map<String, Integer> columns(List<String> headers, Map<String, ? extends Collection<String>> names) {
		var fieldByKey = new HashMap<String, String>();
		names.forEach((field, words) -> words.forEach(word -> fieldByKey.putIfAbsent(headerKey(word), field)));
		var columns = new HashMap<String, Integer>();
		for (int i = 0; i < headers.size(); i++) {
			String field = fieldByKey.get(headerKey(headers.get(i)));
			if (field != null) {
				columns.putIfAbsent(field, i);
			}
		}
		return columns;
	}

	/**
	 * The names each field's column goes by: the field's own name, the header an export writes in each language
	 * ({@code keyPrefix + field} in the message bundles), then the synonyms given, in this order.
	 *
	 * @param synonyms by field, in the order the fields are looked for; a field without synonyms has an empty list
	 */
	public static Map<String, List<String>> headerNames(MessageSource messages, String keyPrefix,
			Map<String, List<String>> synonyms) {
		var names = new LinkedHashMap<String, List<String>>();
		synonyms.forEach((field, others) -> {
			var words = new ArrayList<String>();
			words.add(field);
			for (Locale language : Languages.SUPPORTED) {
				words.add(messages.getMessage(keyPrefix + field, null, field, language));
			}
			words.addAll(others);
			names.put(field, List.copyOf(words));
		});
		return names;
	}
}
