package dev.kervan.platform;

import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The history of every business record: modules report creates, updates and deletes with a snapshot of the
 * record's fields, and the trail keeps one line per changed field, in the same transaction as the change, so a
 * change that rolls back leaves no history either. All lines of one change carry the transaction's start time
 * ({@code now()}), which lets a page group them. Snapshots must never hold secrets such as password hashes.
 */
@Service
public class AuditTrail {

	private static final int HISTORY_LIMIT = 500;

	private final JdbcClient jdbc;

	AuditTrail(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void created(String recordType, Object recordId, Map<String, ?> values) {
		var lines = new Lines();
		new TreeMap<>(values).forEach((field, value) -> {
			if (value != null) {
				lines.add(field, null, text(value));
			}
		});
		insert(recordType, recordId, AuditEntry.Action.CREATE, lines);
	}

	/** Records the fields whose value differs between the two snapshots; nothing when none does. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void updated(String recordType, Object recordId, Map<String, ?> before, Map<String, ?> after) {
		var fields = new TreeMap<String, Object>(before);
		fields.putAll(after);
		var lines = new Lines();
		fields.keySet().forEach(field -> {
			if (!same(before.get(field), after.get(field))) {
				lines.add(field, text(before.get(field)), text(after.get(field)));
			}
		});
		insert(recordType, recordId, AuditEntry.Action.UPDATE, lines);
	}

	/**
	 * Whether any field differs between two snapshots of a record, as {@link #updated} would record it: numbers
	 * compare by value ({@code 10} is {@code 10.00}), lists and arrays by their items in any order. A change that
	 * changes nothing is not written at all (no new version, no history), and services ask this to know.
	 */
	public static boolean changes(Map<String, ?> before, Map<String, ?> after) {
		var fields = new java.util.HashSet<String>(before.keySet());
		fields.addAll(after.keySet());
		return fields.stream().anyMatch(field -> !same(before.get(field), after.get(field)));
	}

	static boolean same(@Nullable Object before, @Nullable Object after) {
		return Objects.equals(comparable(before), comparable(after));
	}

	private static @Nullable String comparable(@Nullable Object value) {
		return switch (value) {
			case null -> null;
			case java.math.BigDecimal decimal -> decimal.signum() == 0 ? "0" : decimal.stripTrailingZeros().toPlainString();
			case Object[] items -> text(java.util.Arrays.asList(items));
			default -> text(value);
		};
	}

	/**
	 * Records many records created by one change at once, with one line each that names where they came from (an
	 * import's file as {@code field = value}): one statement however many there are.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void createdAll(String recordType, Collection<?> recordIds, String field, String value) {
		if (recordIds.isEmpty()) {
			return;
		}
		var actor = Actor.current();
		jdbc.sql("""
				insert into audit_log (occurred_at, actor_id, actor_name, record_type, record_id, action, field, old_value, new_value)
				select now(), :actorId, :actorName, :type, id, 'CREATE', :field, null, :value from unnest(cast(:ids as text[])) as id""")
			.param("actorId", actor.map(Actor::id).orElse(null))
			.param("actorName", actor.map(Actor::username).orElse("system"))
			.param("type", recordType)
			.param("ids", recordIds.stream().map(String::valueOf).toArray(String[]::new))
			.param("field", field)
			.param("value", value)
			.update();
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void deleted(String recordType, Object recordId, Map<String, ?> values) {
		var lines = new Lines();
		new TreeMap<>(values).forEach((field, value) -> {
			if (value != null) {
				lines.add(field, text(value), null);
			}
		});
		insert(recordType, recordId, AuditEntry.Action.DELETE, lines);
	}

	/** The record's history, newest first. */
	public List<AuditEntry> history(String recordType, Object recordId) {
		return jdbc.sql("""
				select id, occurred_at, actor_id, actor_name, record_type, record_id, action, field, old_value, new_value
				from audit_log where record_type = :type and record_id = :id
				order by id desc limit :limit""")
			.param("type", recordType)
			.param("id", String.valueOf(recordId))
			.param("limit", HISTORY_LIMIT)
			.query((rs, n) -> entry(rs))
			.list();
	}

	/**
	 * The record's changes, newest first: the lines one actor wrote in one transaction (the same time and actor) make
	 * one change, in the order they were written. At most as many lines as {@link #history(String, Object)} reads; a
	 * change the limit would cut is left out whole.
	 */
	public List<AuditChange> changes(String recordType, Object recordId) {
		List<AuditEntry> lines = jdbc.sql("""
				select id, occurred_at, actor_id, actor_name, record_type, record_id, action, field, old_value, new_value
				from audit_log where record_type = :type and record_id = :id
				order by id desc limit :limit""")
			.param("type", recordType)
			.param("id", String.valueOf(recordId))
			.param("limit", HISTORY_LIMIT + 1)
			.query((rs, n) -> entry(rs))
			.list();
		var changes = new java.util.LinkedHashMap<List<Object>, List<AuditEntry>>();
		for (AuditEntry line : lines.subList(0, Math.min(lines.size(), HISTORY_LIMIT))) {
			var key = java.util.Arrays.<Object>asList(line.occurredAt(), line.actorId(), line.actorName());
			changes.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(line);
		}
		var answer = new java.util.ArrayList<AuditChange>();
		changes.values().forEach(change -> {
			AuditEntry first = change.getFirst();
			answer.add(new AuditChange(first.occurredAt(), first.actorId(), first.actorName(), List.copyOf(change.reversed())));
		});
		if (lines.size() > HISTORY_LIMIT && !answer.isEmpty()) {
			answer.removeLast();
		}
		return answer;
	}

	private static AuditEntry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new AuditEntry(rs.getLong("id"), rs.getObject("occurred_at", java.time.OffsetDateTime.class).toInstant(),
				(Long) rs.getObject("actor_id"), rs.getString("actor_name"), rs.getString("record_type"),
				rs.getString("record_id"), AuditEntry.Action.valueOf(rs.getString("action")), rs.getString("field"),
				rs.getString("old_value"), rs.getString("new_value"));
	}

