package dev.kervan.pipeline.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.kervan.platform.Patch;
import dev.kervan.platform.SentVersion;
import org.jspecify.annotations.Nullable;

/** Renames a lost reason or retires it ({@code active} false). */
@JsonIgnoreProperties({ "id" })
public record LostReasonChange(Patch<String> name, Patch<Boolean> active,
		@Nullable SentVersion version) {
}
