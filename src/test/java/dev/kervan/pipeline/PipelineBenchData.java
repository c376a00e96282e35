package dev.kervan.pipeline;

import java.sql.Connection;
import java.sql.SQLException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Fills the pipeline for the benchmark: a team with eight stages, forty salespeople beside the administrator,
 * {@code opportunities} open opportunities over the seven open stages (for the sample accounts) and
 * {@code activities} activities on them: most done in the past, the rest planned around today, a few overdue,
 * as a working pipeline has them. Plain SQL with generate_series: deterministic, and quick enough at 600,000 rows.
 */
public final class PipelineBenchData {

	private PipelineBenchData() {
	}

	public static void load(Connection connection, long firstCustomer, long lastCustomer, int opportunities, int activities)
			throws SQLException {
		connection.setAutoCommit(false);
		try (var statement = connection.createStatement()) {
			// What an interrupted load left behind.
			statement.execute("""
					delete from activity where subject_type = 'OPPORTUNITY'
					  and subject_id in (select id from opportunity where created_by = 'bench')""");
			statement.execute("delete from opportunity where created_by = 'bench'");
			statement.execute("delete from pipeline_stage where team in (select id from sales_team where name = 'Bench team')");
			statement.execute("delete from sales_team where name = 'Bench team'");
			statement.execute("""
					insert into app_user (username, display_name, password_hash)
					select 'bench-seller-' || i, 'Satış Temsilcisi ' || i, 'not-a-password'
					from generate_series(1, 40) as i on conflict do nothing""");
			statement.execute("""
					insert into user_role (app_user, role)
					select id, 'SALESPERSON' from app_user where username like 'bench-seller-%' on conflict do nothing""");
			statement.execute("insert into sales_team (name, region) values ('Bench team', 'Marmara')");
			statement.execute("""
					insert into pipeline_stage (team, name, sequence, probability, won)
					select t.id, s.name, s.sequence, s.probability, s.won from sales_team t,
					  (values ('Yeni', 10, 10, false), ('Nitelikli', 20, 20, false), ('Ziyaret', 30, 30, false),
					          ('Teklif', 40, 50, false), ('Revize teklif', 50, 60, false), ('Pazarlık', 60, 75, false),
					          ('Sözleşme', 70, 90, false), ('Kazanıldı', 80, 100, true)) as s (name, sequence, probability, won)
					where t.name = 'Bench team'""");
			statement.execute("create temp table bench_seller as select id, row_number() over (order by id) - 1 as n from app_user "
					+ "where username like 'bench-seller-%' or username = 'admin'");
			statement.execute("create temp table bench_stage as select id, probability, row_number() over (order by sequence) - 1 as n "
					+ "from pipeline_stage where team = (select id from sales_team where name = 'Bench team') and not won");
			statement.execute("""
					insert into opportunity (title, customer, expected_revenue, currency, probability, priority, tags, salesperson,
					  team, stage, rank, status, created_by, created_at, updated_at)
					select 'Fırsat ' || i || ' – ' || (array['forklift', 'yedek parça', 'bakım sözleşmesi', 'kiralama', 'filo'])[1 + i %% 5],
					       %d + (i * 7919) %% %d, 1000 + (i * 104729) %% 500000, 'TRY', st.probability, i %% 4,
					       case when i %% 10 = 0 then array['ihracat'] else '{}' end, se.id,
					       (select id from sales_team where name = 'Bench team'), st.id, i * 1024, 'OPEN', 'bench',
					       now() - (i %% 365) * interval '1 day', now()
					from generate_series(1::bigint, %d) as i
					join bench_stage st on st.n = i %% 7
					join bench_seller se on se.n = i %% 41""".formatted(firstCustomer, lastCustomer - firstCustomer + 1, opportunities));
			statement.execute("""
					insert into activity (type, summary, subject_type, subject_id, assignee, due_date, status, feedback, done_at,
					  created_by, created_at)
					select (select min(id) from activity_type) + i %% 4, 'Takip ' || i, 'OPPORTUNITY', o.id, o.salesperson,
					       current_date + cast((i * 37) %% 400 - 320 as integer),
					       case when (i * 37) %% 400 - 320 < -2 then 'DONE' else 'PLANNED' end,
					       case when (i * 37) %% 400 - 320 < -2 then 'Görüşüldü' end,
					       case when (i * 37) %% 400 - 320 < -2 then now() end, o.salesperson, now()
					from generate_series(1::bigint, %d) as i
					join opportunity o on o.id = (select min(id) from opportunity where created_by = 'bench') + i %% %d""".formatted(
					activities, opportunities));
			dev.kervan.pipeline.internal.PipelineSearchText.fillMissing(
					JdbcClient.create(new SingleConnectionDataSource(connection, true)));
			connection.commit();
			connection.setAutoCommit(true);
			statement.execute("analyze opportunity");
			statement.execute("analyze activity");
		}
	}
}
