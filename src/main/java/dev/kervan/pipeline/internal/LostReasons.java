package dev.kervan.pipeline.internal;

import java.util.List;
import java.util.Map;

import dev.kervan.platform.AuditTrail;
import dev.kervan.platform.DomainException;
import dev.kervan.platform.ErrorKind;
import dev.kervan.platform.ExpectedVersion;
import dev.kervan.platform.Checks;
import dev.kervan.platform.RecordNotFoundException;
import dev.kervan.platform.TranslatedNames;
import dev.kervan.platform.Versioned;
import dev.kervan.platform.VersionedRow;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Why opportunities are lost: a list administrators keep; retired reasons stay on the opportunities that had them. */
@Service
public class LostReasons {

	static final String RECORD_TYPE = "lost-reason";

	public record LostReason(long id, String name, boolean active, long version) implements Versioned {

		Map<String, Object> snapshot() {
			return Map.of("name", name, "active", active);
		}
	}

	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final PipelinePolicy policy;

	LostReasons(JdbcClient jdbc, AuditTrail audit, PipelinePolicy policy) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.policy = policy;
	}

	public List<LostReason> list(boolean withRetired) {
		policy.requireSales();
		return jdbc.sql(select() + (withRetired ? "" : " where active") + " order by lower(" + TranslatedNames.shown("r") + "), id")
			.query((rs, n) -> reason(rs))
			.list();
	}

	public LostReason get(long id) {
		policy.requireSales();
		return jdbc.sql(select() + " where id = :id").param("id", id)
			.query((rs, n) -> reason(rs))
			.optional()
			.orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, id));
	}

	boolean isActive(long id) {
		return jdbc.sql("select count(*) from lost_reason where id = :id and active").param("id", id).query(Long.class).single() > 0;
	}

	@Transactional
	public LostReason create(NewLostReason command) {
		policy.requireManager();
		var checks = new Checks();
		String name = checks.required("name", checks.name("name", command.name(), 120));
		checks.throwIfInvalid();
		try {
			long id = jdbc.sql("insert into lost_reason (name) values (:name) returning id").param("name", name)
				.query(Long.class).single();
			audit.created(RECORD_TYPE, id, Map.of("name", name));
			return get(id);
		}
		catch (DuplicateKeyException e) {
			throw new DomainException(ErrorKind.CONFLICT, "error.pipeline.lost-reason-name-taken");
		}
	}

	@Transactional
	public LostReason update(long id, ExpectedVersion expected, LostReasonChange change) {
		policy.requireManager();
		var row = VersionedRow.read(RECORD_TYPE, id, expected, this::get);
		LostReason before = row.current();
		var checks = new Checks();
		String name = before.name();
		if (change.name().isGiven()) {
			name = checks.required("name", checks.name("name", change.name().value(), 120));
		}
		boolean active = change.active().isGiven() ? !Boolean.FALSE.equals(change.active().value()) : before.active();
		checks.throwIfInvalid();
		var intended = new LostReason(id, name, active, before.version());
		if (!AuditTrail.changes(before.snapshot(), intended.snapshot())) {
			return before;
		}
		try {
			int changed = jdbc.sql("""
					update lost_reason set %s, active = :active, version = version + 1
					where id = :id and version = :version""".formatted(TranslatedNames.renameTo("name")))
				.param("name", name).param("active", active).param("id", id).param("version", before.version()).update();
			row.requireWritten(changed);
		}
		catch (DuplicateKeyException e) {
			throw new DomainException(ErrorKind.CONFLICT, "error.pipeline.lost-reason-name-taken");
		}
		LostReason after = get(id);
		audit.updated(RECORD_TYPE, id, before.snapshot(), after.snapshot());
		return after;
	}

	private static String select() {
		return "select id, " + TranslatedNames.shown("r") + " as name, active, version from lost_reason r";
	}

	private static LostReason reason(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new LostReason(rs.getLong("id"), rs.getString("name"), rs.getBoolean("active"), rs.getLong("version"));
	}
}
