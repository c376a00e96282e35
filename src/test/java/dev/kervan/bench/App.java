package dev.kervan.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Kervan started as users start it, in a process of its own with at most 1 GB of heap, on the benchmark's data
 * directory.
 */
final class App implements AutoCloseable {

	static final String ADMIN_PASSWORD = "kervan-bench-secret-2026";

	private final Process process;
	private final int port;
	private final Path dataDirectory;

	private App(Process process, int port, Path dataDirectory) {
		this.process = process;
		this.port = port;
		this.dataDirectory = dataDirectory;
	}

	static App start(Path jar, Path dataDirectory, Path log) throws IOException, InterruptedException {
		int port;
		try (var socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		var command = new ArrayList<>(List.of(java, "-Xmx1g", "-Xms1g", "-XX:+UseParallelGC"));
		// For a profile of the measured process, e.g. KERVAN_BENCH_JAVA_OPTS=-XX:StartFlightRecording=filename=app.jfr
		String extraOptions = System.getenv().getOrDefault("KERVAN_BENCH_JAVA_OPTS", "").strip();
		if (!extraOptions.isEmpty()) {
			command.addAll(List.of(extraOptions.split("\\s+")));
		}
		command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--kervan.data-dir=" + dataDirectory,
				"--kervan.admin-password=" + ADMIN_PASSWORD, "--logging.level.root=WARN",
				"--spring.datasource.hikari.maximum-pool-size=24"));
		Process process = new ProcessBuilder(command)
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		// An interrupted benchmark must not leave Kervan holding the data directory.
		Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
		var app = new App(process, port, dataDirectory);
		app.awaitHealthy();
		return app;
	}

	String base() {
		return "http://localhost:" + port;
	}

	/** The embedded PostgreSQL's port, read from its pid file. */
	int databasePort() throws IOException {
		List<String> lines = Files.readAllLines(dataDirectory.resolve("postgres").resolve("postmaster.pid"));
		return Integer.parseInt(lines.get(3).strip());
	}

	/** The embedded PostgreSQL's password, kept in the data directory. */
	String databasePassword() throws IOException {
		return Files.readString(dataDirectory.resolve("database-password")).strip();
	}

	long residentMegabytes() throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
			if (line.startsWith("VmRSS:")) {
				return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
			}
		}
		return -1;
	}

	private void awaitHealthy() throws InterruptedException {
		var client = HttpClient.newHttpClient();
		long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("Kervan stopped while starting; see target/bench/app.log");
			}
			try {
				var response = client.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// still starting
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException("Kervan did not become healthy in 3 minutes");
	}

	@Override
	public void close() throws InterruptedException {
		process.destroy();
		if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
			process.destroyForcibly();
		}
	}
}
