package dev.kervan.platform;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.DateFormatSymbols;
import com.ibm.icu.text.NumberingSystem;
import com.ibm.icu.text.SimpleDateFormat;
import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import org.jspecify.annotations.Nullable;

/**
 * Dates as people type them on a page, in their calendar, and as a date input shows them. Gregorian dates follow
 * the order of the language ({@code 31.12.2026} in Turkish, {@code 12/31/2026} in English, {@code ۲۰۲۶/۱۲/۳۱} in
 * Persian); a reader who chose the Solar Hijri calendar types {@code ۱۴۰۵/۰۹/۱۲} or {@code 1405/9/12}. ISO
 * ({@code 2026-12-31}) is always read, and any of {@code / . -} separates the parts. Stored dates stay ISO: this only
 * reads and writes what a person sees. The Solar Hijri calendar is ICU's, as {@link Formats} shows it.
 */
public final class TypedDates {

	private static final Pattern DATE = Pattern.compile("(\\d{1,4})([./-])(\\d{1,2})\\2(\\d{1,4})");

	/**
	 * A Solar Hijri reader's years before this are Solar Hijri: 1700 is 2321 in the Gregorian calendar, past every date
	 * Kervan accepts ({@link Dates}), and a Gregorian year of Kervan's range is never below it.
	 */
	private static final int FIRST_GREGORIAN_YEAR = 1700;

	private static final String SOLAR_HIJRI_PATTERN = "yyyy/MM/dd";
	private static final long MILLIS_PER_DAY = 86_400_000L;

	private static final Map<String, String> GREGORIAN_PATTERNS = new ConcurrentHashMap<>();

	/**
	 * What a date input's calendar popup needs to show and write dates as the reader types them: the pattern, the
	 * calendar ({@code gregorian} or {@code persian}), the ten digits, the month names (in the calendar's order) and
	 * the short weekday names (from Sunday), each separated by {@code |}, and the first day of the week (0 is Sunday).
	 */
	public record Picker(String pattern, String calendar, String digits, String months, String weekdays, int firstDay) {
	}

	private TypedDates() {
	}

	/** The pattern a reader types dates in: {@code dd.MM.yyyy}, {@code MM/dd/yyyy}, {@code yyyy/MM/dd}. */
	public static String pattern(Locale language, DisplayCalendar calendar) {
		if (calendar == DisplayCalendar.SOLAR_HIJRI) {
			return SOLAR_HIJRI_PATTERN;
		}
		return GREGORIAN_PATTERNS.computeIfAbsent(language.toLanguageTag(), tag -> gregorianPattern(language));
	}

	/** A date as the reader types it, in their calendar and digits. */
	public static String format(LocalDate date, Locale language, DisplayCalendar calendar) {
		int[] fields = calendar == DisplayCalendar.SOLAR_HIJRI ? solarHijri(date)
				: new int[] { date.getYear(), date.getMonthValue(), date.getDayOfMonth() };
		String pattern = pattern(language, calendar);
		var text = new StringBuilder();
		for (int i = 0; i < pattern.length();) {
			char c = pattern.charAt(i);
			int end = i;
			while (end < pattern.length() && pattern.charAt(end) == c) {
				end++;
			}
			int width = end - i;
			switch (c) {
				case 'y' -> text.append(padded(fields[0], width));
				case 'M' -> text.append(padded(fields[1], width));
				case 'd' -> text.append(padded(fields[2], width));
				default -> text.append(pattern, i, end);
			}
			i = end;
		}
		return withDigits(text.toString(), digits(language));
	}

	/**
	 * The date typed: year first ({@code 2026-12-31}, {@code ۱۴۰۵/۰۹/۱۲}) or last in the language's order of day and
	 * month, with a four-digit year; a Solar Hijri reader's year before 1700 is a Solar Hijri one. Empty when the
	 * text is no date, or no day of its calendar ({@code 30.02.2026}, {@code 1404/12/30}). Whether the date is in
	 * Kervan's range is for {@link Dates} to say.
	 */
	public static Optional<LocalDate> read(@Nullable String text, Locale language, DisplayCalendar calendar) {
		if (text == null || text.length() > 40) {
			return Optional.empty();
		}
		Matcher parts = DATE.matcher(TypedNumbers.latinDigits(text).strip());
		if (!parts.matches()) {
			return Optional.empty();
		}
		String first = parts.group(1);
		String middle = parts.group(3);
		String last = parts.group(4);
		int year;
		int month;
		int day;
		if (first.length() == 4 && last.length() <= 2) {
			year = Integer.parseInt(first);
			month = Integer.parseInt(middle);
			day = Integer.parseInt(last);
		}
		else if (last.length() == 4 && first.length() <= 2) {
			year = Integer.parseInt(last);
			boolean monthFirst = pattern(language, DisplayCalendar.GREGORIAN).startsWith("M");
			month = Integer.parseInt(monthFirst ? first : middle);
			day = Integer.parseInt(monthFirst ? middle : first);
		}
		else {
			return Optional.empty();
		}
		if (calendar == DisplayCalendar.SOLAR_HIJRI && year < FIRST_GREGORIAN_YEAR) {
			return fromSolarHijri(year, month, day);
		}
		try {
			return Optional.of(LocalDate.of(year, month, day));
		}
		catch (java.time.DateTimeException noSuchDay) {
			return Optional.empty();
		}
	}

