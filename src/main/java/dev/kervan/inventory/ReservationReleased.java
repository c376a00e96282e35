package dev.kervan.inventory;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A reservation was given back before it was issued: its quantity is available again. A reservation an issue
 * fulfilled is not released; that issue is a {@link StockMoved} line naming it.
 *
 * @param quantity in the product's unit, what the reservation still held
 * @param referenceType what the stock was promised to (a document's type), when a document reserved it
 */
public record ReservationReleased(long reservationId, long productId, long warehouseId, BigDecimal quantity,
		@Nullable Long customerId, @Nullable String referenceType, @Nullable Long referenceId, Instant releasedAt) {
}
