package dev.kervan.pipeline.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.kervan.platform.AuditTrail;
import dev.kervan.platform.Checks;
import dev.kervan.platform.DomainException;
import dev.kervan.platform.ErrorKind;
import dev.kervan.platform.ExpectedVersion;
import dev.kervan.platform.RecordNotFoundException;
import dev.kervan.platform.TranslatedNames;
import dev.kervan.platform.Versioned;
import dev.kervan.platform.VersionedRow;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stages of each team's pipeline, in order: name, default probability, folded on the board or not, and
 * whether reaching it means the opportunity is won.
 */
@Service
public class PipelineStages {

	static final String RECORD_TYPE = "pipeline-stage";

	public record Stage(long id, long teamId, String name, int sequence, int probability, boolean folded, boolean won,
			long version) implements Versioned {
	}

	private final JdbcClient jdbc;
	private final SalesTeams teams;
	private final AuditTrail audit;
	private final PipelinePolicy policy;

	PipelineStages(JdbcClient jdbc, SalesTeams teams, AuditTrail audit, PipelinePolicy policy) {
		this.jdbc = jdbc;
		this.teams = teams;
		this.audit = audit;
		this.policy = policy;
	}

	/** The stages of one team, or of all teams, in board order. */
	public List<Stage> list(@Nullable Long teamId) {
		policy.requireSales();
		return inOrder(teamId);
	}

	/** The stages in board order, for this module's own use, whoever asks (the public web form, say). */
	List<Stage> inOrder(@Nullable Long teamId) {
		return jdbc.sql(select() + (teamId == null ? "" : " where team = :team") + " order by team, sequence, id")
			.paramSource(teamId == null ? Map.of() : Map.of("team", teamId))
			.query((rs, n) -> stage(rs))
			.list();
	}

