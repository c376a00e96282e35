package dev.kervan.inventory;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Inventory as other modules see it: what is in stock, and promising it to a document.
 */
public interface Inventory {

	/** The product's figures in every active warehouse, zeros included. */
	List<StockFigures> stockOf(long productId);

	/**
	 * Promises stock to a document; throws {@link NotEnoughStockException} when less is available, changing nothing.
	 *
	 * @return the reservation's id
	 */
	long reserve(long productId, long warehouseId, BigDecimal quantity, String referenceType, long referenceId,
			@Nullable Long customerId);

	/** Gives a reservation back; nothing happens when it is no longer active. */
	void release(long reservationId);
}
