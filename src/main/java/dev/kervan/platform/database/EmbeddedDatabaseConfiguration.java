package dev.kervan.platform.database;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.kervan.platform.KervanProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The embedded PostgreSQL that serves Kervan when no external database is configured ({@code KERVAN_DB_URL}
 * unset). Its files live in {@code <data>/postgres} and survive restarts; a second Kervan on the same data
 * directory stops with a clear message instead of touching them. How the server is secured, watched and
 * restarted is {@link EmbeddedPostgresServer}'s business.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
class EmbeddedDatabaseConfiguration {

	static final String DATABASE = "kervan";
	/**
	 * Code-point collation (fast, predictable), but with UTF-8 character classes: trigram search must see
	 * Turkish and Persian letters as letters, which the plain C locale does not.
	 */
	static final String LOCALE = "C.UTF-8";

	@Bean(destroyMethod = "close")
	EmbeddedPostgresServer embeddedPostgres(KervanProperties properties, DatabaseAvailability availability,
			@Value("${kervan.database.startup-wait:60s}") Duration startupWait,
			@Value("${kervan.database.restart-delay:1s}") Duration restartDelay,
			@Value("${kervan.database.broken-after:30s}") Duration brokenAfter) {
		Path dataDirectory = properties.absoluteDataDir();
		var settings = new LinkedHashMap<String, String>();
		settings.put("max_connections", "100");
		settings.put("shared_buffers", cacheSize(properties).toMegabytes() + "MB");
		settings.put("effective_cache_size", physicalMemory() / 2 / 1024 / 1024 + "MB");
		// Compiling a query takes longer than running the short queries an ERP makes.
		settings.put("jit", "off");
		// This database holds a company's books: a committed transaction must survive a power cut.
		settings.put("fsync", "on");
		settings.put("synchronous_commit", "on");
		settings.put("timezone", "UTC");
		return EmbeddedPostgresServer.start(dataDirectory,
				PostgresBinaries.forDataDirectory(dataDirectory), settings,
				new EmbeddedPostgresServer.Timings(startupWait, restartDelay, brokenAfter), availability);
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
	DataSource dataSource(EmbeddedPostgresServer postgres, @Value("${spring.datasource.hikari.connection-timeout:3000}") long connectionTimeout) {
		createDatabaseIfMissing(postgres);
		var config = new HikariConfig();
		config.setJdbcUrl(postgres.jdbcUrl(DATABASE));
		config.setUsername(EmbeddedPostgresServer.SUPERUSER);
		config.setPassword(postgres.password());
		config.setPoolName("kervan");
		config.setMaximumPoolSize(20);
		config.setMinimumIdle(2);
		config.setConnectionTimeout(connectionTimeout);
		return new HikariDataSource(config);
	}

	private static void createDatabaseIfMissing(EmbeddedPostgresServer postgres) {
		try (Connection connection = postgres.dataSource("postgres").getConnection();
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
}
