package dev.kervan.catalog.internal;

/** Where a product is in its life: from a proposal to the end of its life. */
public enum ProductStage {
	PROPOSAL, TEST, SAMPLE, ACTIVE, END_OF_LIFE
}