	public Stage get(long id) {
		policy.requireSales();
		return find(id).orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, id));
	}

	Optional<Stage> find(long id) {
		return jdbc.sql(select() + " where id = :id").param("id", id).query((rs, n) -> stage(rs)).optional();
	}

	/** The first stage of a team's pipeline, where new opportunities start. */
	Stage first(long teamId) {
		return inOrder(teamId).stream().filter(s -> !s.won()).findFirst()
			.orElseThrow(() -> new DomainException(ErrorKind.INVALID, "error.pipeline.unknown-stage", "-"));
	}

	/** The stage a won opportunity moves to. */
	Stage wonStage(long teamId) {
		return inOrder(teamId).stream().filter(Stage::won).findFirst()
			.orElseThrow(() -> new DomainException(ErrorKind.CONFLICT, "error.pipeline.no-won-stage"));
	}

	/** The last stage before the won ones, where a reopened won opportunity goes back to. */
	Stage lastOpen(long teamId) {
		return inOrder(teamId).stream().filter(s -> !s.won()).reduce((a, b) -> b)
			.orElseThrow(() -> new DomainException(ErrorKind.INVALID, "error.pipeline.unknown-stage", "-"));
	}

	/** Locks a stage's row, so that moves into the same stage rank their cards one after the other. */
	void lock(long stageId) {
		jdbc.sql("select id from pipeline_stage where id = :id for update").param("id", stageId).query(Long.class).list();
	}

	@Transactional
	public Stage create(NewStage command) {
		policy.requireManager();
		var checks = new Checks();
		Long team = checks.required("teamId", command.teamId());
		if (team != null && !teams.exists(team)) {
			checks.reject("teamId", "error.pipeline.unknown-team", team);
		}
		var values = apply(checks, command.asChange(), new Values(null, null, 10, false, false), true);
		checks.throwIfInvalid();
		int sequence = values.sequence() != null ? values.sequence()
				: jdbc.sql("select coalesce(max(sequence), 0) + 10 from pipeline_stage where team = :team")
					.param("team", team).query(Integer.class).single();
		long id;
		try {
			id = jdbc.sql("""
					insert into pipeline_stage (team, name, sequence, probability, folded, won)
					values (:team, :name, :sequence, :probability, :folded, :won) returning id""")
				.param("team", team)
				.param("name", values.name())
				.param("sequence", sequence)
				.param("probability", values.probability())
				.param("folded", values.folded())
				.param("won", values.won())
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException e) {
			throw new DomainException(ErrorKind.CONFLICT, "error.pipeline.stage-name-taken");
		}
		Stage stage = get(id);
		audit.created(RECORD_TYPE, id, snapshot(stage));
		return stage;
	}

	@Transactional
	public Stage update(long id, ExpectedVersion expected, StageChange change) {
		policy.requireManager();
		var row = VersionedRow.read(RECORD_TYPE, id, expected, this::get);
		Stage before = row.current();
		var current = new Values(before.name(), before.sequence(), before.probability(), before.folded(), before.won());
		var checks = new Checks();
		var values = apply(checks, change, current, false);
		checks.throwIfInvalid();
		if (values.equals(current)) {
			return before;
		}
		var params = new HashMap<String, Object>();
		params.put("id", id);
		params.put("version", before.version());
		params.put("name", values.name());
		params.put("sequence", values.sequence());
		params.put("probability", values.probability());
		params.put("folded", values.folded());
		params.put("won", values.won());
		try {
			int changed = jdbc.sql("""
					update pipeline_stage set %s, sequence = :sequence, probability = :probability, folded = :folded,
					  won = :won, version = version + 1 where id = :id and version = :version""".formatted(TranslatedNames.renameTo("name")))
				.params(params)
				.update();
			row.requireWritten(changed);
		}
		catch (DuplicateKeyException e) {
			throw new DomainException(ErrorKind.CONFLICT, "error.pipeline.stage-name-taken");
		}
		Stage after = get(id);
		audit.updated(RECORD_TYPE, id, snapshot(before), snapshot(after));
		return after;
	}

	/** Deletes a stage that holds no opportunities, lost ones included. */
	@Transactional
	public void delete(long id) {
		policy.requireManager();
		Stage stage = get(id);
		long used = jdbc.sql("select count(*) from opportunity where stage = :id").param("id", id).query(Long.class).single();
		if (used > 0) {
			throw new DomainException(ErrorKind.CONFLICT, "error.pipeline.stage-in-use");
		}
		jdbc.sql("delete from pipeline_stage where id = :id").param("id", id).update();
		audit.deleted(RECORD_TYPE, id, snapshot(stage));
	}

	private record Values(@Nullable String name, @Nullable Integer sequence, int probability, boolean folded, boolean won) {
	}

	private static Values apply(Checks checks, StageChange change, Values current, boolean creating) {
		String name = current.name();
		if (creating || change.name().isGiven()) {
			name = checks.required("name", checks.name("name", change.name().value(), 80));
		}
		Integer sequence = change.sequence().applyTo(current.sequence());
		if (change.sequence().isGiven() && sequence == null && !creating) {
			checks.reject("sequence", "error.value.required");
		}
		int probability = current.probability();
		if (change.probability().isGiven()) {
			Integer value = change.probability().value();
			if (value == null || value < 0 || value > 100) {
				checks.reject("probability", "error.value.range", 0, 100);
			}
			else {
				probability = value;
			}
		}
		boolean folded = change.folded().isGiven() ? Boolean.TRUE.equals(change.folded().value()) : current.folded();
		boolean won = change.won().isGiven() ? Boolean.TRUE.equals(change.won().value()) : current.won();
		return new Values(name, sequence, probability, folded, won);
	}

	private static String select() {
		return "select id, team, " + TranslatedNames.shown("s") + " as name, sequence, probability, folded, won, version"
				+ " from pipeline_stage s";
	}

	private static Stage stage(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Stage(rs.getLong("id"), rs.getLong("team"), rs.getString("name"), rs.getInt("sequence"),
				rs.getInt("probability"), rs.getBoolean("folded"), rs.getBoolean("won"), rs.getLong("version"));
	}

	private static Map<String, Object> snapshot(Stage s) {
		var values = new LinkedHashMap<String, Object>();
		values.put("team", s.teamId());
		values.put("name", s.name());
		values.put("sequence", s.sequence());
		values.put("probability", s.probability());
		values.put("folded", s.folded());
		values.put("won", s.won());
		return values;
	}
}
