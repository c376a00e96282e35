package dev.kervan.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.stereotype.Service;

/**
 * Background jobs on db-scheduler: modules declare their jobs as {@link Task} beans (one-time jobs they schedule
 * here, recurring ones that start by themselves). Jobs are rows in PostgreSQL, so with several instances each
 * runs once, and a job scheduled in a transaction exists only if the transaction commits.
 */
@Service
public class BackgroundJobs implements SmartLifecycle {

	private final Scheduler scheduler;
	private volatile boolean running;

	BackgroundJobs(DataSource dataSource, List<Task<?>> tasks, @Value("${kervan.jobs.polling-interval:10s}") Duration polling) {
		List<RecurringTask<?>> recurring = tasks.stream().filter(RecurringTask.class::isInstance)
			.<RecurringTask<?>>map(task -> (RecurringTask<?>) task).toList();
		this.scheduler = Scheduler.create(new TransactionAwareDataSourceProxy(dataSource),
				tasks.stream().filter(task -> !(task instanceof RecurringTask)).toList())
			.startTasks(recurring)
			.pollingInterval(polling)
			.threads(2)
			// A job still running at shutdown is picked up again after the restart (its heartbeat stops).
			.shutdownMaxWait(Duration.ofSeconds(5))
			.build();
	}

	/** Runs a job once at the given time (now, for as soon as possible); nothing if it is scheduled already. */
	public void schedule(TaskInstance<?> instance, Instant at) {
		scheduler.scheduleIfNotExists(instance, at);
	}

	@Override
	public void start() {
		scheduler.start();
		running = true;
	}

	@Override
	public void stop() {
		scheduler.stop();
		running = false;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** After the web server, before the pool closes: jobs need the database until they stop. */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 2048;
	}
}
