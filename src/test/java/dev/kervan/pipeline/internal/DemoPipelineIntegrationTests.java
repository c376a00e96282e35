package dev.kervan.pipeline.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import dev.kervan.identity.Users;
import dev.kervan.support.Api;
import dev.kervan.support.KervanIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

class DemoPipelineIntegrationTests extends KervanIntegrationTest {

	@Autowired
	private Clock clock;

	@Autowired
	Users users;

	@Test
	void threeHundredOpportunitiesOverTheStagesLoadOnceAndFeedMyDay() {
		String admin = api.token("admin", ADMIN_PASSWORD);
		for (int i = 0; i < 3; i++) {
			api.post("/api/v1/customers", Map.of("kind", "COMPANY", "name", Api.uniqueName("Demo hesap"), "roles", List.of("CUSTOMER"),
					"country", "TR")).bearer(admin).send();
		}
		api.userWithRoles(admin, "SALESPERSON");
		var pipeline = new DemoPipeline(jdbc, clock, users);
		pipeline.run(new DefaultApplicationArguments());
		pipeline.run(new DefaultApplicationArguments());
		assertThat(count("select count(*) from opportunity where created_by = 'demo'")).isEqualTo(300);
		assertThat(count("select count(distinct status) from opportunity where created_by = 'demo'")).isEqualTo(3);
		assertThat(count("select count(distinct stage) from opportunity where created_by = 'demo'")).isGreaterThan(3);

		var activities = new dev.kervan.activities.internal.DemoActivitiesProbe(jdbc, clock);
		activities.runTwice();
		assertThat(count("select count(*) from activity where summary like 'Demo: %'")).isEqualTo(600);
		assertThat(count("select count(*) from activity where summary like 'Demo: %' and status = 'PLANNED' and due_date < current_date"))
			.isPositive();
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}
}
