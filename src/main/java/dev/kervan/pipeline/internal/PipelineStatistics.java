package dev.kervan.pipeline.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dev.kervan.identity.CurrentUser;
import dev.kervan.platform.KervanProperties;
import dev.kervan.platform.TranslatedNames;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The board's statistics for a team and a period: the open pipeline by stage, each salesperson's open, won and
 * lost opportunities, why opportunities were lost, and the activities done (only done ones count). Amounts are
 * per currency: different currencies are never added up.
 */
@Service
public class PipelineStatistics {

	public record StageLine(String stage, long open, String currency, BigDecimal expected, BigDecimal weighted) {
	}

	public record PersonLine(String salesperson, long open, long won, long lost, String currency, BigDecimal wonRevenue) {
	}

	public record ReasonLine(String reason, long lost) {
	}

	public record ActivityLine(String type, long done) {
	}

	public record Statistics(long teamId, LocalDate from, LocalDate to, List<StageLine> stages, List<PersonLine> people,
			List<ReasonLine> lostReasons, List<ActivityLine> activities, long won, long lost) {

		/** Won among the opportunities ended in the period, in percent; null when none ended. */
		public @Nullable Integer winRate() {
			return won + lost == 0 ? null : Math.round(100f * won / (won + lost));
		}
	}

	private final JdbcClient jdbc;
	private final PipelinePolicy policy;
	private final KervanProperties properties;
	private final SalesTeams teams;

	PipelineStatistics(JdbcClient jdbc, PipelinePolicy policy, KervanProperties properties, SalesTeams teams) {
		this.teams = teams;
		this.jdbc = jdbc;
		this.policy = policy;
		this.properties = properties;
	}

	/** The statistics of a team (the user's first when none is named) for the days from and to, both included. */
	public Statistics of(@Nullable Long team, LocalDate from, LocalDate to) {
		CurrentUser user = policy.requireSales();
		long teamId = team != null ? team : teams.defaultTeamOf(user.id());
		if (!policy.mayUseTeam(user, teamId)) {
			throw PipelinePolicy.forbidden();
		}
		Instant start = from.atStartOfDay(properties.displayZone()).toInstant();
		Instant end = to.plusDays(1).atStartOfDay(properties.displayZone()).toInstant();
		var stages = jdbc.sql("""
				select %s as name, count(o.id) as open, coalesce(o.currency, 'TRY') as currency,
				       coalesce(sum(o.expected_revenue), 0) as expected,
				       coalesce(sum(o.expected_revenue * o.probability) / 100, 0) as weighted
				from pipeline_stage s left join opportunity o on o.stage = s.id and o.status = 'OPEN'
				where s.team = :team and not s.won
				group by s.id, o.currency order by s.sequence, s.id, currency""".formatted(TranslatedNames.shown("s")))
			.param("team", teamId)
			.query((rs, n) -> new StageLine(rs.getString("name"), rs.getLong("open"), rs.getString("currency"),
					rs.getBigDecimal("expected"), rs.getBigDecimal("weighted")))
			.list();
		var people = jdbc.sql("""
				select coalesce(u.display_name, '—') as salesperson, o.currency,
				       count(*) filter (where o.status = 'OPEN') as open,
				       count(*) filter (where o.status = 'WON' and o.closed_at >= :start and o.closed_at < :end) as won,
				       count(*) filter (where o.status = 'LOST' and o.closed_at >= :start and o.closed_at < :end) as lost,
				       coalesce(sum(o.expected_revenue) filter (where o.status = 'WON' and o.closed_at >= :start
				                                                and o.closed_at < :end), 0) as won_revenue
				from opportunity o left join user_ref u on u.id = o.salesperson
				where o.team = :team
				group by u.display_name, o.currency order by won_revenue desc, salesperson""")
			.param("team", teamId)
			.param("start", java.sql.Timestamp.from(start))
			.param("end", java.sql.Timestamp.from(end))
			.query((rs, n) -> new PersonLine(rs.getString("salesperson"), rs.getLong("open"), rs.getLong("won"), rs.getLong("lost"),
					rs.getString("currency"), rs.getBigDecimal("won_revenue")))
			.list();
		var reasons = jdbc.sql("""
				select %1$s as name, count(*) as lost from opportunity o join lost_reason r on r.id = o.lost_reason
				where o.team = :team and o.status = 'LOST' and o.closed_at >= :start and o.closed_at < :end
				group by %1$s order by lost desc, %1$s""".formatted(TranslatedNames.shown("r")))
			.param("team", teamId)
			.param("start", java.sql.Timestamp.from(start))
			.param("end", java.sql.Timestamp.from(end))
			.query((rs, n) -> new ReasonLine(rs.getString("name"), rs.getLong("lost")))
			.list();
		// Activities belong to another module: read here, never written.
		var activities = jdbc.sql("""
				select %1$s as name, count(*) as done from activity_ref a join activity_type_ref t on t.id = a.type
				join opportunity o on a.subject_type = 'OPPORTUNITY' and o.id = a.subject_id
				where o.team = :team and a.status = 'DONE' and a.done_at >= :start and a.done_at < :end
				group by %1$s order by done desc, %1$s""".formatted(TranslatedNames.shown("t")))
			.param("team", teamId)
			.param("start", java.sql.Timestamp.from(start))
			.param("end", java.sql.Timestamp.from(end))
			.query((rs, n) -> new ActivityLine(rs.getString("name"), rs.getLong("done")))
			.list();
		long won = people.stream().mapToLong(PersonLine::won).sum();
		long lost = people.stream().mapToLong(PersonLine::lost).sum();
		return new Statistics(teamId, from, to, stages, people, reasons, activities, won, lost);
	}
}
