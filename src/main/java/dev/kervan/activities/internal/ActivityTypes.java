package dev.kervan.activities.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.kervan.identity.CurrentUsers;
import dev.kervan.identity.Role;
import dev.kervan.platform.AuditTrail;
import dev.kervan.platform.DomainException;
import dev.kervan.platform.ErrorKind;
import dev.kervan.platform.ExpectedVersion;
import dev.kervan.platform.PatchDocument;
import dev.kervan.platform.RecordNotFoundException;
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
		return jdbc.sql(SELECT + " order by id").query((rs, n) -> type(rs)).list();
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
		return jdbc.sql(SELECT + " where id = :id").param("id", id).query((rs, n) -> type(rs)).optional();
	}

	@Transactional
	public ActivityType create(PatchDocument doc) {
		requireAdministrator();
		var values = apply(doc, new ActivityType(0, "", Category.TODO, null, 0, null, true, 0), true);
		doc.throwIfInvalid();
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
	public ActivityType update(long id, ExpectedVersion expected, PatchDocument doc) {
		requireAdministrator();
		ActivityType before = get(id);
		expected.verify(RECORD_TYPE, id, before.version());
		var values = apply(doc.ignoring("id", "version"), before, false);
		if (values.nextTypeId() != null && values.nextTypeId() == id) {
			doc.reject("nextTypeId", "error.activity.next-is-itself");
		}
		doc.throwIfInvalid();
		if (!AuditTrail.changes(params(before), params(values))) {
			return before;
		}
		var params = params(values);
		params.put("id", id);
		params.put("version", before.version());
		try {
			int changed = jdbc.sql("""
					update activity_type set name = :name, category = :category, default_summary = :summary, delay_days = :delay,
					  next_type = :next, active = :active, version = version + 1 where id = :id and version = :version""")
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

	private ActivityType apply(PatchDocument doc, ActivityType current, boolean creating) {
		String name = current.name();
		if (creating || doc.has("name")) {
			name = doc.text("name", 80);
			if (name == null) {
				doc.reject("name", "error.value.required");
				name = "";
			}
		}
		Category category = current.category();
		if (creating || doc.has("category")) {
			Category chosen = doc.choice("category", Category.class);
			if (chosen == null) {
				doc.reject("category", "error.value.required");
			}
			else {
				category = chosen;
			}
		}
		String summary = doc.has("defaultSummary") ? doc.text("defaultSummary", 200) : current.defaultSummary();
		int delay = current.delayDays();
		if (doc.has("delayDays")) {
			Integer days = doc.integer("delayDays");
			if (days == null || days < 0 || days > 3650) {
				doc.reject("delayDays", "error.value.range", 0, 3650);
			}
			else {
				delay = days;
			}
		}
		Long next = current.nextTypeId();
		if (doc.has("nextTypeId")) {
			next = doc.id("nextTypeId");
			if (next != null && find(next).isEmpty()) {
				doc.reject("nextTypeId", "error.activity.unknown-type", next);
			}
		}
		boolean active = doc.has("active") ? !Boolean.FALSE.equals(doc.bool("active")) : current.active();
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

	private static final String SELECT = "select id, name, category, default_summary, delay_days, next_type, active, version from activity_type";

	private static ActivityType type(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new ActivityType(rs.getLong("id"), rs.getString("name"), Category.valueOf(rs.getString("category")),
				rs.getString("default_summary"), rs.getInt("delay_days"), rs.getObject("next_type", Long.class),
				rs.getBoolean("active"), rs.getLong("version"));
	}
}
