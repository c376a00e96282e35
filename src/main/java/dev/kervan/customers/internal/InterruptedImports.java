package dev.kervan.customers.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Imports that were running when their Kervan stopped (a crash, {@code kill -9}, a power cut) are marked FAILED,
 * with the progress they had, so that whoever started them sees it and runs the file again. A running import
 * holds a PostgreSQL advisory lock on a connection of its own; the database lets the lock go when that
 * connection dies with its Kervan, so a RUNNING import whose lock is free has nobody running it, on any instance.
 * Checked when Kervan starts and every minute after (for an instance that died while others run on).
 */
@Component
class InterruptedImports {

	private static final Logger log = LoggerFactory.getLogger(InterruptedImports.class);
	/** The advisory lock space of customer imports (the first key of PostgreSQL's two-key locks). */
	private static final int LOCK_SPACE = 0x4b76_4349;
	/** A job's runner takes its lock right after the job is recorded; a younger job may not have it yet. */
	private static final Duration GRACE = Duration.ofSeconds(10);

	private final JdbcClient jdbc;

	InterruptedImports(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A running import's claim: while it is open, the import counts as running. */
	interface Running extends AutoCloseable {

		@Override
		void close();
	}

	/** Claims the import for the caller's thread, on a connection of its own that it keeps until closed. */
	static Running markRunning(DataSource dataSource, UUID job) {
		try {
			Connection connection = dataSource.getConnection();
			try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_lock(?, hashtext(?))")) {
				lock.setInt(1, LOCK_SPACE);
				lock.setString(2, job.toString());
				lock.execute();
			}
			catch (SQLException e) {
				connection.close();
				throw e;
			}
			return () -> {
				try (connection; PreparedStatement unlock = connection.prepareStatement("select pg_advisory_unlock(?, hashtext(?))")) {
					unlock.setInt(1, LOCK_SPACE);
					unlock.setString(2, job.toString());
					unlock.execute();
				}
				catch (SQLException e) {
					log.debug("Could not let go of import {}; its connection ends anyway", job, e);
				}
			};
		}
		catch (SQLException e) {
			throw new IllegalStateException("Cannot claim import " + job, e);
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	void atStart() {
		failAbandoned();
	}

	@Bean
	RecurringTask<Void> abandonedImportsCheck() {
		return Tasks.recurring("customer-imports-abandoned", FixedDelay.ofMinutes(1)).execute((instance, context) -> failAbandoned());
	}

	/** Marks every import nobody runs any more FAILED; answers how many. */
	int failAbandoned() {
		int failed = jdbc.sql("""
				update customer_import set status = 'FAILED', interrupted = true, finished_at = now()
				where status = 'RUNNING' and started_at < now() - make_interval(secs => :grace)
				  and pg_try_advisory_xact_lock(:space, hashtext(id::text))""")
			.param("grace", GRACE.toSeconds())
			.param("space", LOCK_SPACE)
			.update();
		if (failed > 0) {
			log.warn("{} customer import(s) stopped when Kervan stopped; marked FAILED, to be run again", failed);
		}
		return failed;
	}
}
