package dev.kervan.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.kervan.platform.KervanProperties;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The embedded PostgreSQL that serves Kervan when no external database is configured ({@code KERVAN_DB_URL}
 * unset). Its files live in {@code <data>/postgres} and survive restarts; a second Kervan on the same data
 * directory stops with a clear message instead of touching them.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
class EmbeddedDatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);
	static final String DATABASE = "kervan";
	/**
	 * Code-point collation (fast, predictable), but with UTF-8 character classes: trigram search must see
	 * Turkish and Persian letters as letters, which the plain C locale does not.
	 */
	static final String LOCALE = "C.UTF-8";

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(KervanProperties properties) {
		Path dataDirectory = properties.absoluteDataDir();
		Path files = dataDirectory.resolve("postgres");
		try {
			Files.createDirectories(files);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot create the data directory " + files, e);
		}
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(files)
				.setCleanDataDirectory(false)
				// Spring stops the database after the connection pool; a hook of its own would race the pool.
				.setRegisterShutdownHook(false)
				.setPGStartupWait(Duration.ofSeconds(60))
				.setLocaleConfig("encoding", "UTF8")
				.setLocaleConfig("locale", LOCALE)
				.setServerConfig("listen_addresses", "localhost")
				.setServerConfig("max_connections", "100")
				.setServerConfig("shared_buffers", cacheSize(properties).toMegabytes() + "MB")
				.setServerConfig("effective_cache_size", physicalMemory() / 2 / 1024 / 1024 + "MB")
				// Compiling a query takes longer than running the short queries an ERP makes.
				.setServerConfig("jit", "off")
				// zonky's defaults suit throw-away test databases (fsync and synchronous commit off); this one
				// holds a company's books, so a committed transaction must survive a power cut.
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.start();
			log.info("Embedded PostgreSQL serves {} on port {}", files, postgres.getPort());
			return postgres;
		}
		catch (IllegalStateException | IOException e) {
			if (isLockConflict(e)) {
				throw new DataDirectoryInUseException(dataDirectory, e);
			}
			throw new IllegalStateException("The embedded PostgreSQL in " + files + " did not start", e);
		}
	}

	/**
	 * A quarter of the machine's memory unless set: searches read many rows, and rows PostgreSQL has in its own
	 * cache are read three to four times faster than rows it must ask the operating system for.
	 */
	private static DataSize cacheSize(KervanProperties properties) {
		if (properties.databaseMemory() != null) {
			return properties.databaseMemory();
		}
		long quarter = physicalMemory() / 4;
		return DataSize.ofBytes(Math.clamp(quarter, DataSize.ofMegabytes(128).toBytes(), DataSize.ofGigabytes(2).toBytes()));
	}

	private static long physicalMemory() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
	}

	@Bean
	DataSource dataSource(EmbeddedPostgres postgres) {
		createDatabaseIfMissing(postgres);
		var config = new HikariConfig();
		config.setJdbcUrl(postgres.getJdbcUrl("postgres", DATABASE));
		config.setUsername("postgres");
		config.setPoolName("kervan");
		config.setMaximumPoolSize(20);
		config.setMinimumIdle(2);
		return new HikariDataSource(config);
	}

	private static void createDatabaseIfMissing(EmbeddedPostgres postgres) {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
			exists.setString(1, DATABASE);
			if (!exists.executeQuery().next()) {
				try (var create = connection.createStatement()) {
					create.execute("create database " + DATABASE + " encoding 'UTF8' locale '" + LOCALE + "' template template0");
				}
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("Cannot create the database '" + DATABASE + "'", e);
		}
	}

	private static boolean isLockConflict(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			String message = String.valueOf(t.getMessage());
			if (message.contains("could not lock") || message.contains("lock file") || t instanceof java.nio.channels.OverlappingFileLockException) {
				return true;
			}
		}
		return false;
	}
}
