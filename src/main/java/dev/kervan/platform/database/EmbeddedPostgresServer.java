package dev.kervan.platform.database;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server Kervan runs itself, in {@code <data>/postgres}, when no external database is configured.
 * Its life is tied to Kervan's:
 * <ul>
 * <li>it only listens on the loopback address and only lets in the {@code postgres} role with a password that is
 * random per data directory and kept in {@code <data>/database-password}, readable by its owner only (no
 * {@code trust}, no Unix socket): other local users cannot connect;</li>
 * <li>a server left running by a Kervan that was killed is stopped before a new one starts on the same files;</li>
 * <li>if the server dies, it is started again on the same port, and whoever listens is told at once that the
 * database is down, up again, or cannot be brought back.</li>
 * </ul>
 */
final class EmbeddedPostgresServer implements AutoCloseable {

	static final String SUPERUSER = "postgres";
	static final String PASSWORD_FILE = "database-password";
	static final String LOCK_FILE = "kervan.lock";
	/** The lock file older Kervans (and zonky's launcher) took inside the PostgreSQL folder. */
	private static final String LEGACY_LOCK_FILE = "epg-lock";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
	private static final Logger postgresLog = LoggerFactory.getLogger("postgres");
	private static final boolean SETSID_AVAILABLE = Files.isExecutable(Path.of("/usr/bin/setsid"))
			|| Files.isExecutable(Path.of("/bin/setsid"));

	/** What the server's watcher reports. */
	interface StateListener {

		/** The server stopped without being asked to; requests cannot be served until it is back. */
		void down();

		/** The server runs and accepts connections (again). */
		void up();

		/** Restarting has failed for longer than Kervan should wait: only a restart of Kervan may help now. */
		void broken();
	}

	/**
	 * @param startupWait how long a start may take before it counts as failed
	 * @param restartDelay how long after an unexpected stop the first restart is tried
	 * @param brokenAfter how long restarts may fail before the server is reported broken
	 */
	record Timings(Duration startupWait, Duration restartDelay, Duration brokenAfter) {
	}

	private final Path dataDirectory;
	private final Path files;
	private final PostgresBinaries binaries;
	private final Map<String, String> serverSettings;
	private final Timings timings;
	private final StateListener listener;
	private final List<FileLock> locks = new ArrayList<>();
	private final Deque<String> recentOutput = new ArrayDeque<>();
	private final Object lifecycle = new Object();
	private final int port;
	private final String password;

	private volatile @Nullable Process postmaster;
	private volatile boolean closing;

	private EmbeddedPostgresServer(Path dataDirectory, PostgresBinaries binaries, Map<String, String> serverSettings,
			Timings timings, StateListener listener) {
		this.dataDirectory = dataDirectory;
		this.files = dataDirectory.resolve("postgres");
		this.binaries = binaries;
		this.serverSettings = serverSettings;
		this.timings = timings;
		this.listener = listener;
		this.port = freePort();
		this.password = passwordFor(dataDirectory);
		lockDataDirectory();
	}

	/**
	 * Starts the server on {@code <dataDirectory>/postgres}, creating it on the first start and securing one left
	 * by an older Kervan.
	 *
	 * @throws DataDirectoryInUseException when another Kervan runs on this data directory; nothing is touched then
	 */
	static EmbeddedPostgresServer start(Path dataDirectory, PostgresBinaries binaries, Map<String, String> serverSettings,
			Timings timings, StateListener listener) {
		var server = new EmbeddedPostgresServer(dataDirectory, binaries, serverSettings, timings, listener);
		try {
			server.prepareFiles();
			server.stopLeftOverServer();
			synchronized (server.lifecycle) {
				server.startPostmaster();
			}
			return server;
		}
		catch (RuntimeException e) {
			server.close();
			throw e;
		}
	}

	int port() {
		return port;
	}

	String password() {
		return password;
	}

	String jdbcUrl(String database) {
		return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
	}

	/** The postmaster's process id while it runs. */
	Optional<Long> pid() {
		Process running = postmaster;
		return running != null && running.isAlive() ? Optional.of(running.pid()) : Optional.empty();
	}

