package dev.kervan.activities.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.kervan.identity.CurrentUsers;
import dev.kervan.identity.Role;
import dev.kervan.platform.AuditTrail;
import dev.kervan.platform.Checks;
import dev.kervan.platform.DomainException;
import dev.kervan.platform.ErrorKind;
import dev.kervan.platform.ExpectedVersion;
import dev.kervan.platform.RecordNotFoundException;
import dev.kervan.platform.TranslatedNames;
import dev.kervan.platform.Versioned;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Kinds of activity (mail, call, meeting, to-do and those administrators add), each with a category, a default
 * summary, how many days after planning it is due, and the activity suggested once it is done.
 */
@Service
public class ActivityTypes {

	static final String RECORD_TYPE = "activity-type";

	public enum Category {
		EMAIL, CALL, MEETING, TODO, OTHER
	}

	public record ActivityType(long id, String name, Category category, @Nullable String defaultSummary, int delayDays,
			@Nullable Long nextTypeId, boolean active, long version) implements Versioned {
	}

	private final JdbcClient jdbc;
	private final CurrentUsers users;
	private final AuditTrail audit;

	ActivityTypes(JdbcClient jdbc, CurrentUsers users, AuditTrail audit) {
		this.jdbc = jdbc;
		this.users = users;
		this.audit = audit;
	}

	public List<ActivityType> list() {
		ActivityPolicy.requireStaff(users.get());
		return jdbc.sql(select() + " order by id").query((rs, n) -> type(rs)).list();
	}

	/** A type, for staff. */
	public ActivityType read(long id) {
		ActivityPolicy.requireStaff(users.get());
		return get(id);
	}

	public ActivityType get(long id) {
		return find(id).orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, id));
	}

	Optional<ActivityType> find(long id) {
		return jdbc.sql(select() + " where id = :id").param("id", id).query((rs, n) -> type(rs)).optional();
	}

	@Transactional
	public ActivityType create(NewActivityType command) {
		requireAdministrator();
		var checks = new Checks();
		var values = apply(checks, command.asChange(), new ActivityType(0, "", Category.TODO, null, 0, null, true, 0));
		checks.throwIfInvalid();
		try {
			long id = jdbc.sql("""
					insert into activity_type (name, category, default_summary, delay_days, next_type, active)
					values (:name, :category, :summary, :delay, :next, :active) returning id""")
				.params(params(values))
				.query(Long.class)
				.single();
			audit.created(RECORD_TYPE, id, params(values));
			return get(id);
		}
		catch (DuplicateKeyException e) {
			throw new DomainException(ErrorKind.CONFLICT, "error.activity.type-name-taken");
		}
	}

	@Transactional
	public ActivityType update(long id, ExpectedVersion expected, ActivityTypeChange change) {
		requireAdministrator();
		ActivityType before = get(id);
		expected.verify(RECORD_TYPE, id, before.version());
		var checks = new Checks();
		var values = apply(checks, change, before);
		if (values.nextTypeId() != null && values.nextTypeId() == id) {
			checks.reject("nextTypeId", "error.activity.next-is-itself");
		}
		checks.throwIfInvalid();
		if (!AuditTrail.changes(params(before), params(values))) {
			return before;
		}
		var params = params(values);
		params.put("id", id);
		params.put("version", before.version());
		try {
			int changed = jdbc.sql("""
					update activity_type set %s, category = :category, default_summary = :summary, delay_days = :delay,
					  next_type = :next, active = :active, version = version + 1 where id = :id and version = :version"""
					.formatted(TranslatedNames.renameTo("name")))
				.params(params)
				.update();
			if (changed == 0) {
				throw expected.conflict(RECORD_TYPE, id, get(id).version());
			}
		}
		catch (DuplicateKeyException e) {
			throw new DomainException(ErrorKind.CONFLICT, "error.activity.type-name-taken");
		}
		audit.updated(RECORD_TYPE, id, params(before), params(values));
		return get(id);
	}

	private void requireAdministrator() {
		users.get().require(ActivityPolicy.REFUSAL, Role.ADMIN);
	}

	/** The type after the change; a field not sent keeps its value, and a new type starts from the defaults. */
	private ActivityType apply(Checks checks, ActivityTypeChange change, ActivityType current) {
		String name = current.name();
		if (change.name().isGiven()) {
			String given = checks.required("name", checks.name("name", change.name(), 80).value());
			name = given == null ? "" : given;
		}
		Category category = current.category();
		if (change.category().isGiven()) {
			Category chosen = checks.required("category", change.category().value());
			category = chosen == null ? category : chosen;
		}
		String summary = checks.name("defaultSummary", change.defaultSummary(), 200).applyTo(current.defaultSummary());
		int delay = current.delayDays();
		if (change.delayDays().isGiven()) {
			Integer days = change.delayDays().value();
			if (days == null || days < 0 || days > 3650) {
				checks.reject("delayDays", "error.value.range", 0, 3650);
			}
			else {
				delay = days;
			}
		}
		Long next = change.nextTypeId().applyTo(current.nextTypeId());
		if (change.nextTypeId().isGiven() && next != null && find(next).isEmpty()) {
			checks.reject("nextTypeId", "error.activity.unknown-type", next);
		}
		boolean active = change.active().isGiven() ? !Boolean.FALSE.equals(change.active().value()) : current.active();
		return new ActivityType(current.id(), name, category, summary, delay, next, active, current.version());
	}

	private static Map<String, Object> params(ActivityType t) {
		var params = new java.util.HashMap<String, Object>();
		params.put("name", t.name());
		params.put("category", t.category().name());
		params.put("summary", t.defaultSummary());
		params.put("delay", t.delayDays());
		params.put("next", t.nextTypeId());
		params.put("active", t.active());
		return params;
	}

	private static String select() {
		return "select id, " + TranslatedNames.shown("t") + " as name, category, default_summary, delay_days, next_type, active,"
				+ " version from activity_type t";
	}

	private static ActivityType type(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new ActivityType(rs.getLong("id"), rs.getString("name"), Category.valueOf(rs.getString("category")),
				rs.getString("default_summary"), rs.getInt("delay_days"), rs.getObject("next_type", Long.class),
				rs.getBoolean("active"), rs.getLong("version"));
	}
}