	/**
	 * The lines of several records of one type that touch the fields named for their action (an opportunity's
	 * creation by its title, its moves by its stage and status), newest first, at most {@code limit}.
	 */
	public List<AuditEntry> history(String recordType, Collection<?> recordIds, Map<AuditEntry.Action, Set<String>> fields,
			int limit) {
		if (recordIds.isEmpty() || fields.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select id, occurred_at, actor_id, actor_name, record_type, record_id, action, field, old_value, new_value
				from audit_log where record_type = :type and record_id = any(cast(:ids as text[]))
				  and ((action = 'CREATE' and field = any(cast(:created as text[])))
				    or (action = 'UPDATE' and field = any(cast(:updated as text[])))
				    or (action = 'DELETE' and field = any(cast(:deleted as text[]))))
				order by occurred_at desc, id desc limit :limit""")
			.param("type", recordType)
			.param("ids", recordIds.stream().map(String::valueOf).toArray(String[]::new))
			.param("created", fields.getOrDefault(AuditEntry.Action.CREATE, Set.of()).toArray(String[]::new))
			.param("updated", fields.getOrDefault(AuditEntry.Action.UPDATE, Set.of()).toArray(String[]::new))
			.param("deleted", fields.getOrDefault(AuditEntry.Action.DELETE, Set.of()).toArray(String[]::new))
			.param("limit", limit)
			.query((rs, n) -> entry(rs))
			.list();
	}

	/** The lines of one change of one record, in field order. */
	private static final class Lines {

		final List<String> fields = new java.util.ArrayList<>();

		final List<@Nullable String> oldValues = new java.util.ArrayList<>();

		final List<@Nullable String> newValues = new java.util.ArrayList<>();

		void add(String field, @Nullable String oldValue, @Nullable String newValue) {
			fields.add(field);
			oldValues.add(oldValue);
			newValues.add(newValue);
		}
	}

	/** All lines of one change in one statement: a create of twenty fields is one round trip, not twenty. */
	private void insert(String recordType, Object recordId, AuditEntry.Action action, Lines lines) {
		if (lines.fields.isEmpty()) {
			return;
		}
		var actor = Actor.current();
		jdbc.sql("""
				insert into audit_log (occurred_at, actor_id, actor_name, record_type, record_id, action, field, old_value, new_value)
				select now(), :actorId, :actorName, :type, :id, :action, line.field, line.old_value, line.new_value
				from unnest(cast(:fields as text[]), cast(:oldValues as text[]), cast(:newValues as text[]))
				     with ordinality as line (field, old_value, new_value, position)
				order by line.position""")
			.param("actorId", actor.map(Actor::id).orElse(null))
			.param("actorName", actor.map(Actor::username).orElse("system"))
			.param("type", recordType)
			.param("id", String.valueOf(recordId))
			.param("action", action.name())
			.param("fields", lines.fields.toArray(String[]::new))
			.param("oldValues", lines.oldValues.toArray(String[]::new))
			.param("newValues", lines.newValues.toArray(String[]::new))
			.update();
	}

	/** A value as the trail keeps it: what {@link #updated} writes and what a record's current values are compared with. */
	static @Nullable String text(@Nullable Object value) {
		return switch (value) {
			case null -> null;
			case Collection<?> values -> values.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
			case TemporalAccessor temporal -> temporal.toString();
			case java.math.BigDecimal decimal -> decimal.toPlainString();
			default -> value.toString();
		};
	}
}
