package dev.kervan.catalog;

/**
 * A module that keeps records of products, such as the stock ledger. While a product is used so, what those
 * records were counted in — its unit and how its units are told apart — can no longer change.
 */
public interface ProductUse {

	boolean uses(long productId);
}
