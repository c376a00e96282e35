package dev.kervan.platform;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * Decimals as people read them back: a limit stored as {@code 50000.0000} (the database keeps four places)
 * is answered as {@code 50000.00}, a rate of {@code 12.5000} as {@code 12.50}; significant places are never
 * dropped.
 */
public final class Decimals {

	private Decimals() {
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
