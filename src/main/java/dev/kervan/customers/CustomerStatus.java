package dev.kervan.customers;

/** Where an account stands with us. */
public enum CustomerStatus {
	/** A prospect we have not sold to yet. */
	POTENTIAL,
	/** A customer or supplier we do business with. */
	ACTIVE,
	/** No longer active; kept for history. */
	PASSIVE
}
