package dev.kervan.pipeline.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;

import dev.kervan.identity.Role;
import dev.kervan.identity.UserSummary;
import dev.kervan.identity.Users;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * With {@code --demo}: three hundred opportunities of the demo accounts (of the first accounts, without them) spread over the first team's stages,
 * assigned to the demo salespeople, some won and some lost. Loaded once, after the demo accounts.
 */
@Component
@Order(30)
@ConditionalOnBooleanProperty("kervan.demo")
class DemoPipeline implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoPipeline.class);

	private final JdbcClient jdbc;
	private final Clock clock;
	private final Users users;

	DemoPipeline(JdbcClient jdbc, Clock clock, Users users) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.users = users;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments arguments) {
		if (jdbc.sql("select count(*) from opportunity where created_by = 'demo'").query(Long.class).single() > 0) {
			return;
		}
		int created = jdbc.sql("""
				with team as (select min(id) as id from sales_team),
				     stage as (select id, probability, won, row_number() over (order by sequence, id) - 1 as n,
				                      count(*) over () as stages
				               from pipeline_stage where team = (select id from team)),
				     seller as (select u.id, row_number() over (order by u.id) - 1 as n, count(*) over () as sellers
				                from unnest(cast(:sellers as bigint[])) as u(id)),
				     chosen as (select id, name, currency from customer_ref where archived_at is null
				                order by coalesce(external_ref like 'demo-%', false) desc, id limit 200),
				     account as (select id, name, currency, row_number() over (order by id) - 1 as n, count(*) over () as accounts
				                 from chosen)
				insert into opportunity (title, customer, expected_revenue, currency, probability, priority, tags, expected_close,
				  salesperson, team, stage, rank, status, lost_reason, lost_note, closed_at, source, created_by)
				select (array['Forklift filosu', 'Yedek parça anlaşması', 'Yıllık bakım sözleşmesi', 'Depo raf sistemi',
				              'قرارداد نگهداری سالانه', 'Kiralama teklifi'])[1 + i % 6] || ' – ' || a.name,
				       a.id, (5 + (i * 37) % 95) * 1000, a.currency,
				       case when i % 9 = 8 then 0 else st.probability end, i % 4,
				       case when i % 5 = 0 then array['ihracat'] when i % 7 = 0 then array['vip'] else '{}' end,
				       cast(:today as date) + (i % 90) - 20, se.id, (select id from team), st.id, i * 1024,
				       case when i % 9 = 8 then 'LOST' when st.won then 'WON' else 'OPEN' end,
				       case when i % 9 = 8 then (select min(id) + i % 3 from lost_reason) end,
				       case when i % 9 = 8 then 'Rakip daha ucuz teklif verdi' end,
				       case when i % 9 = 8 or st.won then cast(:now as timestamptz) - (i % 30) * interval '1 day' end,
				       (array['Fuar', 'Web sitesi', 'Tavsiye', 'Telefon'])[1 + i % 4], 'demo'
				from generate_series(0, 299) as i
				join account a on a.n = i % a.accounts
				join stage st on st.n = i % st.stages
				left join seller se on se.n = i % se.sellers""")
			.param("today", LocalDate.now(clock))
			.param("now", Timestamp.from(clock.instant()))
			.param("sellers", users.activeWithRole(Role.SALESPERSON).stream().map(UserSummary::id).toArray(Long[]::new))
			.update();
		PipelineSearchText.fillMissing(jdbc);
		log.info("Demo data: {} opportunities", created);
	}
}
