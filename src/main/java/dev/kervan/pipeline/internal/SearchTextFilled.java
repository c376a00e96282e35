package dev.kervan.pipeline.internal;

import dev.kervan.platform.DataMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Gives the opportunities and leads from before {@code search_text} theirs, folded in Java as the application folds
 * them (SQL cannot fold Turkish i's and Persian letter forms the same way).
 */
@Component
class SearchTextFilled extends DataMigration {

	SearchTextFilled() {
		super("202612031912", "pipeline search text filled");
	}

	@Override
	public void migrate(Context context) {
		PipelineSearchText.fillMissing(JdbcClient.create(new SingleConnectionDataSource(context.getConnection(), true)));
	}
}
