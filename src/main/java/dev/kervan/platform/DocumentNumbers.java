package dev.kervan.platform;

import java.time.LocalDate;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Human numbers for documents, such as {@code SO-2026-000123}: one gap-free sequence per document type and
 * year. The counter row stays locked until the caller's transaction ends, so concurrent documents wait in
 * turn, and a document that rolls back gives its number back: committed numbers never repeat and never skip.
 */
@Service
public class DocumentNumbers {

	private static final Pattern PREFIX = Pattern.compile("[A-Z][A-Z0-9]{0,9}");

	private final JdbcClient jdbc;

	DocumentNumbers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The next number of the given type in the year of {@code date}. Must run inside the transaction that
	 * saves the document.
	 *
	 * @param prefix the document type's prefix, e.g. {@code SO}: capital letters and digits
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public String next(String prefix, LocalDate date) {
		if (!PREFIX.matcher(prefix).matches()) {
			throw new IllegalArgumentException("Not a document prefix: " + prefix);
		}
		long value = jdbc.sql("""
				insert into document_sequence (prefix, year, last_value) values (:prefix, :year, 1)
				on conflict (prefix, year) do update set last_value = document_sequence.last_value + 1
				returning last_value""")
			.param("prefix", prefix)
			.param("year", date.getYear())
			.query(Long.class)
			.single();
		return "%s-%d-%06d".formatted(prefix, date.getYear(), value);
	}
}
