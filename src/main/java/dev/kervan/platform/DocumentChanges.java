package dev.kervan.platform;

import java.util.Map;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.repository.CrudRepository;
import org.springframework.stereotype.Component;

/**
 * Saves documents the one way: with their audit line, publishing the events they recorded (Spring Data does when
 * the aggregate is saved), and answering a change based on an old version with the conflict that names the current
 * one, having written nothing.
 */
@Component
public class DocumentChanges {

	private final AuditTrail audit;

	DocumentChanges(AuditTrail audit) {
		this.audit = audit;
	}

	/** Saves a new document and writes its "created" audit line; answers its id. */
	public <D extends VersionedDocument> long created(CrudRepository<D, Long> records, String recordType, D document) {
		D saved = records.save(document);
		audit.created(recordType, saved.id(), saved.snapshot());
		return saved.id();
	}

	/**
	 * Saves a change of a document read at a version, with the audit line from {@code before} (its snapshot before the
	 * change) to now. When another change was saved first, nothing is written and the caller is told the current
	 * version as a conflict ({@link ExpectedVersion#conflict}).
	 */
	public <D extends VersionedDocument> void changed(CrudRepository<D, Long> records, String recordType, D document,
			Map<String, Object> before, ExpectedVersion expected) {
		long id = document.id();
		try {
			records.save(document);
		}
		catch (OptimisticLockingFailureException raced) {
			throw expected.conflict(recordType, id, records.findById(id).map(VersionedDocument::version).orElse(0L));
		}
		audit.updated(recordType, id, before, document.snapshot());
	}
}
