package dev.kervan.pipeline;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a lead stands: new, qualified (worth an opportunity), converted into one, or disqualified. The transitions
 * are this enum's: a new lead is qualified; a new or qualified one is converted or disqualified; a disqualified one
 * is reopened (new again). A converted lead lives on as its opportunity.
 */
public enum LeadStatus {

	NEW, QUALIFIED, CONVERTED, DISQUALIFIED;

	private static final Map<LeadStatus, Set<LeadStatus>> NEXT = Map.of(
			NEW, EnumSet.of(QUALIFIED, CONVERTED, DISQUALIFIED),
			QUALIFIED, EnumSet.of(CONVERTED, DISQUALIFIED),
			CONVERTED, EnumSet.noneOf(LeadStatus.class),
			DISQUALIFIED, EnumSet.of(NEW));

	public boolean canTransitionTo(LeadStatus next) {
		return NEXT.get(this).contains(next);
	}

	/** Converted or disqualified: no longer followed up. */
	public boolean isClosed() {
		return this == CONVERTED || this == DISQUALIFIED;
	}
}
