package dev.kervan.inventory.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import dev.kervan.inventory.StockMoveType;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A receipt, issue, transfer or adjustment as entered, before it is posted: what the API reads, what the entry page
 * and the opening stock import make. {@link StockMoveChecks} checks it whole, against the catalog, the warehouses and
 * the accounts, and refuses it with every problem at once, each named by its field ({@code lines[2].quantity}); the
 * constraints here describe the API document, the checks enforce them. Posted, it becomes a move of the ledger that
 * never changes.
 */
@Schema(description = "A receipt, issue, transfer or adjustment, posted whole or not at all.")
public record StockMoveDraft(StockMoveType type,
		Long warehouseId,
		@Schema(description = "Where a transfer goes; transfers only.") @Nullable Long toWarehouseId,
		@Schema(description = "Required for adjustments.") @Size(max = StockMoveDraft.REASON) @Nullable String reason,
		@Size(max = StockMoveDraft.REFERENCE) @Nullable String reference,
		@Schema(description = "Who an issue went to.") @Nullable Long customerId,
		@NotEmpty List<Line> lines) {

	static final int REASON = 300;
	static final int REFERENCE = 120;

	/** A line: a product and how much of it, with the lot or the serial numbers where the product is kept by them. */
	@Schema(name = "StockMoveDraftLine", description = "Refusals name a line by its place, such as lines[2].quantity.")
	public record Line(Long productId,
			@Schema(description = "Positive; for an adjustment the change (negative to remove), or give countedQuantity.")
			@Nullable BigDecimal quantity,
			@Schema(description = "A unit's code; the product's unit when absent.") @Size(max = Line.UNIT) @Nullable String unit,
			@Schema(description = "One per unit of a serial-numbered product received (each at most 80 characters); the ones "
					+ "to issue, else the oldest.") @Nullable List<@Nullable String> serials,
			@Size(max = Line.LOT) @Nullable String lot, @Nullable LocalDate expiry,
			@Schema(description = "Issues only: the reservation the line takes its stock from.") @Nullable Long reservationId,
			@Schema(description = "Adjustments only: the quantity counted, instead of quantity.") @Nullable BigDecimal countedQuantity) {

		static final int UNIT = 20;
		static final int SERIAL = 80;
		static final int LOT = 60;

		/** A line of a receipt: a quantity in the product's unit, its lot and expiry, its serial numbers. */
		public static Line received(long productId, BigDecimal quantity, @Nullable String lot, @Nullable LocalDate expiry,
				List<String> serials) {
			return new Line(productId, quantity, null, serials, lot, expiry, null, null);
		}
	}

	/** A receipt into a warehouse. */
	public static StockMoveDraft receipt(long warehouseId, @Nullable String reason, @Nullable String reference,
			List<Line> lines) {
		return new StockMoveDraft(StockMoveType.RECEIPT, warehouseId, null, reason, reference, null, lines);
	}
}
