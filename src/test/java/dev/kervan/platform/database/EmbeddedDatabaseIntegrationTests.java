package dev.kervan.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import dev.kervan.KervanApplication;
import dev.kervan.support.Api;
import dev.kervan.support.Multipart;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded database's life tied to Kervan's, tried the way it fails in the field: a data directory from
 * before passwords, {@code kill -9} of Kervan, {@code kill -9} of PostgreSQL, files that vanish, and SIGTERM.
 */
class EmbeddedDatabaseIntegrationTests {

	private static final String ADMIN_PASSWORD = "kervan-crash-test-2026";
	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@Test
	void aDataDirectoryFromBeforePasswordsIsClosedToPasswordlessConnectionsOnItsNextStart() throws Exception {
		Path data = Files.createTempDirectory("kervan-legacy-");
		// As earlier Kervans created it: every local connection trusted, the superuser without a password.
		var binaries = PostgresBinaries.unpackedUnder(PostgresBinaries.defaultCacheRoot());
		Process initdb = new ProcessBuilder(binaries.command("initdb", "-D", data.resolve("postgres").toString(), "-A", "trust",
				"-U", "postgres", "--encoding=UTF8", "--locale=C.UTF-8")).redirectErrorStream(true).start();
		initdb.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
		assertThat(initdb.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(Files.readString(data.resolve("postgres/pg_hba.conf"))).contains("trust");

		try (ConfigurableApplicationContext kervan = startInProcess(data)) {
			var server = kervan.getBean(EmbeddedPostgresServer.class);
			assertThat(data.resolve(EmbeddedPostgresServer.PASSWORD_FILE)).exists();
			assertThat(Files.readString(data.resolve("postgres/pg_hba.conf"))).doesNotContain("trust");
			assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl("kervan"), "postgres", "").close())
				.isInstanceOf(SQLException.class);
			assertThat(new Api(port(kervan)).token("admin", ADMIN_PASSWORD)).isNotBlank();
		}
	}

	@Test
	void afterKervanIsKilledTheNextStartStopsTheDatabaseItLeftFailsTheImportItRanAndSigtermStopsKervanWithinSeconds()
			throws Exception {
		Path data = Files.createTempDirectory("kervan-killed-");
		try (Child first = Child.start(data)) {
			long leftOver = postmasterPid(data);
			var api = new Api(first.port);
			String token = api.token("admin", ADMIN_PASSWORD);
			var csv = new StringBuilder("name\n");
			for (int row = 1; row <= 100_000; row++) {
				csv.append("Kesintili Ticaret ").append(row).append('\n');
			}
			Api.Response started = new Multipart().header("Authorization", "Bearer " + token)
				.file("file", "big.csv", "text/csv", csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
				.post(api.base() + "/api/v1/customers/import");
			assertThat(started.status()).as(started.body()).isEqualTo(202);
			String job = "/api/v1/customers/import/" + started.json().get("id").asString();
			assertThat(within(Duration.ofSeconds(60), () -> api.get(job).bearer(token).send().json(),
					progress -> progress.get("processed").asInt() > 0)).isTrue();

			first.process.destroyForcibly();
			assertThat(first.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
			// What used to hold the data directory until somebody killed it by hand.
			assertThat(alive(leftOver)).isTrue();

			try (Child second = Child.start(data)) {
				assertThat(alive(leftOver)).isFalse();
				var again = new Api(second.port);
				String newToken = again.token("admin", ADMIN_PASSWORD);
				var interrupted = again.get(job).bearer(newToken).send().json();
				assertThat(interrupted.get("status").asString()).isEqualTo("FAILED");
				assertThat(interrupted.get("interrupted").asBoolean()).isTrue();
				assertThat(interrupted.get("processed").asInt()).isPositive().isLessThan(100_000);
				long postmaster = postmasterPid(data);

				long asked = System.nanoTime();
				second.process.destroy();
				assertThat(second.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
				assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(10));
				assertThat(alive(postmaster)).isFalse();
			}
		}
	}

	@Test
	void whenItsDatabaseDiesKervanSaysSoAtOnceAnswers503QuicklyAndRecovers() throws Exception {
		Path data = Files.createTempDirectory("kervan-db-dies-");
		try (ConfigurableApplicationContext kervan = startInProcess(data, "--kervan.database.restart-delay=3s",
				"--kervan.database.broken-after=2s")) {
			var api = new Api(port(kervan));
			String token = api.token("admin", ADMIN_PASSWORD);
			var server = kervan.getBean(EmbeddedPostgresServer.class);

			ProcessHandle.of(server.pid().orElseThrow()).orElseThrow().destroyForcibly();

			assertThat(within(Duration.ofSeconds(2), () -> status(api, "/actuator/health"), s -> s == 503)).isTrue();
			long asked = System.nanoTime();
			Api.Response refused = api.get("/api/v1/me").bearer(token).send();
			assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(1));
			assertThat(refused.status()).isEqualTo(503);
			assertThat(refused.contentType()).startsWith("application/problem+json");
			assertThat(refused.json().get("code").asString()).isEqualTo("error.database-unavailable");
			assertThat(refused.header("Retry-After")).isPresent();
			Api.Response page = api.get("/login?lang=tr").send();
			assertThat(page.status()).isEqualTo(503);
			assertThat(page.body()).contains("Kervan kısa bir süre için kullanılamıyor");
			// Liveness holds while a restart may still bring the database back.
			assertThat(status(api, "/actuator/health/liveness")).isEqualTo(200);

			assertThat(within(Duration.ofSeconds(30), () -> status(api, "/actuator/health"), s -> s == 200)).isTrue();
			assertThat(api.get("/api/v1/me").bearer(token).send().status()).isEqualTo(200);

			// Now it cannot come back, its files being gone: liveness fails, so that Kervan is restarted.
			Path files = data.resolve("postgres");
			Path away = data.resolve("postgres-away");
			ProcessHandle.of(server.pid().orElseThrow()).orElseThrow().destroyForcibly();
			Files.move(files, away);
			assertThat(within(Duration.ofSeconds(20), () -> status(api, "/actuator/health/liveness"), s -> s == 503)).isTrue();
			Files.move(away, files);
			assertThat(within(Duration.ofSeconds(30), () -> status(api, "/actuator/health/liveness"), s -> s == 200)).isTrue();
			assertThat(within(Duration.ofSeconds(10), () -> status(api, "/actuator/health"), s -> s == 200)).isTrue();
			assertThat(api.get("/api/v1/me").bearer(token).send().status()).isEqualTo(200);
		}
	}

	private static ConfigurableApplicationContext startInProcess(Path data, String... more) {
		var arguments = new ArrayList<>(List.of("--server.port=0", "--kervan.data-dir=" + data,
				"--kervan.admin-password=" + ADMIN_PASSWORD, "--spring.datasource.url=", "--kervan.database-memory=128MB"));
		arguments.addAll(List.of(more));
		return new SpringApplicationBuilder(KervanApplication.class).run(arguments.toArray(String[]::new));
	}

	private static int port(ConfigurableApplicationContext kervan) {
		return Integer.parseInt(kervan.getEnvironment().getProperty("local.server.port"));
	}

	private static long postmasterPid(Path data) throws IOException {
		return Long.parseLong(Files.readAllLines(data.resolve("postgres/postmaster.pid")).get(0).strip());
	}

	private static boolean alive(long pid) {
		return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
	}

	private static int status(Api api, String path) {
		try {
			var request = HttpRequest.newBuilder(URI.create(api.base() + path)).timeout(Duration.ofSeconds(5)).build();
			return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException e) {
			return -1;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	private static <T> boolean within(Duration limit, java.util.function.Supplier<T> probe, Predicate<T> expected)
			throws InterruptedException {
		long deadline = System.nanoTime() + limit.toNanos();
		while (System.nanoTime() < deadline) {
			if (expected.test(probe.get())) {
				return true;
			}
			Thread.sleep(100);
		}
		return expected.test(probe.get());
	}

	/** Kervan in a JVM of its own, as {@code ./kervan run} starts it, so that it can be killed. */
	private record Child(Process process, int port) implements AutoCloseable {

		static Child start(Path data) throws Exception {
			int port;
			try (var socket = new ServerSocket(0)) {
				port = socket.getLocalPort();
			}
			String classPath = Optional.ofNullable(System.getProperty("surefire.test.class.path"))
				.orElse(System.getProperty("java.class.path"));
			Path java = Path.of(System.getProperty("java.home"), "bin", "java");
			Process process = new ProcessBuilder(java.toString(), "-Xmx512m", "-XX:+UseSerialGC", "-cp", classPath,
					KervanApplication.class.getName(), "--server.port=" + port, "--kervan.data-dir=" + data,
					"--kervan.admin-password=" + ADMIN_PASSWORD, "--spring.datasource.url=", "--kervan.database-memory=128MB",
					"--logging.level.root=WARN")
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("kervan.log").toFile()))
				.start();
			var child = new Child(process, port);
			var api = new Api(port);
			boolean healthy = within(Duration.ofSeconds(120), () -> process.isAlive() ? status(api, "/actuator/health") : -2,
					s -> s == 200 || s == -2);
			if (!healthy || !process.isAlive()) {
				child.close();
				throw new IllegalStateException("Kervan did not start; its output:\n" + Files.readString(data.resolve("kervan.log")));
			}
			return child;
		}

		@Override
		public void close() throws InterruptedException {
			if (process.isAlive()) {
				process.destroy();
				if (!process.waitFor(30, TimeUnit.SECONDS)) {
					process.destroyForcibly();
				}
			}
		}
	}
}
