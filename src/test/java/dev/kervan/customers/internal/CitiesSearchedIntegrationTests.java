package dev.kervan.customers.internal;

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

class CitiesSearchedIntegrationTests extends KervanIntegrationTest {

	@Autowired
	private DataSource dataSource;

	@Test
	void theMigrationAddsTheCitiesOfExistingAccountsFoldedAndRemembersTheirWords() throws Exception {
		String admin = api.token("admin", ADMIN_PASSWORD);
		long account = api.post("/api/v1/customers", Map.of("kind", "COMPANY", "name", Api.uniqueName("Eski Kayıt ")))
			.bearer(admin).send().json().get("id").asLong();
		String city = "Kırşehir" + Api.uniqueName("x").substring(1, 6).replaceAll("\\d", "k");
		api.post("/api/v1/customers/" + account + "/addresses", Map.of("purpose", "INVOICE", "line1", "Cumhuriyet Cad. 1",
				"city", city)).bearer(admin).send();
		String folded = dev.kervan.platform.SearchText.fold(city);
		// As an account saved before cities were searched has it.
		jdbc.sql("update customer set search_text = replace(search_text, ' ' || :city, '') where id = :id")
			.param("city", folded).param("id", account).update();
		jdbc.sql("delete from customer_search_word where word = ?").param(folded).update();

		try (Connection connection = dataSource.getConnection()) {
			new CitiesSearched().migrate(context(connection));
		}

		assertThat(jdbc.sql("select search_text from customer where id = ?").param(account).query(String.class).single())
			.endsWith(" " + folded);
		assertThat(jdbc.sql("select count(*) from customer_search_word where word = ?").param(folded).query(Long.class).single())
			.isOne();
	}

	private static Context context(Connection connection) {
		return new Context() {

			@Override
			public Configuration getConfiguration() {
				throw new UnsupportedOperationException();
			}

			@Override
			public Connection getConnection() {
				return connection;
			}
		};
	}
}
