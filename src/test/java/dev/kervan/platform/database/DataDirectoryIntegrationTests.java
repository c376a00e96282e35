package dev.kervan.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
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
	void theFirstStartCreatesTheAdminDataSurvivesRestartsAndASecondStartIsRefused() throws IOException {
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

	private static ConfigurableApplicationContext start(Path data) {
		// Command-line arguments, as the launcher passes them, outrank application.properties.
		return new SpringApplicationBuilder(KervanApplication.class).run("--server.port=0", "--kervan.data-dir=" + data,
				"--kervan.admin-password=", "--spring.datasource.url=");
	}
}
