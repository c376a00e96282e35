package dev.kervan.pipeline;

/** Where a lead stands: new, qualified (worth an opportunity), converted into one, or disqualified. */
public enum LeadStatus {
	NEW, QUALIFIED, CONVERTED, DISQUALIFIED
}
