package dev.kervan.platform;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The version of a record a client based its change on, taken from {@code If-Match} or from the body's
 * {@code version}. A change on a stale version is refused and changes nothing.
 */
public record ExpectedVersion(@Nullable Long value, boolean fromIfMatch) {

	/**
	 * Reads the version from an {@code If-Match} value ({@code "3"}, {@code W/"3"} or {@code 3}) or, without
	 * one, from the body; {@code If-Match} wins when both are given.
	 */
	public static ExpectedVersion of(@Nullable String ifMatch, @Nullable Long bodyVersion) {
		if (ifMatch != null && !ifMatch.isBlank()) {
			String tag = ifMatch.trim();
			if (tag.startsWith("W/")) {
				tag = tag.substring(2);
			}
			tag = tag.replace("\"", "");
			try {
				return new ExpectedVersion(Long.parseLong(tag), true);
			}
			catch (NumberFormatException e) {
				throw InvalidInputException.of("If-Match", "error.if-match.invalid");
			}
		}
		return new ExpectedVersion(bodyVersion, false);
	}

	/** Reads the version from {@code If-Match} or, without one, from the request body's {@code version} number. */
	public static ExpectedVersion fromRequest(@Nullable String ifMatch, @Nullable JsonNode body) {
		JsonNode version = body == null ? null : body.get("version");
		if (version != null && version.isIntegralNumber() && !version.canConvertToLong()) {
			throw InvalidInputException.of("version", "error.value.out-of-range");
		}
		return of(ifMatch, version != null && version.isIntegralNumber() ? version.asLong() : null);
	}

	/** Throws when the client named a version and the record's current one differs. */
	public void verify(String recordType, Object recordId, long currentVersion) {
		if (value != null && value != currentVersion) {
			throw new VersionConflictException(recordType, recordId, currentVersion, fromIfMatch);
		}
	}

	/** The ETag of a record at the given version, as answered in {@code ETag} headers. */
	public static String etag(long version) {
		return "\"" + version + "\"";
	}
}
