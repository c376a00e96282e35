package dev.kervan.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import dev.kervan.platform.KervanProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The clock of the integration tests' application. It is the system's clock in the configured zone, as in
 * production, until a test sets it to a moment ({@link #setTo}); the test puts it back with {@link #reset()} in a
 * {@code finally}, so that no other test sees the moment it chose. The zone of the moment stands for
 * {@code kervan.time-zone}: "today" and the year are taken in it.
 */
public final class SettableClock extends Clock {

	private final Clock system;
	private volatile Clock current;

	SettableClock(Clock system) {
		this.system = system;
		this.current = system;
	}

	/** Stops the clock at a moment, in the moment's zone. */
	public void setTo(ZonedDateTime moment) {
		current = Clock.fixed(moment.toInstant(), moment.getZone());
	}

	/** Back to the system's clock. */
	public void reset() {
		current = system;
	}

	@Override
	public ZoneId getZone() {
		return current.getZone();
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return current.withZone(zone);
	}

	@Override
	public Instant instant() {
		return current.instant();
	}

	/** Puts the settable clock in the place of the application's. */
	@TestConfiguration(proxyBeanMethods = false)
	static class ClockConfiguration {

		@Bean
		@Primary
		SettableClock settableClock(KervanProperties properties) {
			return new SettableClock(Clock.system(properties.displayZone()));
		}
	}
}
