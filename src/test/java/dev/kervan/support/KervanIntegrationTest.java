package dev.kervan.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: the whole application on a random port, on a real embedded PostgreSQL in a
 * fresh data directory, talked to over real HTTP. All subclasses share one running application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class KervanIntegrationTest {

	public static final String ADMIN_PASSWORD = "kervan-test-secret-2026";

	private static final Path DATA_DIRECTORY = createDataDirectory();

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcClient jdbc;

	protected Api api;

	@DynamicPropertySource
	static void kervanProperties(DynamicPropertyRegistry registry) {
		registry.add("kervan.data-dir", DATA_DIRECTORY::toString);
		registry.add("kervan.admin-password", () -> ADMIN_PASSWORD);
		// Test data is small; a test machine runs several databases.
		registry.add("kervan.database-memory", () -> "128MB");
		registry.add("spring.datasource.url", () -> "");
	}

	@BeforeEach
	void connectClient() {
		api = new Api(port);
		// Tests fail logins on purpose; one test's failures must not throttle the next test.
		jdbc.sql("delete from login_throttle").update();
	}

	protected static Path dataDirectory() {
		return DATA_DIRECTORY;
	}

	private static Path createDataDirectory() {
		try {
			Path directory = Files.createTempDirectory("kervan-test-");
			directory.toFile().deleteOnExit();
			return directory;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
