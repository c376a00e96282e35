package dev.kervan.platform;

import java.util.Objects;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs reads whose best plan depends on the values looked for. A search for a rare word needs a different plan
 * from a search for a common one, but after a prepared statement has run a few times PostgreSQL may settle on
 * one generic plan for all values: at a million accounts that plan walked the whole name index, two seconds
 * instead of twenty milliseconds. Inside {@link #read}, every statement is planned for its own values.
 */
@Component
public class CustomPlans {

	private final TransactionTemplate readOnly;
	private final JdbcClient jdbc;

	CustomPlans(PlatformTransactionManager transactions, JdbcClient jdbc) {
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.jdbc = jdbc;
	}

	/** Runs the reads in a transaction (the caller's, if there is one) that plans each statement afresh. */
	public <T> T read(Supplier<T> reads) {
		return Objects.requireNonNull(readOnly.execute(status -> {
			forThisTransaction();
			return reads.get();
		}));
	}

	/** Plans each further statement of the current transaction afresh. */
	public void forThisTransaction() {
		jdbc.sql("select set_config('plan_cache_mode', 'force_custom_plan', true)").query().listOfRows();
	}
}
