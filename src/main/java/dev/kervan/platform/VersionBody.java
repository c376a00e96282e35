package dev.kervan.platform;

import org.jspecify.annotations.Nullable;

/** The body of an action that carries nothing but the version it is based on (which may come as If-Match instead). */
public record VersionBody(@Nullable SentVersion version) {

	/** The body of an action sent without one. */
	public static @Nullable SentVersion versionOf(@Nullable VersionBody body) {
		return body == null ? null : body.version();
	}
}
