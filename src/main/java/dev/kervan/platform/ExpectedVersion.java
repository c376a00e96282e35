package dev.kervan.platform;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The version of a record a client based its change on, taken from {@code If-Match} or from the body's
 * {@code version}; the one place that reads them. A change on a stale version is refused and changes nothing: 412
 * when the version came in {@code If-Match}, 409 when it came in the body ({@link VersionConflictException}).
 * {@code If-Match: *} matches whatever version the record has now.
 * <p>
 * A change without a version is refused with 428 when it is checked ({@link #verify}), after the record was found
 * and the caller's right to change it was: a missing record is still 404, a forbidden change 403.
 * <p>
 * A version is a whole number of zero or more: a JSON number, or a text of digits (as ids may be sent). Anything
 * else is refused with 400 naming {@code version} (or {@code If-Match}), also when {@code If-Match} is given as
 * well; then {@code If-Match} wins.
 */
public final class ExpectedVersion {

	private static final Pattern DIGITS = Pattern.compile("\\d+");
	private static final ExpectedVersion ANY = new ExpectedVersion(null, true, null);
	/** No version was given where none is needed: a change that loses a race is a plain conflict (409). */
	private static final ExpectedVersion UNCONDITIONAL = new ExpectedVersion(null, false, null);
	private static final ExpectedVersion MISSING = new ExpectedVersion(null, false, "error.version.required");
	private static final ExpectedVersion MISSING_ON_FORM = new ExpectedVersion(null, false, "error.version.missing-on-form");

	private final @Nullable Long value;
	private final boolean fromIfMatch;
	/** Why a change without a version is refused, or {@code null} when it may go without. */
	private final @Nullable String missing;

	private ExpectedVersion(@Nullable Long value, boolean fromIfMatch, @Nullable String missing) {
		this.value = value;
		this.fromIfMatch = fromIfMatch;
		this.missing = missing;
	}

	/**
	 * For a change of a record's fields (a PATCH): the client must say which version it read, in {@code If-Match}
	 * or in the body; without either the change is refused with 428, so that it cannot overwrite somebody else's.
	 */
	public static ExpectedVersion required(@Nullable String ifMatch, @Nullable JsonNode body) {
		return requiredVersion(ifMatch, bodyVersion(field(body)));
	}

	/**
	 * Like {@link #required(String, JsonNode)}, for controllers that bind the body to a record and keep its
	 * {@code version} as it was sent.
	 */
	public static ExpectedVersion requiredVersion(@Nullable String ifMatch, @Nullable SentVersion version) {
		ExpectedVersion expected = read(ifMatch, version);
		return expected == null ? MISSING : expected;
	}

	/**
	 * For an action on a record (win, qualify, hand over, cancel…): a version given is checked like for a change,
	 * none means the action applies to the record as it is now.
	 */
	public static ExpectedVersion optional(@Nullable String ifMatch, @Nullable JsonNode body) {
		return optionalVersion(ifMatch, bodyVersion(field(body)));
	}

	/** Like {@link #optional(String, JsonNode)}, for controllers that bind the body to a record with its {@code version}. */
	public static ExpectedVersion optionalVersion(@Nullable String ifMatch, @Nullable SentVersion version) {
		ExpectedVersion expected = read(ifMatch, version);
		return expected == null ? UNCONDITIONAL : expected;
	}

	/**
	 * The version a page's form was rendered with (its hidden {@code version} field); a form that does not send it
	 * is refused like an API change without one.
	 */
	public static ExpectedVersion fromForm(@Nullable Long version) {
		if (version == null) {
			return MISSING_ON_FORM;
		}
		if (version < 0) {
			throw InvalidInputException.of("version", SentVersion.INVALID);
		}
		return new ExpectedVersion(version, false, null);
	}

	/**
	 * Whatever version the record has: for changes made by Kervan itself on behalf of a whole file (an import that
	 * updates products by code), where nobody read a version.
	 */
	public static ExpectedVersion unconditional() {
		return UNCONDITIONAL;
	}

	/**
	 * Throws when the client named a version and the record's current one differs, or named none where one is
	 * required (428).
	 */
	public void verify(String recordType, Object recordId, long currentVersion) {
		if (missing != null) {
			throw new DomainException(ErrorKind.PRECONDITION_REQUIRED, missing);
		}
		if (value != null && value != currentVersion) {
			throw conflict(recordType, recordId, currentVersion);
		}
	}

	/**
	 * The refusal of a change that lost a race: the version matched when read, but the record changed before the
	 * write (a conditional update that changed no row).
	 */
	public VersionConflictException conflict(String recordType, Object recordId, long currentVersion) {
		return new VersionConflictException(recordType, recordId, currentVersion, fromIfMatch);
	}

	/** Whether the version came in {@code If-Match}, so that a conflict answers 412 rather than 409. */
	public boolean fromIfMatch() {
		return fromIfMatch;
	}

	/** The ETag of a record at the given version, as answered in {@code ETag} headers. */
	public static String etag(long version) {
		return "\"" + version + "\"";
	}

	private static @Nullable JsonNode field(@Nullable JsonNode body) {
		return body == null || !body.isObject() ? null : body.get("version");
	}

	private static @Nullable ExpectedVersion read(@Nullable String ifMatch, @Nullable SentVersion fromBody) {
		if (ifMatch != null && !ifMatch.isBlank()) {
			return ifMatch(ifMatch.strip());
		}
		return fromBody == null ? null : new ExpectedVersion(fromBody.number(), false, null);
	}

	/** {@code *}, {@code "3"}, {@code W/"3"} or a bare {@code 3}; a list of tags is not taken. */
	private static ExpectedVersion ifMatch(String header) {
		if (header.equals("*")) {
			return ANY;
		}
		String tag = header.startsWith("W/") ? header.substring(2) : header;
		if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
			tag = tag.substring(1, tag.length() - 1);
		}
		Long version = digits(tag);
		if (version == null) {
			throw InvalidInputException.of("If-Match", "error.if-match.invalid");
		}
		return new ExpectedVersion(version, true, null);
	}

	private static @Nullable SentVersion bodyVersion(@Nullable JsonNode version) {
		if (version == null || version.isNull()) {
			return null;
		}
		Long value = null;
		if (version.isIntegralNumber() && version.canConvertToLong()) {
			value = version.longValue();
		}
		else if (version.isString()) {
			value = digits(version.asString().strip());
		}
		if (value == null || value < 0) {
			throw InvalidInputException.of("version", SentVersion.INVALID);
		}
		return new SentVersion(value);
	}

	static @Nullable Long digits(String text) {
		if (!DIGITS.matcher(text).matches()) {
			return null;
		}
		try {
			return Long.parseLong(text);
		}
		catch (NumberFormatException tooLarge) {
			return null;
		}
	}
}
