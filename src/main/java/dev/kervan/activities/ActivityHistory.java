package dev.kervan.activities;

import java.util.List;

import dev.kervan.platform.HistoryEntry;

/**
 * The activities of a record as entries of its history (the module that owns the record shows them beside its
 * changes): each one planned, by whom, for whom and when it is due, and each one done, by whom and what came of it.
 */
public interface ActivityHistory {

	/**
	 * The activities planned on the record of this kind ({@code CUSTOMER}) and what was done of them, newest first, in
	 * the reader's language. For a record the caller has let the current user see; nothing for a kind no module declares.
	 */
	List<HistoryEntry> of(String subjectType, long subjectId);
}
