package dev.kervan.pipeline.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.kervan.identity.CurrentUser;
import dev.kervan.identity.Users;
import dev.kervan.platform.AuditTrail;
import dev.kervan.platform.Checks;
import dev.kervan.platform.Decimals;
import dev.kervan.platform.DomainException;
import dev.kervan.platform.ErrorKind;
import dev.kervan.platform.ExpectedVersion;
import dev.kervan.platform.Picker;
import dev.kervan.platform.RecordNotFoundException;
import dev.kervan.platform.TranslatedNames;
import dev.kervan.platform.Versioned;
import dev.kervan.platform.VersionedRow;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sales teams: a leader, members, an e-mail alias, a region and a monthly invoicing target. */
@Service
public class SalesTeams {

	static final String RECORD_TYPE = "sales-team";

	/** A team as answered by the API. */
	public record Team(long id, String name, @Nullable Long leaderId, @Nullable String leaderName, List<Long> memberIds,
			@Nullable String alias, @Nullable String region, @Nullable BigDecimal monthlyTarget, String currency, boolean active,
			long version) implements Versioned {
	}

	private final JdbcClient jdbc;
	private final Users users;
	private final AuditTrail audit;
	private final PipelinePolicy policy;

	SalesTeams(JdbcClient jdbc, Users users, AuditTrail audit, PipelinePolicy policy) {
		this.jdbc = jdbc;
		this.users = users;
		this.audit = audit;
		this.policy = policy;
	}

	public List<Team> list() {
		policy.requireSales();
		return jdbc.sql(select() + " order by lower(" + TranslatedNames.shown("t") + "), t.id").query((rs, n) -> team(rs)).list().stream()
			.map(this::withLeaderName).toList();
	}

