package dev.kervan.inventory.internal;

import java.math.BigDecimal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Stock to promise: a quantity of a product in a warehouse, for a reference in words or a document. */
@Schema(description = "Reserves stock for a reference (or referenceType and referenceId).")
public record NewReservation(Long productId, Long warehouseId, BigDecimal quantity,
		@Schema(description = "What the stock is for; referenceType and referenceId make one when absent.")
		@Size(max = NewReservation.REFERENCE) @Nullable String reference,
		@Size(max = NewReservation.REFERENCE_TYPE) @Nullable String referenceType, @Nullable Long referenceId,
		@Nullable Long customerId,
		@Schema(description = "One unit of a serial-numbered product.") @Size(max = NewReservation.SERIAL) @Nullable String serial) {

	static final int REFERENCE = 120;
	static final int REFERENCE_TYPE = 40;
	static final int SERIAL = 80;
}
