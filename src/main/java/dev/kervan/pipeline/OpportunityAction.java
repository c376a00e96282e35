package dev.kervan.pipeline;

import java.util.EnumSet;
import java.util.Set;

import dev.kervan.platform.DocumentAction;

/**
 * What can be done to an opportunity, and in which states: the one answer to "which buttons does the page show"
 * and "which actions does the API list". Whether a user may act at all (their own card, their team's) is the
 * policy's part; this is the document's.
 */
public enum OpportunityAction implements DocumentAction<OpportunityStatus> {

	/** Change its fields (title, revenue, customer, notes…), whatever its state. */
	CHANGE(EnumSet.allOf(OpportunityStatus.class), "error.pipeline.closed"),
	/** Drag the card to another stage or place: a lost card is off the board. */
	MOVE(EnumSet.of(OpportunityStatus.OPEN, OpportunityStatus.WON), "error.pipeline.closed"),
	WIN(EnumSet.of(OpportunityStatus.OPEN), "error.pipeline.closed"),
	LOSE(EnumSet.of(OpportunityStatus.OPEN), "error.pipeline.closed"),
	REOPEN(EnumSet.of(OpportunityStatus.WON, OpportunityStatus.LOST), "error.pipeline.not-closed");

	private final Set<OpportunityStatus> allowedIn;
	private final String refusal;

	OpportunityAction(Set<OpportunityStatus> allowedIn, String refusal) {
		this.allowedIn = allowedIn;
		this.refusal = refusal;
	}

	@Override
	public Set<OpportunityStatus> allowedIn() {
		return allowedIn;
	}

	@Override
	public String refusal() {
		return refusal;
	}

	/** The actions open to an opportunity in this state. */
	public static Set<OpportunityAction> availableIn(OpportunityStatus status) {
		return DocumentAction.availableIn(OpportunityAction.class, status);
	}
}
