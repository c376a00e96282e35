package dev.kervan.platform.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Whether Kervan's database can serve requests, known the moment it changes: while it is down, requests are
 * answered 503 at once instead of waiting for a connection, readiness refuses traffic, and liveness fails once
 * the database cannot be brought back (restarting Kervan is then the remedy).
 */
@Component
public class DatabaseAvailability implements EmbeddedPostgresServer.StateListener {

	private static final Logger log = LoggerFactory.getLogger(DatabaseAvailability.class);

	/** The states the database may be in, as far as Kervan knows. */
	public enum State {
		/** Serving. */
		UP,
		/** Stopped; being started again. */
		DOWN,
		/** Stopped, and starting it again keeps failing. */
		BROKEN
	}

	private final ApplicationEventPublisher events;
	private volatile State state = State.UP;

	DatabaseAvailability(ApplicationEventPublisher events) {
		this.events = events;
	}

	public State state() {
		return state;
	}

	public boolean isUp() {
		return state == State.UP;
	}

	@Override
	public void down() {
		change(State.DOWN);
		AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
	}

	@Override
	public void broken() {
		change(State.BROKEN);
		AvailabilityChangeEvent.publish(events, this, LivenessState.BROKEN);
	}

	@Override
	public void up() {
		State before = state;
		change(State.UP);
		if (before == State.BROKEN) {
			AvailabilityChangeEvent.publish(events, this, LivenessState.CORRECT);
		}
		AvailabilityChangeEvent.publish(events, this, ReadinessState.ACCEPTING_TRAFFIC);
	}

	private void change(State next) {
		if (state != next) {
			log.info("Database {}", next);
		}
		state = next;
	}
}
