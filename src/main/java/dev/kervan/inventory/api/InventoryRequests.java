package dev.kervan.inventory.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import dev.kervan.inventory.internal.StockMoveType;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * The request bodies of the inventory module's JSON operations, as the API reads them: the schemas of
 * {@code /v3/api-docs}. The controllers still hand the JSON to the services as a {@code PatchDocument}, which keeps a
 * PATCH's "absent stays, null clears" and refuses unknown fields; a controller that binds one of these records
 * instead must keep both.
 */
final class InventoryRequests {

	private InventoryRequests() {
	}

	record NewWarehouse(@Schema(maxLength = 60) String code, @Schema(maxLength = 120) String name,
			@Schema(maxLength = 500) @Nullable String address) {
	}

	@Schema(description = "Only the fields sent change.")
	record WarehouseChange(@Schema(maxLength = 60) @Nullable String code, @Schema(maxLength = 120) @Nullable String name,
			@Schema(maxLength = 500) @Nullable String address, @Nullable Boolean active, @Nullable Long version) {
	}

	@Schema(description = "A location (a shelf, a bin) in the warehouse.")
	record NewLocation(@Schema(maxLength = 40) String code, @Schema(maxLength = 120) @Nullable String name) {
	}

	@Schema(description = "A receipt, issue, transfer or adjustment, posted whole or not at all.")
	record NewStockMove(StockMoveType type, long warehouseId,
			@Schema(description = "Where a transfer goes; transfers only.") @Nullable Long toWarehouseId,
			@Schema(description = "Required for adjustments.", maxLength = 300) @Nullable String reason,
			@Schema(maxLength = 120) @Nullable String reference, @Schema(description = "Who an issue went to.") @Nullable Long customerId,
			@Schema(description = "At least one.") List<StockMoveLine> lines) {
	}

	@Schema(description = "A line of a stock move; refusals name it by its place, such as lines[2].quantity.")
	record StockMoveLine(long productId,
			@Schema(description = "Positive; for an adjustment the change (negative to remove), or give countedQuantity.") @Nullable BigDecimal quantity,
			@Schema(description = "A unit's code; the product's unit when absent.", maxLength = 20) @Nullable String unit,
			@Schema(description = "One per unit of a serial-numbered product received; the ones to issue, else the oldest.") @Nullable List<String> serials,
			@Schema(maxLength = 60) @Nullable String lot, @Nullable LocalDate expiry,
			@Schema(description = "Issues only: the reservation the line takes its stock from.") @Nullable Long reservationId,
			@Schema(description = "Adjustments only: the quantity counted, instead of quantity.") @Nullable BigDecimal countedQuantity) {
	}

	@Schema(description = "Reserves stock for a reference (or referenceType and referenceId).")
	record NewReservation(long productId, long warehouseId, BigDecimal quantity,
			@Schema(maxLength = 120) @Nullable String reference, @Schema(maxLength = 40) @Nullable String referenceType,
			@Nullable Long referenceId, @Nullable Long customerId,
			@Schema(description = "One unit of a serial-numbered product.", maxLength = 80) @Nullable String serial) {
	}
}
