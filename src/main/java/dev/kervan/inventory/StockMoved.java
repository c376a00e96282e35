package dev.kervan.inventory;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A stock move was posted to the ledger: goods came in, went out, moved between warehouses or were counted. Posted
 * moves never change; a correction is a move of its own, and another event.
 *
 * @param customerId who an issue went to, if anyone
 * @param lines what moved, as the ledger wrote it (a line split over lots is one line per lot)
 */
public record StockMoved(long moveId, String number, StockMoveType type, long warehouseId, @Nullable Long toWarehouseId,
		@Nullable Long customerId, Instant movedAt, List<Line> lines) {

	public StockMoved {
		lines = List.copyOf(lines);
	}

	/**
	 * A line of the move.
	 *
	 * @param quantity in the product's unit: positive into {@code warehouseId} (receipts, transfers to
	 *        {@code toWarehouseId}, adjustments up), negative out of it (issues, adjustments down)
	 * @param lot the lot, for products kept in lots
	 * @param serials the units' serial numbers, for serial-numbered products
	 * @param reservationId the reservation an issue fulfilled
	 */
	public record Line(long productId, BigDecimal quantity, @Nullable String lot, List<String> serials,
			@Nullable Long reservationId) {

		public Line {
			serials = List.copyOf(serials);
		}
	}
}
