package dev.kervan.pipeline.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.kervan.platform.Patch;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Renames a lost reason or retires it ({@code active} false). */
@JsonIgnoreProperties({ "id" })
public record LostReasonChange(Patch<String> name, Patch<Boolean> active,
		@Schema(type = "integer", description = "The version the change is based on, unless sent as If-Match")
		@Nullable JsonNode version) {
}
