package dev.kervan.platform;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The position after the last item of a keyset page: the sort key values of that item, encoded as an opaque
 * string. A client only hands it back; a tampered cursor is answered 400, never a 500.
 */
public final class Cursor {

	private static final char SEPARATOR = '\u001f';

	private final List<String> keys;

	private Cursor(List<String> keys) {
		this.keys = List.copyOf(keys);
	}

	public static String encode(Object... keys) {
		var joined = new StringBuilder();
		for (int i = 0; i < keys.length; i++) {
			if (i > 0) {
				joined.append(SEPARATOR);
			}
			joined.append(keys[i]);
		}
		return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.toString().getBytes(StandardCharsets.UTF_8));
	}

	/** The decoded cursor, or {@code null} for the first page. */
	public static @Nullable Cursor decode(@Nullable String cursor, int expectedKeys) {
		if (cursor == null || cursor.isBlank()) {
			return null;
		}
		try {
			String joined = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			List<String> keys = new ArrayList<>();
			int start = 0;
			for (int i = 0; i <= joined.length(); i++) {
				if (i == joined.length() || joined.charAt(i) == SEPARATOR) {
					keys.add(joined.substring(start, i));
					start = i + 1;
				}
			}
			if (keys.size() != expectedKeys) {
				throw invalid();
			}
			return new Cursor(keys);
		}
		catch (IllegalArgumentException e) {
			throw invalid();
		}
	}

	public String text(int index) {
		return keys.get(index);
	}

	public long number(int index) {
		try {
			return Long.parseLong(keys.get(index));
		}
		catch (NumberFormatException e) {
			throw invalid();
		}
	}

	private static InvalidInputException invalid() {
		return InvalidInputException.of("cursor", "error.cursor.invalid");
	}
}
