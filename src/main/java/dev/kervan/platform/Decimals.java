package dev.kervan.platform;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * Decimals as people read them back: a limit stored as {@code 50000.0000} (the database keeps four places)
 * is answered as {@code 50000.00}, a rate of {@code 12.5000} as {@code 12.50}; significant places are never
 * dropped.
 */
public final class Decimals {

	/** Digits a number read from a request may have before, and after, the decimal point. */
	private static final int MAX_DIGITS = 38;

	private Decimals() {
	}

	/**
	 * Whether a number read from a request is one a record could hold: at most 38 digits before and after the point,
	 * as PostgreSQL's {@code numeric} and people use them. {@code 1e400} and {@code 1e-400} are valid JSON but
	 * overflow later, or take minutes to print, when scaled, converted or written to the database.
	 */
	public static boolean isWithinRange(BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		long integerDigits = (long) stripped.precision() - stripped.scale();
		return integerDigits <= MAX_DIGITS && stripped.scale() <= MAX_DIGITS;
	}

	/** A quantity without the zeros the database pads it with: {@code 12.0000} is {@code 12}, {@code 2.5000} is {@code 2.5}. */
	public static BigDecimal quantity(BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
	}

	public static @Nullable BigDecimal plain(@Nullable BigDecimal value, int minimumScale) {
		if (value == null) {
			return null;
		}
		BigDecimal stripped = value.stripTrailingZeros();
		return stripped.scale() < minimumScale ? stripped.setScale(minimumScale) : stripped;
	}
}
