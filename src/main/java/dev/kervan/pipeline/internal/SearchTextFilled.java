package dev.kervan.pipeline.internal;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Gives the opportunities and leads from before {@code search_text} theirs, folded in Java as the application folds
 * them (SQL cannot fold Turkish i's and Persian letter forms the same way).
 */
@Component
class SearchTextFilled implements JavaMigration {

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("202612031912");
	}

	@Override
	public String getDescription() {
		return "pipeline search text filled";
	}

	@Override
	public Integer getChecksum() {
		return 1;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) {
		PipelineSearchText.fillMissing(JdbcClient.create(new SingleConnectionDataSource(context.getConnection(), true)));
	}
}
