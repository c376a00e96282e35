package dev.kervan.inventory;

/** What a move of the stock ledger does. */
public enum StockMoveType {
	/** Goods come into a warehouse. */
	RECEIPT,
	/** Goods leave a warehouse, to a customer or for use. */
	ISSUE,
	/** Goods go from one warehouse to another. */
	TRANSFER,
	/** A count corrects what is on hand, for a stated reason. */
	ADJUSTMENT
}
