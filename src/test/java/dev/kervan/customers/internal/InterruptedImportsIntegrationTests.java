package dev.kervan.customers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import javax.sql.DataSource;

import dev.kervan.support.KervanIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class InterruptedImportsIntegrationTests extends KervanIntegrationTest {

	@Autowired
	InterruptedImports interrupted;

	@Autowired
	DataSource dataSource;

	@Test
	void anImportNobodyRunsAnyMoreIsFailedWithItsProgressWhileOneRunningElsewhereGoesOn() {
		String token = api.token("admin", ADMIN_PASSWORD);
		long admin = jdbc.sql("select id from app_user where username = 'admin'").query(Long.class).single();
		UUID abandoned = runningImport(admin, 2_500);
		UUID runningElsewhere = runningImport(admin, 5_000);
		UUID justStarted = UUID.randomUUID();
		jdbc.sql("""
				insert into customer_import (id, status, filename, total_rows, processed, started_by)
				values (:id, 'RUNNING', 'new.csv', 10000, 0, :user)""").param("id", justStarted).param("user", admin).update();

		// Another instance runs this one: it holds the import's claim on a connection of its own.
		try (var claim = InterruptedImports.markRunning(dataSource, runningElsewhere)) {
			assertThat(interrupted.failAbandoned()).isOne();
		}

		var failed = api.get("/api/v1/customers/import/" + abandoned).bearer(token).send().json();
		assertThat(failed.get("status").asString()).isEqualTo("FAILED");
		assertThat(failed.get("interrupted").asBoolean()).isTrue();
		assertThat(failed.get("processed").asInt()).isEqualTo(2_500);
		assertThat(failed.get("finishedAt").isNull()).isFalse();
		assertThat(api.get("/api/v1/customers/import/" + runningElsewhere).bearer(token).send().json().get("status").asString())
			.isEqualTo("RUNNING");
		// Its runner has not had a moment to claim it yet.
		assertThat(api.get("/api/v1/customers/import/" + justStarted).bearer(token).send().json().get("status").asString())
			.isEqualTo("RUNNING");
		jdbc.sql("delete from customer_import where id in (:ids)").param("ids", java.util.List.of(runningElsewhere, justStarted)).update();
	}

	private UUID runningImport(long user, int processed) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into customer_import (id, status, filename, total_rows, processed, started_by, started_at)
				values (:id, 'RUNNING', 'big.csv', 10000, :processed, :user, now() - interval '1 minute')""")
			.param("id", id)
			.param("processed", processed)
			.param("user", user)
			.update();
		return id;
	}
}