	// --- the data directory ------------------------------------------------------------------------------------

	private void lockDataDirectory() {
		try {
			Files.createDirectories(dataDirectory);
			lock(dataDirectory.resolve(LOCK_FILE));
			Path legacy = files.resolve(LEGACY_LOCK_FILE);
			if (Files.exists(legacy)) {
				lock(legacy);
			}
		}
		catch (IOException e) {
			releaseLocks();
			throw new UncheckedIOException("Cannot use the data directory " + dataDirectory, e);
		}
		catch (RuntimeException e) {
			releaseLocks();
			throw e;
		}
	}

	private void lock(Path file) throws IOException {
		FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
		FileLock lock;
		try {
			lock = channel.tryLock();
		}
		catch (OverlappingFileLockException inThisProcess) {
			lock = null;
		}
		if (lock == null) {
			channel.close();
			throw new DataDirectoryInUseException(dataDirectory);
		}
		locks.add(lock);
	}

	private void releaseLocks() {
		for (FileLock lock : locks) {
			try {
				lock.channel().close();
			}
			catch (IOException e) {
				log.debug("Could not release {}", lock, e);
			}
		}
		locks.clear();
	}

	/** The password of this data directory's database, made up on its first start. */
	private static String passwordFor(Path dataDirectory) {
		Path file = dataDirectory.resolve(PASSWORD_FILE);
		try {
			if (Files.exists(file)) {
				return Files.readString(file).strip();
			}
			byte[] random = new byte[24];
			new SecureRandom().nextBytes(random);
			return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read " + file, e);
		}
	}

	private void prepareFiles() {
		try {
			Path passwordFile = dataDirectory.resolve(PASSWORD_FILE);
			if (!Files.exists(files.resolve("PG_VERSION"))) {
				writePrivately(passwordFile, password);
				initdb(passwordFile);
			}
			else if (!Files.exists(passwordFile)) {
				// A directory from before passwords: the superuser gets one before the server listens to anybody.
				log.info("Securing the embedded database in {} with a password", files);
				setPasswordOffline();
				writePrivately(passwordFile, password);
			}
			Files.writeString(files.resolve("pg_hba.conf"), """
					# Written by Kervan at every start: only the superuser, with the password in <data>/database-password,
					# over the loopback address. There is no Unix socket.
					host    all    %1$s    127.0.0.1/32    scram-sha-256
					host    all    %1$s    ::1/128         scram-sha-256
					""".formatted(SUPERUSER));
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot prepare the embedded database in " + files, e);
		}
	}

	private void initdb(Path passwordFile) throws IOException {
		Files.createDirectories(files);
		Files.setPosixFilePermissions(files, PosixFilePermissions.fromString("rwx------"));
		run(command("initdb", "-D", files.toString(), "-U", SUPERUSER, "--pwfile=" + passwordFile,
				"--auth-host=scram-sha-256", "--auth-local=scram-sha-256", "--encoding=UTF8",
				"--locale=" + EmbeddedDatabaseConfiguration.LOCALE), null, Duration.ofMinutes(2));
	}

	/** Sets the superuser's password in single-user mode, which needs no connection and so no trust. */
	private void setPasswordOffline() {
		run(command("postgres", "--single", "-D", files.toString(), "-c", "unix_socket_directories=", SUPERUSER),
				"ALTER ROLE " + SUPERUSER + " PASSWORD '" + password + "';\n", Duration.ofMinutes(2));
	}

