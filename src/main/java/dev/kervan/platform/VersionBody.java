package dev.kervan.platform;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** The body of an action that carries nothing but the version it is based on (which may come as If-Match instead). */
public record VersionBody(@Schema(type = "integer", description = "The version the action is based on, unless sent as If-Match")
		@Nullable JsonNode version) {

	/** The body of an action sent without one. */
	public static @Nullable JsonNode versionOf(@Nullable VersionBody body) {
		return body == null ? null : body.version();
	}
}
