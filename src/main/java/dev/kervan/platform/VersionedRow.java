package dev.kervan.platform;

import java.util.function.LongFunction;

/**
 * A change of a row kept with plain SQL that clients change against the version they read (a product, a price list,
 * a sales team, a warehouse; documents kept as aggregates use {@link DocumentChanges}): the row
 * is read and its version checked as the client's says (428, 409, 412 before anything changes), then written by one
 * conditional update ({@code … where id = :id and version = :version}), which changes no row when another change
 * came first; that is refused with the version the other change left.
 */
public final class VersionedRow<T extends Versioned> {

	private final String recordType;
	private final long id;
	private final ExpectedVersion expected;
	private final LongFunction<T> load;
	private final T current;

	private VersionedRow(String recordType, long id, ExpectedVersion expected, LongFunction<T> load, T current) {
		this.recordType = recordType;
		this.id = id;
		this.expected = expected;
		this.load = load;
		this.current = current;
	}

	/** The row as it is, when the client's version is its version (or none was needed). */
	public static <T extends Versioned> VersionedRow<T> read(String recordType, long id, ExpectedVersion expected,
			LongFunction<T> load) {
		T current = load.apply(id);
		expected.verify(recordType, id, current.version());
		return new VersionedRow<>(recordType, id, expected, load, current);
	}

	public T current() {
		return current;
	}

	/** Refuses the change when the conditional update changed no row: another change came first. */
	public void requireWritten(int changedRows) {
		if (changedRows == 0) {
			throw expected.conflict(recordType, id, load.apply(id).version());
		}
	}
}
