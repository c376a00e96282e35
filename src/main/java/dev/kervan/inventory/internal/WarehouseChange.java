package dev.kervan.inventory.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.kervan.platform.Patch;
import dev.kervan.platform.SentVersion;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A change of a warehouse: only the fields sent change; code and name cannot be cleared, and a cleared
 * {@code active} opens it. The id of the warehouse as answered may be sent back: it is ignored.
 */
@Schema(description = "Only the fields sent change.")
@JsonIgnoreProperties({ "id" })
public record WarehouseChange(@Size(max = Warehouses.CODE) Patch<String> code, @Size(max = Warehouses.NAME) Patch<String> name,
		@Size(max = Warehouses.ADDRESS) Patch<String> address, Patch<Boolean> active,
		@Nullable SentVersion version) {
}
