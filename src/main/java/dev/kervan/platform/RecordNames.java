package dev.kervan.platform;

import java.util.Map;
import java.util.Set;

/**
 * Names of a module's records, declared as a bean by the module that owns them, so that a record's history shows the
 * stage, team or price list a change named instead of its id, whichever module's record it is: an account's history
 * names its sales team through the pipeline's bean without customers knowing the pipeline.
 */
public interface RecordNames {

	/** The kinds of record this bean names ({@code pipeline-stage}, {@code sales-team}); a kind has one bean. */
	Set<String> kinds();

	/**
	 * The names of those of the records of the kind that exist, by their id as the audit trail keeps it (the text of
	 * the id, or the code where a record is kept by its code, as a product's unit): one query however many there are.
	 */
	Map<String, String> names(String kind, Set<String> ids);
}
