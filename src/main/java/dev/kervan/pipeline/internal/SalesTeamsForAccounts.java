package dev.kervan.pipeline.internal;

import java.util.List;

import dev.kervan.customers.AccountTeams;
import dev.kervan.platform.Option;
import dev.kervan.platform.TranslatedNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The sales teams an account's form offers, and the check that the one chosen is active. */
@Component
class SalesTeamsForAccounts implements AccountTeams {

	private final JdbcClient jdbc;

	SalesTeamsForAccounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Option> choices() {
		return jdbc.sql("select id, %1$s as name from sales_team t where active order by lower(%1$s), id"
				.formatted(TranslatedNames.shown("t")))
			.query((rs, n) -> new Option(String.valueOf(rs.getLong("id")), rs.getString("name")))
			.list();
	}

	@Override
	public boolean isActive(long teamId) {
		return jdbc.sql("select exists (select 1 from sales_team where id = ? and active)").param(teamId)
			.query(Boolean.class)
			.single();
	}
}
