package dev.kervan.pipeline.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.Map;

import javax.sql.DataSource;

import dev.kervan.support.Api;
import dev.kervan.support.KervanIntegrationTest;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class SearchTextFilledIntegrationTests extends KervanIntegrationTest {

	@Autowired
	private DataSource dataSource;

	@Test
	void aSavedRecordKeepsItsFoldedSearchTextAndTheMigrationFillsTheRowsWithout() throws Exception {
		String admin = api.token("admin", ADMIN_PASSWORD);
		assertThat(jdbc.sql("""
				select count(*) from flyway_schema_history
				where version in ('202612031910', '202612031912') and type = 'JDBC' and success""").query(Long.class).single())
			.as("Flyway ran the data migrations (platform.DataMigration beans) in their places").isEqualTo(2);
		String marker = Api.uniqueName("w");
		long opportunity = api.post("/api/v1/opportunities", Map.of("title", "IŞIKLI Tabela " + marker, "prospectName", "Ayşe Kılıç"))
			.bearer(admin).send().json().get("id").asLong();
		long lead = api.post("/api/v1/leads", Map.of("title", "كتاب " + marker, "companyName", "Şimşek Ltd."))
			.bearer(admin).send().json().get("id").asLong();
		assertThat(text("opportunity", opportunity)).isEqualTo("isikli tabela " + marker + " ayse kilic");
		assertThat(text("lead", lead)).isEqualTo("کتاب " + marker + " simsek ltd.");

		// As rows written before the column, or with plain SQL, have it.
		jdbc.sql("update opportunity set search_text = '' where id = ?").param(opportunity).update();
		jdbc.sql("update lead set search_text = '' where id = ?").param(lead).update();
		try (Connection connection = dataSource.getConnection()) {
			new SearchTextFilled().migrate(new Context() {

				@Override
				public Configuration getConfiguration() {
					throw new UnsupportedOperationException();
				}

				@Override
				public Connection getConnection() {
					return connection;
				}
			});
		}

		assertThat(text("opportunity", opportunity)).isEqualTo("isikli tabela " + marker + " ayse kilic");
		assertThat(text("lead", lead)).isEqualTo("کتاب " + marker + " simsek ltd.");
	}

	private String text(String table, long id) {
		String sql = "opportunity".equals(table) ? "select search_text from opportunity where id = ?"
				: "select search_text from lead where id = ?";
		return jdbc.sql(sql).param(id).query(String.class).single();
	}
}
