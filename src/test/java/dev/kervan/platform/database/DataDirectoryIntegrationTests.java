package dev.kervan.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Set;

import dev.kervan.KervanApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Kervan on its own data directory, as {@code ./kervan run} starts it: the first start creates the admin with
 * a generated password kept in a private file, data survives a restart, and a second Kervan on the same
 * directory stops with a clear message without harming the first.
 */
class DataDirectoryIntegrationTests {

	@Test
	void theFirstStartCreatesTheAdminDataSurvivesRestartsAndASecondStartIsRefused() throws IOException, SQLException {
		Path data = Files.createTempDirectory("kervan-data-");
		String password;
		try (ConfigurableApplicationContext first = start(data)) {
			Path passwordFile = data.resolve("initial-admin-password");
			assertThat(passwordFile).exists();
			assertThat(Files.getPosixFilePermissions(passwordFile))
				.containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
			password = Files.readString(passwordFile).strip();
			assertThat(password).hasSizeGreaterThanOrEqualTo(20);
			JdbcClient jdbc = first.getBean(JdbcClient.class);
			// A committed change is on disk before the commit returns.
			assertThat(jdbc.sql("show fsync").query(String.class).single()).isEqualTo("on");
			assertThat(jdbc.sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
			jdbc.sql("update app_user set display_name = 'Kept across restarts' where username = 'admin'").update();
			theDatabaseLetsInOnlyWithTheDataDirectorysPassword(first, data);

			assertThatThrownBy(() -> start(data)).satisfies(failure -> {
				Throwable cause = failure;
				while (cause != null && !(cause instanceof DataDirectoryInUseException)) {
					cause = cause.getCause();
				}
				assertThat(cause).isInstanceOf(DataDirectoryInUseException.class);
				FailureAnalysis analysis = new DataDirectoryInUseFailureAnalyzer().analyze(failure);
				assertThat(analysis.getDescription()).contains("Another Kervan is already running", data.toString());
				assertThat(analysis.getAction()).contains("--data");
			});
			// The first instance is unharmed.
			assertThat(jdbc.sql("select count(*) from app_user").query(Long.class).single()).isOne();
		}
		try (ConfigurableApplicationContext again = start(data)) {
			JdbcClient jdbc = again.getBean(JdbcClient.class);
			assertThat(jdbc.sql("select display_name from app_user where username = 'admin'").query(String.class).single())
				.isEqualTo("Kept across restarts");
			assertThat(jdbc.sql("select count(*) from app_user").query(Long.class).single()).isOne();
			assertThat(Files.readString(data.resolve("initial-admin-password")).strip()).isEqualTo(password);
		}
		assertThat(Set.of(data.resolve("postgres").toFile().list())).contains("PG_VERSION");
	}

	/** Other local users (and programs) see the port, but not the password, readable by Kervan's user only. */
	private static void theDatabaseLetsInOnlyWithTheDataDirectorysPassword(ConfigurableApplicationContext kervan, Path data)
			throws IOException, SQLException {
		EmbeddedPostgresServer server = kervan.getBean(EmbeddedPostgresServer.class);
		Path passwordFile = data.resolve(EmbeddedPostgresServer.PASSWORD_FILE);
		assertThat(Files.getPosixFilePermissions(passwordFile))
			.containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
		String password = Files.readString(passwordFile).strip();
		assertThat(password).hasSizeGreaterThanOrEqualTo(32).isEqualTo(server.password());
		String url = server.jdbcUrl("kervan");
		for (String wrong : new String[] { "", "postgres", password.substring(1) }) {
			assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", wrong).close())
				.isInstanceOf(SQLException.class);
		}
		// Another role, even one that exists in every PostgreSQL, is not let in by any password.
		assertThatThrownBy(() -> DriverManager.getConnection(url, "template1", password).close()).isInstanceOf(SQLException.class);
		try (Connection connection = DriverManager.getConnection(url, "postgres", password)) {
			assertThat(connection.isValid(2)).isTrue();
		}
		String rules = Files.readString(data.resolve("postgres/pg_hba.conf"));
		assertThat(rules.lines().filter(line -> !line.startsWith("#") && !line.isBlank()))
			.isNotEmpty()
			.allSatisfy(line -> assertThat(line).startsWith("host").endsWith("scram-sha-256").doesNotContain("trust"));
		JdbcClient jdbc = kervan.getBean(JdbcClient.class);
		assertThat(jdbc.sql("show unix_socket_directories").query(String.class).single()).isEmpty();
		assertThat(jdbc.sql("show listen_addresses").query(String.class).single()).isEqualTo("127.0.0.1");
	}

	private static ConfigurableApplicationContext start(Path data) {
		// Command-line arguments, as the launcher passes them, outrank application.properties.
		return new SpringApplicationBuilder(KervanApplication.class).run("--server.port=0", "--kervan.data-dir=" + data,
				"--kervan.admin-password=", "--spring.datasource.url=");
	}
}
