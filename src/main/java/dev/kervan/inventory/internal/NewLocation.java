package dev.kervan.inventory.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A place in a warehouse (an aisle, a shelf, a bin), by a code unique in the warehouse. */
@Schema(description = "A location (a shelf, a bin) in the warehouse.")
public record NewLocation(@Size(max = Warehouses.LOCATION_CODE) String code, @Size(max = Warehouses.NAME) @Nullable String name) {
}