	/** What a date input's popup needs for the reader's language and calendar. */
	public static Picker picker(Locale language, DisplayCalendar calendar) {
		ULocale locale = calendar.icuLocale(language);
		Calendar icu = Calendar.getInstance(ULocale.addLikelySubtags(locale));
		var symbols = new DateFormatSymbols(icu, locale);
		List<String> weekdays = List.of(symbols.getWeekdays(DateFormatSymbols.STANDALONE, DateFormatSymbols.SHORT))
			.subList(Calendar.SUNDAY, Calendar.SATURDAY + 1);
		return new Picker(pattern(language, calendar), calendar == DisplayCalendar.SOLAR_HIJRI ? "persian" : "gregorian",
				digits(language), String.join("|", symbols.getMonths(DateFormatSymbols.STANDALONE, DateFormatSymbols.WIDE)),
				String.join("|", weekdays), icu.getFirstDayOfWeek() - Calendar.SUNDAY);
	}

	/** The day, month and year of the language's short Gregorian date, in its order and with its separator. */
	private static String gregorianPattern(Locale language) {
		String icu = ((SimpleDateFormat) DateFormat.getDateInstance(DateFormat.SHORT,
				DisplayCalendar.GREGORIAN.icuLocale(language))).toPattern();
		var order = new StringBuilder();
		char separator = 0;
		for (char c : icu.toCharArray()) {
			if ((c == 'd' || c == 'M' || c == 'y') && order.indexOf(String.valueOf(c)) < 0) {
				order.append(c);
			}
			else if (separator == 0 && !Character.isLetter(c) && !Character.isWhitespace(c) && c != '\'' && order.length() > 0) {
				separator = c;
			}
		}
		if (order.length() != 3 || "./-".indexOf(separator) < 0) {
			return "yyyy-MM-dd";
		}
		var pattern = new StringBuilder();
		for (char c : order.toString().toCharArray()) {
			pattern.append(pattern.isEmpty() ? "" : String.valueOf(separator)).append(c == 'y' ? "yyyy" : String.valueOf(c).repeat(2));
		}
		return pattern.toString();
	}

	private static int[] solarHijri(LocalDate date) {
		Calendar persian = solarHijriCalendar();
		persian.setTimeInMillis(date.toEpochDay() * MILLIS_PER_DAY);
		return new int[] { persian.get(Calendar.EXTENDED_YEAR), persian.get(Calendar.MONTH) + 1,
				persian.get(Calendar.DAY_OF_MONTH) };
	}

	private static Optional<LocalDate> fromSolarHijri(int year, int month, int day) {
		Calendar persian = solarHijriCalendar();
		persian.setLenient(false);
		persian.clear();
		persian.set(year, month - 1, day);
		try {
			return Optional.of(LocalDate.ofEpochDay(Math.floorDiv(persian.getTimeInMillis(), MILLIS_PER_DAY)));
		}
		catch (IllegalArgumentException noSuchDay) {
			return Optional.empty();
		}
	}

	/** ICU's Persian calendar, as {@link Formats} shows Solar Hijri dates, counting days in UTC. */
	private static Calendar solarHijriCalendar() {
		return Calendar.getInstance(TimeZone.GMT_ZONE, DisplayCalendar.SOLAR_HIJRI.icuLocale(Locale.ROOT));
	}

	/** The digits the language writes numbers with, 0 to 9: Persian ones in Persian. */
	private static String digits(Locale language) {
		NumberingSystem system = NumberingSystem.getInstance(ULocale.forLocale(language));
		String digits = system.getDescription();
		return !system.isAlgorithmic() && digits.codePointCount(0, digits.length()) == 10 && digits.length() == 10
				? digits : "0123456789";
	}

	private static String withDigits(String text, String digits) {
		var written = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			written.append(c >= '0' && c <= '9' ? digits.charAt(c - '0') : c);
		}
		return written.toString();
	}

	private static String padded(int value, int width) {
		String digits = Integer.toString(value);
		return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
	}
}
