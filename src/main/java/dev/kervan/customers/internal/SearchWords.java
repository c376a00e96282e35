package dev.kervan.customers.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dictionary of words accounts are found by. A search forgives typing errors word by word: each word of
 * the query is replaced by the few existing words closest to it, and the accounts are then searched exactly.
 * Looking up a few thousand short words is much cheaper than comparing the query with a million accounts.
 */
@Component
class SearchWords {

	/** How close a word must be to count as meant: low enough for "gda" to find "gida". */
	private static final String THRESHOLD = "0.2";
	private static final int ALTERNATIVES = 4;

	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;

	SearchWords(JdbcClient jdbc, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	/**
	 * Adds the words of an account's search text that can be misspelt: words of three letters or more. Numbers,
	 * email addresses and abbreviations are left out; they are found exactly or not at all.
	 */
	void remember(String searchText) {
		// In order, so that two writers adding the same words wait for each other instead of deadlocking.
		String[] words = Arrays.stream(searchText.split(" ")).filter(SearchWords::isWord).distinct().sorted()
			.toArray(String[]::new);
		if (words.length > 0) {
			jdbc.sql("insert into customer_search_word (word) select unnest(cast(:words as text[])) on conflict do nothing")
				.param("words", words)
				.update();
		}
	}

	/** Adds the words of the search texts in a table of accounts, such as the staged rows of an import. */
	void rememberAll(String table) {
		jdbc.sql(rememberAllSql(table)).update();
	}

	static String rememberAllSql(String table) {
		return """
				insert into customer_search_word (word)
				select distinct word from %s, unnest(string_to_array(search_text, ' ')) as word
				where word ~ '^[[:alpha:]]{3,}$' order by word on conflict do nothing""".formatted(table);
	}

	static boolean isWord(String word) {
		return word.length() >= 3 && word.chars().allMatch(Character::isLetter);
	}

	/**
	 * The existing words closest to the words of a query. When some words are found nowhere, not even as part of a
	 * longer word, only those are replaced: reading the words found as typed as their neighbours too would only
	 * widen the search. When all are found, all have alternatives, for the accounts whose names were misspelt.
	 */
	Map<String, List<String>> alternatives(List<String> words) {
		var similar = new LinkedHashMap<String, List<String>>();
		var unknown = new LinkedHashSet<String>();
		transactions.executeWithoutResult(status -> {
			jdbc.sql("select set_config('pg_trgm.similarity_threshold', '" + THRESHOLD + "', true)").query().listOfRows();
			for (String word : words.stream().filter(SearchWords::isWord).toList()) {
				jdbc.sql("""
						select exists (select 1 from customer_search_word where word like :contains) as known,
						       array(select word from customer_search_word where word % :word
						             order by similarity(word, :word) desc, word limit :limit) as similar""")
					.param("contains", "%" + word + "%") // letters only: nothing to escape
					.param("word", word)
					.param("limit", ALTERNATIVES)
					.query((rs, n) -> {
						if (!rs.getBoolean("known")) {
							unknown.add(word);
						}
						return similar.put(word, List.of((String[]) rs.getArray("similar").getArray()));
					})
					.list();
			}
		});
		if (!unknown.isEmpty()) {
			similar.keySet().retainAll(unknown);
		}
		return similar;
	}
}
