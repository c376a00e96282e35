package dev.kervan.pipeline;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where an opportunity stands: still being worked on, or ended. The transitions are this enum's: an open
 * opportunity is won (on a won stage, or by hand) or lost (with a reason); a won or lost one is opened again
 * (reopened, or a won card dragged out of the won stage). Nothing else.
 */
public enum OpportunityStatus {

	OPEN, WON, LOST;

	private static final Map<OpportunityStatus, Set<OpportunityStatus>> NEXT = Map.of(
			OPEN, EnumSet.of(WON, LOST),
			WON, EnumSet.of(OPEN),
			LOST, EnumSet.of(OPEN));

	public boolean canTransitionTo(OpportunityStatus next) {
		return NEXT.get(this).contains(next);
	}

	/** Won or lost: counted in the statistics as ended. */
	public boolean isClosed() {
		return this != OPEN;
	}
}
