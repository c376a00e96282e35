package dev.kervan.platform;

import org.jspecify.annotations.Nullable;

/**
 * How many items a list answers at most: 50 unless asked, never more than 200.
 */
public record PageLimit(int value) {

	public static final int DEFAULT = 50;
	public static final int MAX = 200;

	public static PageLimit of(@Nullable Integer requested) {
		if (requested == null) {
			return new PageLimit(DEFAULT);
		}
		if (requested < 1) {
			throw InvalidInputException.of("limit", "error.limit.too-small");
		}
		return new PageLimit(Math.min(requested, MAX));
	}

	/** One more than the limit: fetching it tells whether a next page exists. */
	public int probe() {
		return value + 1;
	}
}
