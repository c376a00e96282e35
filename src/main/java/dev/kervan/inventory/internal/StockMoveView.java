package dev.kervan.inventory.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dev.kervan.inventory.StockMoveType;
import dev.kervan.platform.Decimals;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A move of the stock ledger with its lines. A line's {@code baseQuantity} is in the product's unit: positive
 * into the warehouse for receipts and transfers, negative out of it for issues, and the change an adjustment made.
 */
public record StockMoveView(long id, String number, StockMoveType type, long warehouseId, String warehouseCode,
		@Nullable Long toWarehouseId, @Nullable String toWarehouseCode, @Nullable String reason, @Nullable String reference,
		@Nullable Long customerId, Instant movedAt, String createdBy, List<Line> lines) {

	@Schema(name = "StockMoveViewLine")
	public record Line(long id, long productId, String productCode, String productName, BigDecimal quantity, String unit,
			BigDecimal baseQuantity, String lot, @Nullable LocalDate expiry, @Nullable Long reservationId, List<String> serials) {

		public Line {
			quantity = Decimals.quantity(quantity);
			baseQuantity = Decimals.quantity(baseQuantity);
		}
	}
}
