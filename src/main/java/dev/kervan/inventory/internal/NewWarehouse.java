package dev.kervan.inventory.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A warehouse to open: its code (unique, as other systems name it), name and address. */
@Schema(description = "A warehouse to open.")
public record NewWarehouse(@Size(max = Warehouses.CODE) String code, @Size(max = Warehouses.NAME) String name,
		@Size(max = Warehouses.ADDRESS) @Nullable String address) {
}
