package dev.kervan.platform.database;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The database's part of {@code /actuator/health} and of readiness. A database known to be down is reported at
 * once, without waiting for a connection; otherwise a connection must answer within two seconds (plus the pool's
 * connection timeout when every connection is taken).
 */
@Component("database")
class DatabaseHealth implements HealthIndicator {

	private static final int VALIDATION_SECONDS = 2;

	private final DatabaseAvailability availability;
	private final DataSource dataSource;

	DatabaseHealth(DatabaseAvailability availability, DataSource dataSource) {
		this.availability = availability;
		this.dataSource = dataSource;
	}

	@Override
	public Health health() {
		if (!availability.isUp()) {
			return Health.down().withDetail("state", availability.state()).build();
		}
		try (Connection connection = dataSource.getConnection()) {
			return connection.isValid(VALIDATION_SECONDS) ? Health.up().build() : Health.down().build();
		}
		catch (SQLException e) {
			return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
		}
	}
}
