package dev.kervan.platform;

import java.util.List;

/**
 * A module's contribution to the global search box. A provider answers only records the current user may
 * see.
 */
public interface SearchProvider {

	/** Up to {@code limit} hits for a query typed by a person. */
	List<SearchHit> search(String query, int limit);

	/**
	 * One search result.
	 *
	 * @param kindKey message key naming the kind of record (customer, user…)
	 * @param title what the record is called
	 * @param detail a second line, e.g. an email address; may be empty
	 * @param href the record's page
	 */
	record SearchHit(String kindKey, String title, String detail, String href) {
	}
}
