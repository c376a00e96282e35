package dev.kervan.platform;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

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

	/**
	 * What a query of (id, name) rows answers for the ids among {@code ids} that are numbers, bound to it as
	 * {@code :ids} (a bigint array): the usual body of {@link #names}.
	 */
	static Map<String, String> byId(JdbcClient jdbc, String query, Set<String> ids) {
		return jdbc.sql(query)
			.param("ids", ids.stream().filter(id -> id.matches("\\d{1,18}")).map(Long::valueOf).toArray(Long[]::new))
			.query((rs, n) -> Map.entry(String.valueOf(rs.getLong(1)), rs.getString(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (first, second) -> first));
	}

	/** What a query of (code, name) rows answers for {@code codes}, bound to it as {@code :codes} (a text array). */
	static Map<String, String> byCode(JdbcClient jdbc, String query, Set<String> codes) {
		return jdbc.sql(query)
			.param("codes", codes.toArray(String[]::new))
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (first, second) -> first));
	}
}
