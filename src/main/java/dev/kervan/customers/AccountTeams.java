package dev.kervan.customers;

import java.util.List;

import dev.kervan.platform.Option;

/**
 * The sales teams an account may be looked after by. The pipeline keeps sales teams and implements this; the
 * account only holds the team's id.
 */
public interface AccountTeams {

	/** The active sales teams, as a form offers them (id, name). */
	List<Option> choices();

	/** Whether an active sales team has this id. */
	boolean isActive(long teamId);
}
