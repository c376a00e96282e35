package dev.kervan.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: the whole application on a random port, on a real embedded PostgreSQL in a
 * fresh data directory, talked to over real HTTP. All subclasses share one running application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SettableClock.ClockConfiguration.class)
public abstract class KervanIntegrationTest {

	public static final String ADMIN_PASSWORD = "kervan-test-secret-2026";

	private static final Path DATA_DIRECTORY = createDataDirectory();

	/** A real SMTP server, in this process, for all tests: mail goes out over SMTP and is read back from here. */
	protected static final GreenMail MAIL = startMail();

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcClient jdbc;

	protected Api api;

	@DynamicPropertySource
	static void kervanProperties(DynamicPropertyRegistry registry) {
		kervanProperties(registry, DATA_DIRECTORY);
	}

	/**
	 * The properties of an application under test, on the data directory given: a test that needs an application
	 * and database of its own (and so does not extend this class) registers them too.
	 */
	public static void kervanProperties(DynamicPropertyRegistry registry, Path dataDirectory) {
		registry.add("kervan.data-dir", dataDirectory::toString);
		registry.add("kervan.admin-password", () -> ADMIN_PASSWORD);
		// Test data is small; a test machine runs several databases.
		registry.add("kervan.database-memory", () -> "128MB");
		registry.add("spring.datasource.url", () -> "");
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
		registry.add("kervan.jobs.polling-interval", () -> "500ms");
		registry.add("kervan.web-form.min-seconds", () -> "1");
	}

	private static GreenMail startMail() {
		var mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		mail.start();
		Runtime.getRuntime().addShutdownHook(new Thread(mail::stop));
		return mail;
	}

	@BeforeEach
	void connectClient() {
		api = new Api(port);
		// Tests fail logins on purpose; one test's failures must not throttle the next test.
		jdbc.sql("delete from login_throttle").update();
	}

	/** The mails received for an address so far, waiting up to ten seconds for the first. */
	protected static java.util.List<jakarta.mail.internet.MimeMessage> mailsTo(String address) {
		long deadline = System.currentTimeMillis() + 10_000;
		while (true) {
			var received = java.util.Arrays.stream(MAIL.getReceivedMessages()).filter(message -> {
				try {
					return java.util.Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(address));
				}
				catch (jakarta.mail.MessagingException e) {
					return false;
				}
			}).toList();
			if (!received.isEmpty() || System.currentTimeMillis() > deadline) {
				return received;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return received;
			}
		}
	}

	protected static Path dataDirectory() {
		return DATA_DIRECTORY;
	}

	/** A fresh data directory, deleted when the tests end. */
	public static Path createDataDirectory() {
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
