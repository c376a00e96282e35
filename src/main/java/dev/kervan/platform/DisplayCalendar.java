package dev.kervan.platform;

import java.util.Locale;

/**
 * The calendar dates are shown in. Stored dates are always ISO (Gregorian); a Persian user may prefer to
 * read them in the Solar Hijri calendar.
 */
public enum DisplayCalendar {

	GREGORIAN, SOLAR_HIJRI;

	/** Session attribute that holds the logged-in user's choice. */
	public static final String SESSION_ATTRIBUTE = "kervan.calendar";

	/** The ICU locale that formats dates of the given language in this calendar. */
	public com.ibm.icu.util.ULocale icuLocale(Locale locale) {
		var base = com.ibm.icu.util.ULocale.forLocale(locale);
		return this == SOLAR_HIJRI ? base.setKeywordValue("calendar", "persian")
				: base.setKeywordValue("calendar", "gregorian");
	}
}
