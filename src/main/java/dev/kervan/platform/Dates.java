package dev.kervan.platform;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The dates Kervan takes from people and programs: {@value #EARLIEST_TEXT} to {@value #LATEST_TEXT}. A date outside
 * is a slip of the keyboard or a probe ({@code +999999999-12-31}), and would fail later, in date arithmetic, in the
 * Solar Hijri calendar or in PostgreSQL, instead of being refused where it was read. JSON bodies
 * (request records), query parameters and forms all ask here; page filters show their default period
 * for a date outside, as they do for nonsense.
 */
public final class Dates {

	static final String EARLIEST_TEXT = "1900-01-01";
	static final String LATEST_TEXT = "2200-12-31";

	public static final LocalDate EARLIEST = LocalDate.parse(EARLIEST_TEXT);
	public static final LocalDate LATEST = LocalDate.parse(LATEST_TEXT);

	/** The message of a refused date; its arguments are {@link #range()}. */
	public static final String OUT_OF_RANGE = "error.value.date-range";

	private Dates() {
	}

	public static boolean isAccepted(LocalDate date) {
		return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
	}

	/** An ISO date ({@code 2026-12-31}) within the accepted range; empty for anything else. */
	public static Optional<LocalDate> parse(@Nullable String text) {
		if (text == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(LocalDate.parse(text.strip())).filter(Dates::isAccepted);
		}
		catch (DateTimeParseException e) {
			return Optional.empty();
		}
	}

	/** The arguments of {@link #OUT_OF_RANGE}: the first and the last accepted date. */
	public static Object[] range() {
		return new Object[] { EARLIEST_TEXT, LATEST_TEXT };
	}
}