	private static void writePrivately(Path file, String content) throws IOException {
		Path partial = file.resolveSibling(file.getFileName() + ".new");
		Files.deleteIfExists(partial);
		Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		Files.writeString(partial, content + "\n");
		Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	// --- the server process ------------------------------------------------------------------------------------

	/**
	 * A postmaster still running on these files belongs to a Kervan that died without stopping it (this one holds
	 * the data directory's lock, so no live Kervan owns it): it is stopped, quickly, before a new one starts.
	 */
	private void stopLeftOverServer() {
		Optional<ProcessHandle> leftOver = postmasterOf(files);
		if (leftOver.isEmpty()) {
			return;
		}
		ProcessHandle orphan = leftOver.get();
		log.warn("A PostgreSQL server (process {}) left running by a Kervan that stopped abruptly holds {}; stopping it",
				orphan.pid(), files);
		stop(orphan);
	}

	/** The live postmaster named in the files' {@code postmaster.pid}, if that process really is one. */
	static Optional<ProcessHandle> postmasterOf(Path files) {
		Path pidFile = files.resolve("postmaster.pid");
		try {
			if (!Files.exists(pidFile)) {
				return Optional.empty();
			}
			List<String> lines = Files.readAllLines(pidFile);
			if (lines.size() < 2) {
				return Optional.empty();
			}
			long pid = Long.parseLong(lines.get(0).strip());
			Path commandLine = Path.of("/proc", String.valueOf(pid), "cmdline");
			if (!Files.isReadable(commandLine)) {
				return Optional.empty();
			}
			String arguments = Files.readString(commandLine).replace('\0', ' ');
			boolean isOurs = arguments.contains("postgres") && arguments.contains(files.toString());
			return isOurs ? ProcessHandle.of(pid).filter(ProcessHandle::isAlive) : Optional.empty();
		}
		catch (IOException | NumberFormatException e) {
			return Optional.empty();
		}
	}

	private void stop(ProcessHandle server) {
		try {
			run(command("pg_ctl", "stop", "-D", files.toString(), "-m", "fast", "-w", "-t", "20"), null, Duration.ofSeconds(25));
		}
		catch (RuntimeException e) {
			log.warn("PostgreSQL did not stop when asked ({}); killing it", e.getMessage());
		}
		if (server.isAlive()) {
			server.destroyForcibly();
			server.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(timeout -> server).join();
		}
	}

	private void startPostmaster() {
		List<String> arguments = new ArrayList<>(List.of("-D", files.toString(), "-p", String.valueOf(port)));
		var settings = new LinkedHashMap<>(serverSettings);
		settings.put("listen_addresses", "127.0.0.1");
		settings.put("unix_socket_directories", "");
		settings.put("password_encryption", "scram-sha-256");
		settings.forEach((name, value) -> arguments.addAll(List.of("-c", name + "=" + value)));
		Process started;
		try {
			// A session of its own: Ctrl-C in Kervan's terminal must not stop the database under Kervan's feet.
			var command = new ArrayList<String>();
			if (SETSID_AVAILABLE) {
				command.add("setsid");
			}
			command.addAll(command("postgres", arguments.toArray(String[]::new)));
			started = new ProcessBuilder(command)
				.redirectErrorStream(true)
				.start();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot start PostgreSQL from " + binaries.program("postgres"), e);
		}
		postmaster = started;
		forwardOutput(started);
		awaitConnections(started);
		started.onExit().thenRun(() -> exited(started));
		log.info("Embedded PostgreSQL serves {} on port {} (process {})", files, port, started.pid());
	}

	private void awaitConnections(Process started) {
		long deadline = System.nanoTime() + timings.startupWait().toNanos();
		SQLException last = null;
		while (System.nanoTime() < deadline) {
			if (!started.isAlive()) {
				throw new IllegalStateException("PostgreSQL stopped while starting (exit code " + started.exitValue()
						+ "): " + String.join(" | ", recentOutput()));
			}
			try (Connection connection = dataSource("postgres").getConnection()) {
				connection.createStatement().execute("select 1");
				return;
			}
			catch (SQLException e) {
				last = e;
			}
			sleep(Duration.ofMillis(100));
		}
		started.destroyForcibly();
		throw new IllegalStateException("PostgreSQL did not accept connections within " + timings.startupWait().toSeconds()
				+ " s: " + (last == null ? "" : last.getMessage()) + " | " + String.join(" | ", recentOutput()));
	}

	PGSimpleDataSource dataSource(String database) {
		var dataSource = new PGSimpleDataSource();
		dataSource.setServerNames(new String[] { "127.0.0.1" });
		dataSource.setPortNumbers(new int[] { port });
		dataSource.setDatabaseName(database);
		dataSource.setUser(SUPERUSER);
		dataSource.setPassword(password);
		dataSource.setConnectTimeout(2);
		dataSource.setLoginTimeout(5);
		return dataSource;
	}

	/** The watcher: an unexpected stop is reported at once and the server is started again until it runs. */
	private void exited(Process process) {
		if (closing || process != postmaster) {
			return;
		}
		log.error("The embedded PostgreSQL stopped unexpectedly (exit code {}); starting it again", process.exitValue());
		listener.down();
		Thread.ofPlatform().daemon().name("postgres-restart").start(this::restart);
	}

	private void restart() {
		long firstAttempt = System.nanoTime();
		boolean reportedBroken = false;
		Duration pause = timings.restartDelay();
		while (!closing) {
			sleep(pause);
			synchronized (lifecycle) {
				if (closing) {
					return;
				}
				try {
					startPostmaster();
					log.info("The embedded PostgreSQL runs again");
					listener.up();
					return;
				}
				catch (RuntimeException e) {
					log.warn("Starting the embedded PostgreSQL again failed: {}", e.getMessage());
				}
			}
			if (!reportedBroken && System.nanoTime() - firstAttempt > timings.brokenAfter().toNanos()) {
				log.error("The embedded PostgreSQL could not be started again for {} s", timings.brokenAfter().toSeconds());
				listener.broken();
				reportedBroken = true;
			}
			pause = Duration.ofMillis(Math.min(pause.toMillis() * 2, 5_000));
		}
	}

	/** Stops the server (fast shutdown: open transactions are rolled back) and frees the data directory. */
	@Override
	public void close() {
		closing = true;
		synchronized (lifecycle) {
			Process running = postmaster;
			if (running != null && running.isAlive()) {
				stop(running.toHandle());
			}
			releaseLocks();
		}
	}

	// --- programs ----------------------------------------------------------------------------------------------

	private List<String> command(String program, String... arguments) {
		return binaries.command(program, arguments);
	}

	private void run(List<String> command, @Nullable String input, Duration timeout) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			if (input != null) {
				process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
			}
			process.getOutputStream().close();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(command.get(command.size() - 1) + " took longer than " + timeout.toSeconds() + " s");
			}
			if (process.exitValue() != 0) {
				throw new IllegalStateException(String.join(" ", programAndAction(command)) + " failed (exit code "
						+ process.exitValue() + "): " + output.strip().replace('\n', ' '));
			}
			log.debug("{}: {}", programAndAction(command), output);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot run " + command, e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while running " + command, e);
		}
	}

	/** The program and its first argument: never the rest, which may hold the password. */
	private static List<String> programAndAction(List<String> command) {
		int program = command.get(0).equals("unshare") ? 2 : 0;
		return command.subList(program, Math.min(command.size(), program + 2));
	}

	private void forwardOutput(Process process) {
		Thread.ofPlatform().daemon().name("postgres-output").start(() -> {
			try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = lines.readLine()) != null) {
					remember(line);
					if (line.contains("the database system is starting up") || line.contains("not yet accepting connections")) {
						postgresLog.debug(line);
					}
					else if (line.contains("ERROR:") || line.contains("FATAL:") || line.contains("PANIC:") || line.contains("WARNING:")) {
						postgresLog.warn(line);
					}
					else {
						postgresLog.debug(line);
					}
				}
			}
			catch (IOException e) {
				log.debug("PostgreSQL's output ended", e);
			}
		});
	}

	private void remember(String line) {
		synchronized (recentOutput) {
			if (recentOutput.size() == 20) {
				recentOutput.removeFirst();
			}
			recentOutput.addLast(line);
		}
	}

	private List<String> recentOutput() {
		synchronized (recentOutput) {
			return List.copyOf(recentOutput);
		}
	}

	private static int freePort() {
		try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException("No free port for the embedded database", e);
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
