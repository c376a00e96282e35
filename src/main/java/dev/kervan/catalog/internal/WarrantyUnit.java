package dev.kervan.catalog.internal;

/** What a warranty's length counts: time, or use (operating hours, distance driven). */
public enum WarrantyUnit {
	MONTHS(1_200), YEARS(100), HOURS(1_000_000), KILOMETRES(10_000_000);

	private final int longest;

	WarrantyUnit(int longest) {
		this.longest = longest;
	}

	/** The longest warranty that is not a typing error: a hundred years, or a machine's whole life of use. */
	int longest() {
		return longest;
	}
}
