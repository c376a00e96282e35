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
	 * @param action whether the hit offers to do something (such as creating a record) rather than naming one;
	 * actions are listed after all records
	 */
	record SearchHit(String kindKey, String title, String detail, String href, boolean action) {

		public SearchHit(String kindKey, String title, String detail, String href) {
			this(kindKey, title, detail, href, false);
		}

		public static SearchHit action(String kindKey, String title, String href) {
			return new SearchHit(kindKey, title, "", href, true);
		}
	}
}