	public Team get(long id) {
		policy.requireSales();
		return jdbc.sql(select() + " where t.id = :id").param("id", id).query((rs, n) -> team(rs)).optional()
			.map(this::withLeaderName)
			.orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, id));
	}

	/**
	 * The active teams a picker offers (platform.Picker) for what was typed (name, alias or region): those the
	 * current user may put leads and opportunities on, as {@link Leads} and {@link Opportunities} allow: every team
	 * for sales managers and marketing, else the user's own (the first team for someone in no team yet).
	 */
	public List<Picker.Match> usable(@Nullable String q) {
		CurrentUser user = policy.requireLeads();
		Set<Long> usable = policy.seesAllLeads(user) ? null : policy.boardTeams(user);
		Picker.Words words = Picker.words(q);
		return jdbc.sql("select id, %1$s as name, alias, region from sales_team t where active order by lower(%1$s), id"
				.formatted(TranslatedNames.shown("t")))
			.query((rs, n) -> new TeamName(rs.getLong("id"), rs.getString("name"), rs.getString("alias"), rs.getString("region")))
			.stream()
			.filter(team -> usable == null || usable.contains(team.id()))
			.filter(team -> words.foundIn(team.name(), team.alias(), team.region()))
			.limit(Picker.LIMIT)
			.map(team -> new Picker.Match(team.id(), team.name(), team.region()))
			.toList();
	}

	private record TeamName(long id, String name, @Nullable String alias, @Nullable String region) {
	}

	/** The team a new opportunity of the user goes to when none is named: their first, else the first of all. */
	long defaultTeamOf(long userId) {
		return jdbc.sql("""
				select id from sales_team t where active order by
				  exists (select 1 from sales_team_member m where m.team = t.id and m.member = :user) or t.leader = :user desc, t.id
				limit 1""").param("user", userId).query(Long.class).optional()
			.orElseThrow(() -> new DomainException(ErrorKind.INVALID, "error.pipeline.no-team"));
	}

	boolean exists(long id) {
		return jdbc.sql("select count(*) from sales_team where id = :id").param("id", id).query(Long.class).single() > 0;
	}

	@Transactional
	public Team create(NewTeam command) {
		policy.requireManager();
		var checks = new Checks();
		var values = apply(checks, command.asChange(), new TeamValues(null, null, null, null, null, "TRY", true, List.of()), true);
		checks.throwIfInvalid();
		long id;
		try {
			id = jdbc.sql("""
					insert into sales_team (name, leader, alias, region, monthly_target, currency, active)
					values (:name, :leader, :alias, :region, :target, :currency, :active) returning id""")
				.params(values.params())
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException e) {
			throw new DomainException(ErrorKind.CONFLICT, "error.pipeline.team-name-taken");
		}
		setMembers(id, values.members());
		Team team = get(id);
		audit.created(RECORD_TYPE, id, snapshot(team));
		return team;
	}

	@Transactional
	public Team update(long id, ExpectedVersion expected, TeamChange change) {
		policy.requireManager();
		var row = VersionedRow.read(RECORD_TYPE, id, expected, this::get);
		Team before = row.current();
		var current = new TeamValues(before.name(), before.leaderId(), before.alias(), before.region(), before.monthlyTarget(),
				before.currency(), before.active(), before.memberIds());
		var checks = new Checks();
		var values = apply(checks, change, current, false);
		checks.throwIfInvalid();
		if (!AuditTrail.changes(current.params(), values.params())
				&& java.util.Set.copyOf(values.members()).equals(java.util.Set.copyOf(before.memberIds()))) {
			return before;
		}
		var params = new java.util.HashMap<>(values.params());
		params.put("id", id);
		params.put("version", before.version());
		try {
			int changed = jdbc.sql("""
					update sales_team set %s, leader = :leader, alias = :alias, region = :region,
					  monthly_target = :target, currency = :currency, active = :active, version = version + 1
					where id = :id and version = :version""".formatted(TranslatedNames.renameTo("name")))
				.params(params)
				.update();
			row.requireWritten(changed);
		}
		catch (DuplicateKeyException e) {
			throw new DomainException(ErrorKind.CONFLICT, "error.pipeline.team-name-taken");
		}
		if (change.memberIds().isGiven()) {
			setMembers(id, values.members());
		}
		Team after = get(id);
		audit.updated(RECORD_TYPE, id, snapshot(before), snapshot(after));
		return after;
	}

	private record TeamValues(@Nullable String name, @Nullable Long leader, @Nullable String alias, @Nullable String region,
			@Nullable BigDecimal target, String currency, boolean active, List<Long> members) {

		Map<String, Object> params() {
			var params = new java.util.HashMap<String, Object>();
			params.put("name", name);
			params.put("leader", leader);
			params.put("alias", alias);
			params.put("region", region);
			params.put("target", target);
			params.put("currency", currency);
			params.put("active", active);
			return params;
		}
	}

	private TeamValues apply(Checks checks, TeamChange change, TeamValues current, boolean creating) {
		String name = current.name();
		if (change.name().isGiven() || creating) {
			name = checks.required("name", checks.name("name", change.name().value(), 120));
		}
		Long leader = change.leaderId().applyTo(current.leader());
		if (change.leaderId().value() != null && users.find(leader).isEmpty()) {
			checks.reject("leaderId", "error.pipeline.unknown-user", leader);
		}
		String alias = checks.name("alias", change.alias(), 120).applyTo(current.alias());
		String region = checks.name("region", change.region(), 120).applyTo(current.region());
		BigDecimal target = checks.amount("monthlyTarget", change.monthlyTarget()).applyTo(current.target());
		String currency = checks.currency("currency", change.currency()).value();
		Boolean active = change.active().value();
		List<Long> members = change.memberIds().isGiven() ? memberIds(change.memberIds().value()) : current.members();
		if (members.stream().anyMatch(java.util.Objects::isNull)) {
			checks.reject("memberIds", "error.value.invalid-type");
			members = List.of();
		}
		members.stream().filter(member -> users.find(member).isEmpty()).findFirst()
			.ifPresent(member -> checks.reject("memberIds", "error.pipeline.unknown-user", member));
		return new TeamValues(name, leader, alias, region, target, currency == null ? current.currency() : currency,
				change.active().isGiven() ? active == null || active : current.active(), members);
	}

	private static List<Long> memberIds(@Nullable List<Long> given) {
		return given == null ? List.of() : given.stream().distinct().toList();
	}

	private void setMembers(long team, List<Long> members) {
		jdbc.sql("delete from sales_team_member where team = :team").param("team", team).update();
		if (!members.isEmpty()) {
			jdbc.sql("insert into sales_team_member (team, member) select :team, unnest(cast(:members as bigint[]))")
				.param("team", team)
				.param("members", members.toArray(Long[]::new))
				.update();
		}
	}

	private static String select() {
		return """
				select t.id, %s as name, t.leader, t.alias, t.region, t.monthly_target, t.currency, t.active, t.version,
				       array(select m.member from sales_team_member m where m.team = t.id order by m.member) as members
				from sales_team t""".formatted(TranslatedNames.shown("t"));
	}

	private static Team team(java.sql.ResultSet rs) throws java.sql.SQLException {
		Long leader = rs.getObject("leader", Long.class);
		var members = List.of((Long[]) rs.getArray("members").getArray());
		return new Team(rs.getLong("id"), rs.getString("name"), leader, null, members, rs.getString("alias"),
				rs.getString("region"), Decimals.plain(rs.getBigDecimal("monthly_target"), 2), rs.getString("currency"),
				rs.getBoolean("active"), rs.getLong("version"));
	}

	private Team withLeaderName(Team t) {
		if (t.leaderId() == null) {
			return t;
		}
		String name = users.names(List.of(t.leaderId())).get(t.leaderId());
		return new Team(t.id(), t.name(), t.leaderId(), name, t.memberIds(), t.alias(), t.region(), t.monthlyTarget(),
				t.currency(), t.active(), t.version());
	}

	private static Map<String, Object> snapshot(Team t) {
		var values = new java.util.LinkedHashMap<String, Object>();
		values.put("name", t.name());
		values.put("leader", t.leaderId());
		values.put("members", t.memberIds());
		values.put("alias", t.alias());
		values.put("region", t.region());
		values.put("monthlyTarget", t.monthlyTarget());
		values.put("currency", t.currency());
		values.put("active", t.active());
		return values;
	}
}
