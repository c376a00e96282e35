package dev.kervan.activities.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;

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
 * With {@code --demo}: activities on the demo opportunities, done ones in the past and planned ones around
 * today (a few overdue), so that "My day" and the board have something to show. Loaded once.
 */
@Component
@Order(40)
@ConditionalOnBooleanProperty("kervan.demo")
class DemoActivities implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoActivities.class);

	private final JdbcClient jdbc;
	private final Clock clock;

	DemoActivities(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments arguments) {
		if (jdbc.sql("select count(*) from activity where summary like 'Demo: %'").query(Long.class).single() > 0) {
			return;
		}
		int created = jdbc.sql("""
				with deal as (select id, salesperson, row_number() over (order by id) - 1 as n, count(*) over () as deals
				              from opportunity_ref where created_by = 'demo' and status = 'OPEN' and salesperson is not null),
				     kind as (select id, name, row_number() over (order by id) - 1 as n, count(*) over () as kinds
				              from activity_type where active)
				insert into activity (type, summary, subject_type, subject_id, assignee, due_date, status, feedback, done_at, created_by)
				select k.id, 'Demo: ' || (array['Fiyatı konuş', 'Teklifi gönder', 'Depoyu ziyaret et', 'Sözleşmeyi hatırlat',
				                                'پیگیری پیش‌فاکتور'])[1 + i % 5],
				       'OPPORTUNITY', d.id, d.salesperson, cast(:today as date) + (i % 21) - 10,
				       case when i % 21 < 7 then 'DONE' else 'PLANNED' end,
				       case when i % 21 < 7 then 'Müşteri olumlu' end,
				       case when i % 21 < 7 then cast(:now as timestamptz) - (10 - i % 21) * interval '1 day' end, d.salesperson
				from generate_series(0, 599) as i
				join deal d on d.n = i % d.deals
				join kind k on k.n = i % k.kinds""")
			.param("today", LocalDate.now(clock))
			.param("now", Timestamp.from(clock.instant()))
			.update();
		log.info("Demo data: {} activities", created);
	}
}
