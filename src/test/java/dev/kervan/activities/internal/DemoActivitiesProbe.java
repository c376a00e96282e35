package dev.kervan.activities.internal;

import java.time.Clock;

import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Runs the activities' demo loader from a test of another package, twice, to show it loads once. */
public final class DemoActivitiesProbe {

	private final DemoActivities demo;

	public DemoActivitiesProbe(JdbcClient jdbc, Clock clock) {
		this.demo = new DemoActivities(jdbc, clock);
	}

	public void runTwice() {
		demo.run(new DefaultApplicationArguments());
		demo.run(new DefaultApplicationArguments());
	}
}
