package dev.kervan.activities;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A kind of record activities can be planned on, declared as a bean by the module that owns the record (customers:
 * accounts; pipeline: opportunities and leads), so that activities attach to any record without knowing its module.
 * Activities keep the record as its {@link #type()} and id, ask here who may see it, and show its title and link.
 */
public interface ActivitySubjects {

	/**
	 * The name activities keep for this kind of record ({@code CUSTOMER}): capital letters and underscores, at most
	 * 12, one module's only, and never renamed once activities carry it.
	 */
	String type();

	/** Whether the record exists and the current user may see it and plan activities on it. */
	boolean accepts(long id);

	/** The titles of those of the records that exist and the current user may see, by id. */
	Map<Long, String> titles(Collection<Long> ids);

	/** The path of the record's page. */
	String link(long id);

	/**
	 * The records of this kind that are part of a record of another kind (an account's opportunities): the activities
	 * done on them show in that record's timeline. None unless the module says so.
	 */
	default Collection<Long> partsOf(String type, long id) {
		return List.of();
	}

	/**
	 * What happened to a record, of this kind or another (an account's notes, what happened to its opportunities), for
	 * its timeline beside the activities done on it: newest first, at most {@code limit}. Nothing unless the module
	 * says so. Called only for a record the current user may see.
	 */
	default List<TimelineEvent> timeline(String type, long id, int limit) {
		return List.of();
	}
}
