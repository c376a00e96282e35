package dev.kervan.pipeline.internal;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.kervan.activities.ActivitySubjects;
import dev.kervan.activities.TimelineEvent;
import dev.kervan.pipeline.Pipeline;
import dev.kervan.platform.AuditEntry;
import dev.kervan.platform.AuditTrail;
import dev.kervan.platform.TranslatedNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Activities on opportunities. An account's opportunities are parts of it: their activities, and their opening,
 * moves, wins and losses, show in the account's timeline.
 */
@Component
class OpportunityActivitySubjects implements ActivitySubjects {

	static final String TYPE = "OPPORTUNITY";

	/** The kind of record activities on accounts are kept as (the customers module's). */
	private static final String ACCOUNT = "CUSTOMER";

	private static final Map<AuditEntry.Action, Set<String>> TIMELINE_FIELDS = new EnumMap<>(Map.of(
			AuditEntry.Action.CREATE, Set.of("title"), AuditEntry.Action.UPDATE, Set.of("stage", "status")));

	private final Pipeline pipeline;
	private final AuditTrail audit;
	private final JdbcClient jdbc;

	OpportunityActivitySubjects(Pipeline pipeline, AuditTrail audit, JdbcClient jdbc) {
		this.pipeline = pipeline;
		this.audit = audit;
		this.jdbc = jdbc;
	}

	@Override
	public String type() {
		return TYPE;
	}

	@Override
	public boolean accepts(long id) {
		return pipeline.visibleOpportunityTitle(id).isPresent();
	}

	@Override
	public Map<Long, String> titles(Collection<Long> ids) {
		return pipeline.visibleOpportunityTitles(ids);
	}

	@Override
	public String link(long id) {
		return "/pipeline/opportunities/" + id;
	}

	@Override
	public Collection<Long> partsOf(String type, long id) {
		return ACCOUNT.equals(type) ? ofAccount(id).keySet() : List.of();
	}

	/** An account's opportunities opened, moved to a stage, won, lost and reopened; their titles as they are now. */
	@Override
	public List<TimelineEvent> timeline(String type, long id, int limit) {
		if (!ACCOUNT.equals(type)) {
			return List.of();
		}
		Map<Long, String> titles = ofAccount(id);
		List<AuditEntry> lines = audit.history("opportunity", titles.keySet(), TIMELINE_FIELDS, limit);
		Map<String, String> stages = stageNames(lines.stream().filter(line -> line.field().equals("stage"))
			.map(AuditEntry::newValue).filter(java.util.Objects::nonNull).toList());
		return lines.stream().map(line -> {
			long opportunity = Long.parseLong(line.recordId());
			String detail = switch (line.field()) {
				case "stage" -> line.newValue() == null ? null : stages.get(line.newValue());
				case "status" -> line.newValue();
				default -> null;
			};
			return new TimelineEvent(line.occurredAt(), "OPPORTUNITY_" + line.action().name(), line.actorName(),
					titles.get(opportunity), detail, link(opportunity));
		}).toList();
	}

	private Map<Long, String> ofAccount(long customer) {
		var titles = new HashMap<Long, String>();
		jdbc.sql("select id, title from opportunity where customer = :customer")
			.param("customer", customer)
			.query(rs -> {
				titles.put(rs.getLong("id"), rs.getString("title"));
			});
		return titles;
	}

	private Map<String, String> stageNames(List<String> ids) {
		var names = new HashMap<String, String>();
		if (ids.isEmpty()) {
			return names;
		}
		jdbc.sql("select id::text as id, %s as name from pipeline_stage s where id::text = any(cast(:ids as text[]))"
				.formatted(TranslatedNames.shown("s")))
			.param("ids", ids.stream().distinct().toArray(String[]::new))
			.query(rs -> {
				names.put(rs.getString("id"), rs.getString("name"));
			});
		return names;
	}
}
