package dev.kervan.pipeline;

import java.util.EnumSet;
import java.util.Set;

import dev.kervan.platform.DocumentAction;

/**
 * What can be done to a lead, and in which states: which buttons its page shows and which actions the API lists.
 * Whether the user may act on the lead at all is the policy's part.
 */
public enum LeadAction implements DocumentAction<LeadStatus> {

	/** Change its fields while it is followed up. */
	CHANGE(EnumSet.of(LeadStatus.NEW, LeadStatus.QUALIFIED), "error.lead.closed"),
	QUALIFY(EnumSet.of(LeadStatus.NEW), "error.lead.closed"),
	DISQUALIFY(EnumSet.of(LeadStatus.NEW, LeadStatus.QUALIFIED), "error.lead.closed"),
	/** Turn it into an opportunity (for an existing account or a new one). */
	CONVERT(EnumSet.of(LeadStatus.NEW, LeadStatus.QUALIFIED), "error.lead.closed"),
	REOPEN(EnumSet.of(LeadStatus.DISQUALIFIED), "error.lead.not-disqualified");

	private final Set<LeadStatus> allowedIn;
	private final String refusal;

	LeadAction(Set<LeadStatus> allowedIn, String refusal) {
		this.allowedIn = allowedIn;
		this.refusal = refusal;
	}

	@Override
	public Set<LeadStatus> allowedIn() {
		return allowedIn;
	}

	@Override
	public String refusal() {
		return refusal;
	}

	/** The actions open to a lead in this state. */
	public static Set<LeadAction> availableIn(LeadStatus status) {
		return DocumentAction.availableIn(LeadAction.class, status);
	}
}
