package dev.kervan.pipeline;

/** Where an opportunity stands: still being worked on, or ended. */
public enum OpportunityStatus {
	OPEN, WON, LOST
}
