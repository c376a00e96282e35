package dev.kervan.catalog;

/** How the units of a product are told apart in stock. */
public enum Tracking {
	/** Units are only counted. */
	NONE,
	/** Units belong to lots, each with an expiry date; the first to expire goes out first. */
	LOT,
	/** Every unit has its own serial number, followed from receipt to the customer and into service. */
	SERIAL
}
