package dev.kervan.customers.internal;

import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.kervan.platform.AuditTrail;
import dev.kervan.platform.Checks;
import dev.kervan.platform.DomainException;
import dev.kervan.platform.ErrorKind;
import dev.kervan.platform.ExpectedVersion;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.repository.CrudRepository;

/**
 * The one way the customers module adds and changes its small versioned rows (the settings' entries and the parts
 * of an account): every problem of the command is collected and thrown at once, a change on a stale version is
 * refused before anything is applied, a change that changes nothing saves nothing (no new version, no history), and
 * a unique key another row holds is a conflict. What happens once a row is saved (its audit line) the caller says.
 */
final class VersionedRows<T extends VersionedRows.Row> {

	/** A row with its id and the version it was read at. */
	interface Row {
		long id();

		long version();
	}

	private final String name;
	private final CrudRepository<T, Long> repository;
	private final Function<T, Map<String, Object>> snapshot;
	private final String duplicate;

	/**
	 * @param name how a refusal of a stale version names the row
	 * @param snapshot the fields the audit trail compares
	 * @param duplicate the message code of a refusal when another row holds the row's unique key
	 */
	VersionedRows(String name, CrudRepository<T, Long> repository, Function<T, Map<String, Object>> snapshot,
			String duplicate) {
		this.name = name;
		this.repository = repository;
		this.snapshot = snapshot;
		this.duplicate = duplicate;
	}

	/** Fills a new row by the command's checks and saves it; {@code saved} is told the row as saved. */
	T add(T row, Consumer<Checks> fill, Consumer<T> saved) {
		var checks = new Checks();
		fill.accept(checks);
		checks.throwIfInvalid();
		T stored = save(row);
		saved.accept(stored);
		return stored;
	}

	/**
	 * Changes a row on the version the client saw; {@code saved} is told its fields before and the row as saved,
	 * unless nothing changed. Answers the row as it is now.
	 */
	T change(T row, ExpectedVersion expected, Consumer<Checks> apply, BiConsumer<Map<String, Object>, T> saved) {
		expected.verify(name, row.id(), row.version());
		Map<String, Object> before = snapshot.apply(row);
		var checks = new Checks();
		apply.accept(checks);
		checks.throwIfInvalid();
		if (!AuditTrail.changes(before, snapshot.apply(row))) {
			return repository.findById(row.id()).orElse(row);
		}
		T stored = save(row);
		saved.accept(before, stored);
		return stored;
	}

	private T save(T row) {
		try {
			return repository.save(row);
		}
		catch (DuplicateKeyException taken) {
			throw new DomainException(ErrorKind.CONFLICT, duplicate);
		}
	}
}
