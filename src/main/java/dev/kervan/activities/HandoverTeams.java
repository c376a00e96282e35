package dev.kervan.activities;

import java.util.Map;
import java.util.Optional;

/**
 * Teams an activity can be handed to as a whole, declared as a bean by the module that keeps teams (pipeline: the
 * sales teams). Without one, activities are handed to people only.
 */
public interface HandoverTeams {

	/** The active teams by id, in name order. */
	Map<Long, String> active();

	/** Who takes work handed to the team (its leader, or a member when it has none); empty for an unknown or inactive team. */
	Optional<Long> taker(long team);
}
