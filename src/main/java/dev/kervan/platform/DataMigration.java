package dev.kervan.platform;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A migration that needs the application's own code (text folded as {@link SearchText} folds it, which SQL cannot
 * do), declared as a bean: Flyway runs it in its version's place among the SQL migrations, in the transaction of its
 * own. Its checksum stays 1: a data migration is written once and never changed after it ran.
 */
public abstract class DataMigration implements JavaMigration {

	private final MigrationVersion version;
	private final String description;

	protected DataMigration(String version, String description) {
		this.version = MigrationVersion.fromVersion(version);
		this.description = description;
	}

	@Override
	public final MigrationVersion getVersion() {
		return version;
	}

	@Override
	public final String getDescription() {
		return description;
	}

	@Override
	public final Integer getChecksum() {
		return 1;
	}

	@Override
	public final boolean canExecuteInTransaction() {
		return true;
	}
}
