package dev.kervan.pipeline.internal;

import java.util.Map;
import java.util.Optional;

import dev.kervan.activities.HandoverTeams;
import dev.kervan.pipeline.Pipeline;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Activities can be handed to a sales team: its leader takes them, or its first member when it has none. */
@Component
class SalesTeamHandover implements HandoverTeams {

	private final Pipeline pipeline;
	private final JdbcClient jdbc;

	SalesTeamHandover(Pipeline pipeline, JdbcClient jdbc) {
		this.pipeline = pipeline;
		this.jdbc = jdbc;
	}

	@Override
	public Map<Long, String> active() {
		return pipeline.activeTeams();
	}

	@Override
	public Optional<Long> taker(long team) {
		return jdbc.sql("""
				select coalesce(t.leader, (select min(m.member) from sales_team_member m where m.team = t.id))
				from sales_team t where t.id = :team and t.active""")
			.param("team", team)
			.query(Long.class)
			.optional();
	}
}
