package dev.kervan.catalog.internal;

/** What a warranty's length counts: time, or use (operating hours, distance driven). */
public enum WarrantyUnit {
	MONTHS, YEARS, HOURS, KILOMETRES
}
