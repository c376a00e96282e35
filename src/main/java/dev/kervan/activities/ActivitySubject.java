package dev.kervan.activities;

/** The kinds of record an activity can be planned on. */
public enum ActivitySubject {
	CUSTOMER, OPPORTUNITY, LEAD
}
