package dev.kervan.pipeline.internal;

import java.util.HashSet;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Which teams a user belongs to and leads, which decides what of the pipeline they see and change. */
@Component
class TeamMembers {

	private final JdbcClient jdbc;

	TeamMembers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The teams a user belongs to or leads. */
	Set<Long> teamsOf(long userId) {
		return new HashSet<>(jdbc.sql("""
				select team from sales_team_member where member = :user
				union select id from sales_team where leader = :user""").param("user", userId).query(Long.class).list());
	}

	/** The first active team, where people in no team work. */
	java.util.Optional<Long> firstActive() {
		return jdbc.sql("select id from sales_team where active order by id limit 1").query(Long.class).optional();
	}

	/** The teams a user leads. */
	Set<Long> ledBy(long userId) {
		return new HashSet<>(jdbc.sql("select id from sales_team where leader = :user").param("user", userId)
			.query(Long.class).list());
	}
}
